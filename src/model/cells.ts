import { cellAddress, columnLetter } from '../load/address.js';
import type { Field, Location, Touchpoint } from './schema.js';

/** The touchpoint's row as a whole (column and cell null). */
export function rowLocation(touchpoint: Touchpoint): Location {
  return { file: touchpoint.place.file, sheet: touchpoint.place.sheet, row: touchpoint.row, column: null, cell: null };
}

/** The cell of the first of `fields` the touchpoint's sheet has a column for, else the whole row. */
export function cellOf(touchpoint: Touchpoint, ...fields: Field[]): Location {
  const { place, row } = touchpoint;
  for (const field of fields) {
    const column = place.columns[field];
    if (column !== undefined) return { file: place.file, sheet: place.sheet, row, column, cell: cellAddress(place.sheet, column, row) };
  }
  return rowLocation(touchpoint);
}

/** Where a cell is, as a Location. */
export function cellLocation(file: string, sheet: string | null, row: number, column: number): Location {
  const letter = columnLetter(column);
  return { file, sheet, row, column: letter, cell: cellAddress(sheet, letter, row) };
}

/** A whole sheet (or a whole CSV file) as a Location. */
export function sheetLocation(file: string, sheet: string | null): Location {
  return { file, sheet, row: null, column: null, cell: null };
}
