import type { Readable } from 'node:stream';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import { loadCsvStream, loadInventoryFile, type LoadedFile } from '../load/index.js';
import { normalize } from '../model/normalize.js';
import type { Finding, StageModel } from '../model/schema.js';
import { DEFAULT_STAGE_MODEL } from '../model/vocabulary.js';
import type { AuditResult, FileResult } from './result.js';
import { enabledRules, runRules } from './run.js';

/** One thing to audit: a path, or a stream (stdin) with the name locations should use. */
export type AuditInput = { path: string } | { stream: Readable; name: string } | { failed: InputError };

/** How to audit. */
export interface AuditOptions {
  config: Config;
  stageModel?: StageModel;
  sheets?: string[] | undefined;
  timeLimitMs?: number | undefined;
}

/**
 * Audits each input on its own (its personas and stages are not mixed with another file's):
 * load → normalize → rules. A file that cannot be read is recorded with its error and the rest go on.
 */
export async function audit(inputs: AuditInput[], options: AuditOptions): Promise<AuditResult> {
  const rules = enabledRules(options.config);
  const stageModel = options.stageModel ?? DEFAULT_STAGE_MODEL;
  const files: FileResult[] = [];
  const findings: Finding[] = [];
  for (const input of inputs) {
    if ('failed' in input) {
      files.push({ file: input.failed.place.file, kind: null, sheets: [], personas: [], touchpoints: 0, error: input.failed.describe() });
      continue;
    }
    const name = 'path' in input ? input.path : input.name;
    try {
      const loaded: LoadedFile =
        'path' in input ? await loadInventoryFile(input.path, { sheets: options.sheets, timeLimitMs: options.timeLimitMs }) : await loadCsvStream(input.stream, input.name);
      const model = normalize([loaded], stageModel);
      const summary = model.files[0]!;
      files.push({ file: name, kind: loaded.kind, sheets: summary.sheets, personas: model.personas.map((p) => p.name), touchpoints: model.touchpoints.length, error: null });
      findings.push(...runRules(model, rules));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      files.push({ file: name, kind: null, sheets: [], personas: [], touchpoints: 0, error: error.describe() });
    }
  }
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    version: 1,
    files,
    findings,
    summary: {
      files: files.length,
      touchpoints: files.reduce((sum, f) => sum + f.touchpoints, 0),
      personas: files.reduce((sum, f) => sum + f.personas.length, 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      inputErrors: files.filter((f) => f.error !== null).length,
    },
  };
}
