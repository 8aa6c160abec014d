import type { Readable } from 'node:stream';
import { ConfigResolver } from '../config/load.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { InputError } from '../errors.js';
import { openCsvStream, openInventoryFile } from '../load/index.js';
import { Normalizer } from '../model/normalize.js';
import type { NormalizeObserver } from '../model/normalize/observer.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { selectState, type JourneyState } from '../model/state.js';
import { applyIgnores } from './ignore.js';
import { ignoredStages } from './ignored-stages.js';
import { buildOverview } from './overview.js';
import { summarize } from './summary.js';
import type { AuditResult, FileOverview, FileResult } from './result.js';
import { enabledRules, runRules, sortFindings, today } from './run.js';
import { applySuppressions } from './suppress.js';
import { RULES } from '../rules/index.js';

const RULE_IDS = RULES.map((rule) => rule.id);

/** The rules over one model: inline `journey-ignore:` notes first (they are the sheet's own word), then the config's ignores. */
function judge(model: JourneyModel, config: ResolvedConfig, date: string): { kept: Finding[]; ignored: number } {
  const rules = enabledRules(config);
  const unusedSeverity = rules.find((enabled) => enabled.rule.id === 'unused-suppression')?.severity ?? null;
  const inline = applySuppressions(runRules(model, rules, config.settings, date), model, RULE_IDS, unusedSeverity);
  const reported = inline.unused.length === 0 ? inline.kept : sortFindings([...inline.kept, ...inline.unused], model);
  const { kept, ignored } = applyIgnores(reported, config.ignore, config.file);
  return { kept, ignored: inline.suppressed + ignored.length };
}

/** One thing to audit: a path, or a stream (stdin) with the name locations should use. */
export type AuditInput = { path: string } | { stream: Readable; name: string } | { failed: InputError };

/** How to audit. */
export interface AuditOptions {
  /** Finds each file's config; the defaults apply when omitted. */
  configs?: ConfigResolver;
  sheets?: string[] | undefined;
  /** Also count each file's coverage for the gap report. */
  overview?: boolean;
  /**
   * Called with each readable file's journey model and its findings (after ignores), for views that draw the
   * journey (map, diff); with `alsoState`, also the other state's model and findings when its rows differ.
   */
  onModel?: (file: string, model: JourneyModel, findings: Finding[], other?: { model: JourneyModel; findings: Finding[] }) => void;
  /** Also judge this state of each file for onModel (the report's "What the plan changes", diff --planned). */
  alsoState?: JourneyState;
  /** Overrides the config's `limits.readTimeoutSeconds` (--read-timeout). */
  readTimeoutSeconds?: number | undefined;
  /** Watches headers and values as they are read (journey inspect). */
  observer?: NormalizeObserver;
  /** Which journey the rules judge: today's live rows (the default) or live and planned rows (src/model/state.ts). */
  state?: JourneyState;
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
      const source = 'path' in input ? await openInventoryFile(input.path, { sheets: options.sheets, limits, columns: config.normalize.columns }) : openCsvStream(input.stream, input.name, limits);
      const normalizer = new Normalizer(config.normalize, options.observer);
      if (source.kind !== 'csv') normalizer.add(source.loaded);
      else await normalizer.addStreamed(source.file, source.read);
      // Every rule, the overview and the views see one state's rows, so they agree on what counts.
      const whole = normalizer.model();
      const model = selectState(whole, options.state ?? 'current');
      const summary = model.files[0]!;
      files.push({ file: name, kind: source.kind, sheets: summary.sheets, personas: model.personas.map((p) => p.name), touchpoints: model.touchpoints.length, error: null });
      const judged = judge(model, config, date);
      ignored += judged.ignored;
      // Not push(...kept): a spread of a few hundred thousand findings overflows the call stack.
      for (const finding of judged.kept) findings.push(finding);
      const kept = judged.kept;
      if (options.overview) overviews.push(buildOverview(model, name, ignoredStages(config)));
      if (options.onModel) {
        // The other state only when it holds other rows: a file without planned rows is the same journey in both.
        const otherModel = options.alsoState === undefined ? null : selectState(whole, options.alsoState);
        const other = otherModel === null || otherModel.touchpoints.length === model.touchpoints.length ? undefined : { model: otherModel, findings: judge(otherModel, config, date).kept };
        options.onModel(name, model, kept, other);
      }
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
