import { plural } from '../english.js';
import { markdownText } from '../escape.js';
import type { Finding, Location, Severity } from '../model/schema.js';
import { SEVERITY_RANK } from '../vocab/severity.js';

export { plural } from '../english.js';

/** A fix as the report's action column shows it: a sentence of its own, so with a capital. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a finding is, as a spreadsheet user names it: the cell, else the sheet, else the file. */
export function placeOf(location: Location): string {
  return location.cell ?? location.sheet ?? location.file;
}

/** Findings counted by severity, as a summary holds them. */
export interface SeverityTotals {
  errors: number;
  warnings: number;
  infos: number;
}

/** "1 error, 2 warnings, 0 infos". */
export function severityCounts(summary: SeverityTotals): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`;
}

/** How many findings there are, of every severity. */
export function findingTotal(summary: SeverityTotals): number {
  return summary.errors + summary.warnings + summary.infos;
}

/** "3 findings: 1 error, 2 warnings, 0 infos". */
export function findingCounts(summary: SeverityTotals): string {
  return `${plural(findingTotal(summary), 'finding')}: ${severityCounts(summary)}`;
}

/** A severity as the markdown outputs label it, with its icon. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** Findings ordered most serious first, keeping their order within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.i - b.i)
    .map((e) => e.finding);
}

/** Text safe inside a markdown table cell (or anywhere inline in markdown): see markdownText. */
export const tableCell = markdownText;
