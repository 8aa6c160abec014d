import { join } from 'node:path';
import { audit } from '../../src/engine/audit.js';
import type { AuditResult } from '../../src/engine/result.js';
import type { Severity } from '../../src/model/schema.js';
import { compareInventories, summarizeDiff, type DiffSide } from '../../src/views/diff/compare.js';
import { root, TEST_EPOCH } from './cli.js';

/** One fixture's findings as an audit with the default config gives them on TEST_EPOCH. */
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

/** The sample fixtures whose counts tests read, by path from the repository root. */
export const SAMPLES = ['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv', 'fixtures/sample-future.xlsx'] as const;

/** TEST_EPOCH as the day the date-based rules judge by. */
export const TEST_DATE = new Date(Number(TEST_EPOCH) * 1000).toISOString().slice(0, 10);

/** Audits a sample in process, from the sources (not dist/): what the built CLI must print, as its tests check. */
export async function auditSample(fixture: string, state: 'current' | 'future' = 'current', onSide?: (side: DiffSide) => void): Promise<AuditResult> {
  const path = join(root, fixture);
  return audit([{ path }], { date: TEST_DATE, state, onModel: (file, model, findings) => onSide?.({ file, model, findings }) });
}

function countsOf(result: AuditResult): FixtureCounts {
  const byRule: Record<string, number> = {};
  for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
  const { errors, warnings, infos, touchpoints } = result.summary;
  return { findings: result.findings.length, errors, warnings, infos, touchpoints, byRule: sorted };
}

/** The diff of two samples as `journey diff A B` compares them: each side's rows as written (live and planned). */
async function diffCounts(before: string, after: string): Promise<DiffCounts> {
  const sides: DiffSide[] = [];
  for (const fixture of [before, after]) await auditSample(fixture, 'future', (side) => sides.push(side));
  const summary = summarizeDiff([compareInventories(sides[0]!, sides[1]!)]);
  return {
    resolved: summary.findingsResolved,
    introduced: summary.findingsIntroduced,
    unchanged: summary.findingsUnchanged,
    resolvedBySeverity: summary.resolvedBySeverity,
    introducedBySeverity: summary.introducedBySeverity,
  };
}

/**
 * The sample fixtures' finding counts, computed once per test file from the sources, so a test reading
 * them never agrees with a stale build. tests/rules/registry.test.ts records them in
 * `__snapshots__/sample-counts.json` for review: after a rule change, `npx vitest run
 * tests/rules/registry.test.ts -u` and read the diff.
 */
export const SAMPLE_COUNTS: SampleCounts = {
  fixtures: Object.fromEntries(await Promise.all(SAMPLES.map(async (fixture) => [fixture, countsOf(await auditSample(fixture))] as const))),
  diff: await diffCounts(SAMPLES[0], SAMPLES[2]),
};

/** The counts of one fixture, by its path from the repository root. */
export function sampleCounts(fixture: string): FixtureCounts {
  const counts = SAMPLE_COUNTS.fixtures[fixture];
  if (!counts) throw new Error(`${fixture} is not one of the samples (${SAMPLES.join(', ')})`);
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
