import * as z from 'zod';
import { ConfigError } from '../errors.js';
import { MiB } from '../load/limits.js';
import { readSmallTextFile } from '../load/text-file.js';
import { type Finding, findingSentence } from '../model/schema.js';
import { reportPath } from './paths.js';
import { recount } from './summary.js';
import type { AuditResult } from './result.js';

export const BaselineSchema = z.object({
  version: z.literal(1),
  findings: z.array(z.object({ fingerprint: z.string(), ruleId: z.string(), file: z.string(), message: z.string() })),
});
/** Findings accepted when journey was adopted, by fingerprint; one entry per finding (the same fingerprint may repeat). */
export type Baseline = z.infer<typeof BaselineSchema>;

/** The baseline for a result's findings, sorted so re-writing it with no change gives the same file. */
export function baselineOf(result: AuditResult): Baseline {
  const findings = result.findings
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: reportPath(f.location.file), message: findingSentence(f) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, findings };
}

/** A result's findings as the text of a baseline file. */
export function baselineText(result: AuditResult): string {
  return `${JSON.stringify(baselineOf(result), null, 2)}\n`;
}

/** Reads a baseline file; a missing or malformed one is a usage error naming the file. */
export async function readBaseline(path: string, maxMiB: number): Promise<Baseline> {
  let text: string;
  try {
    text = await readSmallTextFile(path, maxMiB * MiB);
  } catch (error) {
    const reason = (error as Error).message;
    const hint = reason === 'no such file' ? ' (write one with --write-baseline)' : reason.startsWith('is ') && reason.includes('more than') ? ' (limits.baselineMiB raises it)' : '';
    throw new ConfigError(`--baseline ${path}: ${reason}${hint}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`--baseline ${path}: not valid JSON; write it again with --write-baseline`);
  }
  const baseline = BaselineSchema.safeParse(parsed);
  if (!baseline.success) throw new ConfigError(`--baseline ${path}: not a journey baseline (expected { "version": 1, "findings": [...] }); write it again with --write-baseline`);
  return baseline.data;
}

/** Leaves out findings the baseline has (each baseline entry accepts one finding) and counts the entries no longer found. */
export function applyBaseline(result: AuditResult, baseline: Baseline): AuditResult {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const kept: Finding[] = [];
  let baselined = 0;
  for (const finding of result.findings) {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      baselined++;
    } else kept.push(finding);
  }
  const fixed = [...remaining.values()].reduce((sum, n) => sum + n, 0);
  const next = recount(result, kept);
  return { ...next, summary: { ...next.summary, baselined, fixed } };
}
