import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import * as z from 'zod';
import { ConfigError } from '../errors.js';
import { MiB } from '../load/limits.js';
import { checkSmallFile } from '../load/text-file.js';
import { type Finding, findingSentence } from '../model/schema.js';
import { reportPath } from './paths.js';
import { recount } from './summary.js';
import type { AuditResult } from './result.js';

const BaselineEntrySchema = z.object({ fingerprint: z.string(), ruleId: z.string(), file: z.string(), message: z.string() });
export const BaselineSchema = z.object({
  version: z.literal(1),
  findings: z.array(BaselineEntrySchema),
});
/** Findings accepted when journey was adopted, by fingerprint; one entry per finding (the same fingerprint may repeat). */
export type Baseline = z.infer<typeof BaselineSchema>;
/** What a baseline accepts: for each fingerprint, how many findings with it. */
export type AcceptedFindings = ReadonlyMap<string, number>;

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

/** How many findings a baseline accepts per fingerprint. */
export function acceptedBy(baseline: Baseline): AcceptedFindings {
  const accepted = new Map<string, number>();
  for (const entry of baseline.findings) accepted.set(entry.fingerprint, (accepted.get(entry.fingerprint) ?? 0) + 1);
  return accepted;
}

class NotABaseline extends Error {}

/**
 * Reads a baseline a piece at a time: each entry of its findings list (an object two levels down) is
 * parsed and checked on its own and only its fingerprint kept, while the rest of the document, with each
 * entry replaced by `{}`, is parsed whole at the end to check its shape. Memory stays near the
 * fingerprints' size instead of several times the file's (a 126 MiB baseline: 250 MB peak, not 570).
 */
class BaselineReader {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly skeleton: string[] = [];
  private entry: string[] | null = null;
  readonly accepted = new Map<string, number>();
  entries = 0;

  feed(text: string): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (c === 0x7b && this.depth === 2 && this.entry === null) {
          this.skeleton.push(text.slice(from, i));
          this.entry = [];
          from = i;
        }
        this.depth++;
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.entry !== null && this.depth === 2) {
          this.entry.push(text.slice(from, i + 1));
          this.take(this.entry.join(''));
          this.entry = null;
          this.skeleton.push('{}');
          from = i + 1;
        }
      }
    }
    (this.entry ?? this.skeleton).push(text.slice(from));
  }

  private take(text: string): void {
    // BaselineEntrySchema's check, written out: run once per entry, zod's costs a third of the read.
    const entry = JSON.parse(text) as Record<string, unknown>;
    if (typeof entry.fingerprint !== 'string' || typeof entry.ruleId !== 'string' || typeof entry.file !== 'string' || typeof entry.message !== 'string')
      throw new NotABaseline();
    this.accepted.set(entry.fingerprint, (this.accepted.get(entry.fingerprint) ?? 0) + 1);
    this.entries++;
  }

  /** Checks the document around the entries: { "version": 1, "findings": [ …every entry… ] }. */
  finish(): void {
    if (this.entry !== null) throw new SyntaxError('unfinished entry');
    const shape: unknown = JSON.parse(this.skeleton.join(''));
    const parsed = z.object({ version: z.literal(1), findings: z.array(z.object({}).strict()) }).safeParse(shape);
    if (!parsed.success || parsed.data.findings.length !== this.entries) throw new NotABaseline();
  }
}

/** Reads a baseline file; a missing or malformed one is a usage error naming the file. */
export async function readBaseline(path: string, maxMiB: number): Promise<AcceptedFindings> {
  try {
    await checkSmallFile(path, maxMiB * MiB);
  } catch (error) {
    const reason = (error as Error).message;
    const hint =
      reason === 'no such file'
        ? ' (write one with --write-baseline)'
        : reason.startsWith('is ') && reason.includes('more than')
          ? ' (limits.baselineMiB raises it)'
          : '';
    throw new ConfigError(`--baseline ${path}: ${reason}${hint}`, { cause: error });
  }
  const reader = new BaselineReader();
  const decoder = new StringDecoder('utf8');
  try {
    // At most one byte past the limit is read: a file grown since the check is refused, not read whole.
    let bytes = 0;
    for await (const chunk of createReadStream(path, { end: maxMiB * MiB })) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxMiB * MiB) throw new ConfigError(`--baseline ${path}: is larger than ${maxMiB} MiB (limits.baselineMiB raises it)`);
      reader.feed(decoder.write(chunk as Buffer));
    }
    reader.feed(decoder.end());
    reader.finish();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof SyntaxError) throw new ConfigError(`--baseline ${path}: not valid JSON; write it again with --write-baseline`);
    if (error instanceof NotABaseline)
      throw new ConfigError(`--baseline ${path}: not a journey baseline (expected { "version": 1, "findings": [...] }); write it again with --write-baseline`);
    throw new ConfigError(`--baseline ${path}: cannot be read (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  }
  return reader.accepted;
}

/** Leaves out findings the baseline accepts (each accepts one finding) and counts the accepted ones no longer found. */
export function applyBaseline(result: AuditResult, accepted: AcceptedFindings): AuditResult {
  const remaining = new Map(accepted);
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
