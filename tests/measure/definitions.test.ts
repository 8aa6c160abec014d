import { describe, expect, it } from 'vitest';
import { buildResult, DEFAULT_FINDING_OPTIONS } from '../../src/measure/build.js';
import { oracleFigures } from '../../src/measure/oracle.js';
import type { GoalPlan, InventoryPlan } from '../../src/measure/plan.js';
import type { MeasureResult } from '../../src/measure/result.js';
import { measureWithDuckdb } from '../../src/measure/run.js';
import type { MetricSpec, NormalizedEvent } from '../../src/measure/spec.js';
import { comparable } from '../helpers/measure-engines.js';
import { seeded } from '../helpers/measure-random.js';

const CLICKSTREAM = 'fixtures/measure/clickstream.csv';
const spec = (overrides: Partial<MetricSpec> = {}): MetricSpec => ({
  steps: ['ad_click', 'signup', 'purchase'],
  windowMs: 7 * 86_400_000,
  goal: true,
  topVariants: 10,
  segments: 10,
  stages: false,
  inventory: false,
  unplannedLimit: 100,
  ...overrides,
});
const purchase: GoalPlan = { label: 'purchase', predicates: [{ column: null, value: 'purchase' }], touchpoint: null };

async function measure(
  file: string,
  metricSpec = spec(),
  plan: InventoryPlan | null = null,
  goal: GoalPlan | null = purchase,
  columns = {},
): Promise<{ result: MeasureResult; events: NormalizedEvent[]; figures: ReturnType<typeof oracleFigures>; spec: MetricSpec }> {
  const run = await measureWithDuckdb(file, { columns, threads: 2, keepEvents: true }, plan, goal, metricSpec);
  const result = buildResult({
    reading: run.reading,
    figures: run.figures,
    spec: run.spec,
    plan,
    goal,
    windowText: metricSpec.windowMs === null ? null : '7d',
    findingOptions: DEFAULT_FINDING_OPTIONS,
  });
  return { result, events: run.events!, figures: run.figures, spec: run.spec };
}

const tp = (result: MeasureResult, name: string) => result.touchpoints.find((t) => t.name === name)!;

describe('the definitions, pinned on the clickstream fixture (worked out by hand in scripts/fixtures/measure.mjs)', () => {
  it('counts users, events and what it leaves out', async () => {
    const { result } = await measure(CLICKSTREAM);
    expect(result.users).toBe(8);
    expect(result.events).toBe(25);
    expect(result.rows).toBe(28);
    expect(result.excluded.map((e) => [e.reason.split(' (')[0], e.rows])).toEqual([
      ['without a user id', 1],
      ['with a time that cannot be read', 1],
      ['repeating an event of the same user at the same time', 1],
    ]);
    expect(result.excluded[1]!.example).toBe('last tuesday');
    expect(result.first).toBe('2024-03-01T08:00:00.000Z');
    expect(result.last).toBe('2024-03-22T12:00:00.000Z');
    expect(result.columns).toEqual({ user: 'user_id', time: 'timestamp', event: 'event', segment: 'persona' });
  });

  it('reach, share, drop-off and conversion', async () => {
    const { result } = await measure(CLICKSTREAM);
    expect(tp(result, 'ad_click')).toMatchObject({ users: 7, share: 7 / 8, dropOff: 1 / 7, conversion: 4 / 7 });
    expect(tp(result, 'page_view')).toMatchObject({ users: 5, dropOff: 3 / 5 });
    // u8 buys before the ad: a goal event before the touchpoint does not convert it.
    expect(tp(result, 'purchase')).toMatchObject({ users: 5, dropOff: 4 / 5, conversion: 1, goal: true });
  });

  it('the funnel within 7 days: any ad click starts an attempt, the furthest counts, an open window is not a drop', async () => {
    const { result } = await measure(CLICKSTREAM);
    expect(result.funnel!.map((s) => [s.step, s.users, s.dropped, s.open])).toEqual([
      ['ad_click', 7, 3, 0],
      ['signup', 4, 0, 1],
      ['purchase', 3, 0, 0],
    ]);
    // From the ad to the sign-up: 10 min (u1), 0 (u4's tie), 24 h (u5), 1 h (u7); the median of four is the mean of the middle two.
    expect(result.funnel![1]!.medianHoursFromPrevious).toBeCloseTo((10 / 60 + 1) / 2, 9);
    expect(result.funnel![2]!.medianHoursFromPrevious).toBeCloseTo(24, 9);
  });

  it('without a window every later step counts, and no window is open', async () => {
    const { result } = await measure(CLICKSTREAM, spec({ windowMs: null }));
    expect(result.funnel!.map((s) => [s.users, s.open])).toEqual([
      [7, 0],
      [5, 0],
      [4, 0],
    ]);
  });

  it('variants: whole routes in time order, ties in file order, ranked by users', async () => {
    const { result } = await measure(CLICKSTREAM);
    expect(result.variants.count).toBe(7);
    expect(result.variants.top[0]).toEqual({ steps: ['ad_click', 'page_view', 'signup', 'purchase'], users: 2, share: 0.25 });
    expect(result.variants.top.map((v) => v.steps.join(' '))).toContain('signup ad_click signup purchase');
    const top2 = await measure(CLICKSTREAM, spec({ topVariants: 2 }));
    expect(top2.result.variants.other).toEqual({ variants: 5, users: 5, share: 5 / 8 });
  });

  it('segments: every figure for the segment and for everyone else', async () => {
    const { result } = await measure(CLICKSTREAM);
    const buyer = result.segments!.values.find((v) => v.value === 'Buyer')!;
    expect(buyer.figures.users).toBe(4);
    expect(buyer.rest.users).toBe(4);
    expect(buyer.figures.funnel!.map((s) => s.users)).toEqual([4, 2, 1]);
    expect(buyer.rest.funnel!.map((s) => s.users)).toEqual([3, 2, 2]);
  });

  it('reads the same figures from gzip CSV, JSON lines and Parquet', async () => {
    const base = comparable((await measure(CLICKSTREAM)).figures);
    for (const file of ['fixtures/measure/clickstream.csv.gz', 'fixtures/measure/clickstream.jsonl', 'fixtures/measure/clickstream.parquet']) {
      expect(comparable((await measure(file)).figures), file).toEqual(base);
    }
  });

  it('reads the process log the same from CSV, XES and gzip XES', async () => {
    const processSpec = spec({ steps: ['Create order', 'Ship', 'Receive payment'], windowMs: null, goal: false, segments: 0 });
    const csv = await measure('fixtures/measure/process.csv', processSpec, null, null);
    expect(csv.result.columns).toMatchObject({ user: 'case:concept:name', time: 'time:timestamp', event: 'concept:name' });
    expect(csv.result.users).toBe(12);
    for (const file of ['fixtures/measure/process.xes', 'fixtures/measure/process.xes.gz'])
      expect(comparable((await measure(file, processSpec, null, null)).figures), file).toEqual(comparable(csv.figures));
  });

  it('DuckDB agrees with the oracle on every fixture', async () => {
    for (const [file, goal, columns] of [
      [CLICKSTREAM, purchase, {}],
      [
        'fixtures/measure/marketing.jsonl',
        { label: 'interaction=conversion', predicates: [{ column: 'interaction', value: 'conversion' }], touchpoint: null },
        { event: 'channel' },
      ],
      ['fixtures/measure/process.csv', null, {}],
    ] as const) {
      const s = spec({ steps: file === CLICKSTREAM ? ['ad_click', 'signup', 'purchase'] : null, goal: goal !== null });
      const run = await measure(file, s, null, goal as GoalPlan | null, columns);
      expect(comparable(run.figures), file).toEqual(comparable(oracleFigures(run.events, run.spec)));
    }
  });
});

describe('the funnel of the oracle is the furthest step of any attempt', () => {
  it('agrees with a brute force over every choice of events on random small routes', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 300; trial++) {
      const events: NormalizedEvent[] = [];
      const count = 1 + Math.floor(random() * 8);
      for (let i = 0; i < count; i++)
        events.push({ u: 'u', t: Math.floor(random() * 6) * 10, seq: i, tp: 'ABC'[Math.floor(random() * 3)]!, g: 0, e: '', sg: null, st: null });
      const windowMs = random() < 0.5 ? null : 10 + Math.floor(random() * 3) * 10;
      const figures = oracleFigures(events, {
        steps: ['A', 'B', 'C'],
        windowMs,
        goal: false,
        topVariants: 1,
        segments: 0,
        stages: false,
        inventory: false,
        unplannedLimit: 0,
      });
      const reached = figures.get('*')!.funnel!.filter((step) => step.users > 0).length;
      expect(reached, JSON.stringify({ events, windowMs })).toBe(bruteForce(events, ['A', 'B', 'C'], windowMs));
    }
  });
});

/** The most steps of any chain of distinct events, steps in order, each at or after the previous one's time, all within the window of the first. */
function bruteForce(events: NormalizedEvent[], steps: string[], windowMs: number | null): number {
  let best = 0;
  const extend = (k: number, start: number, previous: number, used: Set<number>) => {
    best = Math.max(best, k);
    if (k === steps.length) return;
    for (const event of events) {
      if (used.has(event.seq) || event.tp !== steps[k] || event.t < previous || (windowMs !== null && k > 0 && event.t - start > windowMs)) continue;
      extend(k + 1, k === 0 ? event.t : start, event.t, new Set([...used, event.seq]));
    }
  };
  extend(0, 0, -Infinity, new Set());
  return best;
}
