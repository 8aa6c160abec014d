// The result of an audit, as plain types: the engine builds it, formatters render it, and the
// programmatic API publishes these declarations as they are (src/api/types.ts).
import type { InputKind } from '../load/formats.js';
import type { Finding, SheetSummary } from '../model/schema.js';

/** What was read from one input file. */
export interface FileResult {
  file: string;
  kind: InputKind | null;
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
  /** Findings left out by the config's `ignore` entries and by `journey-ignore` notes in Notes cells. */
  ignored: number;
  /** With --baseline: findings left out because the baseline has them, and baseline entries no longer found. */
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
  /** First and last day offset of the stage's touchpoints, when they have days. */
  firstDay: number | null;
  lastDay: number | null;
  /** Distinct pain points and opportunities of the stage's touchpoints (a journey-map grid's lanes); absent when none. */
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
        /** The interviewees' mean feeling, -2..+2. */
        score: number | null;
        /** Their quotes, most negative first (at most ten). */
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
  /** Every stage of the stage model, in order, including empty ones (except those missing-stage's ignoreStages lists for the persona). */
  stages: StageOverview[];
  /** Touchpoints whose stage is unknown, blank, or not given (a timeline), counted like a stage; null when there are none. */
  unplaced: StageOverview | null;
  handoffs: HandoffOverview[];
}

/** The coverage of one inventory: what the gap report draws its matrices and timelines from. */
export interface FileOverview {
  file: string;
  stages: { id: string; label: string }[];
  channels: { id: string; label: string }[];
  personas: PersonaOverview[];
}

/**
 * The outcome of one `journey audit`: what formatters render, and the `--format json` output (which adds
 * `tool`). `version` is the version of this shape: it changes only when a field is removed or changes
 * meaning; new optional fields may appear within a version.
 */
export interface AuditResult {
  version: 1;
  files: FileResult[];
  findings: Finding[];
  summary: Summary;
  /** Per-file coverage, present when asked for (`overview: true`, journey report). */
  overviews?: FileOverview[] | undefined;
}
