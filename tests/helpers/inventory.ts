import { resolveConfig } from '../../src/config/resolve.js';
import { enabledRules, runRules } from '../../src/engine/run.js';
import type { LoadedFile } from '../../src/load/index.js';
import { normalize, type NormalizeSettings } from '../../src/model/normalize.js';
import type { Finding, JourneyModel } from '../../src/model/schema.js';
import type { JourneySettings, Report, Rule } from '../../src/rules/rule.js';

/** A CSV-like inventory from a header and rows, as the loader would hand it over. */
export function csvFile(rows: (string | number | null)[][], file = 'inventory.csv'): LoadedFile {
  return { file, kind: 'csv', skipped: [], tables: [{ file, sheet: null, rows: rows.map((cells, i) => ({ row: i + 1, cells })) }] };
}

/** The journey model for an in-memory inventory. */
export function model(rows: (string | number | null)[][], file = 'inventory.csv', settings?: NormalizeSettings): JourneyModel {
  return normalize([csvFile(rows, file)], settings);
}

/** Runs one rule with its defaults overridden by `options`; settings and today as a config and a date would give them. */
export function check(
  rule: Rule,
  journey: JourneyModel,
  options: Record<string, unknown> = {},
  context: { settings?: Partial<JourneySettings>; today?: string; stageRules?: readonly string[] } = {},
): Report[] {
  const settings = { stageOwners: {}, personas: [], ...context.settings };
  return rule.check({ model: journey, options: rule.options.parse(options), settings, today: context.today ?? '2026-11-25', stageRules: context.stageRules });
}

/**
 * The findings of `rules` on a model, as the engine makes them (at their default levels and options,
 * sorted, fingerprinted): a view test names the rules it draws, so a new or changed rule elsewhere does
 * not change what it sees.
 */
export function findingsOf(journey: JourneyModel, rules: readonly Rule[]): Finding[] {
  const config = resolveConfig();
  const enabled = enabledRules(config).filter((entry) => rules.includes(entry.rule));
  return runRules(journey, enabled, config.settings, '2026-11-25');
}

export const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency'];
