import type { MergedRange, RawRow } from '../../load/index.js';
import { cellText } from './values.js';

/**
 * What a sheet's merged ranges mean for the rows under a header. The loader gives each cell of a range
 * its top-left value, as a spreadsheet shows it; the ranges say which of those copies the author wrote
 * once: a divider merged across the table is one section row, a note merged over the next column is a
 * value of its first column only (not also of the column it spills into), a header merged across columns
 * names one column, and a stage merged down its rows is the stage of each of them (the copies stand).
 */
export class MergedCells {
  // Ranges that span more than one column, by each row they cover.
  private readonly across = new Map<number, MergedRange[]>();

  constructor(ranges: readonly MergedRange[]) {
    for (const range of ranges) {
      if (range.lastColumn <= range.firstColumn) continue;
      // Ranges are clipped to the rows that hold data, and their cells counted against limits.mergedCells.
      for (let row = range.firstRow; row <= range.lastRow; row++) {
        const list = this.across.get(row);
        if (list) list.push(range);
        else this.across.set(row, [range]);
      }
    }
  }

  /** True when `column` of header row `row` continues a header merged across from `first` ("Timing" over C1:D1). */
  continues(row: number, first: number, column: number): boolean {
    return (this.across.get(row) ?? []).some((range) => range.firstColumn <= first && first < column && column <= range.lastColumn);
  }

  /**
   * A data row as it is read: a range across columns that holds one value among others keeps it in its
   * first column; a divider (the row's only value, merged across two or more columns) is kept whole and said to be one.
   */
  dataRow(raw: RawRow): { row: RawRow; divider: 'first' | 'continued' | null } {
    const ranges = this.across.get(raw.row);
    if (ranges === undefined) return { row: raw, divider: null };
    const filled = raw.cells.flatMap((value, column) => (cellText(value) === null ? [] : [column]));
    const divider = ranges.find((range) => filled.length > 0 && filled.every((column) => range.firstColumn <= column && column <= range.lastColumn));
    // A divider merged down two rows is one section: its second row is part of it.
    if (divider) return { row: raw, divider: divider.firstRow < raw.row ? 'continued' : 'first' };
    const cells = raw.cells.slice();
    for (const range of ranges) for (let column = range.firstColumn + 1; column <= range.lastColumn && column < cells.length; column++) cells[column] = null;
    return { row: { row: raw.row, cells }, divider: null };
  }
}
