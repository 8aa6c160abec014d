/**
 * What every engine computes, and the shape its answer comes back in.
 *
 * Every engine starts from the same normalized events (`ev`): one row per kept event with
 *   u   the user (case) id, text
 *   t   the time in epoch milliseconds
 *   seq the event's position in the file (ties in time keep file order)
 *   tp  the touchpoint the event is (an inventory's name, or the event's own name), NULL when none
 *   g   1 when the event is a goal event, else 0
 *   e   the event's name as written in the log
 *   sg  the row's segment value, NULL when blank or without --segment
 *   st  the dense rank of the touchpoint's stage in the inventory's stage order, NULL when unknown
 * and answers with long rows (kind, grp, name, pos, n, m, x) that `assemble` turns into figures.
 */

/** The figures to compute and their parameters. */
export interface MetricSpec {
  /** The funnel's steps, touchpoint names in order (each once); null for no funnel. */
  steps: string[] | null;
  /** The funnel's window in milliseconds; null for no window. */
  windowMs: number | null;
  /** Whether goal events are marked (conversion is computed). */
  goal: boolean;
  /** How many variants are listed by name (the rest are counted). */
  topVariants: number;
  /** How many segment values get their own figures (0: no segments). */
  segments: number;
  /** Whether events carry stage ranks (stage-order figures). */
  stages: boolean;
  /** Whether touchpoints come from an inventory (unplanned events and observed days are reported). */
  inventory: boolean;
  /** How many unplanned event names are listed. */
  unplannedLimit: number;
}

/** One normalized event, as the oracle reads it. */
export interface NormalizedEvent {
  u: string;
  t: number;
  seq: number;
  tp: string | null;
  g: number;
  e: string;
  sg: string | null;
  st: number | null;
}

/** One row of an engine's answer. */
export interface MetricRow {
  kind: string;
  grp: string;
  name: string | null;
  pos: number | null;
  n: number | null;
  m: number | null;
  x: number | null;
}

/** The column names of a MetricRow, in the order the SQL selects them (and a --results file has them). */
export const METRIC_COLUMNS = ['kind', 'grp', 'name', 'pos', 'n', 'm', 'x'] as const;

/** The group of every user. Segment groups are `s:VALUE` (the segment) and `r:VALUE` (everyone else). */
export const ALL_GROUP = '*';

/** Joins a route's steps in a variant's name (U+001F, the unit separator: never in a touchpoint name we keep). */
export const ROUTE_SEPARATOR = '\u001f';

/** Per group: the figures of one set of users. */
export interface GroupFigures {
  users: number;
  events: number;
  first: number | null;
  last: number | null;
  touchpoints: Map<string, TouchpointFigures>;
  variantCount: number;
  variants: { steps: string[]; users: number }[];
  funnel: FunnelStepFigures[] | null;
  unplanned: { event: string; users: number; events: number }[];
  unplannedCount: number;
  stageOrder: { staged: number; reversed: number; skipped: number } | null;
  /** How many distinct segment values there are (all users' group only, with segments). */
  segmentCount?: number;
}

export interface TouchpointFigures {
  events: number;
  users: number;
  endUsers: number;
  convertedUsers: number;
  medianMsToNext: number | null;
  medianMsFromStart: number | null;
}

export interface FunnelStepFigures {
  users: number;
  open: number;
  medianMsFromPrevious: number | null;
}
