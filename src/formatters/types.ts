import type { AuditResult } from '../engine/result.js';
import type { Finding, Severity } from '../model/schema.js';

/** What every formatter may use besides the result. */
export interface FormatOptions {
  /** Whether to emit ANSI colors (terminal formats only). */
  color: boolean;
  /** Terminal width for wrapping, in columns. */
  width: number;
  /** The working folder; machine formats give file paths relative to it. */
  cwd: string;
  /** The lowest severity that fails the run (--fail-on); JUnit fails only those test cases. Default "error", as the CLI's. */
  failOn?: Severity | 'never';
  /** --max-warnings: JUnit adds a failing test case when the warnings exceed it. */
  maxWarnings?: number | undefined;
  /**
   * What the gap report shows of each persona's journey, by `file\u0000persona`: a Mermaid `journey`
   * diagram (fenced by the report), or markdown to embed as it is (an image of the map, a line saying why none is drawn).
   */
  journeys?: ReadonlyMap<string, string>;
  /** Which journey the findings judge: today's live rows (the default) or live and planned rows (--state future). */
  state?: 'current' | 'future';
  /** Per file, what its planned rows change (`journey diff --planned`), for the report's "What the plan changes". */
  plans?: ReadonlyMap<string, PlanChanges>;
}

/** What a file's planned rows change: how many there are, and the findings they resolve and introduce. */
export interface PlanChanges {
  planned: number;
  resolved: Finding[];
  introduced: Finding[];
}

/**
 * Renders an audit result; never analyses. Output is a string, or its pieces in order when it can be
 * large, so it is written without ever being one string (docs/design.md, Output is streamed).
 */
export type Formatter = (result: AuditResult, options: FormatOptions) => string | Iterable<string>;
