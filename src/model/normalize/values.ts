import { isCellError, type CellValue } from '../../load/index.js';
import type { Reading } from '../figures.js';
import type { Sentiment } from '../schema.js';
import { cleanText } from '../text.js';
import type { Vocabulary } from '../vocabulary.js';

/**
 * Longest text a value reader matches against a pattern or a vocabulary. No stage, channel, day or
 * mode is this long, and every pattern then sees bounded input whatever a hostile cell holds.
 */
export const MAX_VALUE_LENGTH = 200;

/** A cell's value as display text, or null when blank (formula errors are handled by the caller). */
export function cellText(value: CellValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

/** A value as a message shows it: a date as YYYY-MM-DD, anything else as its text. */
export function shownValue(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** True for a cell with nothing in it: blank, white space, or missing. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && cleanText(value) === null);
}

/** A day offset from text: a number, or "Day 14", "D3", "+3 days", "3d" (white space already folded by cleanText). */
function dayFromText(text: string): number | null {
  if (text.length > MAX_VALUE_LENGTH) return null;
  const match = /^(?:day|d)? ?\+? ?(\d+) ?(?:days?|d)?$/i.exec(text);
  if (match) return Number(match[1]);
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/**
 * A day offset: a whole number of days ≥ 0, written as a number or as "Day 14" / "+3 days".
 * Null for a blank cell or a formula error (reported as such by the caller).
 */
export function readDay(value: CellValue | undefined): Reading<number> | null {
  if (value === undefined || value === null || isCellError(value)) return null;
  let day: number | null = null;
  if (typeof value === 'number') day = value;
  else if (typeof value === 'string') {
    const text = cleanText(value);
    if (text === null) return null;
    day = dayFromText(text);
  }
  if (day !== null && Number.isInteger(day) && day >= 0) return { value: day };
  if (value instanceof Date) return { error: 'day-date' };
  if (day === null) return { error: 'day' };
  return { error: day < 0 ? 'day-negative' : 'day-fraction' };
}

/** A sentiment: a number from -2 to +2, or a word the sentiment vocabulary knows (frustrated, delighted...). */
export function readSentiment(value: CellValue, words: Vocabulary<string>): Reading<Sentiment> {
  const text = cellText(value)!;
  const n = typeof value === 'number' ? value : text.length <= MAX_VALUE_LENGTH && /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  if (n !== null) return n >= -2 && n <= 2 ? { value: { score: n, text } } : { error: 'sentiment-scale' };
  const id = text.length <= MAX_VALUE_LENGTH ? words.lookup(text) : null;
  if (id !== null) return { value: { score: Number(id), text } };
  return { error: 'sentiment' };
}

/** A value of a fixed or configured vocabulary: its id, or the nearest known label when the text is close to one. */
export function readVocabulary<Id extends string>(vocabulary: Vocabulary<Id>, text: string): { id: Id } | { suggestion: string | null } {
  if (text.length > MAX_VALUE_LENGTH) return { suggestion: null };
  const id = vocabulary.lookup(text);
  return id !== null ? { id } : { suggestion: vocabulary.suggest(text) };
}
