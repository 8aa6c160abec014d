import { ConfigResolver } from '../config/load.js';
import { InputError } from '../errors.js';
import type { NormalizeObserver } from '../model/normalize/observer.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import type { AuditInput } from './inputs.js';
import { buildOverview } from './overview.js';
import { checkInventory, readInventory } from './pipeline.js';
import { summarize } from './summary.js';
import type { AuditResult, FileOverview, FileResult } from './result.js';
import { today } from './run.js';

export type { AuditInput } from './inputs.js';

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
 * Audits each input on its own (its personas and stages are not mixed with another file's), through
 * readInventory and checkInventory. A file that cannot be read is recorded with its error and the rest go on.
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
      const { kind, model } = await readInventory(input, config, options);
      const summary = model.files[0]!;
      files.push({ file: name, kind, sheets: summary.sheets, personas: model.personas.map((p) => p.name), touchpoints: model.touchpoints.length, error: null });
      const checked = checkInventory(model, config, date);
      // Not push(...kept): a spread of a few hundred thousand findings overflows the call stack.
      for (const finding of checked.findings) findings.push(finding);
      ignored += checked.ignored;
      if (options.overview) overviews.push(buildOverview(model, name));
      options.onModel?.(name, model, checked.findings);
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
