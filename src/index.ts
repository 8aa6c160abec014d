// The programmatic API of journey-audit: `import { audit, loadInventory, rules, formatters } from 'journey-audit'`.
// The CLI goes through the same engine (src/engine/inputs.ts, audit.ts, pipeline.ts); every type here is
// from src/api/types.ts, so the published declarations need nothing else installed.
import type { Readable } from 'node:stream';
import type { AuditOptions, AuditResult, AuditTarget, FormatName, FormatOptions, FormatterFunction, Inventory, RuleInfo } from './api/types.js';
import { ConfigResolver } from './config/load.js';
import { ConfigError, InputError } from './errors.js';
import { audit as auditEngine } from './engine/audit.js';
import { expandTargets } from './engine/inputs.js';
import { readInventory } from './engine/pipeline.js';
import { FORMATTERS } from './formatters/index.js';
import { RULES } from './rules/index.js';
import { journeyVersion } from './version.js';

export type * from './api/types.js';
export { ConfigError, InputError };

/** journey's version (from its package.json). */
export const version: string = journeyVersion();

/**
 * Audits inventories: each file or folder (folders are walked for .xlsx, .xlsm, .csv, .tsv and inventory
 * markdown) with the config that applies to it. A file that cannot be read is in `result.files` with its
 * `error`; a bad config throws ConfigError.
 */
export async function audit(targets: AuditTarget | AuditTarget[], options: AuditOptions = {}): Promise<AuditResult> {
  const list = Array.isArray(targets) ? targets : [targets];
  const inputs = await expandTargets(list.map((target) => (typeof target === 'string' ? target : { stream: target.stream as Readable, name: target.name })));
  const configs = new ConfigResolver(options.configFile ?? null);
  const result = await auditEngine(inputs, {
    configs,
    sheets: options.sheets,
    readTimeoutSeconds: options.readTimeoutSeconds,
    overview: options.overview ?? false,
    state: options.state,
  });
  return result as AuditResult;
}

/** Reads one inventory file into the model the rules check, without running them. Throws InputError when it cannot be read. */
export async function loadInventory(path: string, options: Pick<AuditOptions, 'configFile' | 'sheets' | 'readTimeoutSeconds'> = {}): Promise<Inventory> {
  const config = await new ConfigResolver(options.configFile ?? null).forFile(path);
  const { model } = await readInventory({ path }, config, { sheets: options.sheets, readTimeoutSeconds: options.readTimeoutSeconds });
  return model as Inventory;
}

/** Every rule, in id order, with its docs and default options. */
export const rules: readonly RuleInfo[] = RULES.map((rule) => ({
  id: rule.id,
  description: rule.description,
  defaultSeverity: rule.defaultSeverity,
  docs: { ...rule.docs },
  defaultOptions: rule.options.parse({}) as Record<string, unknown>,
}));

/** Each output format as a function from a result to its text. */
export const formatters = Object.fromEntries(
  Object.entries(FORMATTERS).map(([name, load]) => [
    name,
    async (result: AuditResult, options: FormatOptions = {}) => {
      const format = await load();
      const output = format(result as never, { color: options.color ?? false, width: options.width ?? 100, cwd: options.cwd ?? process.cwd() });
      return typeof output === 'string' ? output : [...output].join('');
    },
  ]),
) as Record<FormatName, FormatterFunction>;
