import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../../src/model/schema.js';
import { root } from './cli.js';

/** One fixture's findings as the CLI reports them with the default config on TEST_EPOCH. */
export interface FixtureCounts {
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  touchpoints: number;
  byRule: Record<string, number>;
}

/** `journey diff` of the sample workbook against its future version. */
export interface DiffCounts {
  resolved: number;
  introduced: number;
  unchanged: number;
  resolvedBySeverity: Record<Severity, number>;
  introducedBySeverity: Record<Severity, number>;
}

export interface SampleCounts {
  fixtures: Record<string, FixtureCounts>;
  diff: DiffCounts;
}

/**
 * Where the sample fixtures' finding counts live, the one place every test reads them from.
 * tests/rules/registry.test.ts checks it against a real run; after a rule change, rewrite it with
 * `npx vitest run tests/rules/registry.test.ts -u` and review the diff.
 */
export const SAMPLE_COUNTS_FILE = join(root, 'tests/rules/__snapshots__/sample-counts.json');

export const SAMPLE_COUNTS: SampleCounts = JSON.parse(readFileSync(SAMPLE_COUNTS_FILE, 'utf8'));

/** The counts of one fixture, by its path from the repository root. */
export function sampleCounts(fixture: string): FixtureCounts {
  const counts = SAMPLE_COUNTS.fixtures[fixture];
  if (!counts) throw new Error(`${fixture} has no counts in ${SAMPLE_COUNTS_FILE}`);
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 error, 21 warnings, 14 infos", as the summaries word it. */
export function severitiesText(counts: Pick<FixtureCounts, 'errors' | 'warnings' | 'infos'>): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
}

/** "36 findings: 1 error, 21 warnings, 14 infos", as the stylish and report summaries word it. */
export function countsText(counts: Pick<FixtureCounts, 'findings' | 'errors' | 'warnings' | 'infos'>): string {
  return `${plural(counts.findings, 'finding')}: ${severitiesText(counts)}`;
}
