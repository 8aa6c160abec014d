import type { AuditResult } from '../../src/engine/result.js';
import type { Finding, Severity } from '../../src/model/schema.js';

/** A finding for formatter tests, at a cell of a workbook sheet. */
export function finding(severity: Severity, message: string, row = 2, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'handoff-lag',
    severity,
    message,
    fix: '',
    location: { file: 'inventories/team.xlsx', sheet: 'Practitioner', row, column: 'B', cell: `Practitioner!B${row}` },
    related: [],
    persona: 'Practitioner',
    stage: 'onboarding',
    touchpoint: 'Kickoff call',
    fingerprint: `fp${row}`,
    ...extra,
  };
}

/** An audit result of one readable workbook holding `findings`. */
export function resultWith(
  findings: Finding[],
  files: AuditResult['files'] = [{ file: 'inventories/team.xlsx', kind: 'xlsx', sheets: [], personas: ['Practitioner'], touchpoints: 3, error: null }],
): AuditResult {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    files,
    findings,
    summary: {
      files: files.length,
      touchpoints: 3,
      personas: 1,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      inputErrors: files.filter((f) => f.error !== null).length,
      ignored: 0,
    },
  };
}

export const OPTIONS = { color: false, width: 100, cwd: process.cwd() };

/** `journey audit --format json` output read back (its shape is AuditResult, typed where the engine builds it). */
export function auditJson(stdout: string): AuditResult {
  return JSON.parse(stdout) as AuditResult;
}
