import { readFile, stat } from 'node:fs/promises';
import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { InputError } from '../errors.js';
import { DEFAULT_READ_LIMITS, MiB, type ReadLimits } from './limits.js';
import type { Heading, LoadedFile, RawRow, RawTable } from './table.js';

/**
 * Markdown inventories: GFM tables in docs, playbooks and wikis. micromark (the CommonMark parser
 * behind remark) reads each table and its cells' inline markdown, but never the whole document, as it
 * is not linear on every input (docs/design.md, Reading markdown): a linear line scan finds the headings
 * and the table blocks (a header line, a delimiter line with as many cells, the lines with a pipe
 * below), each block is parsed on its own in batches of rows, and a line with many emphasis or bracket
 * characters has them escaped first. Every table is handed on as written, with the headings above it;
 * the model decides which are inventories.
 */

/** Options for reading a markdown file. */
export interface MarkdownOptions {
  limits?: ReadLimits | undefined;
}

// Rows and characters parsed at once: a large table is parsed in slices, so the read deadline is checked between them.
const ROWS_PER_PARSE = 500;
const CHARS_PER_PARSE = 256 * 1024;
// No inventory row is this long; the parser reads some 100 KB a second on a busy machine, so a longer one is refused.
const MAX_ROW_CHARS = 64 * 1024;
// More emphasis or bracket characters than this on one line are read literally (escaped) before parsing.
const MAX_MARKERS_PER_LINE = 64;
// A heading is a persona name: longer ones are clipped before parsing.
const MAX_HEADING_CHARS = 200;

/** A table block found by the line scan: its lines, 0-based, and the headings above it (outermost first). */
interface TableBlock {
  start: number;
  end: number;
  headings: Heading[];
}

/** True for a file name markdown is read from. */
export function isMarkdownName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/** Reads a markdown file's tables, each with the headings above it (none is an inventory yet: the model decides). */
export async function loadMarkdown(path: string, name: string, options: MarkdownOptions = {}): Promise<LoadedFile> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const text = await readMarkdownText(path, name, limits);
  const deadline = Date.now() + limits.readTimeoutSeconds * 1000;
  const tables = markdownTables(text, name, () => {
    if (Date.now() > deadline) {
      throw new InputError(
        { file: name },
        `took longer than ${limits.readTimeoutSeconds} s to read; it may be too large (limits.readTimeoutSeconds, --read-timeout)`,
      );
    }
  });
  return { file: name, kind: 'markdown', tables, skipped: [] };
}

async function readMarkdownText(path: string, name: string, limits: ReadLimits): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError({ file: name }, `cannot be read: ${error.code === 'ENOENT' ? 'no such file' : error.code}`, { cause: error });
  });
  if (!info.isFile()) throw new InputError({ file: name }, 'is not a regular file (a pipe or a device); save it as a file');
  if (info.size > limits.inputMiB * MiB) {
    throw new InputError(
      { file: name },
      `is ${(info.size / MiB).toFixed(1)} MiB, more than the ${limits.inputMiB} MiB journey reads from one file (limits.inputMiB)`,
    );
  }
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new InputError({ file: name }, 'is not valid UTF-8 text; save it as UTF-8', { cause: error });
  }
}

/** The file's tables, each named by the nearest heading above it (null: none, the file name is the persona). */
export function markdownTables(text: string, file: string, checkDeadline: () => void = () => {}): RawTable[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tables: RawTable[] = [];
  for (const block of findTableBlocks(lines)) {
    checkDeadline();
    // No header is this long: the block is not an inventory, and is not parsed.
    if (lines[block.start]!.length > MAX_ROW_CHARS || lines[block.start + 1]!.length > MAX_ROW_CHARS) continue;
    const header = parseRows(lines, block.start, block.start + 2, block.start + 2)[0];
    if (!header) continue;
    const rows: RawRow[] = [header];
    const oversized: NonNullable<RawTable['oversized']> = [];
    for (let from = block.start + 2; from < block.end; ) {
      checkDeadline();
      if (lines[from]!.length > MAX_ROW_CHARS) {
        // Too long to parse: left out, and an error if the model reads the table as an inventory.
        oversized.push({ row: from + 1, kib: Math.ceil(lines[from]!.length / 1024), limitKib: MAX_ROW_CHARS / 1024 });
        from++;
        continue;
      }
      let to = from;
      for (let chars = 0; to < block.end && to - from < ROWS_PER_PARSE && chars < CHARS_PER_PARSE && lines[to]!.length <= MAX_ROW_CHARS; to++)
        chars += lines[to]!.length;
      // Cells past the header's are not part of the table (GFM drops them).
      for (const row of parseRows(lines, block.start, from, to).slice(1)) rows.push({ row: row.row, cells: row.cells.slice(0, header.cells.length) });
      from = to;
    }
    const table: RawTable = { file, sheet: block.headings.at(-1)?.text ?? null, rows, lines: true, headings: block.headings };
    if (oversized.length > 0) table.oversized = oversized;
    tables.push(table);
  }
  return tables;
}

/**
 * Parses the table whose header and delimiter lines start at `start`, with the rows on lines
 * [from, to): the header row (numbered by its line), then the body rows (each numbered by its line).
 */
function parseRows(lines: string[], start: number, from: number, to: number): RawRow[] {
  const slice = [lines[start]!, lines[start + 1]!, ...lines.slice(from, to)].map(defused);
  const lineOf = (index: number) => (index < 2 ? start + index + 1 : from + index - 1);
  const tree = fromMarkdown(slice.join('\n'), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const table = findTable(tree);
  if (!table) return [];
  const rows: RawRow[] = [];
  for (const row of table.children) {
    const line = row.position?.start.line;
    if (line === undefined) continue;
    rows.push({ row: lineOf(line - 1), cells: row.children.map((cell) => cellValue(plainText(cell))) });
  }
  return rows;
}

/** The first table in a parsed tree, inside a block quote or list item too. */
function findTable(node: Nodes): Table | null {
  if (node.type === 'table') return node;
  if ('children' in node) {
    for (const child of node.children as Nodes[]) {
      const found = findTable(child);
      if (found) return found;
    }
  }
  return null;
}

/** Inline markdown as the reader sees it: link and emphasis text, code as written, `<br>` as a line break, other tags dropped. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
  }
}

const cellValue = (text: string) => {
  const trimmed = text
    .split('\n')
    .map((part) => part.trim())
    .join('\n')
    .trim();
  return trimmed === '' ? null : trimmed;
};

/** A line with its emphasis and bracket characters escaped when there are so many that parsing them would be slow. */
function defused(line: string): string {
  let emphasis = 0;
  let brackets = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 42 || c === 95) emphasis++;
    else if (c === 91 || c === 93) brackets++;
  }
  if (emphasis > MAX_MARKERS_PER_LINE) line = line.replace(/(?<!\\)[*_]/g, '\\$&');
  if (brackets > MAX_MARKERS_PER_LINE) line = line.replace(/(?<!\\)[[\]]/g, '\\$&');
  return line;
}

/** The table blocks and the nearest heading above each, by a linear scan that skips fenced code. */
function findTableBlocks(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  // The open headings, one per level: a heading closes those of its level and below.
  let headings: Heading[] = [];
  const open = (text: string | null, level: number, line: number) => {
    if (text === null) return;
    headings = [...headings.filter((h) => h.level < level), { text, level, line }];
  };
  let fence: { char: string; length: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opening = fenceOf(line);
    if (fence) {
      if (opening && opening.char === fence.char && opening.length >= fence.length && opening.rest.trim() === '') fence = null;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    const atx = atxHeading(line);
    if (atx !== null) {
      open(atx.text, atx.level, i + 1);
      continue;
    }
    const previous = i > 0 ? lines[i - 1]! : '';
    if (i > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line) && previous.trim() !== '' && !previous.includes('|') && fenceOf(previous) === null) {
      open(headingText(previous.trim()), line.trim().startsWith('=') ? 1 : 2, i);
      continue;
    }
    const next = lines[i + 1];
    if (next === undefined || !line.includes('|')) continue;
    const columns = delimiterCells(next);
    if (columns === 0 || cellCount(withoutContainer(line)) !== columns) continue;
    let end = i + 2;
    while (end < lines.length && lines[end]!.includes('|') && lines[end]!.trim() !== '') end++;
    blocks.push({ start: i, end, headings });
    i = end - 1;
  }
  return blocks;
}

/** A fence line (``` or ~~~, up to three spaces in), its character, length and the text after it. */
function fenceOf(line: string): { char: string; length: number; rest: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return null;
  let length = 0;
  while (line[i + length] === char) length++;
  if (length < 3) return null;
  const rest = line.slice(i + length);
  if (char === '`' && rest.includes('`')) return null;
  return { char, length, rest };
}

/** An ATX heading's text and level (`## Trial users ##` → "Trial users", 2), or null when the line is not one. */
function atxHeading(line: string): { text: string | null; level: number } | null {
  line = line.slice(0, MAX_HEADING_CHARS * 2);
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level === 0 || level > 6) return null;
  const after = line[i + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  const text = line
    .slice(i + level)
    .trim()
    .replace(/(^|[ \t])#+$/, '')
    .trim();
  return { text: headingText(text), level };
}

/** A heading's inline markdown as plain text, or null when it is empty. */
function headingText(text: string): string | null {
  if (text === '') return null;
  const tree: Root = fromMarkdown(defused(text.slice(0, MAX_HEADING_CHARS)));
  const plain = plainText(tree).replace(/\s+/g, ' ').trim();
  return plain === '' ? null : plain;
}

/** The line without the block quote markers and indentation before a table row. */
function withoutContainer(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

/** The number of cells of a row: pipes not escaped by a backslash, not counting a leading or trailing one. */
function cellCount(row: string): number {
  const text = row.trim();
  let pipes = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') pipes++;
  }
  const leading = text.startsWith('|') ? 1 : 0;
  const trailing = text.length > 1 && text.endsWith('|') && !text.endsWith('\\|') ? 1 : 0;
  return pipes - leading - trailing + 1;
}

/** The number of columns a GFM delimiter line (`| --- | :-: |`) declares, or 0 when the line is not one. */
function delimiterCells(line: string): number {
  const text = withoutContainer(line).trim();
  if (!text.includes('|') && !text.includes(':')) return 0;
  const cells = text.replace(/^\|/, '').replace(/\|$/, '').split('|');
  for (const cell of cells) {
    const trimmed = cell.trim();
    let i = trimmed.startsWith(':') ? 1 : 0;
    const dashes = i;
    while (trimmed[i] === '-') i++;
    if (i === dashes) return 0;
    if (trimmed[i] === ':') i++;
    if (i !== trimmed.length) return 0;
  }
  return cells.length;
}
