import * as z from 'zod';
import { LocationSchema, SeveritySchema } from '../model/zod.js';

const share = z.number().min(0).max(1);
const hours = z.number().nullable();

export const TouchpointMeasureSchema = z.object({
  name: z.string(),
  /** Events of this touchpoint. */
  events: z.number().int().nonnegative(),
  /** Reach: distinct users with at least one of its events. */
  users: z.number().int().nonnegative(),
  /** Reach ÷ all users. */
  share,
  /** Users whose route ends here ÷ reach (null when no user reaches it). */
  dropOff: share.nullable(),
  /** Users with a goal event at or after their first event here ÷ reach; absent without --goal. */
  conversion: share.nullable().optional(),
  /** Median hours from one of its events to the next event of the route. */
  medianHoursToNext: hours,
  /** From the inventory: planned (a row of it) or not. */
  planned: z.boolean().optional(),
  /** The goal's own touchpoint. */
  goal: z.boolean().optional(),
  stage: z.string().nullable().optional(),
  plannedDay: z.number().nullable().optional(),
  /** Median days from the start of a user's route to their first event here. */
  observedDay: z.number().nullable().optional(),
});

export const FunnelStepSchema = z.object({
  step: z.string(),
  /** Users whose furthest step is this one or a later one. */
  users: z.number().int().nonnegative(),
  /** Users ÷ the first step's users. */
  conversion: share.nullable(),
  /** Users ÷ the previous step's users. */
  fromPrevious: share.nullable(),
  /** Users who reached this step and no later one, with no window still open. */
  dropped: z.number().int().nonnegative(),
  /** Users who reached this step and no later one, whose window is still open when the log ends (counted apart, not dropped). */
  open: z.number().int().nonnegative(),
  medianHoursFromPrevious: hours,
});

export const VariantsSchema = z.object({
  /** Distinct routes. */
  count: z.number().int().nonnegative(),
  top: z.array(z.object({ steps: z.array(z.string()), users: z.number().int().nonnegative(), share })),
  /** The users of every route not in top. */
  other: z.object({ variants: z.number().int().nonnegative(), users: z.number().int().nonnegative(), share }),
});

export const FiguresSchema = z.object({
  users: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  touchpoints: z.array(TouchpointMeasureSchema),
  variants: VariantsSchema,
  funnel: z.array(FunnelStepSchema).optional(),
});

export const MeasureFindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  fix: z.string(),
  /** The inventory's cell, or the log (file only). */
  location: LocationSchema,
  touchpoint: z.string().nullable(),
  event: z.string().nullable(),
});

export const MeasureResultSchema = z.object({
  /** 1 for this shape; a change of meaning bumps it. */
  version: z.literal(1),
  file: z.string(),
  /** How the events were read: a file's format, a table on a ClickHouse server (--clickhouse-url), or a warehouse's results (--results). */
  format: z.enum(['csv', 'parquet', 'jsonl', 'xes', 'table', 'results']),
  /** Events kept (after the exclusions). */
  events: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
  /** The first and last event's time, ISO 8601 UTC. */
  first: z.string().nullable(),
  last: z.string().nullable(),
  columns: z.object({ user: z.string(), time: z.string(), event: z.string(), segment: z.string().nullable() }),
  /** Rows read, and those left out with the reason. */
  rows: z.number().int().nonnegative().nullable(),
  excluded: z.array(z.object({ reason: z.string(), rows: z.number().int().positive(), example: z.string().nullable() })),
  notes: z.array(z.string()),
  goal: z.string().nullable(),
  /** The funnel's window as given (7d, 36h), null without one. */
  window: z.string().nullable(),
  touchpoints: z.array(TouchpointMeasureSchema),
  variants: VariantsSchema,
  funnel: z.array(FunnelStepSchema).optional(),
  segments: z
    .object({
      column: z.string(),
      /** Distinct values; values past the --segments limit are counted, not shown. */
      count: z.number().int().nonnegative(),
      values: z.array(z.object({ value: z.string(), share, figures: FiguresSchema, rest: FiguresSchema })),
    })
    .optional(),
  inventory: z
    .object({
      file: z.string(),
      /** Planned touchpoints at least one event matched. */
      matched: z.number().int().nonnegative(),
      planned: z.number().int().nonnegative(),
      unreached: z.array(z.string()),
      /** Event names no planned touchpoint (nor the goal) claims, most users first. */
      unplanned: z.array(z.string()),
      unplannedEvents: z.array(z.object({ event: z.string(), users: z.number().int().nonnegative(), events: z.number().int().nonnegative(), share })),
      /** Distinct unplanned event names (more than listed when cut). */
      unplannedCount: z.number().int().nonnegative(),
      stageOrder: z
        .object({ staged: z.number().int().nonnegative(), reversed: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() })
        .nullable(),
    })
    .optional(),
  findings: z.array(MeasureFindingSchema),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
});

export type MeasureResult = z.infer<typeof MeasureResultSchema>;
export type MeasureFinding = z.infer<typeof MeasureFindingSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
export type TouchpointMeasure = z.infer<typeof TouchpointMeasureSchema>;
export type FunnelStep = z.infer<typeof FunnelStepSchema>;

/** The JSON Schema of `journey measure --format json` (published as journey-measure.schema.json). */
export function measureJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(MeasureResultSchema, { io: 'output', target: 'draft-2020-12' }), title: 'journey measure result' };
}
