import type { CellValue, RawRow } from '../load/index.js';
import type { Field } from './schema.js';
import { foldKey } from './text.js';

/** Header names recognized for each field, besides the field's own name. */
export const COLUMN_NAMES: Record<Field, string[]> = {
  stage: ['stage', 'lifecycle stage', 'buying stage', 'journey stage', 'phase', 'customer stage', 'funnel stage', 'lifecycle'],
  touchpoint: ['touchpoint', 'touch point', 'communication', 'touchpoint name', 'activity', 'campaign', 'asset', 'name', 'communication name', 'message'],
  team: ['team', 'owner', 'owner team', 'owning team', 'department', 'team responsible', 'responsible team'],
  channel: ['channel', 'medium', 'channels'],
  mode: ['mode', 'ongoing / automatic / manual', 'ongoing automatic manual', 'automation', 'type', 'automated or manual'],
  direction: ['direction', 'inbound / outbound', 'inbound outbound', 'in/out', 'in out'],
  day: ['day', 'day offset', 'timing', 'send day', 'days after start', 'days', 'offset'],
  frequency: ['frequency', 'cadence', 'how often'],
  persona: ['persona', 'segment', 'audience', 'personas'],
  kpi: ['kpi', 'kpis', 'metric', 'success metric'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
};

/** The fields an inventory must have columns for. */
export const REQUIRED_FIELDS: readonly Field[] = ['stage', 'touchpoint', 'channel'];

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

const FIELD_BY_KEY = new Map<string, Field>();
for (const [field, names] of Object.entries(COLUMN_NAMES) as [Field, string[]][]) {
  for (const name of [field, ...names]) FIELD_BY_KEY.set(foldKey(name), field);
}

/** The field a header cell names, ignoring case, spacing, punctuation and a trailing "(days)"-style note. */
export function fieldForHeader(value: CellValue): Field | null {
  if (typeof value !== 'string') return null;
  return FIELD_BY_KEY.get(foldKey(value)) ?? FIELD_BY_KEY.get(foldKey(value.replace(/\([^)]*\)|\[[^\]]*\]/g, ''))) ?? null;
}

/** A header row found in a sheet, and the 0-based column of each field it names. */
export interface HeaderMatch {
  rowIndex: number;
  row: number;
  columns: Partial<Record<Field, number>>;
  /** Header cells that name the same field again (the first one wins). */
  duplicates: { field: Field; column: number }[];
}

/**
 * Finds the header among the first rows: the row naming the most distinct known fields, needing
 * at least two so a title or a notes line is never taken for one.
 */
export function findHeader(rows: RawRow[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestCount = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const row = rows[rowIndex]!;
    if (row.row > HEADER_SEARCH_ROWS) break;
    const columns: Partial<Record<Field, number>> = {};
    const duplicates: HeaderMatch['duplicates'] = [];
    row.cells.forEach((value, column) => {
      const field = fieldForHeader(value);
      if (!field) return;
      if (columns[field] === undefined) columns[field] = column;
      else duplicates.push({ field, column });
    });
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      best = { rowIndex, row: row.row, columns, duplicates };
      bestCount = count;
    }
  }
  return best;
}

/** Every header name journey recognizes, for an error message. */
export function describeKnownColumns(): string {
  return (Object.entries(COLUMN_NAMES) as [Field, string[]][])
    .map(([field, names]) => `${field}${REQUIRED_FIELDS.includes(field) ? ' (required)' : ''}: ${names.filter((n) => n !== field).slice(0, 4).join(', ')}`)
    .join('; ');
}
