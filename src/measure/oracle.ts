import { ALL_GROUP, type FunnelStepFigures, type GroupFigures, type MetricSpec, type NormalizedEvent, type TouchpointFigures } from './spec.js';

/**
 * Every metric in plain TypeScript, written from the definitions (README, "Measuring the journey") and not
 * from the SQL: the oracle the engines are tested against. It holds the whole log in memory, so it is for
 * tests and small logs only.
 */
export function oracleFigures(events: readonly NormalizedEvent[], spec: MetricSpec): Map<string, GroupFigures> {
  const byUser = new Map<string, NormalizedEvent[]>();
  for (const event of events) {
    let list = byUser.get(event.u);
    if (!list) byUser.set(event.u, (list = []));
    list.push(event);
  }
  for (const list of byUser.values()) list.sort(routeOrder);
  const logEnd = events.reduce((max, event) => Math.max(max, event.t), -Infinity);

  const groups = new Map<string, string[]>([[ALL_GROUP, [...byUser.keys()]]]);
  let segmentCount = 0;
  if (spec.segments > 0) {
    const segmentOf = new Map<string, string>();
    for (const [user, list] of byUser) segmentOf.set(user, list.find((event) => event.sg !== null)?.sg ?? '');
    const counts = new Map<string, number>();
    for (const value of segmentOf.values()) counts.set(value, (counts.get(value) ?? 0) + 1);
    segmentCount = counts.size;
    const top = [...counts]
      .sort((a, b) => b[1] - a[1] || byteCompare(a[0], b[0]))
      .slice(0, spec.segments)
      .map(([value]) => value);
    for (const value of top) {
      groups.set(
        `s:${value}`,
        [...segmentOf].filter(([, v]) => v === value).map(([user]) => user),
      );
      groups.set(
        `r:${value}`,
        [...segmentOf].filter(([, v]) => v !== value).map(([user]) => user),
      );
    }
  }
  const result = new Map<string, GroupFigures>();
  for (const [group, users] of groups) {
    const figures = groupFigures(
      users.map((user) => byUser.get(user)!),
      spec,
      logEnd,
    );
    if (group === ALL_GROUP && spec.inventory) unplanned(events, spec, figures);
    result.set(group, figures);
  }
  const all = result.get(ALL_GROUP);
  if (all && spec.segments > 0) all.segmentCount = segmentCount;
  return result;
}

/** A route's order: time, then file order. */
function routeOrder(a: NormalizedEvent, b: NormalizedEvent): number {
  return a.t - b.t || a.seq - b.seq;
}

/** Byte order of the UTF-8 text, as the engines sort. */
export function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The exact median: the middle value, or the mean of the two middle values. */
export function exactMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function groupFigures(users: NormalizedEvent[][], spec: MetricSpec, logEnd: number): GroupFigures {
  const touchpoints = new Map<string, TouchpointFigures & { userSet: Set<string>; toNext: number[]; fromStart: number[] }>();
  const touchpoint = (name: string) => {
    let figures = touchpoints.get(name);
    if (!figures)
      touchpoints.set(
        name,
        (figures = {
          events: 0,
          users: 0,
          endUsers: 0,
          convertedUsers: 0,
          medianMsToNext: null,
          medianMsFromStart: null,
          userSet: new Set(),
          toNext: [],
          fromStart: [],
        }),
      );
    return figures;
  };
  const variantUsers = new Map<string, number>();
  let events = 0;
  let first: number | null = null;
  let last: number | null = null;
  let staged = 0;
  let reversed = 0;
  let skipped = 0;
  for (const list of users) {
    events += list.length;
    for (const event of list) {
      first = first === null ? event.t : Math.min(first, event.t);
      last = last === null ? event.t : Math.max(last, event.t);
    }
    const route = list.filter((event) => event.tp !== null);
    const lastGoal = list.reduce((max, event) => (event.g === 1 ? Math.max(max, event.t) : max), -Infinity);
    const firstAt = new Map<string, number>();
    route.forEach((event, i) => {
      const figures = touchpoint(event.tp!);
      figures.events++;
      figures.userSet.add(event.u);
      if (!firstAt.has(event.tp!)) firstAt.set(event.tp!, event.t);
      const next = route[i + 1];
      if (next) figures.toNext.push(next.t - event.t);
    });
    if (route.length > 0) touchpoint(route[route.length - 1]!.tp!).endUsers++;
    for (const [name, at] of firstAt) {
      const figures = touchpoint(name);
      if (spec.goal && lastGoal >= at) figures.convertedUsers++;
      figures.fromStart.push(at - route[0]!.t);
    }
    const key = route.map((event) => event.tp).join('\u001f');
    variantUsers.set(key, (variantUsers.get(key) ?? 0) + 1);
    if (spec.stages) {
      const ranks = route.flatMap((event) => (event.st === null ? [] : [event.st]));
      if (ranks.length > 0) {
        staged++;
        let max = -Infinity;
        let back = false;
        for (const rank of ranks) {
          if (rank < max) back = true;
          max = Math.max(max, rank);
        }
        if (back) reversed++;
        if (new Set(ranks).size < Math.max(...ranks) - Math.min(...ranks) + 1) skipped++;
      }
    }
  }
  const variants = [...variantUsers]
    .sort((a, b) => b[1] - a[1] || byteCompare(a[0], b[0]))
    .map(([key, count]) => ({ steps: key === '' ? [] : key.split('\u001f'), users: count }));
  const result: GroupFigures = {
    users: users.length,
    events,
    first,
    last,
    touchpoints: new Map(
      [...touchpoints].map(([name, figures]) => [
        name,
        {
          events: figures.events,
          users: figures.userSet.size,
          endUsers: figures.endUsers,
          convertedUsers: figures.convertedUsers,
          medianMsToNext: exactMedian(figures.toNext),
          medianMsFromStart: spec.inventory ? exactMedian(figures.fromStart) : null,
        },
      ]),
    ),
    variantCount: variants.length,
    variants: variants.slice(0, spec.topVariants),
    funnel: spec.steps && spec.steps.length > 0 ? funnelFigures(users, spec.steps, spec.windowMs, logEnd) : null,
    unplanned: [],
    unplannedCount: 0,
    stageOrder: spec.stages ? { staged, reversed, skipped } : null,
  };
  return result;
}

/**
 * The funnel by its definition: every step-1 event starts an attempt; an attempt reaches step k when
 * events of steps 2..k follow in order, each at or after the previous one's time and, with a window,
 * within it of the attempt's start. Taking the earliest such event at each step reaches furthest.
 */
function funnelFigures(users: NormalizedEvent[][], steps: string[], windowMs: number | null, logEnd: number): FunnelStepFigures[] {
  const reachedBy = new Array<number>(steps.length + 1).fill(0);
  const open = new Array<number>(steps.length + 1).fill(0);
  const gaps: number[][] = steps.map(() => []);
  for (const list of users) {
    const route = list.filter((event) => event.tp !== null);
    let best: { reached: number; times: number[] } | null = null;
    let anyOpen = false;
    for (const start of route) {
      if (start.tp !== steps[0]) continue;
      const times = [start.t];
      for (let k = 1; k < steps.length; k++) {
        const previous = times[k - 1]!;
        const next = route.find((event) => event.tp === steps[k] && event.t >= previous);
        if (!next || (windowMs !== null && next.t - start.t > windowMs)) break;
        times.push(next.t);
      }
      if (windowMs !== null && start.t + windowMs > logEnd) anyOpen = true;
      // Attempts come in route order, so on a tie the earliest attempt stays the best.
      if (best === null || times.length > best.reached) best = { reached: times.length, times };
    }
    if (best === null) continue;
    for (let k = 1; k <= best.reached; k++) reachedBy[k]!++;
    for (let k = 1; k < best.reached; k++) gaps[k]!.push(best.times[k]! - best.times[k - 1]!);
    if (anyOpen && best.reached < steps.length) open[best.reached]!++;
  }
  return steps.map((_, i) => ({ users: reachedBy[i + 1]!, open: open[i + 1]!, medianMsFromPrevious: i === 0 ? null : exactMedian(gaps[i]!) }));
}

function unplanned(events: readonly NormalizedEvent[], spec: MetricSpec, figures: GroupFigures): void {
  const byEvent = new Map<string, { users: Set<string>; events: number }>();
  for (const event of events) {
    if (event.tp !== null || event.g === 1) continue;
    let entry = byEvent.get(event.e);
    if (!entry) byEvent.set(event.e, (entry = { users: new Set(), events: 0 }));
    entry.users.add(event.u);
    entry.events++;
  }
  const ranked = [...byEvent]
    .map(([event, entry]) => ({ event, users: entry.users.size, events: entry.events }))
    .sort((a, b) => b.users - a.users || b.events - a.events || byteCompare(a.event, b.event));
  figures.unplannedCount = ranked.length;
  figures.unplanned = ranked.slice(0, spec.unplannedLimit);
}
