import type { CellValue } from '../load/index.js';
import type { ExpectedValue } from './schema.js';

/** A value read from a cell, or what kind of value the cell should have held (invalid-value words it). */
export type Reading<T> = { value: T } | { error: ExpectedValue };

const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$/;

/** A plain number from a number cell or text like "1,200" or "12.5"; null when the text is not a number. */
export function numberFrom(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return NUMBER_TEXT.test(text) ? Number(text.replace(/[,\s]/g, '')) : null;
}

/** A count ≥ 0 (audience, sent). */
export function readCount(value: CellValue): Reading<number> {
  const n = numberFrom(value);
  if (n === null || n < 0) return { error: 'count' };
  return { value: n };
}

/**
 * A rate as a fraction 0–1, whether written 12%, 0.12 or 12. A number above 1 is a percentage;
 * above 100 it is read as a count and divided by `sent` when the row has one (opens: 1200 of 5000 sent).
 */
export function readRate(value: CellValue, sent: number | null = null): Reading<number> {
  const percentText = typeof value === 'string' ? /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  const n = percentText ? Number(percentText[1]) / 100 : numberFrom(value);
  const fail = { error: 'rate' } as const;
  if (n === null || n < 0) return fail;
  if (percentText) return n <= 1 ? { value: n } : fail;
  if (n <= 1) return { value: n };
  if (n <= 100) return { value: n / 100 };
  if (sent !== null && sent > 0 && n <= sent) return { value: n / sent };
  return fail;
}

/** Net Promoter Score, -100 to 100. */
export function readNps(value: CellValue): Reading<number> {
  const n = numberFrom(value);
  if (n === null || n < -100 || n > 100) return { error: 'nps' };
  return { value: n };
}

/** CSAT as a fraction 0–1: a 1–5 score is divided by 5, anything else up to 100 is a percentage. */
export function readCsat(value: CellValue): Reading<number> {
  if (typeof value === 'string' && value.trim().endsWith('%')) return readRate(value);
  const n = numberFrom(value);
  if (n === null || n < 0 || n > 100) return { error: 'csat' };
  if (n <= 1 && !Number.isInteger(n)) return { value: n };
  if (n <= 5) return { value: n / 5 };
  return { value: n / 100 };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as YYYY-MM-DD from a date cell, ISO text (2026-03-01, 2026/03/01, 2026-03) or "Mar 2026" / "1 March 2026". */
export function readDate(value: CellValue): Reading<string> {
  const fail = { error: 'date' } as const;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail : { value: value.toISOString().slice(0, 10) };
  if (typeof value !== 'string') return fail;
  const text = value.trim().toLowerCase();
  const iso = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  const named = /^(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)];
  else if (named && MONTHS.includes(named[2]!)) [year, month, day] = [Number(named[3]), MONTHS.indexOf(named[2]!) + 1, Number(named[1] ?? 1)];
  else return fail;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail;
  return { value: date.toISOString().slice(0, 10) };
}
