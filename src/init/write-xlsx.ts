// Writes the starter workbook with exceljs's streaming writer: rows go to the file as they are added, so a
// clean copy of a large inventory is not held a second time as a workbook. Loaded only by `journey init`
// (a dynamic import), so audit start-up never parses exceljs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { columnLetter } from '../load/address.js';
import type { PersonaRows, TemplateCell } from './rows.js';
import { storableText } from '../escape.js';
import { HOW_TO_SHEET, LISTS_SHEET, howToLines, type TemplateColumn, type TemplateSpec } from './template.js';

/** Light red, as Excel's "Bad" style: the cells the team has to fix. */
export const FLAG_FILL = 'FFFFC7CE';
const HEADER_FILL = 'FFDDEBF7';
/** A value a spreadsheet would take for a formula or a command if it were typed in (CSV/formula injection). */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
/** exceljs takes a validation for a whole range (one <dataValidation>, not one per cell), though its types only declare the per-cell one. */
type WithRangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function validationFor(column: TemplateColumn): ExcelJS.DataValidation | null {
  const { validation } = column;
  if (validation === null) return null;
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: storableText(column.header.slice(0, 32)), error: storableText(column.error), showInputMessage: false };
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
  cell.value = typeof written.value === 'string' ? storableText(written.value) : written.value;
  // exceljs writes strings as text, never formulas; the Text format keeps Excel from making one of it when the cell is edited.
  if (typeof written.value === 'string' && FORMULA_LIKE.test(written.value)) cell.numFmt = '@';
  if (written.problem !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAG_FILL } };
    cell.note = storableText(written.problem);
  }
}

function addPersonaSheet(workbook: Writer, name: string, spec: TemplateSpec, persona: PersonaRows | null): void {
  const sheet = workbook.addWorksheet(storableText(name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({ key: column.field, width: column.width, ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}) }));
  sheet.autoFilter = `A1:${columnLetter(spec.columns.length - 1)}1`;
  const header = sheet.getRow(1);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = storableText(column.header);
    cell.numFmt = 'General';
    cell.font = { bold: true };
    cell.note = storableText(column.note);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  header.commit();
  persona?.rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    spec.columns.forEach((column, i) => {
      const written = values[column.field];
      if (written !== undefined && (written.value !== null || written.problem !== undefined)) writeCell(row.getCell(i + 1), written);
    });
    row.commit();
  });
  const lastRow = spec.rows + 1;
  spec.columns.forEach((column, i) => {
    const validation = validationFor(column);
    const letter = columnLetter(i);
    if (validation) (sheet as unknown as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, validation);
  });
  sheet.commit();
}

function addHowToSheet(workbook: Writer, spec: TemplateSpec): void {
  const sheet = workbook.addWorksheet(HOW_TO_SHEET);
  sheet.getColumn(1).width = 120;
  howToLines(spec).forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = line === '' ? null : storableText(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
    row.commit();
  });
  sheet.commit();
}

function addListsSheet(workbook: Writer, spec: TemplateSpec): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  spec.lists.forEach((list, i) => {
    sheet.getColumn(i + 1).width = Math.max(list.header.length, ...list.values.map((v) => v.length)) + 2;
  });
  const height = Math.max(...spec.lists.map((list) => list.values.length));
  for (let r = 0; r <= height; r++) {
    const row = sheet.getRow(r + 1);
    spec.lists.forEach((list, i) => {
      const cell = row.getCell(i + 1);
      if (r === 0) {
        cell.value = storableText(list.header);
        cell.font = { bold: true };
        cell.note = storableText(`The ${list.header.toLowerCase()} the dropdowns offer (the name "${list.name}"). Edit them here; insert new ones inside the list, not below it.`);
      } else if (list.values[r - 1] !== undefined) writeCell(cell, { value: list.values[r - 1]! });
    });
    row.commit();
  }
  spec.lists.forEach((list, i) => {
    const letter = columnLetter(i);
    workbook.definedNames.add(`${LISTS_SHEET}!$${letter}$2:$${letter}$${Math.max(2, list.values.length + 1)}`, list.name);
  });
  sheet.commit();
}

/**
 * Writes the workbook a spec describes, with each persona's rows, to `path`. Without `overwrite` the file
 * must not exist (checked when it is opened); a write that fails leaves no partial file behind.
 */
export async function writeTemplateXlsx(path: string, spec: TemplateSpec, rows: PersonaRows[], created: Date, overwrite: boolean): Promise<void> {
  const stream = createWriteStream(path, { flags: overwrite ? 'w' : 'wx' });
  await once(stream, 'open');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    workbook.creator = 'journey init';
    workbook.created = created;
    workbook.modified = created;
    for (const { persona, sheet } of spec.sheets) addPersonaSheet(workbook, sheet, spec, rows.find((r) => r.persona === persona) ?? null);
    addHowToSheet(workbook, spec);
    addListsSheet(workbook, spec);
    await workbook.commit();
    if (!stream.writableFinished) await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
