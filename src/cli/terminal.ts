import { MACHINE_FORMATS } from '../formatters/index.js';
import type { FailOn } from '../vocab/severity.js';
import { shouldColor } from './color.js';

/** What a stream is, for choosing an output's shape. */
interface Stream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * The default format of `journey audit`: the wrapped table for a person at a terminal, one line per
 * finding anywhere else (a pipe, a file, an editor's task runner), so grep and problem matchers work.
 */
export function defaultFormat(stdout: Stream, toFile: boolean): 'stylish' | 'compact' {
  return stdout.isTTY === true && !toFile ? 'stylish' : 'compact';
}

/**
 * The width to wrap terminal output at: COLUMNS when set (as for ls and git), else the terminal's width;
 * Infinity (never wrap) when the output is not a terminal, so a line per finding stays one line.
 */
export function wrapWidth(stdout: Stream, toFile: boolean, env: NodeJS.ProcessEnv = process.env): number {
  if (stdout.isTTY !== true || toFile) return Number.POSITIVE_INFINITY;
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stdout.columns ?? 80;
}

/** How a format renders: colors and wrapping only for a terminal (COLUMNS respected), never into an -o file. */
export function renderOptions(format: string, output?: string, failOn?: FailOn) {
  const toFile = output !== undefined;
  return {
    color: !toFile && !MACHINE_FORMATS.has(format) && shouldColor(process.stdout),
    width: wrapWidth(process.stdout, toFile),
    cwd: process.cwd(),
    failOn,
  };
}
