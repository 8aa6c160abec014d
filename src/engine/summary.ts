import type { Finding } from '../model/schema.js';
import type { AuditResult, FileResult, Summary } from './result.js';

/** The summary counts for a set of files and findings. */
export function summarize(files: FileResult[], findings: Finding[], ignored: number): Summary {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    files: files.length,
    touchpoints: files.reduce((sum, f) => sum + f.touchpoints, 0),
    personas: files.reduce((sum, f) => sum + f.personas.length, 0),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    inputErrors: files.filter((f) => f.error !== null).length,
    ignored,
  };
}

/** The same result with only `findings` kept, its counts redone. */
export function recount(result: AuditResult, findings: Finding[]): AuditResult {
  return { ...result, findings, summary: { ...result.summary, ...summarize(result.files, findings, result.summary.ignored) } };
}
