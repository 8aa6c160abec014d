import { cellAddress, columnIndex, columnLetter } from '../load/address.js';
import type { Field, Location, TablePlace, Touchpoint } from './schema.js';

/** What naming a cell needs of its table: file and sheet, and a markdown table's column names. */
export type CellPlace = Pick<TablePlace, 'file' | 'sheet' | 'columnNames'>;

/** The touchpoint's row as a whole (column and cell null); in a journey-map grid, its Touchpoint cell (a lane row holds every stage). */
export function rowLocation(touchpoint: Touchpoint): Location {
  if (touchpoint.place.rows && touchpoint.place.columns.touchpoint !== undefined) return cellOf(touchpoint, 'touchpoint');
  return { file: touchpoint.place.file, sheet: touchpoint.place.sheet, row: touchpoint.row, column: null, cell: null };
}

/** The cell of the first of `fields` the touchpoint's sheet has a column for, else the whole row. */
export function cellOf(touchpoint: Touchpoint, ...fields: Field[]): Location {
  const { place } = touchpoint;
  for (const field of fields) {
    const column = place.columns[field];
    if (column === undefined) continue;
    // A grid's field lives in its lane's row.
    const row = place.rows?.[field] ?? touchpoint.row;
    if (place.columnNames) return cellLocation(place, row, columnIndex(column));
    return { file: place.file, sheet: place.sheet, row, column, cell: cellAddress(place.sheet, column, row) };
  }
  return rowLocation(touchpoint);
}

/**
 * Where a cell is, as a Location: `Sheet!B20` in a workbook, `B20` in a CSV; in a markdown table the
 * row is the file's line and the column its header text (`playbook.md:14 › Channel`), as an editor finds it.
 */
export function cellLocation(place: CellPlace, row: number, column: number): Location {
  const { file, sheet, columnNames } = place;
  if (columnNames) {
    const name = columnNames[column]?.trim() || `column ${column + 1}`;
    return { file, sheet, row, column: name, cell: `${file}:${row} › ${name}` };
  }
  const letter = columnLetter(column);
  return { file, sheet, row, column: letter, cell: cellAddress(sheet, letter, row) };
}

/** A whole sheet (or a whole CSV file) as a Location. */
export function sheetLocation(file: string, sheet: string | null): Location {
  return { file, sheet, row: null, column: null, cell: null };
}
