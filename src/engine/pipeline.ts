// What happens to one inventory, written once: read it (load → model), then check it (rules → the
// sheet's own `journey-ignore:` notes → the config's ignores). Every command and the programmatic API
// go through these two functions, so no copy can skip a step.
import type { Readable } from 'node:stream';
import type { ResolvedConfig } from '../config/resolve.js';
import { openCsvStream, openInventoryFile } from '../load/index.js';
import { Normalizer } from '../model/normalize.js';
import type { NormalizeObserver } from '../model/normalize/observer.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { selectState, type JourneyState } from '../model/state.js';
import { RULES } from '../rules/index.js';
import { applyIgnores } from './ignore.js';
import { enabledRules, runRules, sortFindings, today } from './run.js';
import { applySuppressions } from './suppress.js';
import type { InputKind } from '../load/formats.js';

const RULE_IDS = RULES.map((rule) => rule.id);

/** One readable input: a path, or a stream (stdin) with the name locations should use. */
export type ReadableInput = { path: string } | { stream: Readable; name: string };

/** How to read an inventory, beyond what its config says. */
export interface ReadOptions {
  sheets?: string[] | undefined;
  /** Overrides the config's `limits.readTimeoutSeconds` (--read-timeout). */
  readTimeoutSeconds?: number | undefined;
  /** Watches headers and values as they are read (journey inspect). */
  observer?: NormalizeObserver | undefined;
}

/** An inventory as read: what kind of file it was, and its journey model. */
export interface ReadInventory {
  kind: InputKind;
  model: JourneyModel;
}

/** Reads one input into its journey model (load → normalize) with the config that applies to it. Throws InputError when it cannot be read. */
export async function readInventory(input: ReadableInput, config: ResolvedConfig, options: ReadOptions = {}): Promise<ReadInventory> {
  const limits = options.readTimeoutSeconds === undefined ? config.limits : { ...config.limits, readTimeoutSeconds: options.readTimeoutSeconds };
  const source = 'path' in input ? await openInventoryFile(input.path, { sheets: options.sheets, limits }) : openCsvStream(input.stream, input.name, limits);
  const normalizer = new Normalizer(config.normalize, options.observer);
  if (source.kind !== 'csv') normalizer.add(source.loaded);
  else await normalizer.addStreamed(source.file, source.read);
  return { kind: source.kind, model: normalizer.model() };
}

/** A model's findings as reported, and how many the sheet's notes and the config's ignores left out. */
export interface CheckedInventory {
  findings: Finding[];
  ignored: number;
}

/**
 * Checks a model with the rules its config turns on: inline `journey-ignore:` notes first (they are the
 * sheet's own word, and an unused one is itself a finding), then the config's `ignore` entries.
 */
export function checkInventory(model: JourneyModel, config: ResolvedConfig, date: string = today()): CheckedInventory {
  const rules = enabledRules(config);
  const unusedSeverity = rules.find((enabled) => enabled.rule.id === 'unused-suppression')?.severity ?? null;
  const inline = applySuppressions(runRules(model, rules, config.settings, date), model, RULE_IDS, unusedSeverity);
  const reported = inline.unused.length === 0 ? inline.kept : sortFindings([...inline.kept, ...inline.unused], model);
  const { kept, ignored } = applyIgnores(reported, config.ignore, config.file);
  return { findings: kept, ignored: inline.suppressed + ignored.length };
}

/** One state of an inventory, checked: the rows it judges (src/model/state.ts) and their findings. */
export interface CheckedState extends CheckedInventory {
  model: JourneyModel;
}

/**
 * Selects the rows a state judges (today's live rows, or live and planned) and checks them, so audit,
 * report, map and diff --planned judge the same rows: a planned row never hides a gap of today's journey.
 */
export function checkState(whole: JourneyModel, state: JourneyState, config: ResolvedConfig, date: string = today()): CheckedState {
  const model = selectState(whole, state);
  return { model, ...checkInventory(model, config, date) };
}
