// The journey model's types, written once as plain TypeScript: normalize builds them and the rules read
// them; nothing parses them. The programmatic API publishes these declarations as they are
// (src/api/types.ts). Where untrusted JSON comes in or a JSON Schema is published, the zod schemas of
// a few of them live in src/model/zod.ts, checked against these types there.
import type { InputKind } from '../load/formats.js';
import type { Direction, Mode, Status } from '../vocab/touchpoint.js';
import type { Severity } from '../vocab/severity.js';
import type { Field } from './fields.js';
import type { Metrics } from './metrics.js';

export type { Direction, Field, Metrics, Mode, Severity, Status };

/** Where a value or a finding sits: file, sheet (null for CSV and markdown), 1-based row, column letter, and the cell as a spreadsheet names it. */
export interface Location {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/** How often a touchpoint happens. */
export interface Frequency {
  /** The text as written. */
  text: string;
  /** A known cadence (daily, weekly, ...), "once", "triggered", or null when not recognized. */
  cadence: string | null;
  /** True when the touchpoint repeats on a schedule. */
  recurring: boolean;
}

/** Which of a touchpoint's figures come from an event log rather than the inventory. */
export interface Measured {
  /** The figures of `metrics` that were measured (journey measure's --write-metrics, given with --metrics) because the row had none. */
  fields: (keyof Metrics)[];
  /** The row of the metrics file they came from. */
  location: Location;
}

/** How the customer feels at a touchpoint. */
export interface Sentiment {
  /** -2 (very negative) to +2 (very positive); null for words the emotion lexicon does not know, kept as text. */
  score: number | null;
  text: string;
}

/** Where a table's rows are: file, sheet (null for CSV) and which column holds each field. */
export interface TablePlace {
  file: string;
  sheet: string | null;
  /** The column letter of each mapped field, e.g. { stage: "A", touchpoint: "B" }. */
  columns: Partial<Record<Field, string>>;
  /** Set for a markdown table: the header text of each column. Its rows are lines of the file and its cells read `file.md:LINE › column`. */
  columnNames?: string[] | undefined;
  /**
   * Set for a journey-map grid read transposed (lanes down, stages across): the row of each field's
   * lane. Every field's column is then the stage's column, and a field's cell is at (its lane's row, that column).
   */
  rows?: Partial<Record<Field, number>> | undefined;
}

/** One row of the inventory: a communication a persona meets. */
export interface Touchpoint {
  /** Position in the model, stable for one run. */
  index: number;
  persona: string;
  /** Stage id from the stage model; null when the cell was blank or unknown. */
  stage: string | null;
  name: string;
  team: string | null;
  /** Channel id from the channel vocabulary; null when blank or unknown. The first of `channels`. */
  channel: string | null;
  /** Every channel the touchpoint reaches: a cell may name several ("Email + SMS", "Phone / App"). */
  channels: string[];
  mode: Mode | null;
  direction: Direction | null;
  /** Day offset from the start of the journey, a whole number ≥ 0. */
  day: number | null;
  /** The day cell's text when it names no day ("Q3", "Ongoing", "Any time"), kept as written. */
  timing: string | null;
  frequency: Frequency | null;
  kpi: string | null;
  notes: string | null;
  /** The person responsible (DRI), as written. */
  owner: string | null;
  /** live or planned; retired rows never reach the model. */
  status: Exclude<Status, 'retired'> | null;
  metrics: Metrics;
  sentiment: Sentiment | null;
  painPoint: string | null;
  /** An improvement idea for the touchpoint's stage, from a journey-map grid's Opportunity lane. */
  opportunity?: string | null | undefined;
  /**
   * The touchpoint's other schedules, when the table has a date column per cohort ("When Batch 2" …):
   * each one's header, its date (YYYY-MM-DD; null when the cell holds none) and its day, counted from
   * that schedule's earliest date. `day` and `timing` are the first schedule's.
   */
  schedules?: { label: string; date: string | null; day: number | null }[] | undefined;
  /** Last reviewed, as an ISO date (YYYY-MM-DD). */
  lastReviewed: string | null;
  /** The event-log events that are this touchpoint (journey measure): event names or COL=VALUE predicates, as written. */
  event?: string | null | undefined;
  /** Set when --metrics filled figures the row lacked: which, and from where. */
  measured?: Measured | undefined;
  /** The touchpoint's 1-based row in its sheet (rowLocation and cellOf give its locations). */
  row: number;
  /** Its file, sheet and column letters: one object shared by every row of a sheet, so a million rows do not hold a million copies. */
  place: TablePlace;
}

/** A lifecycle stage; its position in the stage model is its order. */
export interface Stage {
  id: string;
  label: string;
  synonyms: string[];
}

/** The ordered lifecycle stages an inventory is checked against (at least one). */
export interface StageModel {
  stages: Stage[];
}

/** Where the stage model in force came from. */
export interface StageSource {
  /** default: journey's lifecycle; config: the config's `stageModel` or `stages`; file: the inventory's own Stage values. */
  kind: 'default' | 'config' | 'file';
  /** The named stage model (lifecycle, aarrr, bow-tie, flywheel, acasl), or custom. */
  name: string;
  /** For a file's own model: the Stage header cell of the table it was read from. */
  location: Location | null;
}

/** A channel touchpoints reach customers on. */
export interface Channel {
  id: string;
  label: string;
  synonyms: string[];
  /** Software can send it on a schedule or trigger (email, SMS, push...). */
  automatable: boolean;
  /** The customer can reach us through it (chat, help center, support desk...). */
  inbound: boolean;
}

/** What a value reader expected and did not find, for invalid-value to put in words. */
export type ExpectedValue = 'count' | 'rate' | 'nps' | 'csat' | 'date' | 'sentiment-scale' | 'day' | 'day-date' | 'day-negative' | 'day-fraction';

/** Why invalid-value's cell could not be read. */
export type InvalidReason =
  /** The cell shows a formula error (the error is the problem's value). */
  | { code: 'formula-error' }
  /** A required value (touchpoint name, stage, channel) is blank. */
  | { code: 'missing' }
  /** The text is not the kind of value the column holds. */
  | { code: 'unreadable'; expected: ExpectedValue }
  /**
   * A mode, direction or status outside its fixed set, with the nearest member when one is close;
   * `readAs`: the member the model reads it as, when the text is a confident typo of it.
   */
  | { code: 'not-in-set'; suggestion: string | null; readAs?: string | undefined };

/** What every value problem says: the field, the cell's text and where it is. */
interface ProblemBase {
  field: Field | null;
  /** The cell's text as shown (a date as YYYY-MM-DD), or '' when there is none. */
  value: string;
  location: Location;
  persona: string | null;
  stage: string | null;
  touchpoint: string | null;
}

/**
 * Something found while normalizing that a rule reports: data, put in words by the rule its `kind` names
 * (`invalid-value`, `unknown-value`, `blank-row`, ...), each kind with its own details.
 */
export type ValueProblem =
  /** A value of the wrong kind, a formula error, a missing required value. */
  | (ProblemBase & { kind: 'invalid-value'; reason: InvalidReason })
  /**
   * A stage or channel the vocabulary does not know, with the nearest known one when one is close;
   * `readAs`: the stage or channel id the model reads it as, when the text is a confident typo of it.
   */
  | (ProblemBase & { kind: 'unknown-value'; suggestion: string | null; readAs?: string | undefined })
  /** Blank rows from the problem's row to `to`. */
  | (ProblemBase & { kind: 'blank-row'; to: number })
  /** A column holding data under a blank header cell (the problem's cell). */
  | (ProblemBase & { kind: 'blank-header' })
  /** A header cell naming a field that `firstColumn` already names. */
  | (ProblemBase & { kind: 'duplicate-header'; firstColumn: string })
  /** A day column whose cells mostly name no day: `words` such cells (first `examples`), `days` that do. */
  | (ProblemBase & { kind: 'timing-text'; words: number; days: number; examples: string[] })
  /** A table with no channel column whose channels were read from touchpoint names. */
  | (ProblemBase & { kind: 'inferred-channel' } & ChannelsFromNames);

/**
 * How a table's channels were read from touchpoint names: `inferred` rows got one (`rows`: the first of
 * them; `examples`: a few names and the channel id read), `none` rows named none (`noneRows`: the first).
 */
export interface ChannelsFromNames {
  inferred: number;
  rows: number[];
  examples: { name: string; channel: string }[];
  none: number;
  noneRows: number[];
  /** The first names that named no channel. */
  noneNames: string[];
  /** A markdown table, whose rows are lines of the file. */
  lines: boolean;
  /** A journey-map grid with no Channel lane: its touchpoints all sit in one lane row. */
  grid: boolean;
}

/** A problem's kind and its own details, without what every problem says (what a reader of one cell reports). */
export type ProblemDetail = ValueProblem extends infer P ? (P extends ValueProblem ? Omit<P, keyof ProblemBase> : never) : never;

/** The problem a rule reports, by the rule's id. */
export type ProblemOf<Kind extends ValueProblem['kind']> = Extract<ValueProblem, { kind: Kind }>;

export interface Persona {
  name: string;
  /** Where the persona's rows are: its sheet, or the file for a CSV or a persona column. */
  location: Location;
}

/** One sheet (or the table of a CSV or markdown file) as it was read. */
export interface SheetSummary {
  sheet: string | null;
  /** Header row number, or null when the sheet was skipped. */
  headerRow: number | null;
  touchpoints: number;
  /** Rows marked retired, left out of analysis. */
  retired: number;
  /** Why the sheet was not audited, when it was not. */
  skipped: string | null;
  /** Header cells mapped to fields, e.g. { stage: "A", touchpoint: "B" }; in a grid, the column of the lane labels. */
  columns: Partial<Record<Field, string>>;
  /** Set when the sheet was read as a journey-map grid: each lane's label, row and what it was read as (null: not read), and the stage columns (letter and text), left to right. */
  grid?: { lanes: { label: string; row: number; readAs: string | null }[]; stages: { column: string; text: string }[] } | undefined;
  /** Section rows (one text across the table): their row, text, and what they say for the rows under them. */
  sections?: { row: number; text: string; kind: 'planned' | 'current' | 'stage' | 'label' }[] | undefined;
  /** Set when the table has no stage column and its section rows or headings give the stages. */
  stagesFrom?: 'sections' | 'headings' | undefined;
  /**
   * Set when the timing is several date columns, one per cohort ("When Batch 1" … "When Batch 6"): each
   * schedule's column letter and header, the first being the day column that places the touchpoints.
   */
  schedules?: { column: string; header: string }[] | undefined;
}

/** What was read of one file. */
export interface FileSummary {
  file: string;
  kind: InputKind;
  sheets: SheetSummary[];
}

/** What one interviewee said about a stage or touchpoint (journey interview's answers sheet, given with --answers). */
export interface InterviewAnswer {
  persona: string;
  /** The interviewee's id as the answers sheet writes it ('' when blank). */
  interviewee: string;
  /** Stage id; null when the answer names no stage and no touchpoint. */
  stage: string | null;
  /** The inventory's touchpoint name; null for an answer about a whole stage. */
  touchpoint: string | null;
  question: string | null;
  quote: string | null;
  /** -2..+2, as written or scored from the feeling's words. */
  score: number | null;
  /** The feeling as written. */
  feeling: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** The answer's cell in the answers sheet. */
  location: Location;
}

/** Everything normalize produces and the rules read: an inventory as journey reads it. */
export interface JourneyModel {
  files: FileSummary[];
  personas: Persona[];
  touchpoints: Touchpoint[];
  /** Cells whose value could not be read, each reported by the rule its kind names. */
  problems: ValueProblem[];
  stageModel: StageModel;
  /** Where the stage model came from: journey's default, the config, or the inventory's own Stage values. */
  stageSource: StageSource;
  channels: Channel[];
  /** Interview answers about this inventory (--answers), when given. */
  interviews?: InterviewAnswer[] | undefined;
}

/** One gap or problem a rule reports. */
export interface Finding {
  /** The rule's id, e.g. "handoff-lag" (`journey explain <id>` describes it). */
  ruleId: string;
  severity: Severity;
  /** What is wrong, as one statement (the fingerprint hashes its words). */
  message: string;
  /** What to do about it, in words that follow the message after "; " (empty when a rule has no advice). */
  fix: string;
  location: Location;
  /** Other cells the finding is about (the other duplicates, the giving side of a handoff). */
  related: Location[];
  persona: string | null;
  /** Stage id from the stage model, when the finding is about one stage. */
  stage: string | null;
  /** The touchpoint the finding is about, by name (for ignores and stable fingerprints). */
  touchpoint: string | null;
  /** Stable identity across runs: rule, file, sheet, persona, stage, touchpoint name and the words of the message, never the row. */
  fingerprint: string;
}

/** A finding's whole sentence, "message; fix", as the text outputs print it. */
export function findingSentence(finding: Pick<Finding, 'message' | 'fix'>): string {
  return finding.fix ? `${finding.message}; ${finding.fix}` : finding.message;
}
