import type { CellValue, RawRow } from '../../load/index.js';
import type { Field } from '../schema.js';
import { foldedWords } from '../text.js';
import { calendarDate, cellText } from './values.js';

/**
 * Several date columns for cohorts ("When Batch 1" … "When Batch 6", "Fecha grupo A", "Cohort 2 date")
 * are one timing with several schedules, not duplicate headers: the day column is the first schedule
 * and places the touchpoints; the others are kept on each touchpoint, and over-communication is
 * checked on every one (weekly-load.ts).
 */

/** A schedule column beyond the first: its 0-based column, its header, and its earliest date (UTC ms), its day 0. */
export interface ScheduleColumn {
  column: number;
  label: string;
  anchor: number;
}

const DAY_MS = 86_400_000;

/**
 * A header with its cohort's tag taken out: numbers, single letters and roman numerals ("Batch 2",
 * "grupo A", "Cohort II"). Two headers of one timing differ only by it.
 */
function untagged(header: string): string {
  return foldedWords(header)
    .filter((word) => !/^(?:\d+|[a-z]|[ivx]+|#\d+)$/.test(word))
    .join(' ');
}

/** The earliest calendar date of a column's cells, when most of its cells (and at least two) are dates; else null. */
function datedColumn(rows: readonly RawRow[], column: number): number | null {
  let cells = 0;
  let dates = 0;
  let earliest = Infinity;
  for (const row of rows) {
    const value: CellValue | undefined = row.cells[column];
    if (cellText(value) === null) continue;
    cells++;
    const date = calendarDate(value);
    if (date !== null) {
      dates++;
      earliest = Math.min(earliest, date);
    }
  }
  return dates >= 2 && dates * 2 >= cells ? earliest : null;
}

/**
 * The schedule columns of a table whose day column holds calendar dates: the columns that name the day
 * again or name no field, whose header is the day column's with another tag ("When Batch 2" beside
 * "When Batch 1") and whose cells are mostly dates. Empty when the day column is no dated cohort column.
 */
export function scheduleColumns(
  rows: readonly RawRow[],
  headerCells: readonly CellValue[],
  columns: Partial<Record<Field, number>>,
  duplicates: readonly { field: Field; column: number }[],
): ScheduleColumn[] {
  const day = columns.day;
  if (day === undefined) return [];
  const dayHeader = cellText(headerCells[day]) ?? '';
  const key = untagged(dayHeader);
  // A header that is only a tag ("1", "A") or has none ("Send date") names no cohort.
  if (key === '' || key === foldedWords(dayHeader).join(' ') || datedColumn(rows, day) === null) return [];
  const assigned = new Set(Object.values(columns));
  const candidates = headerCells.flatMap((value, column) => {
    if (column === day) return [];
    const free = !assigned.has(column) || duplicates.some((d) => d.column === column && d.field === 'day');
    const header = cellText(value);
    if (!free || header === null || untagged(header) !== key) return [];
    const anchor = datedColumn(rows, column);
    return anchor === null ? [] : [{ column, label: header, anchor }];
  });
  return candidates;
}

/** A touchpoint's day in a schedule: days from the schedule's earliest date; null before it or when the cell holds no date. */
export function scheduleDay(value: CellValue | undefined, schedule: ScheduleColumn): { date: string | null; day: number | null } {
  const date = calendarDate(value);
  if (date === null) return { date: null, day: null };
  const day = Math.round((date - schedule.anchor) / DAY_MS);
  return { date: new Date(date).toISOString().slice(0, 10), day: day >= 0 ? day : null };
}
