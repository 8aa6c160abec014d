import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { plural } from '../english.js';
import { commandSafeOutput, plainText, shorten } from '../escape.js';
import { type Finding, type Severity, findingSentence } from '../model/schema.js';
import type { AuditResult } from '../engine/result.js';
import type { Formatter } from './types.js';
import { findingCounts, findingTotal } from './wording.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Characters whose width depends on their neighbours (combining marks, joiners, emoji, flags, Hangul jamo).
const CLUSTERING = /[\p{M}\p{Cf}\p{Extended_Pictographic}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
/** Longest text measured by string-width, whose grapheme segmentation grows faster than the text. */
const SEGMENTED_LIMIT = 200;

const characterWidths = new Map<string, number>();

/** Columns one character takes; non-ASCII widths are remembered, as text repeats few distinct characters. */
function characterWidth(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 0x20 && code <= 0x7e) return 1;
  let width = characterWidths.get(character);
  if (width === undefined) {
    width = stringWidth(character);
    if (characterWidths.size < 10_000) characterWidths.set(character, width);
  }
  return width;
}

/**
 * Columns the text takes in a terminal: wide (CJK) characters and emoji take two, combining marks none.
 * Most text is ASCII, one column a character. Text without clustering characters is the sum of its
 * characters; only short text with them is segmented into graphemes by string-width (a long one is
 * summed too, which at worst overcounts an emoji sequence).
 */
function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (text.length <= SEGMENTED_LIMIT && CLUSTERING.test(text)) return stringWidth(text);
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return width;
}

/**
 * A word wider than a line cut into lines of at most `width` columns (each at least one character), in
 * one pass: measuring the rest of the word after every cut made a megabyte-long word take minutes.
 */
function cutWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let used = 0;
  let at = 0;
  for (const character of word) {
    const next = characterWidth(character);
    if (at > start && used + next > width) {
      pieces.push(word.slice(start, at));
      [start, used] = [at, 0];
    }
    used += next;
    at += character.length;
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** Text broken at spaces into lines of at most `width` columns; a word wider than a line is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let rest = word;
    let restWidth = displayWidth(word);
    if (restWidth > width) {
      if (line !== '') lines.push(line);
      const pieces = cutWord(word, width);
      rest = pieces.pop()!;
      for (const piece of pieces) lines.push(piece);
      [line, lineWidth, restWidth] = ['', 0, displayWidth(rest)];
    }
    if (line === '') [line, lineWidth] = [rest, restWidth];
    else if (lineWidth + 1 + restWidth <= width) [line, lineWidth] = [`${line} ${rest}`, lineWidth + 1 + restWidth];
    else {
      lines.push(line);
      [line, lineWidth] = [rest, restWidth];
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** How a cell's text is colored. */
type Style = (text: string) => string;

/** One table cell: its text, the column's width (one space of padding either side) and how it is colored. */
interface Cell {
  text: string;
  width: number;
  style: Style;
}

/** A table row as terminal lines: each cell wrapped to its column, columns one space apart, no trailing spaces. */
function tableRow(cells: Cell[]): string {
  const wrapped = cells.map((cell) => wrap(cell.text, cell.width - 2));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let i = 0; i < height; i++) {
    const parts = cells.map((cell, c) => {
      const text = wrapped[c]![i] ?? '';
      // The last column is not padded (the line's end is trimmed anyway): unwrapped, its width is Infinity.
      // A lone character wider than its column (cut keeps at least one) overflows rather than throwing.
      const pad = c === cells.length - 1 ? 0 : Math.max(0, cell.width - 2 - displayWidth(text));
      return ` ${text === '' ? '' : cell.style(text)}${' '.repeat(pad)} `;
    });
    lines.push(` ${parts.join(' ')}`.trimEnd());
  }
  return lines.join('\n');
}

function severityStyle(chalk: ChalkInstance, severity: Severity): Style {
  if (severity === 'error') return chalk.red;
  if (severity === 'warning') return chalk.yellow;
  return chalk.blue;
}

/** A file or sheet name for the terminal: one line, no escape sequences, at most NAME_LIMIT long. */
const name = (text: string) => plainText(shorten(text));

/**
 * The notes under a file: the sheets it skipped; or, for an inventory with a header and no rows yet (a fresh
 * `journey init` template), the one thing to do next, instead of a note per helper sheet.
 */
function fileNotes(file: AuditResult['files'][number]): string[] {
  const inventories = file.sheets.filter((sheet) => sheet.headerRow !== null);
  if (file.touchpoints === 0 && inventories.length > 0 && inventories.every((sheet) => sheet.retired === 0)) {
    const named = inventories.flatMap((sheet) => (sheet.sheet === null ? [] : [sheet.sheet]));
    const where = named.length === 0 ? 'the header' : `the header of ${named.length === 1 ? 'sheet' : 'sheets'} ${named.join(', ')}`;
    return [`${name(file.file)}: no touchpoints yet; add one row per communication under ${plainText(where)}, then audit again`];
  }
  return file.sheets.flatMap((sheet) => (sheet.skipped ? [`${name(file.file)} › ${name(String(sheet.sheet))}: ${plainText(sheet.skipped)}`] : []));
}

/**
 * Findings grouped by file and sheet, a table per group (cell, severity, rule, message wrapped to the
 * terminal), and a summary line. Yielded a finding at a time (docs/design.md, Output is streamed).
 * Cell text reaches the terminal only through plainText, and every line through commandSafe.
 */
export const formatStylish: Formatter = (result, options) => commandSafeOutput(stylishPieces(result, options));

function* stylishPieces(...[result, options]: Parameters<Formatter>): Iterable<string> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const plain: Style = (text) => text;

  for (const file of result.files) {
    if (file.error !== null) continue;
    const groups = new Map<string | null, Finding[]>();
    for (const sheet of file.sheets) groups.set(sheet.sheet, []);
    for (const finding of result.findings) {
      if (finding.location.file !== file.file) continue;
      const group = groups.get(finding.location.sheet) ?? [];
      group.push(finding);
      groups.set(finding.location.sheet, group);
    }
    for (const [sheet, findings] of groups) {
      if (findings.length === 0) continue;
      yield `\n${chalk.underline(sheet === null ? name(file.file) : `${name(file.file)} › ${name(sheet)}`)}\n`;
      // Under the file's heading, a markdown cell is named by its line and column ("line 13 › Timing"), not its path again.
      const prefix = `${file.file}:`;
      const cellText = (cell: string) => (cell.startsWith(prefix) ? `line ${cell.slice(prefix.length)}` : cell);
      const cells = findings.map((finding) => name(finding.location.cell === null ? (finding.location.sheet ?? '(file)') : cellText(finding.location.cell)));
      // reduce, not Math.max(...) (docs/design.md, Output is streamed).
      const cellWidth = cells.reduce((width, cell) => Math.max(width, displayWidth(cell)), 6) + 2;
      const ruleWidth = findings.reduce((width, finding) => Math.max(width, finding.ruleId.length), 6) + 2;
      const messageWidth = Math.max(30, options.width - cellWidth - ruleWidth - 10 - 6);
      const widths = [cellWidth, 10, ruleWidth, messageWidth];
      const row = (cells: [string, Style][]) => tableRow(cells.map(([text, style], i) => ({ text, width: widths[i]!, style })));
      yield `${row([
        ['Cell', chalk.dim],
        ['Severity', chalk.dim],
        ['Rule', chalk.dim],
        ['Message', chalk.dim],
      ])}\n`;
      for (let i = 0; i < findings.length; i++) {
        const finding = findings[i]!;
        yield `${row([
          [cells[i]!, plain],
          [finding.severity, severityStyle(chalk, finding.severity)],
          [finding.ruleId, chalk.dim],
          [plainText(findingSentence(finding)), plain],
        ])}\n`;
      }
    }
    for (const note of fileNotes(file)) yield `${chalk.dim(`note: ${note}`)}\n`;
  }

  const { errors, files, touchpoints, inputErrors } = result.summary;
  const total = findingTotal(result.summary);
  const { ignored, baselined, hidden } = result.summary;
  const left = [
    ignored ? `${ignored} ignored (config or journey-ignore notes)` : '',
    baselined ? `${baselined} in the baseline` : '',
    hidden ? `${hidden} ${hidden === 1 ? 'warning or info' : 'warnings and infos'} hidden by --quiet` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const mark = errors > 0 || inputErrors > 0 ? chalk.red.bold('✖') : total > 0 || hidden ? chalk.yellow.bold('⚠') : chalk.green.bold('✔');
  const read = files - inputErrors;
  // A file that could not be read is said to be so: "No findings" would read as a clean inventory.
  const unread = inputErrors ? `${plural(inputErrors, 'file')} could not be read` : '';
  if (read === 0 && inputErrors > 0) {
    yield `\n${mark} ${unread}${inputErrors === 1 ? ' (see above)' : ''}; nothing was audited\n`;
    return;
  }
  const scope = `in ${plural(read, inputErrors ? 'readable file' : 'file')} (${plural(touchpoints, 'touchpoint')} read${left ? `; ${left}` : ''})`;
  const what = total === 0 ? (hidden ? 'No errors' : 'No findings') : findingCounts(result.summary);
  yield `\n${mark} ${what} ${scope}${unread ? `; ${unread}` : ''}\n`;
}
