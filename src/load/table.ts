import type { InputKind } from './formats.js';

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
  /** Sheet name; for a markdown table the heading above it; null for CSV/TSV and a markdown table with no heading. */
  sheet: string | null;
  rows: RawRow[];
  /**
   * Set for a table in a text file (markdown): its rows are numbered by their line in the file, the
   * line under the header is the table's delimiter (not a blank row), and cells are named `file:LINE › column`.
   */
  lines?: true;
  /** A markdown table's headings above it, outermost first (the nearest is `sheet`), with their level and line. */
  headings?: Heading[];
  /**
   * A workbook's merged ranges, clipped to the rows and columns that hold data, whose top-left cell holds
   * a value; each cell of a range holds that value in `rows` (as a spreadsheet shows it). The model decides
   * what a range means: a divider row, a stage merged down its rows, a header across columns.
   */
  merges?: MergedRange[];
  /** Rows left out because they are too long to read (a markdown row over 64 KiB): an error if the table is an inventory. */
  oversized?: { row: number; kib: number; limitKib: number }[];
}

/** A merged range of a sheet: 1-based rows and 0-based columns, first and last included. */
export interface MergedRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** A markdown heading: its text, level (1 for `#`) and 1-based line. */
export interface Heading {
  text: string;
  level: number;
  line: number;
}

/** Everything read from one input file. */
export interface LoadedFile {
  file: string;
  kind: InputKind;
  tables: RawTable[];
  /** Sheets left out before normalizing (hidden, chart sheets), with why. */
  skipped: { sheet: string; reason: string }[];
}

/** True for a formula error value. */
export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
