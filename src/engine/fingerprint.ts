import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/schema.js';
import { foldKey } from '../model/text.js';

/** A file path as findings are fingerprinted and reported to CI: relative to the working folder, with forward slashes. */
export function reportPath(file: string, cwd: string = process.cwd()): string {
  return relative(cwd, resolve(cwd, file)).split(sep).join('/');
}

/**
 * A finding's identity across runs. Built from the rule, the file, persona, stage, touchpoint name and
 * the message with its figures blanked, never the row: re-sorting a sheet or a lag growing from 14
 * to 15 days keeps the same fingerprint.
 */
export function fingerprintOf(finding: Omit<Finding, 'fingerprint'>, cwd?: string): string {
  const parts = [
    finding.ruleId,
    reportPath(finding.location.file, cwd),
    finding.location.sheet ?? '',
    foldKey(finding.persona ?? ''),
    finding.stage ?? '',
    foldKey(finding.touchpoint ?? ''),
    finding.message.replace(/\d+(?:[.,]\d+)?/g, '#'),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
