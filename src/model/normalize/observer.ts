import type { ColumnDecision } from '../reading/assign.js';
import type { Field } from '../schema.js';

/** The table a header or value was read in: its file and sheet (null for a CSV; a markdown table's heading). */
export interface ObservedTable {
  file: string;
  sheet: string | null;
}

/**
 * What `journey inspect` watches while normalizing: each header found and each closed-vocabulary value
 * read (as written, and what it became). Normalize calls it only when one is given, so audits pay nothing.
 */
export interface NormalizeObserver {
  /** A table's header: its row, every header cell's text, and the 0-based column of each field. */
  header(table: ObservedTable, row: number, cells: string[], columns: Partial<Record<Field, number>>): void;
  /** A value read from a cell. */
  value(table: ObservedTable, value: ObservedValue): void;
  /**
   * A table's header row and what each column was decided to be, and why; also for a table journey
   * did not read, with the fields it lacks (`missing`, as "touchpoint" or "stage, day or channel").
   */
  layout?(table: ObservedTable, row: number, decisions: readonly ColumnDecision[], missing: readonly string[]): void;
}

/** A value read from a cell: its field and text, what it became, and the nearest known value when it could not be read. */
export interface ObservedValue {
  field: Field;
  text: string;
  /** Stage or channel ids, a mode, "day 7", "timing text"; null when journey could not read it. */
  read: string[] | null;
  suggestion: string | null;
  /** The text is a confident typo of `suggestion`, and `read` is what it misspells: still reported. */
  typo?: boolean;
}
