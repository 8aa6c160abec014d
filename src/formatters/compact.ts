import { plural } from '../english.js';
import { commandSafeOutput, plainText } from '../escape.js';
import { findingSentence, type Location } from '../model/schema.js';
import { sheetPrefix } from '../load/address.js';
import type { Formatter } from './types.js';
import { severityCounts } from './wording.js';

/**
 * Where a finding is, as one token editors and grep can use: `file:Sheet!B7` for a workbook, `file:B7` for
 * a CSV, `file.md:LINE › column` for markdown (its cell already names the file), else `file:Sheet` or `file`.
 * A whole row (a table's header row, a touchpoint's row) is `file:Sheet!4:4` in a workbook, Excel's
 * reference to row 4 of that sheet, so it never reads as line 4 of a CSV; `file:4` in a CSV and
 * `file.md:LINE` in markdown, where the line is the table's.
 */
export function compactPlace(location: Location): string {
  const { file, sheet, cell, row } = location;
  if (cell !== null) return cell.startsWith(`${file}:`) ? cell : `${file}:${cell}`;
  if (row !== null) return sheet === null || MARKDOWN_FILE.test(file) ? `${file}:${row}` : `${file}:${sheetPrefix(sheet)}${row}:${row}`;
  return sheet === null ? file : `${file}:${sheet}`;
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;

/**
 * One line per finding, never wrapped: `file:sheet!cell  severity  message  rule`, two spaces apart, so
 * grep, sort and an editor's problem matcher can read it. Unreadable files get a line of their own, and a
 * last line counts. Every field is plain text on one line (cells can hold line breaks and escapes).
 */
export const formatCompact: Formatter = (result) => commandSafeOutput(compactLines(result));

function* compactLines(result: Parameters<Formatter>[0]): Iterable<string> {
  for (const file of result.files) if (file.error !== null) yield `${plainText(file.file)}  error  could not be read: ${plainText(file.error)}  input-error\n`;
  for (const finding of result.findings) {
    yield `${plainText(compactPlace(finding.location))}  ${finding.severity}  ${plainText(findingSentence(finding))}  ${finding.ruleId}\n`;
  }
  const { summary } = result;
  const total = summary.errors + summary.warnings + summary.infos;
  const read = summary.files - summary.inputErrors;
  const unreadable = summary.inputErrors > 0 ? `; ${plural(summary.inputErrors, 'file')} could not be read` : '';
  if (read === 0 && summary.inputErrors > 0) {
    yield `${plural(summary.inputErrors, 'file')} could not be read; nothing was audited\n`;
    return;
  }
  // Never "no findings" for what --quiet hid.
  const what = total === 0 ? (summary.hidden ? 'no errors' : 'no findings') : `${plural(total, 'finding')} (${severityCounts(summary)})`;
  const hidden = summary.hidden ? ` (${summary.hidden} ${summary.hidden === 1 ? 'warning or info' : 'warnings and infos'} hidden by --quiet)` : '';
  yield `${what} in ${plural(read, 'file')}${hidden}${unreadable}\n`;
}
