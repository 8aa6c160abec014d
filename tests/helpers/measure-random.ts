import type { MetricSpec, NormalizedEvent } from '../../src/measure/spec.js';

/** A small seeded generator (mulberry32), so a failing log can be made again. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random normalized log with the things that trip engines: ties in time, repeated touchpoints,
 * events of no touchpoint, goal events, users without a segment, users with no touchpoint at all.
 */
export function randomEvents(seed: number, users = 40): NormalizedEvent[] {
  const random = seeded(seed);
  const names = ['Ad', 'Visit', 'Signup', 'Email', 'Trial', 'Buy'];
  const events: NormalizedEvent[] = [];
  let seq = 0;
  for (let u = 0; u < users; u++) {
    const count = 1 + Math.floor(random() * 9);
    let t = 1_700_000_000_000 + Math.floor(random() * 20) * 3_600_000;
    const segment = random() < 0.2 ? null : random() < 0.5 ? 'A' : random() < 0.5 ? 'B' : 'C';
    for (let i = 0; i < count; i++) {
      // A third of the steps happen at the same time as the one before.
      if (random() > 0.33) t += Math.floor(random() * 16) * 1_800_000;
      const index = Math.floor(random() * (names.length + 1));
      const name = names[index] ?? 'page_view';
      const tp = index < names.length ? name : null;
      events.push({
        u: `user${u}`,
        t,
        seq: seq++,
        tp,
        g: name === 'Buy' ? 1 : 0,
        e: name,
        sg: random() < 0.8 ? segment : null,
        st: tp === null ? null : Math.min(3, Math.floor(index / 2)),
      });
    }
  }
  // Shuffled, as a log may be unsorted: the file order is in seq.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

export const FULL_SPEC: MetricSpec = {
  steps: ['Ad', 'Visit', 'Signup', 'Buy'],
  windowMs: 36 * 3_600_000,
  goal: true,
  topVariants: 5,
  segments: 2,
  stages: true,
  inventory: true,
  unplannedLimit: 10,
};

/** The specs every engine is compared with the oracle on. */
export const ENGINE_SPECS: [string, MetricSpec][] = [
  ['every figure', FULL_SPEC],
  ['no window, no segments, no inventory', { ...FULL_SPEC, windowMs: null, segments: 0, stages: false, inventory: false, goal: false }],
  ['a one-step funnel', { ...FULL_SPEC, steps: ['Visit'] }],
  ['a two-step funnel with a short window', { ...FULL_SPEC, steps: ['Visit', 'Email'], windowMs: 3_600_000 }],
];
