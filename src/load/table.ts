/** A value as read from a cell, before any interpretation. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A formula error shown in a cell (`#DIV/0!`, `#N/A`, ...). */
export interface CellError {
  error: string;
}

/** One spreadsheet row: its 1-based number as the program shows it, and values by 0-based column. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

/** One sheet (or a whole CSV) as rows of raw cells, with where it came from. */
export interface RawTable {
  file: string;
  /** Sheet name; null for CSV/TSV. */
  sheet: string | null;
  rows: RawRow[];
}

/** Everything read from one input file. */
export interface LoadedFile {
  file: string;
  kind: 'csv' | 'xlsx';
  tables: RawTable[];
  /** Sheets left out before normalizing (hidden, chart sheets), with why. */
  skipped: { sheet: string; reason: string }[];
}

/** True for a formula error value. */
export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
