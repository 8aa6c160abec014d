import * as z from 'zod';
import { FindingSchema, SheetSummarySchema } from '../model/schema.js';
import { INPUT_KINDS } from '../load/formats.js';

export const FileResultSchema = z.object({
  file: z.string(),
  kind: z.enum(INPUT_KINDS).nullable(),
  sheets: z.array(SheetSummarySchema),
  personas: z.array(z.string()),
  touchpoints: z.number().int().nonnegative(),
  /** Why the file could not be audited (an input error), or null. */
  error: z.string().nullable(),
});
/** What was read from one input file. */
export type FileResult = z.infer<typeof FileResultSchema>;

export const SummarySchema = z.object({
  files: z.number().int().nonnegative(),
  touchpoints: z.number().int().nonnegative(),
  personas: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  inputErrors: z.number().int().nonnegative(),
  /** Findings left out by the config's `ignore` entries and by `journey-ignore` notes in Notes cells. */
  ignored: z.number().int().nonnegative(),
  /** With --baseline: findings left out because the baseline has them, and baseline entries no longer found. */
  baselined: z.number().int().nonnegative().optional(),
  fixed: z.number().int().nonnegative().optional(),
  /** With --quiet: the warnings and infos left out. */
  hidden: z.number().int().nonnegative().optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const StageOverviewSchema = z.object({
  stage: z.string(),
  touchpoints: z.number().int().nonnegative(),
  /** Touchpoints per channel id. */
  channels: z.record(z.string(), z.number().int().positive()),
  teams: z.array(z.string()),
  inbound: z.number().int().nonnegative(),
  outbound: z.number().int().nonnegative(),
  automatic: z.number().int().nonnegative(),
  manual: z.number().int().nonnegative(),
  ongoing: z.number().int().nonnegative(),
  kpis: z.array(z.string()),
  /** First and last day offset of the stage's touchpoints, when they have days. */
  firstDay: z.number().int().nonnegative().nullable(),
  lastDay: z.number().int().nonnegative().nullable(),
  /** Distinct pain points and opportunities of the stage's touchpoints (a journey-map grid's lanes); absent when none. */
  painPoints: z.array(z.string()).optional(),
  opportunities: z.array(z.string()).optional(),
  /** What interviewees said about the stage (--answers); absent without answers about it. */
  interviews: z
    .object({
      /** Interviewees who gave a feeling: the mean and the negative ones are of them. */
      interviewees: z.number().int().nonnegative(),
      /** Interviewees who answered at all, with a feeling or only a quote. */
      answered: z.number().int().nonnegative(),
      /** Every quote about the stage; `quotes` keeps the first ten. */
      quoted: z.number().int().nonnegative(),
      negative: z.number().int().nonnegative(),
      /** The interviewees' mean feeling, -2..+2. */
      score: z.number().nullable(),
      /** Their quotes, most negative first (at most ten). */
      quotes: z.array(z.object({ quote: z.string(), score: z.number().nullable(), touchpoint: z.string().nullable(), interviewee: z.string() })),
    })
    .optional(),
});
/** What one persona meets in one stage, counted for the gap report. */
export type StageOverview = z.infer<typeof StageOverviewSchema>;

export const HandoffOverviewSchema = z.object({
  fromStage: z.string(),
  toStage: z.string(),
  fromTeam: z.string().nullable(),
  toTeam: z.string().nullable(),
  fromTouchpoint: z.string(),
  toTouchpoint: z.string(),
  fromDay: z.number().int().nonnegative(),
  toDay: z.number().int().nonnegative(),
  days: z.number().int(),
  changesTeam: z.boolean(),
});
export type HandoffOverview = z.infer<typeof HandoffOverviewSchema>;

export const PersonaOverviewSchema = z.object({
  persona: z.string(),
  /** Every stage of the stage model, in order, including empty ones (except those missing-stage's ignoreStages lists for the persona). */
  stages: z.array(StageOverviewSchema),
  /** Touchpoints whose stage is unknown, blank, or not given (a timeline), counted like a stage; null when there are none. */
  unplaced: StageOverviewSchema.nullable(),
  handoffs: z.array(HandoffOverviewSchema),
});
export type PersonaOverview = z.infer<typeof PersonaOverviewSchema>;

export const FileOverviewSchema = z.object({
  file: z.string(),
  stages: z.array(z.object({ id: z.string(), label: z.string() })),
  channels: z.array(z.object({ id: z.string(), label: z.string() })),
  personas: z.array(PersonaOverviewSchema),
});
/** The coverage of one inventory: what the gap report draws its matrices and timelines from. */
export type FileOverview = z.infer<typeof FileOverviewSchema>;

export const AuditResultSchema = z.object({
  version: z.literal(1),
  files: z.array(FileResultSchema),
  findings: z.array(FindingSchema),
  summary: SummarySchema,
  /** Per-file coverage, present when asked for (journey report). */
  overviews: z.array(FileOverviewSchema).optional(),
});
/** The outcome of one `journey audit`: what formatters render. */
export type AuditResult = z.infer<typeof AuditResultSchema>;
