import { InputError } from '../../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../limits.js';
import type { LoadedFile, RawTable } from '../table.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from './parts.js';
import { ReadBudget } from './budget.js';
import { readSheet } from './sheet.js';
import { DuplicatePartError, openZip, partKey, type ZipArchive } from './zip.js';

/** How to read a workbook. */
export interface XlsxOptions {
  /** Only these sheets (by name); hidden sheets are read only when named here. */
  sheets?: string[] | undefined;
  /** What reading may cost at most (the defaults when omitted). */
  limits?: ReadLimits | undefined;
}

/** Reads every worksheet of an .xlsx/.xlsm file into raw rows, in workbook order. */
export async function loadXlsx(path: string, name: string, options: XlsxOptions = {}): Promise<LoadedFile> {
  const budget = new ReadBudget(name, options.limits ?? DEFAULT_READ_LIMITS);
  let zip: ZipArchive;
  try {
    zip = await openZip(path, budget);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof DuplicatePartError)
      throw budget.error(`is a damaged workbook: ${error.message}; open it in a spreadsheet program and save it again`, null, error);
    throw budget.error(
      `is not a readable .xlsx workbook: the zip archive is truncated or corrupt (${(error as Error).message}); copy the file again (a download or sync may have been cut short), or open it in a spreadsheet program and save it again`,
      null,
      error,
    );
  }
  try {
    const info = await readWorkbookInfo(zip, budget);
    if (!info) throw budget.error('is a zip archive but not an Excel workbook (it has no workbook part); save it from a spreadsheet program as .xlsx');
    const wanted = options.sheets && options.sheets.length > 0 ? new Set(options.sheets) : null;
    if (wanted) {
      const missing = [...wanted].filter((s) => !info.sheets.some((sheet) => sheet.name === s));
      if (missing.length > 0) {
        const available = info.sheets.map((s) => `"${s.name}"`).join(', ');
        throw budget.error(`has no sheet ${missing.map((s) => `"${s}"`).join(', ')} (its sheets: ${available})`);
      }
    }
    const sharedStrings = await readSharedStrings(zip, info.sharedStringsPath, budget);
    const dateStyles = await readDateStyles(zip, info.stylesPath, budget);
    const tables: RawTable[] = [];
    const skipped: LoadedFile['skipped'] = [];
    // Each worksheet part is read once: a workbook listing one part under many sheet names
    // (which no spreadsheet program writes) would otherwise cost a read, and a copy, per name.
    const sheetOfPart = new Map<string, string>();
    for (const sheet of info.sheets) {
      if (wanted && !wanted.has(sheet.name)) continue;
      if (sheet.kind !== 'worksheet' || !sheet.path || !zip.has(sheet.path)) {
        skipped.push({ sheet: sheet.name, reason: sheet.kind === 'chartsheet' ? 'it is a chart sheet' : 'it holds no cells' });
        continue;
      }
      if (sheet.hidden && !wanted) {
        skipped.push({ sheet: sheet.name, reason: 'it is hidden (name it with --sheet to audit it)' });
        continue;
      }
      const part = partKey(sheet.path);
      const readAs = sheetOfPart.get(part);
      if (readAs !== undefined) {
        skipped.push({ sheet: sheet.name, reason: `it shows the same cells as sheet "${readAs}" (both name the part ${sheet.path}; the workbook is damaged)` });
        continue;
      }
      sheetOfPart.set(part, sheet.name);
      budget.sheet = sheet.name;
      const { rows, merges } = await readSheet(zip, sheet.path, { sharedStrings, dateStyles, date1904: info.date1904 }, budget);
      tables.push({ file: name, sheet: sheet.name, rows, ...(merges.length > 0 ? { merges } : {}) });
    }
    return { file: name, kind: 'xlsx', tables, skipped };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as Error).message.split('\n')[0];
    throw budget.error(`is a damaged workbook and cannot be read (${reason}); open it in a spreadsheet program and save it again`, null, error);
  } finally {
    zip.close();
  }
}
