import { ConfigResolver } from '../config/load.js';
import { InputError } from '../errors.js';
import { loadAnswers } from '../interview/load-answers.js';
import { loadInventoryFile } from '../load/index.js';
import type { ReadLimits } from '../load/limits.js';
import { mergeMeasured, readMeasuredRows } from '../model/measured.js';
import type { NormalizeObserver } from '../model/normalize/observer.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import type { JourneyState } from '../model/state.js';
import { ignoredStages } from './ignored-stages.js';
import type { AuditInput } from './inputs.js';
import { buildOverview } from './overview.js';
import { checkState, readInventory } from './pipeline.js';
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
  /** An interview answers sheet (journey interview --template) about the inventory: read into its model's interviews before the rules run. */
  answers?: string | undefined;
  /** Today for the date-based rules, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH's day). */
  date?: string;
  /**
   * Measured figures (journey measure --write-metrics) about the inventory: filled into the touchpoints
   * that have no figure of their own before the rules run.
   */
  metrics?: string | undefined;
  /** Told what --metrics filled, kept and could not match. */
  onNote?: (text: string) => void;
}

/** An answers sheet or metrics file that cannot be read, carried through the per-file catch that records an inventory's own input errors. */
class SideInputFailed extends Error {
  constructor(readonly problem: InputError) {
    super(problem.message);
  }
}

/** Reads a metrics file and fills its figures into the model where the inventory has none; returns the notes. */
async function readMetrics(path: string, model: JourneyModel, limits: ReadLimits): Promise<string[]> {
  const loaded = await loadInventoryFile(path, { limits });
  return mergeMeasured(model, readMeasuredRows(loaded.tables, path), path);
}

/**
 * Audits each input on its own (its personas and stages are not mixed with another file's), through
 * readInventory and checkState (the rows of the state judged, checked). A file that cannot be read is recorded with its error and the rest go on.
 */
export async function audit(inputs: AuditInput[], options: AuditOptions): Promise<AuditResult> {
  const configs = options.configs ?? new ConfigResolver();
  const date = options.date ?? today();
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
      const { kind, model: whole } = await readInventory(input, config, options);
      if (options.answers !== undefined) {
        // Not the inventory's own problem: a bad answers sheet stops the run (exit 2) with a line per row.
        whole.interviews = await loadAnswers(options.answers, whole, { limits: config.limits, sentimentWords: config.normalize.sentimentWords ?? {} }).catch(
          (error: unknown) => {
            throw error instanceof InputError ? new SideInputFailed(error) : error;
          },
        );
      }
      if (options.metrics !== undefined) {
        const notes = await readMetrics(options.metrics, whole, config.limits).catch((error: unknown) => {
          throw error instanceof InputError ? new SideInputFailed(error) : error;
        });
        for (const text of notes) options.onNote?.(text);
      }
      // Every rule, the overview and the views see one state's rows, so they agree on what counts.
      const { model, findings: kept, ignored: dropped } = checkState(whole, options.state ?? 'current', config, date);
      const summary = model.files[0]!;
      files.push({ file: name, kind, sheets: summary.sheets, personas: model.personas.map((p) => p.name), touchpoints: model.touchpoints.length, error: null });
      // Not push(...kept): a spread of a few hundred thousand findings overflows the call stack.
      for (const finding of kept) findings.push(finding);
      ignored += dropped;
      if (options.overview) overviews.push(buildOverview(model, name, ignoredStages(config)));
      if (options.onModel) {
        // The other state only when it holds other rows: a file without planned rows is the same journey in both.
        const other = options.alsoState === undefined ? undefined : checkState(whole, options.alsoState, config, date);
        options.onModel(name, model, kept, other === undefined || other.model.touchpoints.length === model.touchpoints.length ? undefined : other);
      }
    } catch (error) {
      if (error instanceof SideInputFailed) throw error.problem;
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
