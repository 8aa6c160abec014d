import * as z from 'zod';
import { SEVERITIES } from '../vocab/severity.js';
import { INPUT_KINDS } from '../load/formats.js';

/** Where a value or a finding sits: file, sheet (null for CSV), 1-based row, column letter, and the cell as a spreadsheet names it. */
export const LocationSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const SeveritySchema = z.enum(SEVERITIES);
/** How serious a finding is. */
export type Severity = z.infer<typeof SeveritySchema>;

export const ModeSchema = z.enum(['ongoing', 'automatic', 'manual']);
/** Whether a touchpoint runs by itself, is sent by automation, or is done by hand. */
export type Mode = z.infer<typeof ModeSchema>;

export const DirectionSchema = z.enum(['inbound', 'outbound', 'both']);
/** Inbound: the customer comes to us; outbound: we reach out; both: a two-way touchpoint (a call, a chat either side starts). */
export type Direction = z.infer<typeof DirectionSchema>;

export const FrequencySchema = z.object({
  /** The text as written. */
  text: z.string(),
  /** A known cadence (daily, weekly, ...), "once", "triggered", or null when not recognized. */
  cadence: z.string().nullable(),
  /** True when the touchpoint repeats on a schedule. */
  recurring: z.boolean(),
});
/** How often a touchpoint happens. */
export type Frequency = z.infer<typeof FrequencySchema>;

/** The fields a touchpoint row can have; also the names of inventory columns (and of `columns` in the config). */
export const FieldSchema = z.enum([
  'stage',
  'touchpoint',
  'team',
  'channel',
  'mode',
  'direction',
  'day',
  'frequency',
  'persona',
  'kpi',
  'notes',
  'owner',
  'audience',
  'sent',
  'opens',
  'clicks',
  'conversion',
  'dropOff',
  'unsubscribe',
  'nps',
  'csat',
  'sentiment',
  'painPoint',
  'lastReviewed',
  'status',
  'event',
]);
export type Field = z.infer<typeof FieldSchema>;

export const StatusSchema = z.enum(['live', 'planned', 'retired']);
/** Whether a touchpoint runs today, is planned, or was retired (retired rows are left out of analysis). */
export type Status = z.infer<typeof StatusSchema>;

const rate = z.number().min(0).max(1).nullable();
export const MetricsSchema = z.object({
  /** People the touchpoint reaches (audience size or volume). */
  audience: z.number().nonnegative().nullable(),
  sent: z.number().nonnegative().nullable(),
  /** Rates are fractions 0–1, whether written 12%, 0.12 or 12. */
  openRate: rate,
  clickRate: rate,
  conversionRate: rate,
  dropOffRate: rate,
  unsubscribeRate: rate,
  /** Net Promoter Score, -100 to 100. */
  nps: z.number().min(-100).max(100).nullable(),
  /** Customer satisfaction as a fraction 0–1 (a 1–5 score is divided by 5). */
  csat: rate,
});
/** The figures a touchpoint row may carry. */
export type Metrics = z.infer<typeof MetricsSchema>;

export const MeasuredSchema = z.object({
  /** The figures of `metrics` that were measured (journey measure's --write-metrics, given with --metrics) because the row had none. */
  fields: z.array(MetricsSchema.keyof()),
  /** The row of the metrics file they came from. */
  location: LocationSchema,
});
/** Which of a touchpoint's figures come from an event log rather than the inventory. */
export type Measured = z.infer<typeof MeasuredSchema>;

export const SentimentSchema = z.object({
  /** -2 (very negative) to +2 (very positive); null for words the emotion lexicon does not know, kept as text. */
  score: z.number().min(-2).max(2).nullable(),
  text: z.string(),
});
/** How the customer feels at a touchpoint. */
export type Sentiment = z.infer<typeof SentimentSchema>;

export const TablePlaceSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  /** The column letter of each mapped field, e.g. { stage: "A", touchpoint: "B" }. */
  columns: z.partialRecord(FieldSchema, z.string()),
  /** Set for a markdown table: the header text of each column. Its rows are lines of the file and its cells read `file.md:LINE › column`. */
  columnNames: z.array(z.string()).optional(),
  /**
   * Set for a journey-map grid read transposed (lanes down, stages across): the row of each field's
   * lane. Every field's column is then the stage's column, and a field's cell is at (its lane's row, that column).
   */
  rows: z.partialRecord(FieldSchema, z.number().int().positive()).optional(),
});
/** Where a table's rows are: file, sheet (null for CSV) and which column holds each field. */
export type TablePlace = z.infer<typeof TablePlaceSchema>;

export const TouchpointSchema = z.object({
  /** Position in the model, stable for one run. */
  index: z.number().int().nonnegative(),
  persona: z.string(),
  /** Stage id from the stage model; null when the cell was blank or unknown. */
  stage: z.string().nullable(),
  name: z.string(),
  team: z.string().nullable(),
  /** Channel id from the channel vocabulary; null when blank or unknown. The first of `channels`. */
  channel: z.string().nullable(),
  /** Every channel the touchpoint reaches: a cell may name several ("Email + SMS", "Phone / App"). */
  channels: z.array(z.string()),
  mode: ModeSchema.nullable(),
  direction: DirectionSchema.nullable(),
  /** Day offset from the start of the journey, a whole number ≥ 0. */
  day: z.number().int().nonnegative().nullable(),
  /** The day cell's text when it names no day ("Q3", "Ongoing", "Any time"), kept as written. */
  timing: z.string().nullable(),
  frequency: FrequencySchema.nullable(),
  kpi: z.string().nullable(),
  notes: z.string().nullable(),
  /** The person responsible (DRI), as written. */
  owner: z.string().nullable(),
  /** live or planned; retired rows never reach the model. */
  status: StatusSchema.exclude(['retired']).nullable(),
  metrics: MetricsSchema,
  sentiment: SentimentSchema.nullable(),
  painPoint: z.string().nullable(),
  /** An improvement idea for the touchpoint's stage, from a journey-map grid's Opportunity lane. */
  opportunity: z.string().nullable().optional(),
  /**
   * The touchpoint's other schedules, when the table has a date column per cohort ("When Batch 2" …):
   * each one's header, its date (YYYY-MM-DD; null when the cell holds none) and its day, counted from
   * that schedule's earliest date. `day` and `timing` are the first schedule's.
   */
  schedules: z.array(z.object({ label: z.string(), date: z.string().nullable(), day: z.number().int().nonnegative().nullable() })).optional(),
  /** Last reviewed, as an ISO date (YYYY-MM-DD). */
  lastReviewed: z.string().nullable(),
  /** The event-log events that are this touchpoint (journey measure): event names or COL=VALUE predicates, as written. */
  event: z.string().nullable().optional(),
  /** Set when --metrics filled figures the row lacked: which, and from where. */
  measured: MeasuredSchema.optional(),
  /** The touchpoint's 1-based row in its sheet (rowLocation and cellOf give its locations). */
  row: z.number().int().positive(),
  /** Its file, sheet and column letters: one object shared by every row of a sheet, so a million rows do not hold a million copies. */
  place: TablePlaceSchema,
});
/** One row of the inventory: a communication a persona meets. */
export type Touchpoint = z.infer<typeof TouchpointSchema>;

export const StageSchema = z.object({
  id: z.string(),
  label: z.string(),
  synonyms: z.array(z.string()),
});
/** A lifecycle stage; its position in the stage model is its order. */
export type Stage = z.infer<typeof StageSchema>;

export const StageModelSchema = z.object({ stages: z.array(StageSchema).min(1) });
/** The ordered lifecycle stages an inventory is checked against. */
export type StageModel = z.infer<typeof StageModelSchema>;

export const StageSourceSchema = z.object({
  /** default: journey's lifecycle; config: the config's `stageModel` or `stages`; file: the inventory's own Stage values. */
  kind: z.enum(['default', 'config', 'file']),
  /** The named stage model (lifecycle, aarrr, bow-tie, flywheel, acasl), or custom. */
  name: z.string(),
  /** For a file's own model: the Stage header cell of the table it was read from. */
  location: LocationSchema.nullable(),
});
/** Where the stage model in force came from. */
export type StageSource = z.infer<typeof StageSourceSchema>;

export const ChannelSchema = z.object({
  id: z.string(),
  label: z.string(),
  synonyms: z.array(z.string()),
  /** Software can send it on a schedule or trigger (email, SMS, push...). */
  automatable: z.boolean(),
  /** The customer can reach us through it (chat, help center, support desk...). */
  inbound: z.boolean(),
});
/** A channel touchpoints reach customers on. */
export type Channel = z.infer<typeof ChannelSchema>;

/** What a value reader expected and did not find, for invalid-value to put in words. */
export const ExpectedValueSchema = z.enum(['count', 'rate', 'nps', 'csat', 'date', 'sentiment-scale', 'day', 'day-date', 'day-negative', 'day-fraction']);
export type ExpectedValue = z.infer<typeof ExpectedValueSchema>;

/** Why a cell could not be read, as data: the rule that reports the problem words it. */
export const ProblemReasonSchema = z.discriminatedUnion('code', [
  /** The cell shows a formula error (the error is the problem's value). */
  z.object({ code: z.literal('formula-error') }),
  /** A required value (touchpoint name, stage, channel) is blank. */
  z.object({ code: z.literal('missing') }),
  /** The text is not the kind of value the column holds. */
  z.object({ code: z.literal('unreadable'), expected: ExpectedValueSchema }),
  /**
   * A mode, direction or status outside its fixed set, with the nearest member when one is close;
   * `readAs`: the member the model reads it as, when the text is a confident typo of it.
   */
  z.object({ code: z.literal('not-in-set'), suggestion: z.string().nullable(), readAs: z.string().optional() }),
  /**
   * A stage or channel the vocabulary does not know, with the nearest known one when one is close;
   * `readAs`: the stage or channel id the model reads it as, when the text is a confident typo of it.
   */
  z.object({ code: z.literal('unknown'), suggestion: z.string().nullable(), readAs: z.string().optional() }),
  /** Blank rows from the problem's row to `to`. */
  z.object({ code: z.literal('blank-rows'), to: z.number().int().positive() }),
  /** A column holding data under a blank header cell (the problem's cell). */
  z.object({ code: z.literal('blank-header') }),
  /** A header cell naming a field that `firstColumn` already names. */
  z.object({ code: z.literal('duplicate-header'), firstColumn: z.string() }),
  /** A day column whose cells mostly name no day: `words` such cells (first `examples`), `days` that do. */
  z.object({ code: z.literal('timing-column'), words: z.number().int().positive(), days: z.number().int().nonnegative(), examples: z.array(z.string()) }),
  /**
   * A table with no channel column whose channels were read from touchpoint names: `inferred` rows got
   * one (`rows`: the first of them; `examples`: a few names and the channel id read), `none` rows named none (`noneRows`: the first).
   */
  z.object({
    code: z.literal('channel-from-name'),
    inferred: z.number().int().nonnegative(),
    rows: z.array(z.number().int().positive()),
    examples: z.array(z.object({ name: z.string(), channel: z.string() })),
    none: z.number().int().nonnegative(),
    noneRows: z.array(z.number().int().positive()),
    /** The first names that named no channel. */
    noneNames: z.array(z.string()),
    /** A markdown table, whose rows are lines of the file. */
    lines: z.boolean(),
    /** A journey-map grid with no Channel lane: its touchpoints all sit in one lane row. */
    grid: z.boolean(),
  }),
]);
export type ProblemReason = z.infer<typeof ProblemReasonSchema>;

export const ValueProblemSchema = z.object({
  /** unknown/invalid: a value; duplicate-header/blank-header: a header cell; blank-row: a run of empty rows. */
  kind: z.enum(['unknown', 'invalid', 'duplicate-header', 'blank-header', 'blank-row', 'timing-column', 'channel-from-name']),
  field: FieldSchema.nullable(),
  /** The cell's text as shown (a date as YYYY-MM-DD), or '' when there is none. */
  value: z.string(),
  reason: ProblemReasonSchema,
  location: LocationSchema,
  persona: z.string().nullable(),
  stage: z.string().nullable(),
  touchpoint: z.string().nullable(),
});
/** A cell whose value could not be read into the model, found while normalizing: data, put in words by its rule. */
export type ValueProblem = z.infer<typeof ValueProblemSchema>;

export const PersonaSchema = z.object({
  name: z.string(),
  /** Where the persona's rows are: its sheet, or the file for a CSV or a persona column. */
  location: LocationSchema,
});
export type Persona = z.infer<typeof PersonaSchema>;

export const SheetSummarySchema = z.object({
  sheet: z.string().nullable(),
  /** Header row number, or null when the sheet was skipped. */
  headerRow: z.number().int().positive().nullable(),
  touchpoints: z.number().int().nonnegative(),
  /** Rows marked retired, left out of analysis. */
  retired: z.number().int().nonnegative(),
  /** Why the sheet was not audited, when it was not. */
  skipped: z.string().nullable(),
  /** Header cells mapped to fields, e.g. { stage: "A", touchpoint: "B" }; in a grid, the column of the lane labels. */
  columns: z.partialRecord(FieldSchema, z.string()),
  /** Set when the sheet was read as a journey-map grid: each lane's label, row and what it was read as (null: not read). */
  grid: z
    .object({
      lanes: z.array(z.object({ label: z.string(), row: z.number().int().positive(), readAs: z.string().nullable() })),
      /** The stage columns, left to right: letter and stage text. */
      stages: z.array(z.object({ column: z.string(), text: z.string() })),
    })
    .optional(),
  /** Section rows (one text across the table): their row, text, and what they say for the rows under them. */
  sections: z.array(z.object({ row: z.number().int().positive(), text: z.string(), kind: z.enum(['planned', 'current', 'stage', 'label']) })).optional(),
  /** Set when the table has no stage column and its section rows or headings give the stages. */
  stagesFrom: z.enum(['sections', 'headings']).optional(),
  /**
   * Set when the timing is several date columns, one per cohort ("When Batch 1" … "When Batch 6"): each
   * schedule's column letter and header, the first being the day column that places the touchpoints.
   */
  schedules: z.array(z.object({ column: z.string(), header: z.string() })).optional(),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;

export const FileSummarySchema = z.object({
  file: z.string(),
  kind: z.enum(INPUT_KINDS),
  sheets: z.array(SheetSummarySchema),
});
export type FileSummary = z.infer<typeof FileSummarySchema>;

export const InterviewAnswerSchema = z.object({
  persona: z.string(),
  /** The interviewee's id as the answers sheet writes it ('' when blank). */
  interviewee: z.string(),
  /** Stage id; null when the answer names no stage and no touchpoint. */
  stage: z.string().nullable(),
  /** The inventory's touchpoint name; null for an answer about a whole stage. */
  touchpoint: z.string().nullable(),
  question: z.string().nullable(),
  quote: z.string().nullable(),
  /** -2..+2, as written or scored from the feeling's words. */
  score: z.number().min(-2).max(2).nullable(),
  /** The feeling as written. */
  feeling: z.string().nullable(),
  /** YYYY-MM-DD. */
  date: z.string().nullable(),
  /** The answer's cell in the answers sheet. */
  location: LocationSchema,
});
/** What one interviewee said about a stage or touchpoint (journey interview's answers sheet, given with --answers). */
export type InterviewAnswer = z.infer<typeof InterviewAnswerSchema>;

export const JourneyModelSchema = z.object({
  files: z.array(FileSummarySchema),
  personas: z.array(PersonaSchema),
  touchpoints: z.array(TouchpointSchema),
  problems: z.array(ValueProblemSchema),
  stageModel: StageModelSchema,
  stageSource: StageSourceSchema,
  channels: z.array(ChannelSchema),
  /** Interview answers about this inventory (--answers), when given. */
  interviews: z.array(InterviewAnswerSchema).optional(),
});
/** Everything normalize produces and the rules read. */
export type JourneyModel = z.infer<typeof JourneyModelSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  /** What is wrong, as one statement (the fingerprint hashes its words). */
  message: z.string(),
  /** What to do about it, in words that follow the message after "; " (empty when a rule has no advice). */
  fix: z.string(),
  location: LocationSchema,
  related: z.array(LocationSchema),
  persona: z.string().nullable(),
  stage: z.string().nullable(),
  /** The touchpoint the finding is about, by name (for ignores and stable fingerprints). */
  touchpoint: z.string().nullable(),
  /** Stable identity across runs: rule, file, sheet, persona, stage, touchpoint name and the words of the message, never the row. */
  fingerprint: z.string(),
});
/** One gap or problem a rule reports. */
export type Finding = z.infer<typeof FindingSchema>;

/** A finding's whole sentence, "message; fix", as the text outputs print it. */
export function findingSentence(finding: Pick<Finding, 'message' | 'fix'>): string {
  return finding.fix ? `${finding.message}; ${finding.fix}` : finding.message;
}
