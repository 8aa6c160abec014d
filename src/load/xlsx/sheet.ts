import type { CellValue, RawRow } from '../table.js';
import { parseCellRef } from '../address.js';
import { unescapeOoxml } from './parts.js';
import type { ZipArchive } from './zip.js';
import { readXml } from './xml.js';

/** What a sheet read needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Converts an Excel date serial to a Date (1900 system, with Lotus's phantom 29 Feb 1900, or 1904). */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(EPOCH_1904 + Math.round(serial * DAY_MS));
  const adjusted = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(adjusted * DAY_MS));
}

/**
 * Streams one worksheet into rows holding only the cells that have values, so a sheet whose
 * recorded dimension is a million rows costs only what it holds. Merged ranges are filled with
 * their top-left value, clipped to the rows and columns that hold data.
 */
export async function readSheet(zip: ZipArchive, path: string, context: SheetContext, checkTime: () => void): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const merges: string[] = [];
  let row: RawRow | null = null;
  let rowNumber = 0;
  let column = -1;
  let type = '';
  let style = 0;
  let value = '';
  let inline = '';
  let hasValue = false;
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;

  const cellValue = (): CellValue => {
    switch (type) {
      case 's': {
        const text = context.sharedStrings[Number(value)];
        return text === undefined ? null : text;
      }
      case 'inlineStr':
        return unescapeOoxml(hasValue && inline === '' ? value : inline);
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return value.trim() === '1' || value.trim().toLowerCase() === 'true';
      case 'e':
        return { error: value.trim() };
      case 'd': {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default: {
        if (value.trim() === '') return null;
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        return context.dateStyles[style] ? dateFromSerial(number, context.date1904) : number;
      }
    }
  };

  await readXml(await zip.open(path), {
    open(name, attrs) {
      switch (name) {
        case 'row':
          rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
          row = null;
          column = -1;
          break;
        case 'c': {
          const ref = attrs.r ? parseCellRef(attrs.r) : null;
          column = ref ? ref.col : column + 1;
          if (ref && ref.row !== rowNumber) rowNumber = ref.row;
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          value = '';
          inline = '';
          hasValue = false;
          break;
        }
        case 'v':
          inValue = true;
          hasValue = true;
          break;
        case 't':
          inInlineText = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell':
          if (attrs.ref) merges.push(attrs.ref);
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const cell = cellValue();
          if (cell === null || cell === '') break;
          if (!row || row.row !== rowNumber) {
            row = { row: rowNumber, cells: [] };
            rows.push(row);
          }
          row.cells[column] = cell;
          break;
        }
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText && phonetic === 0) inline += text;
    },
  }, checkTime);

  // Rows may come out of order in hand-written files; spreadsheet programs show them sorted.
  rows.sort((a, b) => a.row - b.row);
  for (const r of rows) for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = null;
  if (merges.length > 0) fillMerges(rows, merges);
  return rows;
}

/** Copies each merged range's top-left value into the range's other cells that fall within the data. */
function fillMerges(rows: RawRow[], merges: string[]): void {
  const lastRow = rows.at(-1)?.row ?? 0;
  let lastColumn = 0;
  for (const r of rows) lastColumn = Math.max(lastColumn, r.cells.length - 1);
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const start = from ? parseCellRef(from) : null;
    const end = to ? parseCellRef(to) : null;
    if (!start || !end) continue;
    const origin = byNumber.get(start.row)?.cells[start.col];
    if (origin === undefined || origin === null) continue;
    for (let rowNumber = start.row; rowNumber <= Math.min(end.row, lastRow); rowNumber++) {
      let target = byNumber.get(rowNumber);
      if (!target) {
        target = { row: rowNumber, cells: [] };
        byNumber.set(rowNumber, target);
        rows.push(target);
      }
      for (let col = start.col; col <= Math.min(end.col, lastColumn); col++) {
        if (rowNumber === start.row && col === start.col) continue;
        while (target.cells.length < col) target.cells.push(null);
        target.cells[col] = origin;
      }
    }
  }
  rows.sort((a, b) => a.row - b.row);
}
