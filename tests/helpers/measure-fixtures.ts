import { execFileSync } from 'node:child_process';
import type { GoalPlan } from '../../src/measure/plan.js';
import type { MetricSpec, NormalizedEvent } from '../../src/measure/spec.js';

const base: MetricSpec = { steps: null, windowMs: null, goal: false, topVariants: 10, segments: 10, stages: false, inventory: false, unplannedLimit: 100 };

/** The fixture logs every engine is compared with the oracle on, with the flags they are measured with. */
export const FIXTURE_CASES: { file: string; spec: MetricSpec; goal: GoalPlan | null; columns: Record<string, string> }[] = [
  {
    file: 'fixtures/measure/clickstream.csv',
    spec: { ...base, steps: ['ad_click', 'signup', 'purchase'], windowMs: 7 * 86_400_000, goal: true },
    goal: { label: 'purchase', predicates: [{ column: null, value: 'purchase' }], touchpoint: null },
    columns: {},
  },
  {
    file: 'fixtures/measure/marketing.jsonl',
    spec: { ...base, steps: ['Social', 'Email'], windowMs: 86_400_000, goal: true },
    goal: { label: 'interaction=conversion', predicates: [{ column: 'interaction', value: 'conversion' }], touchpoint: null },
    columns: { event: 'channel' },
  },
  { file: 'fixtures/measure/process.xes', spec: { ...base, steps: ['Create order', 'Ship', 'Receive payment'] }, goal: null, columns: {} },
];

/** A fixture's normalized events as DuckDB reads them, from the built code in a process of its own (so chdb's process never loads DuckDB). */
export function fixtureEvents(index: number): { events: NormalizedEvent[]; spec: MetricSpec } {
  const script = `
    const { measureWithDuckdb } = await import('./dist/measure/run.js');
    const c = JSON.parse(process.argv[1]);
    const run = await measureWithDuckdb(c.file, { columns: c.columns, threads: 1, keepEvents: true }, null, c.goal, c.spec);
    process.stdout.write(JSON.stringify({ events: run.events, spec: run.spec }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(FIXTURE_CASES[index])], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  );
}
