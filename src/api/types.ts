// The public types of journey-audit's programmatic API, written out by hand so the published
// declarations stand alone (the internal ones are inferred from zod schemas, which a user would need
// installed to read). src/api/assert-types.ts fails the build when the two drift apart.

/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a value or a finding sits: file, sheet (null for CSV and markdown), 1-based row, column letter, and the cell as a spreadsheet names it. */
export interface Location {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/** One gap or problem a rule reports. */
export interface Finding {
  /** The rule's id, e.g. "handoff-lag" (`journey explain <id>` describes it). */
  ruleId: string;
  severity: Severity;
  /** What is wrong, as one statement. */
  message: string;
  /** What to do about it ("" when the rule has no advice); text outputs print `message; fix`. */
  fix: string;
  location: Location;
  /** Other cells the finding is about (the other duplicates, the giving side of a handoff). */
  related: Location[];
  persona: string | null;
  /** Stage id from the stage model, when the finding is about one stage. */
  stage: string | null;
  /** The touchpoint the finding is about, by name. */
  touchpoint: string | null;
  /** Stable identity across runs (baselines, SARIF partialFingerprints): never the row, nor counts or names lists in the message. */
  fingerprint: string;
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
  /** Set when the sheet was read as a journey-map grid: each lane's label, row and what it was read as (null: not read), and the stage columns. */
  grid?: { lanes: { label: string; row: number; readAs: string | null }[]; stages: { column: string; text: string }[] } | undefined;
  /** Section rows (one text across the table): their row, text, and what they say for the rows under them. */
  sections?: { row: number; text: string; kind: 'planned' | 'current' | 'stage' | 'label' }[] | undefined;
  /** Set when the table has no stage column and its section rows or headings give the stages. */
  stagesFrom?: 'sections' | 'headings' | undefined;
  /** Set when the timing is a date column per cohort: each schedule's column letter and header, the first placing the touchpoints. */
  schedules?: { column: string; header: string }[] | undefined;
}

/** What was read from one input file. */
export interface FileResult {
  file: string;
  kind: 'csv' | 'xlsx' | 'markdown' | null;
  sheets: SheetSummary[];
  personas: string[];
  touchpoints: number;
  /** Why the file could not be audited (an input error), or null. */
  error: string | null;
}

/** The counts of one audit. */
export interface Summary {
  files: number;
  touchpoints: number;
  personas: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files that could not be read. */
  inputErrors: number;
  /** Findings left out by the config's `ignore` entries and by `journey-ignore` notes. */
  ignored: number;
  /** With a baseline: findings left out because the baseline has them, and baseline entries no longer found. */
  baselined?: number | undefined;
  fixed?: number | undefined;
  /** With --quiet: the warnings and infos left out. */
  hidden?: number | undefined;
}

/** What one persona meets in one stage, counted for the gap report. */
export interface StageOverview {
  stage: string;
  touchpoints: number;
  /** Touchpoints per channel id. */
  channels: Record<string, number>;
  teams: string[];
  inbound: number;
  outbound: number;
  automatic: number;
  manual: number;
  ongoing: number;
  kpis: string[];
  firstDay: number | null;
  lastDay: number | null;
  /** Distinct pain points and opportunities of a journey-map grid's lanes; absent when none. */
  painPoints?: string[] | undefined;
  opportunities?: string[] | undefined;
  /** What interviewees said about the stage (--answers); absent without answers about it. */
  interviews?:
    | {
        /** Interviewees who gave a feeling: the mean and the negative ones are of them. */
        interviewees: number;
        /** Interviewees who answered at all, with a feeling or only a quote. */
        answered: number;
        /** Every quote about the stage; `quotes` keeps the first ten. */
        quoted: number;
        negative: number;
        score: number | null;
        quotes: { quote: string; score: number | null; touchpoint: string | null; interviewee: string }[];
      }
    | undefined;
}

/** A handoff between consecutive stages of one persona. */
export interface HandoffOverview {
  fromStage: string;
  toStage: string;
  fromTeam: string | null;
  toTeam: string | null;
  fromTouchpoint: string;
  toTouchpoint: string;
  fromDay: number;
  toDay: number;
  days: number;
  changesTeam: boolean;
}

export interface PersonaOverview {
  persona: string;
  /** Every stage of the stage model, in order, including empty ones. */
  stages: StageOverview[];
  /** Touchpoints whose stage is unknown, blank or not given (a timeline), counted like a stage; null when there are none. */
  unplaced: StageOverview | null;
  handoffs: HandoffOverview[];
}

/** The coverage of one inventory: what the gap report draws from. */
export interface FileOverview {
  file: string;
  stages: { id: string; label: string }[];
  channels: { id: string; label: string }[];
  personas: PersonaOverview[];
}

/**
 * The result of an audit, and the `--format json` output (which adds `tool`). `version` is the
 * version of this shape: it changes only when a field is removed or changes meaning; new optional
 * fields may appear within a version.
 */
export interface AuditResult {
  version: 1;
  files: FileResult[];
  findings: Finding[];
  summary: Summary;
  /** Per-file coverage, present when asked for (`overview: true`, `journey report`). */
  overviews?: FileOverview[] | undefined;
}

/** The fields a touchpoint row can have; also the names of inventory columns. */
export type Field =
  | 'stage'
  | 'touchpoint'
  | 'team'
  | 'channel'
  | 'mode'
  | 'direction'
  | 'day'
  | 'frequency'
  | 'persona'
  | 'kpi'
  | 'notes'
  | 'owner'
  | 'audience'
  | 'sent'
  | 'opens'
  | 'clicks'
  | 'conversion'
  | 'dropOff'
  | 'unsubscribe'
  | 'nps'
  | 'csat'
  | 'sentiment'
  | 'painPoint'
  | 'lastReviewed'
  | 'status'
  | 'event';

/** One row of the inventory: a communication a persona meets. */
export interface Touchpoint {
  index: number;
  persona: string;
  /** Stage id from the stage model; null when the cell was blank or unknown. */
  stage: string | null;
  name: string;
  team: string | null;
  /** Channel id; null when blank or unknown. The first of `channels`. */
  channel: string | null;
  channels: string[];
  mode: 'ongoing' | 'automatic' | 'manual' | null;
  direction: 'inbound' | 'outbound' | 'both' | null;
  /** Day offset from the start of the journey. */
  day: number | null;
  /** The day cell's text when it names no day ("Q3", "Ongoing"). */
  timing: string | null;
  frequency: { text: string; cadence: string | null; recurring: boolean } | null;
  kpi: string | null;
  notes: string | null;
  owner: string | null;
  status: 'live' | 'planned' | null;
  /** Rates are fractions 0–1; nps is -100 to 100. */
  metrics: {
    audience: number | null;
    sent: number | null;
    openRate: number | null;
    clickRate: number | null;
    conversionRate: number | null;
    dropOffRate: number | null;
    unsubscribeRate: number | null;
    nps: number | null;
    csat: number | null;
  };
  /** score: -2 (very negative) to +2 (very positive), null for words journey does not know. */
  sentiment: { score: number | null; text: string } | null;
  painPoint: string | null;
  /** YYYY-MM-DD. */
  lastReviewed: string | null;
  /** The event-log events that are this touchpoint (journey measure), as written. */
  event?: string | null | undefined;
  /** Set when journey's --metrics filled figures the row lacked: which, and the metrics file's row. */
  measured?: { fields: (keyof Touchpoint['metrics'])[]; location: Location } | undefined;
  /** 1-based row in its sheet. */
  row: number;
  place: {
    file: string;
    sheet: string | null;
    columns: Partial<Record<Field, string>>;
    /** A markdown table's header texts. */
    columnNames?: string[] | undefined;
    /** A journey-map grid read transposed: the row of each field's lane. */
    rows?: Partial<Record<Field, number>> | undefined;
  };
  /** An improvement idea for the touchpoint's stage, from a journey-map grid's Opportunity lane. */
  opportunity?: string | null | undefined;
  /** Its other schedules, when the table has a date column per cohort: header, date (YYYY-MM-DD) and day from that schedule's earliest date. */
  schedules?: { label: string; date: string | null; day: number | null }[] | undefined;
}

/** An inventory as journey reads it: what the rules check. */
export interface Inventory {
  files: { file: string; kind: 'csv' | 'xlsx' | 'markdown'; sheets: SheetSummary[] }[];
  personas: { name: string; location: Location }[];
  touchpoints: Touchpoint[];
  /** Cells whose value could not be read (reported by rules such as unknown-value and invalid-value). */
  problems: {
    kind: 'unknown' | 'invalid' | 'duplicate-header' | 'blank-header' | 'blank-row' | 'timing-column' | 'channel-from-name';
    field: Field | null;
    value: string;
    reason: { code: string; [detail: string]: unknown };
    location: Location;
    persona: string | null;
    stage: string | null;
    touchpoint: string | null;
  }[];
  stageModel: { stages: { id: string; label: string; synonyms: string[] }[] };
  /** Where the stage model came from: journey's default, the config, or the inventory's own Stage values. */
  stageSource: { kind: 'default' | 'config' | 'file'; name: string; location: Location | null };
  channels: { id: string; label: string; synonyms: string[]; automatable: boolean; inbound: boolean }[];
  /** Interview answers about this inventory (--answers), when given. */
  interviews?: InterviewAnswer[] | undefined;
}

/** What one interviewee said about a stage or touchpoint (journey interview's answers sheet). */
export interface InterviewAnswer {
  persona: string;
  interviewee: string;
  stage: string | null;
  touchpoint: string | null;
  question: string | null;
  quote: string | null;
  /** -2..+2. */
  score: number | null;
  feeling: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  location: Location;
}

/** A rule as the API lists it. */
export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  docs: { why: string; triggers: string; fix: string; example: string };
  /** The rule's options with their defaults. */
  defaultOptions: Record<string, unknown>;
}

/** Options every formatter takes; all optional. */
export interface FormatOptions {
  /** ANSI colors (terminal formats only); default false. */
  color?: boolean;
  /** Width to wrap a table at (stylish); default 100. */
  width?: number;
  /** The folder paths are made relative to; default process.cwd(). */
  cwd?: string;
}

/** Renders a result in one output format. */
export type FormatterFunction = (result: AuditResult, options?: FormatOptions) => Promise<string>;

/** The output formats of `journey audit --format`. */
export type FormatName = 'compact' | 'github' | 'json' | 'junit' | 'markdown' | 'sarif' | 'stylish';

/** What to audit: a file path (xlsx, xlsm, csv, tsv, md) or a folder, or a stream of CSV with the name locations should use. */
export type AuditTarget = string | { stream: NodeJS.ReadableStream; name: string };

/** How `audit` and `loadInventory` run. */
export interface AuditOptions {
  /** A config file to use for every input, instead of the nearest journey.config.json(c) or package.json "journey" key. */
  configFile?: string;
  /** Read only these sheets (also hidden ones). */
  sheets?: string[];
  /** Give up reading one file after this many seconds. */
  readTimeoutSeconds?: number;
  /** Also count each file's coverage (result.overviews), as `journey report` does. */
  overview?: boolean;
  /** Which journey the rules judge: 'current' (the default) audits live rows only, 'future' live and planned rows (as `--state future`). */
  state?: 'current' | 'future';
}
