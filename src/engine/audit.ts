import type { Readable } from 'node:stream';
import { ConfigResolver } from '../config/load.js';
import { InputError } from '../errors.js';
import { openCsvStream, openInventoryFile } from '../load/index.js';
import { Normalizer } from '../model/normalize.js';
import type { NormalizeObserver } from '../model/normalize/observer.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { applyIgnores } from './ignore.js';
import { buildOverview } from './overview.js';
import { summarize } from './summary.js';
import type { AuditResult, FileOverview, FileResult } from './result.js';
import { enabledRules, runRules, sortFindings, today } from './run.js';
import { applySuppressions } from './suppress.js';
import { RULES } from '../rules/index.js';

const RULE_IDS = RULES.map((rule) => rule.id);

/** One thing to audit: a path, or a stream (stdin) with the name locations should use. */
export type AuditInput = { path: string } | { stream: Readable; name: string } | { failed: InputError };

/** How to audit. */
export interface AuditOptions {
  /** Finds each file's config; the defaults apply when omitted. */
  configs?: ConfigResolver;
  sheets?: string[] | undefined;
  /** Also count each file's coverage for the gap report. */
  overview?: boolean;
  /** Called with each readable file's journey model and its findings (after ignores), for views that draw the journey (map, diff). */
  onModel?: (file: string, model: JourneyModel, findings: Finding[]) => void;
  /** Overrides the config's `limits.readTimeoutSeconds` (--read-timeout). */
  readTimeoutSeconds?: number | undefined;
  /** Watches headers and values as they are read (journey inspect). */
  observer?: NormalizeObserver;
}

/**
 * Audits each input on its own (its personas and stages are not mixed with another file's):
 * load → normalize → rules. A file that cannot be read is recorded with its error and the rest go on.
 */
export async function audit(inputs: AuditInput[], options: AuditOptions): Promise<AuditResult> {
  const configs = options.configs ?? new ConfigResolver();
  const date = today();
  const files: FileResult[] = [];
  const findings: Finding[] = [];
  const overviews: FileOverview[] = [];
  let ignored = 0;
  for (const input of inputs) {
    if ('failed' in input) {
      files.push({ file: input.failed.place.file, kind: null, sheets: [], personas: [], touchpoints: 0, error: input.failed.describe() });
      continue;
    }
    const name = 'path' in input ? input.path : input.name;
    // Config errors are not per file: they stop the run (exit 2) before anything is reported.
    const config = await configs.forFile('path' in input ? input.path : null);
    try {
      const limits = options.readTimeoutSeconds === undefined ? config.limits : { ...config.limits, readTimeoutSeconds: options.readTimeoutSeconds };
      const source = 'path' in input ? await openInventoryFile(input.path, { sheets: options.sheets, limits }) : openCsvStream(input.stream, input.name, limits);
      const normalizer = new Normalizer(config.normalize, options.observer);
      if (source.kind !== 'csv') normalizer.add(source.loaded);
      else await normalizer.addStreamed(source.file, source.read);
      const model = normalizer.model();
      const summary = model.files[0]!;
      files.push({ file: name, kind: source.kind, sheets: summary.sheets, personas: model.personas.map((p) => p.name), touchpoints: model.touchpoints.length, error: null });
      const rules = enabledRules(config);
      const unusedSeverity = rules.find((enabled) => enabled.rule.id === 'unused-suppression')?.severity ?? null;
      // Inline `journey-ignore:` notes first (they are the sheet's own word), then the config's ignores.
      const inline = applySuppressions(runRules(model, rules, config.settings, date), model, RULE_IDS, unusedSeverity);
      const reported = inline.unused.length === 0 ? inline.kept : sortFindings([...inline.kept, ...inline.unused], model);
      const { kept, ignored: dropped } = applyIgnores(reported, config.ignore, config.file);
      ignored += inline.suppressed;
      // Not push(...kept): a spread of a few hundred thousand findings overflows the call stack.
      for (const finding of kept) findings.push(finding);
      ignored += dropped.length;
      if (options.overview) overviews.push(buildOverview(model, name));
      options.onModel?.(name, model, kept);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      files.push({ file: name, kind: null, sheets: [], personas: [], touchpoints: 0, error: error.describe() });
    }
  }
  return {
    version: 1,
    files,
    findings,
    summary: summarize(files, findings, ignored),
    ...(options.overview ? { overviews } : {}),
  };
}
