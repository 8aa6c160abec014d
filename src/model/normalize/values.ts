import { isCellError, type CellValue } from '../../load/index.js';
import type { Reading } from '../figures.js';
import type { Sentiment } from '../schema.js';
import type { SentimentLexicon } from '../sentiment.js';
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

const NUMBER_WORDS: Record<string, number> = { zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, w: 7, wk: 7, wks: 7, week: 7, weeks: 7, mo: 30, mos: 30, month: 30, months: 30 };
// Moments that are the journey's start: "At signup", "Immediately", "On purchase".
const AT_START = /^(?:immediately\b.*|instantly|right away|same day|day of .+|(?:at|on|upon|after) (?:sign ?-?up|registration|register|purchase|booking|order|checkout|start|kick ?-?off|activation|account creation|install|download|subscription|subscribe|first login|login|enrol+ment|trial start))$/;
// "Week 2", "W2", "Month 3", "Day 1-3", "Days 1–3": the period's first day (week 1 starts on day 0).
const PERIOD = /^(day|days|d|week|wk|w|month|mo)\s?(\d+)(?:\s?(?:-|to)\s?(?:(?:day|days|d|week|wk|w|month|mo)\s?)?\d+)?$/;
// "2 weeks", "+3 days", "T+3", "3 days after signup", "two weeks later", "3d".
const OFFSET = /^(?:t\s?\+\s?|\+\s?)?(\d+|[a-z]+)\s?(d|days?|w|wks?|weeks?|mos?|months?)(?:\s(?:after|from|post|since|following|later|in|before)\b.*)?$/;
const TPLUS = /^t\s?\+\s?(\d+)$/;
const RANGE = /^(\d+)\s?(?:-|to)\s?\d+(?:\s?(?:d|days?))?$/;

/** A day offset from text (white space already folded by cleanText), or null when it names no day. */
export function dayFromText(text: string): number | null {
  if (text.length > MAX_VALUE_LENGTH) return null;
  const key = text.toLowerCase().replace(/[–—]/g, '-');
  if (/^-?\d+(\.\d+)?$/.test(key)) return Number(key);
  if (AT_START.test(key)) return 0;
  const period = PERIOD.exec(key);
  if (period) {
    const n = Number(period[2]);
    const unit = UNIT_DAYS[period[1]!]!;
    return unit === 1 ? n : unit * Math.max(0, n - 1);
  }
  const offset = OFFSET.exec(key);
  if (offset) {
    const n = /^\d+$/.test(offset[1]!) ? Number(offset[1]) : NUMBER_WORDS[offset[1]!];
    return n === undefined ? null : n * UNIT_DAYS[offset[2]!]!;
  }
  const tplus = TPLUS.exec(key) ?? RANGE.exec(key);
  if (tplus) return Number(tplus[1]);
  const dayN = /^(?:day|d)\s?\+?\s?(\d+)$/.exec(key);
  return dayN ? Number(dayN[1]) : null;
}

/**
 * A day offset: a whole number of days ≥ 0, written as a number or in words ("Day 14", "+3 days",
 * "Week 2", "T+3", "3 days after signup", "At signup"); a range gives its start. Text that names no
 * day ("Q3", "Ongoing", "Any time") is `{ error: 'day' }`: the caller keeps it as timing text.
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

/**
 * A sentiment: a number from -2 to +2, or emotion words and emoji the lexicon scores ("😰 Anxious",
 * "Relieved"). Words it does not know are kept as text with no score: how a customer feels is never an error.
 */
export function readSentiment(value: CellValue, lexicon: SentimentLexicon): Reading<Sentiment> {
  const text = cellText(value)!;
  const n = typeof value === 'number' ? value : text.length <= MAX_VALUE_LENGTH && /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  if (n !== null) return n >= -2 && n <= 2 ? { value: { score: n, text } } : { error: 'sentiment-scale' };
  return { value: { score: lexicon.score(text), text } };
}

/** A value of a fixed or configured vocabulary: its id, or the nearest known label when the text is close to one. */
export function readVocabulary<Id extends string>(vocabulary: Vocabulary<Id>, text: string): { id: Id } | { suggestion: string | null } {
  if (text.length > MAX_VALUE_LENGTH) return { suggestion: null };
  const id = vocabulary.lookup(text);
  return id !== null ? { id } : { suggestion: vocabulary.suggest(text) };
}

// What teams write between channels in one cell: "Email + SMS", "Email/SMS", "Blog, Newsletter", "Email & push", "Chat or phone".
const CHANNEL_SEPARATOR = /\s*(?:[+/,;&|]|\band\b|\bor\b)\s*/i;

/**
 * The channels a cell names: one known channel, or several joined by +, /, comma, & or "and" (each
 * part read on its own). Parts journey does not know are returned with the nearest known label.
 */
export function readChannels(vocabulary: Vocabulary<string>, text: string): { ids: string[]; unknown: { text: string; suggestion: string | null }[] } {
  const whole = readVocabulary(vocabulary, text);
  if ('id' in whole) return { ids: [whole.id], unknown: [] };
  const parts = text.length > MAX_VALUE_LENGTH ? [] : text.split(CHANNEL_SEPARATOR).filter((part) => part !== '');
  if (parts.length < 2) return { ids: [], unknown: [{ text, suggestion: whole.suggestion }] };
  const ids: string[] = [];
  const unknown: { text: string; suggestion: string | null }[] = [];
  for (const part of parts) {
    const read = readVocabulary(vocabulary, part);
    if ('id' in read) {
      if (!ids.includes(read.id)) ids.push(read.id);
    } else unknown.push({ text: part, suggestion: read.suggestion });
  }
  // Nothing known in it: the cell as a whole is the unknown value, as it was written.
  return ids.length === 0 ? { ids, unknown: [{ text, suggestion: whole.suggestion }] } : { ids, unknown };
}
