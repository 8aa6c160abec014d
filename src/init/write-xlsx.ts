// Writes the starter workbook with exceljs. Loaded only by `journey init` (a dynamic import), so audit start-up
// never parses exceljs.
import ExcelJS from 'exceljs';
import { columnLetter } from '../load/address.js';
import type { PersonaRows, TemplateCell } from './rows.js';
import { HOW_TO_SHEET, LISTS_SHEET, howToLines, type TemplateColumn, type TemplateSpec } from './template.js';

/** Light red, as Excel's "Bad" style: the cells the team has to fix. */
export const FLAG_FILL = 'FFFFC7CE';
const HEADER_FILL = 'FFDDEBF7';
/** A value a spreadsheet would take for a formula or a command if it were typed in (CSV/formula injection). */
export const FORMULA_LIKE = /^[=+\-@\t\r]/;

/** exceljs takes a validation for a whole range (one <dataValidation>, not one per cell), though its types only declare the per-cell one. */
type WithRangeValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function validationFor(column: TemplateColumn): ExcelJS.DataValidation | null {
  const { validation } = column;
  if (validation === null) return null;
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: column.header.slice(0, 32), error: column.error, showInputMessage: false };
  switch (validation.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [validation.list], errorStyle: validation.strict ? 'stop' : 'warning' };
    case 'whole':
      return validation.max === null
        ? { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [validation.min] }
        : { ...common, type: 'whole', operator: 'between', formulae: [validation.min, validation.max] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'between', formulae: [validation.min, validation.max] };
    case 'date':
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(`${validation.min}T00:00:00Z`)] };
  }
}

function writeCell(cell: ExcelJS.Cell, written: TemplateCell): void {
  cell.value = written.value;
  // exceljs writes strings as text, never formulas; the Text format keeps Excel from making one of it when the cell is edited.
  if (typeof written.value === 'string' && FORMULA_LIKE.test(written.value)) cell.numFmt = '@';
  if (written.problem !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAG_FILL } };
    cell.note = written.problem;
  }
}

function addPersonaSheet(workbook: ExcelJS.Workbook, name: string, spec: TemplateSpec, persona: PersonaRows | null): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({ header: column.header, key: column.field, width: column.width, ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.note = column.note;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.numFmt = 'General';
  });
  const last = columnLetter(spec.columns.length - 1);
  sheet.autoFilter = `A1:${last}1`;
  for (const values of persona?.rows ?? []) {
    const row = sheet.addRow([]);
    spec.columns.forEach((column, i) => {
      const written = values[column.field];
      if (written !== undefined && (written.value !== null || written.problem !== undefined)) writeCell(row.getCell(i + 1), written);
    });
  }
  const lastRow = spec.rows + 1;
  spec.columns.forEach((column, i) => {
    const validation = validationFor(column);
    const letter = columnLetter(i);
    if (validation) (sheet as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, validation);
  });
}

function addListsSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  spec.lists.forEach((list, i) => {
    const letter = columnLetter(i);
    const head = sheet.getCell(`${letter}1`);
    head.value = list.header;
    head.font = { bold: true };
    head.note = `The ${list.header.toLowerCase()} the dropdowns offer (the name "${list.name}"). Edit them here; insert new ones inside the list, not below it.`;
    list.values.forEach((value, j) => {
      writeCell(sheet.getCell(`${letter}${j + 2}`), { value });
    });
    sheet.getColumn(i + 1).width = Math.max(list.header.length, ...list.values.map((v) => v.length)) + 2;
    workbook.definedNames.add(`${LISTS_SHEET}!$${letter}$2:$${letter}$${Math.max(2, list.values.length + 1)}`, list.name);
  });
}

function addHowToSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): void {
  const sheet = workbook.addWorksheet(HOW_TO_SHEET);
  sheet.getColumn(1).width = 120;
  howToLines(spec).forEach((line, i) => {
    const cell = sheet.getCell(`A${i + 1}`);
    cell.value = line === '' ? null : line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

/** The workbook as bytes, for writing without following a path twice. */
export async function templateXlsxBuffer(spec: TemplateSpec, rows: PersonaRows[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'journey init';
  workbook.created = created;
  workbook.modified = created;
  for (const { persona, sheet } of spec.sheets) addPersonaSheet(workbook, sheet, spec, rows.find((r) => r.persona === persona) ?? null);
  addHowToSheet(workbook, spec);
  addListsSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
