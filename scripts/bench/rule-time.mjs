// Times the rules alone on one inventory, in process: load and normalize first (not timed), then each
// enabled rule's check, and all of them as the engine runs them. Prints JSON.
// Usage: node scripts/bench/rule-time.mjs <inventory> [rule-id]
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../../dist/config/resolve.js';
import { enabledRules, runRules, today } from '../../dist/engine/run.js';
import { openInventoryFile } from '../../dist/load/index.js';
import { DEFAULT_READ_LIMITS } from '../../dist/load/limits.js';
import { Normalizer } from '../../dist/model/normalize.js';

// Loaded as journey audit loads it: a workbook whole, a CSV streamed row by row into the model.
const config = resolveConfig();
const source = await openInventoryFile(process.argv[2], { limits: { ...DEFAULT_READ_LIMITS, readTimeoutSeconds: 600 } });
const normalizer = new Normalizer(config.normalize);
if (source.kind === 'xlsx') normalizer.add(source.loaded);
else await normalizer.addStreamed(source.file, source.read);
const model = normalizer.model();
const date = today();
// The engine's run first, on a fresh heap: every enabled rule, fingerprints and sorting.
let start = performance.now();
const findings = runRules(model, enabledRules(config), config.settings, date);
const total = Math.round(performance.now() - start);
// Then each rule on its own, for the breakdown.
const only = process.argv[3];
const perRule = {};
for (const { rule, options } of enabledRules(config)) {
  if (only && rule.id !== only) continue;
  start = performance.now();
  rule.check({ model, options, settings: config.settings, today: date });
  perRule[rule.id] = Math.round(performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ touchpoints: model.touchpoints.length, findings: findings.length, totalMs: total, perRule })}\n`);
