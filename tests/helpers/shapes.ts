import type { AuditResult } from '../../src/engine/result.js';
import { auditJson } from './results.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { JourneyModel } from '../../src/model/schema.js';
import { journey } from './cli.js';

/** `journey audit FILE --format json` with the built CLI: exit code, stderr, and the parsed result (null on exit 2). */
export function auditShape(file: string): { code: number | null; stderr: string; result: AuditResult | null } {
  const { code, stdout, stderr } = journey(['audit', file, '--format', 'json']);
  return { code, stderr, result: code === 2 ? null : auditJson(stdout) };
}

/** The rule ids of a result's findings, each once, sorted. */
export function ruleIds(result: AuditResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))].sort();
}

/** The journey model of a fixture, as journey reads it with the default settings. */
export async function readShape(file: string): Promise<JourneyModel> {
  return normalize([await loadInventoryFile(file)]);
}
