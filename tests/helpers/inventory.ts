import type { LoadedFile } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { JourneyModel } from '../../src/model/schema.js';
import { DEFAULT_STAGE_MODEL } from '../../src/model/vocabulary.js';
import type { Report, Rule } from '../../src/rules/rule.js';

/** A CSV-like inventory from a header and rows, as the loader would hand it over. */
export function csvFile(rows: (string | number | null)[][], file = 'inventory.csv'): LoadedFile {
  return { file, kind: 'csv', skipped: [], tables: [{ file, sheet: null, rows: rows.map((cells, i) => ({ row: i + 1, cells })) }] };
}

/** The journey model for an in-memory inventory. */
export function model(rows: (string | number | null)[][], file = 'inventory.csv'): JourneyModel {
  return normalize([csvFile(rows, file)], DEFAULT_STAGE_MODEL);
}

/** Runs one rule with its defaults overridden by `options`. */
export function check(rule: Rule, journey: JourneyModel, options: Record<string, unknown> = {}): Report[] {
  return rule.check({ model: journey, options: rule.options.parse(options) });
}

export const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency'];
