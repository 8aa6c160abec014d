import type { Readable } from 'node:stream';
import { expandInputs } from '../cli/inputs.js';
import { ConfigResolver } from '../config/load.js';
import { audit as auditEngine, type AuditInput, type AuditOptions as EngineOptions } from '../engine/audit.js';
import type { AuditResult } from '../engine/result.js';

/** What the public `audit` and the CLI's commands both go through; the CLI adds its hooks and learns what was read. */
export interface RunOptions {
  configFile?: string | null | undefined;
  sheets?: string[] | undefined;
  readTimeoutSeconds?: number | undefined;
  overview?: boolean | undefined;
  onModel?: EngineOptions['onModel'];
  /** Today's journey (live rows, the default) or the planned one (live and planned rows). */
  state?: EngineOptions['state'];
  alsoState?: EngineOptions['alsoState'];
  /** Notes about the inputs (a link pointing outside a folder, skipped), for the CLI to print. */
  notes?: string[];
}

/** A run's result with the files it read (inputs and configs), which the CLI checks its outputs against. */
export interface Run {
  result: AuditResult;
  inputs: AuditInput[];
  configFiles: string[];
}

/** Expands paths (folders, globs) and streams into inputs, and audits them each with its config. */
export async function runAudit(targets: (string | { stream: Readable; name: string })[], options: RunOptions = {}): Promise<Run> {
  const inputs: AuditInput[] = targets.flatMap((target) => (typeof target === 'string' ? [] : [target]));
  inputs.push(...(await expandInputs(targets.filter((target): target is string => typeof target === 'string'), options.notes ?? [])));
  const configs = new ConfigResolver(options.configFile ?? null);
  const result = await auditEngine(inputs, { configs, sheets: options.sheets, readTimeoutSeconds: options.readTimeoutSeconds, overview: options.overview ?? false, onModel: options.onModel, state: options.state, alsoState: options.alsoState });
  return { result, inputs, configFiles: configs.files() };
}
