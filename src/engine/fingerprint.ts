import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/schema.js';
import { foldKey } from '../model/text.js';

// Every finding of a file asks for the same path; it is worked out once.
const reportPaths = new Map<string, string>();

/** A file path as findings are fingerprinted and reported to CI: relative to the working folder, with forward slashes. */
export function reportPath(file: string, cwd: string = process.cwd()): string {
  const key = `${cwd}\u0000${file}`;
  let path = reportPaths.get(key);
  if (path === undefined) {
    path = relative(cwd, resolve(cwd, file)).split(sep).join('/');
    reportPaths.set(key, path);
  }
  return path;
}

/**
 * What a message says regardless of order: its words outside quotes, sorted, figures blanked. Messages
 * list touchpoints (quoted, and cut to the first few) and teams in row order, which a re-sorted sheet changes.
 */
function messageKey(message: string): string {
  return message.replace(/"[^"]*"/g, ' ').replace(/\d+(?:[.,]\d+)?/g, '#').toLowerCase().split(/[^\p{L}\p{N}#]+/u).filter(Boolean).sort().join(' ');
}

/**
 * A finding's identity across runs, built from the rule, the file, sheet, persona, stage, touchpoint
 * name and the words of its message, never the row: re-sorting a sheet or a lag growing from
 * 14 to 15 days keeps the same fingerprint.
 */
export function fingerprintOf(finding: Omit<Finding, 'fingerprint'>, cwd?: string): string {
  const parts = [
    finding.ruleId,
    reportPath(finding.location.file, cwd),
    finding.location.sheet ?? '',
    foldKey(finding.persona ?? ''),
    finding.stage ?? '',
    foldKey(finding.touchpoint ?? ''),
    messageKey(finding.message),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
