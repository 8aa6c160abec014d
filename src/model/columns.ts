import type { CellValue, RawRow } from '../load/index.js';
import type { Field } from './schema.js';
import { FIELDS } from './fields.js';
import { foldLabel } from './text.js';

/** Header names recognized for each field, besides the field's own name (from the field catalogue, fields.ts). */
export const COLUMN_NAMES: Record<Field, string[]> = Object.fromEntries(FIELDS.map((entry) => [entry.id, [...entry.headerWords]])) as Record<Field, string[]>;

/** Header words that name a field only when no other column's header names it (fields.ts, weakWords). */
export const WEAK_COLUMN_NAMES: Partial<Record<Field, string[]>> = Object.fromEntries(
  FIELDS.filter((entry) => entry.weakWords).map((entry) => [entry.id, [...entry.weakWords!]]),
);

/** How messages and templates name each field's column. */
export const FIELD_LABEL: Record<Field, string> = Object.fromEntries(FIELDS.map((entry) => [entry.id, entry.label])) as Record<Field, string>;

/** The fields an inventory must have columns for (without a channel column, touchpoint names give the channel). */
export const REQUIRED_FIELDS: readonly Field[] = ['touchpoint'];

/** An inventory needs one of these besides its touchpoints: lifecycle stages, a timeline of days or a cadence, or channels. */
export const ORDER_FIELDS: readonly Field[] = ['stage', 'day', 'channel', 'frequency'];

/** The required fields a header lacks (a missing order is named as "stage or day"), or [] when it names an inventory. */
export function missingFields(fields: ReadonlySet<Field> | Partial<Record<Field, unknown>>): string[] {
  const has = (field: Field) => (fields instanceof Set ? fields.has(field) : (fields as Partial<Record<Field, unknown>>)[field] !== undefined);
  const missing: string[] = REQUIRED_FIELDS.filter((field) => !has(field));
  if (!ORDER_FIELDS.some(has)) missing.unshift(`${ORDER_FIELDS.slice(0, -1).join(', ')} or ${ORDER_FIELDS.at(-1)}`);
  return missing;
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

const MAX_HEADER_LENGTH = 200;

/** The text without its bracketed notes, "(days)" or "[%]", in one pass so no input can make it slow. */
export function withoutNotes(text: string): string {
  // The next ")" and "]" at or after each position, so an opening bracket knows at once whether it closes.
  const nextParen = new Int32Array(text.length + 1).fill(-1);
  const nextSquare = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    nextParen[i] = text[i] === ')' ? i : nextParen[i + 1]!;
    nextSquare[i] = text[i] === ']' ? i : nextSquare[i + 1]!;
  }
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '(' ? nextParen[i + 1]! : text[i] === '[' ? nextSquare[i + 1]! : -1;
    if (close === -1) continue; // not a bracket, or one that never closes: kept as written
    out += text.slice(start, i);
    start = close + 1;
    i = close;
  }
  return out + text.slice(start);
}

/** A header's words, folded: `campaign_name` → campaign, name; `touchpointType` → touchpoint, type; "Auto?" → auto. */
export function headerWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldLabel)
    .filter((word) => word !== '');
}

const OF_WORDS = new Set(['de', 'du', 'des', 'del', 'della', 'dello', 'delle', 'dei', 'degli', 'di', 'da', 'do', 'dos', 'van', 'der']);

// Words that qualify a field's name without changing what it is.
const QUALIFIERS = new Set(['type', 'types', 'kind', 'category', 'name', 'names', 'label', 'used', 'id']);

/** Matches header cells to fields: the config's extra names first (so they can take a name from another field), then journey's own. */
export class ColumnMatcher {
  private readonly byKey = new Map<string, Field>();
  /** The config's own header names: a column they name is pinned to its field, whatever its cells hold. */
  private readonly pinnedKeys = new Map<string, Field>();
  /** Weak header words: they name a field only when no other column's header does. */
  private readonly weakKeys = new Map<string, Field>();

  constructor(extra: Partial<Record<Field, string[]>> = {}) {
    for (const [field, names] of Object.entries(extra) as [Field, string[]][]) {
      for (const name of names) {
        this.add(name, field);
        const key = foldLabel(name);
        if (key !== '' && !this.pinnedKeys.has(key)) this.pinnedKeys.set(key, field);
      }
    }
    for (const [field, names] of Object.entries(COLUMN_NAMES) as [Field, string[]][]) for (const name of [field, ...names]) this.add(name, field);
    for (const [field, names] of Object.entries(WEAK_COLUMN_NAMES) as [Field, string[]][]) {
      for (const name of names) {
        const key = foldLabel(name);
        if (key !== '' && !this.byKey.has(key) && !this.weakKeys.has(key)) this.weakKeys.set(key, field);
      }
    }
  }

  private add(name: string, field: Field): void {
    const key = foldLabel(name);
    if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, field);
  }

  /**
   * The field a header cell names, ignoring case, spacing, punctuation and a "(days)"-style note. A
   * header written as a compound (`campaign_name`, `touchpointType`, "Journey phase") names the field
   * of its longest run of words that is a known name, the last such run on a tie: in English the last
   * word of a compound says what it is ("touchpoint type" is a type).
   */
  fieldFor(value: CellValue): Field | null {
    // No header name is this long; a longer cell (a title, a pasted paragraph) is not looked at.
    if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return null;
    const exact = this.byKey.get(foldLabel(value)) ?? this.byKey.get(foldLabel(withoutNotes(value)));
    if (exact !== undefined) return exact;
    let words = headerWords(withoutNotes(value));
    // A header names a field in a few words; a sentence that mentions a stage or a channel is no header.
    if (words.length > 4) return null;
    // "Action de l'équipe", "Nivel de interés", "Ziel der Kommunikation": the Romance languages, Dutch and German's
    // genitive put the head first, so the words after "de", "di", "van", "der" qualify it and name no field of their own.
    const of = words.findIndex((word, i) => i > 0 && OF_WORDS.has(word));
    if (of > 0) {
      words = words.slice(0, of);
      const head = this.byKey.get(words.join(''));
      if (head !== undefined) return head;
    }
    // "channel_type", "stage name", "persona category": a field qualified by a generic word is that field
    // ("touchpoint type", how a touchpoint runs, stays the mode).
    if (words.length === 2 && QUALIFIERS.has(words[1]!)) {
      const qualified = this.byKey.get(words[0]!);
      if (qualified !== undefined && qualified !== 'touchpoint') return qualified;
    }
    for (let length = Math.min(words.length - 1, 4); length >= 1; length--) {
      for (let start = words.length - length; start >= 0; start--) {
        const field = this.byKey.get(words.slice(start, start + length).join(''));
        if (field !== undefined) return field;
      }
    }
    return null;
  }

  /** The field the config's `columns` pins a header cell to, or null. */
  pinned(value: CellValue): Field | null {
    if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH || this.pinnedKeys.size === 0) return null;
    return this.pinnedKeys.get(foldLabel(value)) ?? this.pinnedKeys.get(foldLabel(withoutNotes(value))) ?? null;
  }

  /**
   * Every field a header cell offers, strongest first: the field it names as a whole (or by its words,
   * as fieldFor reads it), then the fields its bracketed notes and slash-separated parts name:
   * `HOW (Channel/Tactic)` offers channel; `WHEN (Date/Phase)` offers day and stage.
   */
  candidates(value: CellValue): HeaderCandidate[] {
    if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return [];
    const found: HeaderCandidate[] = [];
    const add = (field: Field | null, strength: number) => {
      if (field !== null && !found.some((candidate) => candidate.field === field)) found.push({ field, strength });
    };
    add(this.fieldFor(value), HEADER_STRENGTH);
    for (const part of headerParts(value)) add(this.fieldFor(part), PART_STRENGTH);
    const weak = (text: string) => this.weakKeys.get(foldLabel(text)) ?? this.weakKeys.get(foldLabel(withoutNotes(text))) ?? null;
    add(weak(value), WEAK_STRENGTH);
    for (const part of headerParts(value)) add(weak(part), WEAK_STRENGTH);
    return found;
  }
}

/** How strongly a header names a field: as a whole, or in one of its parts (a bracketed note, a side of a slash). */
export const HEADER_STRENGTH = 10;
const PART_STRENGTH = 7;
export const WEAK_STRENGTH = 6;

/** A field a header cell offers, and how strongly. */
export interface HeaderCandidate {
  field: Field;
  strength: number;
}

/** A header's bracketed notes and the sides of its slashes: "HOW (Channel/Tactic)" → HOW, Channel, Tactic. */
function headerParts(text: string): string[] {
  const parts: string[] = [];
  for (const match of text.matchAll(/[([]([^)\]]{1,80})[)\]]/g)) parts.push(...match[1]!.split(/[/|,;&+]/));
  parts.push(...withoutNotes(text).split(/[/|;&+]|\s-\s|\sor\s|\so\s|\sou\s|\soder\s|\sof\s/i));
  return parts.map((part) => part.trim()).filter((part) => part !== '' && part !== text);
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
export function findHeader(rows: RawRow[], matcher: ColumnMatcher = new ColumnMatcher(), firstRow = 1): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestCount = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const row = rows[rowIndex]!;
    if (row.row - firstRow >= HEADER_SEARCH_ROWS) break;
    const columns: Partial<Record<Field, number>> = {};
    const duplicates: HeaderMatch['duplicates'] = [];
    row.cells.forEach((value, column) => {
      const field = matcher.fieldFor(value);
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

/** The main header names journey recognizes, for an error message. */
export function describeKnownColumns(): string {
  const core: Field[] = ['stage', 'touchpoint', 'channel', 'team', 'mode', 'direction', 'day', 'frequency', 'persona', 'kpi'];
  return core
    .map((field) => [field, COLUMN_NAMES[field]] as const)
    .map(
      ([field, names]) =>
        `${field}${REQUIRED_FIELDS.includes(field) ? ' (required)' : ORDER_FIELDS.includes(field) ? ` (this, or ${ORDER_FIELDS.filter((f) => f !== field).join(' or ')})` : ''}: ${names
          .filter((n) => n !== field)
          .slice(0, 4)
          .join(', ')}`,
    )
    .join('; ');
}
