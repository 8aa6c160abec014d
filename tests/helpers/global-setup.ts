// Once per test run: one code-cache folder for every CLI run of every test file, so the built CLI starts
// warm after its first run instead of compiling its chunks again in each file (tests/helpers/cli.ts).
// Cache files are written aside and renamed, so concurrent runs share the folder safely.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    journeyCacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'journey-test-cache-'));
  project.provide('journeyCacheDir', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
