import type { CellValue, MergedRange, RawRow } from '../table.js';
import { columnLetter, parseCellRef } from '../address.js';
import { CHECK_EVERY, type ReadBudget } from './budget.js';
import { unescapeOoxml } from './parts.js';
import type { ZipArchive } from './zip.js';
import type { XmlHandlers } from './xml.js';
import { scanXmlOrParse } from './scan.js';

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

/** A merged range as numbers: 0-based columns, 1-based rows, as written (not yet clipped). */
interface Merge {
  ref: string;
  startCol: number;
  startRow: number;
  endCol: number;
  endRow: number;
}

/**
 * Streams one worksheet into rows holding only the cells that have values, so a sheet whose
 * recorded dimension is a million rows costs only what it holds. Merged ranges are filled with
 * their top-left value, clipped to the rows and columns that hold data.
 *
 * Nothing is allocated per cell a file merely declares: a row's blanks before its last value are
 * counted against limits.cellsPerSheet before they are stored, a merge's clipped area against
 * limits.mergedCells before it is filled, and every loop looks at the clock.
 */
export async function readSheet(zip: ZipArchive, path: string, context: SheetContext, budget: ReadBudget): Promise<{ rows: RawRow[]; merges: MergedRange[] }> {
  const limits = budget.limits;
  // Reset by handlers(): a part the scanner gives up on is read again from the start by saxes.
  let rows: RawRow[] = [];
  let merges: Merge[] = [];
  let storedCells = 0;
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

  /** Stores a value, first counting the blanks it puts before it (a row's cells are a dense array). */
  const place = (target: RawRow, col: number, cell: CellValue) => {
    if (col >= target.cells.length) {
      if (col >= limits.columns) {
        throw budget.error(
          `row ${target.row} has a value in column ${columnLetter(col)}, past the ${limits.columns} columns a row may reach (limits.columns)`,
          `${columnLetter(col)}${target.row}`,
        );
      }
      storedCells += col + 1 - target.cells.length;
      if (storedCells > limits.cellsPerSheet) {
        throw budget.error(
          `the sheet holds more than ${limits.cellsPerSheet} cells, counting the blanks before each row's last value (limits.cellsPerSheet)`,
          `${columnLetter(col)}${target.row}`,
        );
      }
      while (target.cells.length < col) target.cells.push(null);
    }
    target.cells[col] = cell;
  };

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

  const handlers = (): XmlHandlers => {
    rows = [];
    merges = [];
    storedCells = 0;
    row = null;
    rowNumber = 0;
    column = -1;
    type = '';
    style = 0;
    value = '';
    inline = '';
    hasValue = false;
    inValue = false;
    inInlineText = false;
    phonetic = 0;
    return sheetHandlers;
  };
  const sheetHandlers: XmlHandlers = {
    open(name, attrs) {
      switch (name) {
        case 'row': {
          const declared = attrs.r ? Number(attrs.r) : NaN;
          rowNumber = Number.isSafeInteger(declared) && declared > 0 ? declared : rowNumber + 1;
          row = null;
          column = -1;
          break;
        }
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
        case 'mergeCell': {
          if (merges.length >= limits.mergedCells) {
            throw budget.error(`the sheet has more than ${limits.mergedCells} merged ranges (limits.mergedCells)`, attrs.ref ?? null);
          }
          const [from, to] = (attrs.ref ?? '').split(':');
          const start = from ? parseCellRef(from) : null;
          const end = to ? parseCellRef(to) : null;
          if (start && end) merges.push({ ref: attrs.ref!, startCol: start.col, startRow: start.row, endCol: end.col, endRow: end.row });
          break;
        }
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
          place(row, column, cell);
          break;
        }
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText && phonetic === 0) inline += text;
    },
  };
  await scanXmlOrParse(
    await zip.open(path, budget),
    () => zip.open(path, budget, true),
    handlers,
    () => budget.checkTime(),
  );

  // Rows may come out of order in hand-written files; spreadsheet programs show them sorted.
  const sorted = sortByRow(rows, budget);
  if (merges.length === 0) return { rows: sorted, merges: [] };
  const filled: MergedRange[] = [];
  return { rows: fillMerges(sorted, merges, place, budget, filled), merges: filled };
}

/** Rows in row order (stable), looking at the clock while it sorts: a sheet may hold millions. */
function sortByRow(rows: RawRow[], budget: ReadBudget): RawRow[] {
  let inOrder = true;
  for (let i = 1; i < rows.length && inOrder; i++) inOrder = rows[i - 1]!.row <= rows[i]!.row;
  if (inOrder) return rows;
  // Bottom-up merge sort: linear passes that can stop between any two steps, unlike Array.sort.
  let from = rows.slice();
  let to = new Array<RawRow>(rows.length);
  let steps = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let a = left;
      let b = middle;
      for (let k = left; k < right; k++) {
        if (++steps % CHECK_EVERY === 0) budget.checkTime();
        to[k] = a < middle && (b >= right || from[a]!.row <= from[b]!.row) ? from[a++]! : from[b++]!;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

type Place = (target: RawRow, col: number, cell: CellValue) => void;

/**
 * Copies each merged range's top-left value into the range's other cells that fall within the data
 * (the rows and columns that hold values), counting that area against limits.mergedCells first; the
 * ranges filled, clipped, go to `filled`.
 */
function fillMerges(rows: RawRow[], merges: Merge[], place: Place, budget: ReadBudget, filled: MergedRange[]): RawRow[] {
  const limit = budget.limits.mergedCells;
  const lastRow = rows.at(-1)?.row ?? 0;
  let lastColumn = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i % CHECK_EVERY === 0) budget.checkTime();
    lastColumn = Math.max(lastColumn, rows[i]!.cells.length - 1);
  }
  // Rows a merge reaches that hold no values yet are made here, then merged into the sorted rows.
  const added = new Map<number, RawRow>();
  const rowAt = (rowNumber: number): RawRow | undefined => {
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = rows[middle]!;
      if (candidate.row === rowNumber) return candidate;
      if (candidate.row < rowNumber) low = middle + 1;
      else high = middle - 1;
    }
    return added.get(rowNumber);
  };
  let cells = 0;
  let steps = 0;
  for (const merge of merges) {
    if (++steps % CHECK_EVERY === 0) budget.checkTime();
    const lastMergedRow = Math.min(merge.endRow, lastRow);
    const lastMergedCol = Math.min(merge.endCol, lastColumn);
    if (lastMergedRow < merge.startRow || lastMergedCol < merge.startCol) continue;
    const origin = rowAt(merge.startRow)?.cells[merge.startCol];
    if (origin === undefined || origin === null) continue;
    cells += (lastMergedRow - merge.startRow + 1) * (lastMergedCol - merge.startCol + 1) - 1;
    if (cells > limit) {
      throw budget.error(`the sheet's merged ranges reach more than ${limit} cells that hold data (limits.mergedCells)`, merge.ref);
    }
    filled.push({ firstRow: merge.startRow, lastRow: lastMergedRow, firstColumn: merge.startCol, lastColumn: lastMergedCol });
    for (let rowNumber = merge.startRow; rowNumber <= lastMergedRow; rowNumber++) {
      let target = rowAt(rowNumber);
      if (!target) {
        target = { row: rowNumber, cells: [] };
        added.set(rowNumber, target);
      }
      for (let col = merge.startCol; col <= lastMergedCol; col++) {
        if (++steps % CHECK_EVERY === 0) budget.checkTime();
        if (rowNumber === merge.startRow && col === merge.startCol) continue;
        place(target, col, origin);
      }
    }
  }
  if (added.size === 0) return rows;
  return mergeSorted(rows, sortByRow([...added.values()], budget), budget);
}

/** Two lists of rows, each in row order, as one list in row order. */
function mergeSorted(a: RawRow[], b: RawRow[], budget: ReadBudget): RawRow[] {
  const out = new Array<RawRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    if (k % CHECK_EVERY === 0) budget.checkTime();
    out[k] = i < a.length && (j >= b.length || a[i]!.row <= b[j]!.row) ? a[i++]! : b[j++]!;
  }
  return out;
}
