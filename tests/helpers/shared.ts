import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './cli.js';

/** `../shared/` beside the project: the workbook corpus and the SARIF schema. CI has it; a user's clone does not. */
export const SHARED = resolve(root, '../shared');

/**
 * Whether the tests that read `../shared/` can run. Without it they are skipped with one visible line,
 * except under CI=true, where its absence is a failure: CI must never pass by skipping them.
 */
export function sharedAvailable(what: string): boolean {
  if (existsSync(SHARED)) return true;
  if (process.env.CI === 'true') throw new Error(`${SHARED} is missing: CI needs the project's shared test data there for ${what}`);
  process.stdout.write(`${sharedSkipLine(what)}\n`);
  return false;
}

/** The line a skipped test prints: what the missing folder is, and that a clone runs fine without it. */
export function sharedSkipLine(what: string, folder: string = SHARED): string {
  return `skipped: ${what} (it reads the project's shared test data, a workbook corpus and the SARIF schema kept in ${folder} beside the project, not in it; a clone does not need it, CI has it)`;
}
