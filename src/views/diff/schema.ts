import * as z from 'zod';
import { DIFF_FIELDS } from '../../model/fields.js';
import { FindingSchema } from '../../model/zod.js';

/** The touchpoint fields a diff compares, by the name its output gives them (the field catalogue's `diff`). */
export const ComparedFieldSchema = z.enum(DIFF_FIELDS.map((entry) => entry.name) as [string, ...string[]]);
export type ComparedField = z.infer<typeof ComparedFieldSchema>;

const valueSchema = z.union([z.string(), z.number()]).nullable();

export const FieldChangeSchema = z.object({
  field: ComparedFieldSchema,
  /** As a reader names it: stage and channel labels, rates as fractions 0–1, days as numbers. */
  before: valueSchema,
  after: valueSchema,
  /** after − before, for numbers on both sides (days moved, conversion gained). */
  delta: z.number().nullable(),
});
/** One field of a touchpoint that differs between the two versions. */
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const TouchpointRefSchema = z.object({
  name: z.string(),
  /** Stage label, or null when the row has none. */
  stage: z.string().nullable(),
  /** The row's cell as a spreadsheet names it ("Practitioner!B7"), in that version. */
  cell: z.string(),
});
export type TouchpointRef = z.infer<typeof TouchpointRefSchema>;

export const TouchpointChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'renamed', 'changed']),
  persona: z.string(),
  before: TouchpointRefSchema.nullable(),
  after: TouchpointRefSchema.nullable(),
  /** Every compared field that differs (empty for added and removed; may be empty for a pure rename). */
  changes: z.array(FieldChangeSchema),
});
/** A touchpoint added, removed, renamed (matched by a similar name in the same persona and stage) or changed. */
export type TouchpointChange = z.infer<typeof TouchpointChangeSchema>;

export const StageCoverageSchema = z.object({
  touchpoints: z.number().int().nonnegative(),
  /** Channel labels, sorted. */
  channels: z.array(z.string()),
  /** Messages a week the persona receives in the stage, as over-communication counts them (src/model/weekly-load.ts), rounded to 0.1. */
  outboundPerWeek: z.number().nonnegative(),
  /** Touchpoints the customer can reach back through: inbound, or on an inbound channel. */
  inboundPaths: z.number().int().nonnegative(),
});
export type StageCoverage = z.infer<typeof StageCoverageSchema>;

export const CoverageChangeSchema = z.object({
  persona: z.string(),
  stage: z.string(),
  before: StageCoverageSchema,
  after: StageCoverageSchema,
  /** gained: no touchpoint before, some after; lost: the reverse; changed: any count or channel differs. */
  status: z.enum(['gained', 'lost', 'changed', 'same']),
});
/** One persona's coverage of one stage in both versions. */
export type CoverageChange = z.infer<typeof CoverageChangeSchema>;

export const HandoffLagSchema = z.object({
  fromTeam: z.string().nullable(),
  toTeam: z.string().nullable(),
  fromTouchpoint: z.string(),
  toTouchpoint: z.string(),
  days: z.number().int(),
});

export const HandoffChangeSchema = z.object({
  persona: z.string(),
  /** Stage labels of the boundary. */
  fromStage: z.string(),
  toStage: z.string(),
  /** The boundary in each version, null where it does not exist or is not a team handoff there. */
  before: HandoffLagSchema.nullable(),
  after: HandoffLagSchema.nullable(),
});
/** A team handoff at a stage boundary and its lag before → after. */
export type HandoffChange = z.infer<typeof HandoffChangeSchema>;

const SeverityCountsSchema = z.object({ error: z.number().int().nonnegative(), warning: z.number().int().nonnegative(), info: z.number().int().nonnegative() });

export const FileDiffSchema = z.object({
  /** The two versions as given (a path, or REVISION:path); null for a file in only one folder. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  personas: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  touchpoints: z.array(TouchpointChangeSchema),
  /** Touchpoints matched with no compared field changed. */
  unchangedTouchpoints: z.number().int().nonnegative(),
  coverage: z.array(CoverageChangeSchema),
  handoffs: z.array(HandoffChangeSchema),
  findings: z.object({
    resolved: z.array(FindingSchema),
    introduced: z.array(FindingSchema),
    unchanged: z.number().int().nonnegative(),
  }),
});
/** What changed between two versions of one inventory. */
export type FileDiff = z.infer<typeof FileDiffSchema>;

export const DiffSummarySchema = z.object({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  renamed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  stagesGained: z.number().int().nonnegative(),
  stagesLost: z.number().int().nonnegative(),
  findingsResolved: z.number().int().nonnegative(),
  findingsIntroduced: z.number().int().nonnegative(),
  findingsUnchanged: z.number().int().nonnegative(),
  resolvedBySeverity: SeverityCountsSchema,
  introducedBySeverity: SeverityCountsSchema,
});
export type DiffSummary = z.infer<typeof DiffSummarySchema>;

export const DiffResultSchema = z.object({
  version: z.literal(1),
  /** The arguments as given. */
  before: z.string(),
  after: z.string(),
  files: z.array(FileDiffSchema),
  summary: DiffSummarySchema,
});
/** The outcome of `journey diff`: what its formats render and `--format json` prints. */
export type DiffResult = z.infer<typeof DiffResultSchema>;
