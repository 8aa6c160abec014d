// The public types of journey-audit's programmatic API: the engine's own types, published as they are
// (plain interfaces in src/model/schema.ts and src/engine/result.ts, and the value lists they are made
// of), plus what only the API has. The declarations they come from need nothing else installed
// (tests/e2e/package.test.ts compiles a consumer against the packed package).
import type { AuditResult } from '../engine/result.js';
import type { JourneyModel, Severity } from '../model/schema.js';

export type { AuditResult, FileOverview, FileResult, HandoffOverview, PersonaOverview, StageOverview, Summary } from '../engine/result.js';
export type {
  Channel,
  ChannelsFromNames,
  Direction,
  ExpectedValue,
  Field,
  FileSummary,
  Finding,
  Frequency,
  InterviewAnswer,
  InvalidReason,
  Location,
  Metrics,
  Mode,
  Persona,
  Sentiment,
  Severity,
  SheetSummary,
  Stage,
  StageModel,
  StageSource,
  Status,
  TablePlace,
  Touchpoint,
  ValueProblem,
} from '../model/schema.js';

/** An inventory as journey reads it: what the rules check. */
export type Inventory = JourneyModel;

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
