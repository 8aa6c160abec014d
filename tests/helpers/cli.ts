import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/journey.js');

/** "Today" for every CLI run in the tests (2026-11-25), so date-based findings do not drift. */
export const TEST_EPOCH = '1795564800';

// The code cache of test runs goes to a folder of its own, not the user's cache: the run's one folder
// (tests/helpers/global-setup.ts), or one of this file's when run without the config.
const CACHE_DIR = inject('journeyCacheDir') ?? mkdtempSync(join(tmpdir(), 'journey-test-cache-'));

/** Runs the built CLI as a user would, with colors unset and a fixed date unless `env` says otherwise. */
export function journey(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    SOURCE_DATE_EPOCH: TEST_EPOCH,
    JOURNEY_CACHE_DIR: CACHE_DIR,
    ...options.env,
  };
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
