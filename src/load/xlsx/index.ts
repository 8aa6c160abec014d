import { InputError } from '../../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../limits.js';
import type { LoadedFile, RawTable } from '../table.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from './parts.js';
import { readSheet } from './sheet.js';
import { openZip, type ZipArchive } from './zip.js';

/** How to read a workbook. */
export interface XlsxOptions {
  /** Only these sheets (by name); hidden sheets are read only when named here. */
  sheets?: string[] | undefined;
  /** What reading may cost at most (the defaults when omitted). */
  limits?: ReadLimits | undefined;
}

/** Reads every worksheet of an .xlsx/.xlsm file into raw rows, in workbook order. */
export async function loadXlsx(path: string, name: string, options: XlsxOptions = {}): Promise<LoadedFile> {
  const seconds = (options.limits ?? DEFAULT_READ_LIMITS).readTimeoutSeconds;
  const deadline = Date.now() + seconds * 1000;
  const checkTime = () => {
    if (Date.now() > deadline) throw new InputError({ file: name }, `took longer than ${seconds} s to read; it may be damaged (open it and save it again) or too large (limits.readTimeoutSeconds, --read-timeout)`);
  };
  let zip: ZipArchive;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new InputError({ file: name }, `is not a readable .xlsx workbook: the zip archive is truncated or corrupt (${(error as Error).message})`, { cause: error });
  }
  let sheetName: string | null = null;
  try {
    const info = await readWorkbookInfo(zip, checkTime);
    if (!info) throw new InputError({ file: name }, 'is a zip archive but not an Excel workbook (it has no workbook part); save it from a spreadsheet program as .xlsx');
    const wanted = options.sheets && options.sheets.length > 0 ? new Set(options.sheets) : null;
    if (wanted) {
      const missing = [...wanted].filter((s) => !info.sheets.some((sheet) => sheet.name === s));
      if (missing.length > 0) {
        const available = info.sheets.map((s) => `"${s.name}"`).join(', ');
        throw new InputError({ file: name }, `has no sheet ${missing.map((s) => `"${s}"`).join(', ')} (its sheets: ${available})`);
      }
    }
    const sharedStrings = await readSharedStrings(zip, info.sharedStringsPath, checkTime);
    const dateStyles = await readDateStyles(zip, info.stylesPath, checkTime);
    const tables: RawTable[] = [];
    const skipped: LoadedFile['skipped'] = [];
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
      sheetName = sheet.name;
      const rows = await readSheet(zip, sheet.path, { sharedStrings, dateStyles, date1904: info.date1904 }, checkTime);
      tables.push({ file: name, sheet: sheet.name, rows });
    }
    return { file: name, kind: 'xlsx', tables, skipped };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as Error).message.split('\n')[0];
    throw new InputError({ file: name, sheet: sheetName }, `is a damaged workbook and cannot be read (${reason}); open it in a spreadsheet program and save it again`, { cause: error });
  } finally {
    zip.close();
  }
}
