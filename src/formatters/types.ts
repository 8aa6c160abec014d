import type { AuditResult } from '../engine/result.js';
import type { Severity } from '../model/schema.js';

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
  /** Mermaid journey diagrams by `file\u0000persona` (drawn by src/views/map), embedded by the gap report. */
  journeys?: ReadonlyMap<string, string>;
}

/**
 * Renders an audit result; never analyses. Output is a string, or its pieces in order when it can be
 * large, so it is written without ever being one string (docs/design.md, Output is streamed).
 */
export type Formatter = (result: AuditResult, options: FormatOptions) => string | Iterable<string>;
