import { cellAddress } from '../load/address.js';
import type { Field, Location, Touchpoint } from './schema.js';

/** The cell of the first of `fields` the touchpoint's sheet has a column for, else the whole row. */
export function cellOf(touchpoint: Touchpoint, ...fields: Field[]): Location {
  const { row } = touchpoint;
  for (const field of fields) {
    const column = touchpoint.columns[field];
    if (column !== undefined) return { file: row.file, sheet: row.sheet, row: row.row, column, cell: cellAddress(row.sheet, column, row.row!) };
  }
  return row;
}
