import { isCellError, type CellValue } from '../../load/index.js';
import type { Reading } from '../figures.js';
import type { ProblemDetail, Sentiment } from '../schema.js';
import type { SentimentLexicon } from '../sentiment.js';
import { withoutNotes } from '../columns.js';
import { cleanText, withoutAccents } from '../text.js';
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

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
// Units of time in the languages journey reads, as days (hours round to whole days at the end).
const UNIT_DAYS: Record<string, number> = {
  h: 1 / 24,
  hr: 1 / 24,
  hrs: 1 / 24,
  hour: 1 / 24,
  hours: 1 / 24,
  hora: 1 / 24,
  horas: 1 / 24,
  heure: 1 / 24,
  heures: 1 / 24,
  stunde: 1 / 24,
  stunden: 1 / 24,
  std: 1 / 24,
  ora: 1 / 24,
  ore: 1 / 24,
  uur: 1 / 24,
  時間: 1 / 24,
  d: 1,
  day: 1,
  days: 1,
  dia: 1,
  dias: 1,
  jour: 1,
  jours: 1,
  j: 1,
  tag: 1,
  tage: 1,
  tagen: 1,
  giorno: 1,
  giorni: 1,
  gg: 1,
  dag: 1,
  dagen: 1,
  日: 1,
  w: 7,
  wk: 7,
  wks: 7,
  week: 7,
  weeks: 7,
  semana: 7,
  semanas: 7,
  semaine: 7,
  semaines: 7,
  woche: 7,
  wochen: 7,
  settimana: 7,
  settimane: 7,
  weken: 7,
  週: 7,
  週間: 7,
  mo: 30,
  mos: 30,
  month: 30,
  months: 30,
  mes: 30,
  meses: 30,
  mois: 30,
  monat: 30,
  monate: 30,
  monaten: 30,
  mese: 30,
  mesi: 30,
  maand: 30,
  maanden: 30,
  ヶ月: 30,
  か月: 30,
  カ月: 30,
};
const UNIT = Object.keys(UNIT_DAYS)
  .sort((a, b) => b.length - a.length)
  .join('|');
// Moments that are the journey's start: "At signup", "Immediately", "On purchase", "Inmediato", "Sofort", "Día de llegada".
const AT_START =
  /^(?:immediately\b.*|instantly|right away|same day|day of .+|(?:at|on|upon|after) (?:sign ?-?up|registration|register|purchase|booking|order|checkout|start|kick ?-?off|activation|account creation|install|download|subscription|subscribe|first login|login|enrol+ment|trial start)|inmediato|inmediatamente|al instante|imediato|imediatamente|immediat|immediatement|sofort|unmittelbar|subito|immediato|immediatamente|direct|meteen|onmiddellijk|即時|即日|直後|(?:el )?d[ií]a de (?:la )?(?:llegada|reserva|compra|alta|registro|inicio|entrada|check-?in)|(?:o )?dia d[ae] (?:chegada|reserva|compra|visita|consulta)|(?:le )?jour (?:de l'|d')?(?:arrivee|arrivée|achat|inscription)|(?:am )?(?:anreisetag|tag der anreise|kauftag)|(?:il )?giorno (?:di|dell')?\s?(?:arrivo|acquisto)|aankomstdag|当日|到着日|申込日|登録日)$/;
// "Week 2", "W2", "Month 3", "Day 1-3", "Semana 2", "Jour 3", "Tag 3", "J3": the period's first day (week 1 starts on day 0).
const PERIOD = new RegExp(`^(${UNIT})\\s?\\+?\\s?(\\d+)(?:\\s?(?:-|to|a|à|bis|al|tot)\\s?(?:(?:${UNIT})\\s?)?\\d+)?$`);
// "2 weeks", "+3 days", "T+3", "3 days after signup", "45 días", "3 jours après", "2 Wochen nach", "3日後"; "before" words make it negative.
const OFFSET = new RegExp(
  `^(?:t\\s?([+-])\\s?|([+-])\\s?)?(\\d+|[a-z]+)\\s?(${UNIT})(?:\\s?(目|後|前|以内|later|after|from|post|since|following|in|before|prior|ahead|antes|despues|después|depois|avant|apres|après|vor|vorher|nach|danach|spater|später|prima|dopo|voor|na|later)(?![a-z]).*)?$`,
);
const BEFORE = /^(?:前|before|prior|ahead|antes|avant|vor|vorher|prima|voor)$/;
const TPLUS = /^t\s?([+-])\s?(\d+)$/;
const RANGE = /^(\d+)\s?(?:-|to)\s?\d+(?:\s?(?:d|days?))?$/;
// The day after the start: "Day after", "Al día siguiente", "Dia seguinte", "Le lendemain", "Am Folgetag", "翌日".
const NEXT_DAY =
  /^(?:(?:the )?(?:next|following) day|day after|(?:al )?d[ií]a (?:siguiente|despues|después)|(?:no )?dia seguinte|le lendemain|(?:am )?(?:folgetag|nachsten tag|nächsten tag)|(?:il )?giorno dopo|de volgende dag|翌日)$/;
// The day before: "Day before", "El día anterior", "Véspera", "La veille", "Am Vortag", "前日".
const DAY_BEFORE =
  /^(?:(?:the )?day before|(?:el )?d[ií]a anterior|(?:a )?vespera|(?:o )?dia anterior|la veille|(?:am )?vortag|(?:il )?giorno prima|de dag ervoor|前日)$/;

/**
 * A day offset from text (white space already folded by cleanText), or null when it names no day.
 * Offsets "before" a moment ("7 días antes", "T-30", "3日前", "48 hours before") are negative: the
 * table's timing column shifts them so its earliest touchpoint is day 0.
 */
export function dayFromText(text: string): number | null {
  if (text.length > MAX_VALUE_LENGTH) return null;
  const key = withoutAccents(text)
    .toLowerCase()
    .replace(/[–—−]/g, '-')
    .replace(/[（(].*?[)）]\s*$/, '')
    .trim();
  if (/^-?\d+(\.\d+)?$/.test(key)) return Number(key);
  if (AT_START.test(key)) return 0;
  if (NEXT_DAY.test(key)) return 1;
  if (DAY_BEFORE.test(key)) return -1;
  const period = PERIOD.exec(key);
  if (period) {
    const n = Number(period[2]);
    const unit = UNIT_DAYS[period[1]!]!;
    return unit === 1 ? n : unit < 1 ? Math.floor(n * unit) : unit * Math.max(0, n - 1);
  }
  const offset = OFFSET.exec(key);
  if (offset) {
    const n = /^\d+$/.test(offset[3]!) ? Number(offset[3]) : NUMBER_WORDS[offset[3]!];
    if (n === undefined) return null;
    const sign = offset[1] ?? offset[2];
    const negative = sign === '-' || (offset[5] !== undefined && BEFORE.test(offset[5]));
    // Hours and parts of a day: whole days (48 hours → 2; 2 hours → 0).
    const days = Math.floor(n * UNIT_DAYS[offset[4]!]!);
    return negative && days > 0 ? -days : days;
  }
  const tplus = TPLUS.exec(key);
  if (tplus) return tplus[1] === '-' ? -Number(tplus[2]) : Number(tplus[2]);
  const range = RANGE.exec(key);
  if (range) return Number(range[1]);
  const dayN = /^(?:day|d|dia|día|jour|j|tag|giorno|dag)\s?\+?\s?(\d+)$/.exec(key) ?? /^(\d+)\s?日目$/.exec(key);
  return dayN ? Number(dayN[1]) : null;
}

// Calendar dates written as text: 2026-03-01, 2026-03-01 09:00, 01/03/2026, 1.3.2026.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,?\s\d{1,2}:\d{2})?$/;

/** A calendar date a cell holds (a date value, or written as one), as UTC milliseconds at midnight; null when it holds none. */
export function calendarDate(value: CellValue | undefined): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  }
  if (typeof value !== 'string' || value.length > 40) return null;
  const key = value.trim().toLowerCase();
  const iso = ISO_DATE.exec(key);
  // Day first (01/03/2026 is 1 March) unless the first number cannot be a day of a month of 12.
  const dmy = iso ? null : DMY_DATE.exec(key);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? Number(dmy[2]) > 12
        ? [Number(dmy[3]), Number(dmy[1]), Number(dmy[2])]
        : [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? time : null;
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

/** A text a vocabulary does not know: the nearest known label when the text is close to one, and the id it is read as when it is a confident typo of it. */
export interface UnknownReading<Id extends string> {
  suggestion: string | null;
  /** Set for a confident typo ("Onbording"): the value is reported, and the model reads the row as this id. */
  readAs: Id | null;
}

/** A value of a fixed or configured vocabulary: its id, or what is known of a text it does not hold. */
export function readVocabulary<Id extends string>(vocabulary: Vocabulary<Id>, text: string): { id: Id } | UnknownReading<Id> {
  if (text.length > MAX_VALUE_LENGTH) return { suggestion: null, readAs: null };
  const id = vocabulary.lookup(text);
  if (id !== null) return { id };
  const readAs = vocabulary.typo(text);
  return { suggestion: readAs !== null ? vocabulary.label(readAs) : vocabulary.suggest(text), readAs };
}

/** The problem of an unknown stage or channel: the nearest known label, and the id it is read as when it is a confident typo. */
export function unknownValue(suggestion: string | null, readAs: string | null): Extract<ProblemDetail, { kind: 'unknown-value' }> {
  return readAs === null ? { kind: 'unknown-value', suggestion } : { kind: 'unknown-value', suggestion, readAs };
}

// What teams write between channels in one cell: "Email + SMS", "Email/SMS", "Blog, Newsletter", "Email & push", "Chat or phone".
const CHANNEL_SEPARATOR = /\s*(?:[+/,;&|]|\band\b|\bor\b)\s*/i;

/**
 * The channels a cell names: one known channel, or several joined by +, /, comma, & or "and" (each
 * part read on its own). Parts journey does not know are returned with the nearest known label.
 */
export function readChannels(vocabulary: Vocabulary<string>, text: string): { ids: string[]; unknown: ({ text: string } & UnknownReading<string>)[] } {
  // "Email (Braze)", "Chat [Intercom]": the tool in brackets is a note on the channel.
  const bare = text.length > MAX_VALUE_LENGTH ? text : withoutNotes(text).trim() || text;
  const parts = bare.length > MAX_VALUE_LENGTH ? [] : bare.split(CHANNEL_SEPARATOR).filter((part) => part !== '');
  const partIds = parts.length >= 2 ? parts.map((part) => readVocabulary(vocabulary, part)) : [];
  // Parts that are each a channel win over the cell read whole: "Web / Chat" is Website and Chat, not "web chat".
  if (partIds.length > 0 && partIds.every((read) => 'id' in read)) {
    const ids = [...new Set(partIds.map((read) => (read as { id: string }).id))];
    return { ids, unknown: [] };
  }
  const whole = readVocabulary(vocabulary, bare);
  if ('id' in whole) return { ids: [whole.id], unknown: [] };
  // A confident typo is reported and read as the channel it misspells ("Emial" → email).
  const asTypo = (read: UnknownReading<string>) => (read.readAs === null ? [] : [read.readAs]);
  if (parts.length < 2) return { ids: asTypo(whole), unknown: [{ text, ...whole }] };
  const ids: string[] = [];
  const unknown: ({ text: string } & UnknownReading<string>)[] = [];
  partIds.forEach((read, i) => {
    if ('id' in read) {
      if (!ids.includes(read.id)) ids.push(read.id);
    } else unknown.push({ text: parts[i]!, ...read });
  });
  // Nothing known in it: the cell as a whole is the unknown value, as it was written.
  if (ids.length === 0) return { ids: asTypo(whole), unknown: [{ text, ...whole }] };
  for (const read of unknown) for (const id of asTypo(read)) if (!ids.includes(id)) ids.push(id);
  return { ids, unknown };
}
