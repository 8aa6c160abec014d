import { constants, open as openDescriptor, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { readCsvRows } from './csv.js';
import { DEFAULT_READ_LIMITS, MiB, type ReadLimits } from './limits.js';
import type { LoadedFile, RawRow } from './table.js';
import type { XlsxOptions } from './xlsx/index.js';
import { formatOfBytes, formatOfName, type InputKind } from './formats.js';

export type { CellValue, Heading, LoadedFile, MergedRange, RawRow, RawTable } from './table.js';
export { isCellError } from './table.js';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Names what a file's first bytes say it is, when that is something we cannot read as an inventory. */
function foreignFormat(head: Buffer, whole: Buffer | null): string | null {
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    // Password-protected .xlsx files are OLE containers holding an EncryptionInfo stream.
    const encrypted = whole?.includes(Buffer.from('EncryptionInfo', 'utf16le')) ?? false;
    return encrypted
      ? 'is a password-protected (encrypted) workbook; remove the password (File › Info › Protect Workbook) and save it again as .xlsx'
      : 'is a legacy binary Excel file (.xls); open it and save it as .xlsx (Excel Workbook)';
  }
  const signatures: [number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
    [[0xff, 0xd8, 0xff], 'a JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
    [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
    [[0x1f, 0x8b], 'a gzip archive'],
  ];
  for (const [bytes, what] of signatures) {
    if (bytes.every((b, i) => head[i] === b)) return `is not a workbook: it is ${what}`;
  }
  return null;
}

/** Options for reading any inventory file. */
export interface LoadOptions extends XlsxOptions {
  /** The name locations use when it differs from the path (stdin). */
  displayName?: string | undefined;
}

/** An inventory ready to read: a workbook, loaded; or a CSV, whose rows `read` streams to a callback. */
export type InventorySource =
  | { kind: Exclude<InputKind, 'csv'>; loaded: LoadedFile }
  | { kind: 'csv'; file: string; read: (onRow: (row: RawRow) => void) => Promise<void> };

/** Reads one inventory file into memory (xlsx or csv/tsv). */
export async function loadInventoryFile(path: string, options: LoadOptions = {}): Promise<LoadedFile> {
  return collect(await openInventoryFile(path, options));
}

/** Holds a source's rows in memory, as a LoadedFile. */
async function collect(source: InventorySource): Promise<LoadedFile> {
  if (source.kind !== 'csv') return source.loaded;
  const rows: RawRow[] = [];
  await source.read((row) => rows.push(row));
  return { file: source.file, kind: 'csv', tables: [{ file: source.file, sheet: null, rows }], skipped: [] };
}

/**
 * Opens one inventory file, sniffing its bytes rather than trusting its extension: a workbook is
 * loaded, a CSV is returned unread so its rows can stream into the model.
 */
export async function openInventoryFile(path: string, options: LoadOptions = {}): Promise<InventorySource> {
  const name = options.displayName ?? path;
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const tsv = extname(path).toLowerCase() === '.tsv';
  // Stat the path before opening it: opening a named pipe blocks until something writes to it.
  const info = await stat(path).catch((error: unknown) => {
    throw cannotRead(name, error);
  });
  if (info.isDirectory()) throw new InputError({ file: name }, 'is a folder, not a file');
  if (info.isFIFO()) return { kind: 'csv', file: name, read: (onRow) => readPipe(path, name, { tsv, limits }, onRow) };
  if (!info.isFile()) throw new InputError({ file: name }, `is ${specialFile(info)}, not a file; give a file, or pipe a CSV to "journey audit -"`);
  let head: Buffer;
  let size: number;
  try {
    // Non-blocking, in case the path became a pipe since stat(); no effect on a file.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) throw new InputError({ file: name }, 'changed while being opened; run again');
      size = opened.size;
      head = Buffer.alloc(Math.min(size, 8));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(name, error);
  }
  if (size === 0) throw new InputError({ file: name }, 'is empty (0 bytes)');

  const extension = extname(path).toLowerCase();
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    const { readFile } = await import('node:fs/promises');
    // Looked through only when it fits the input limit: reading it whole is how the mark is found.
    throw new InputError({ file: name }, foreignFormat(head, size <= limits.inputMiB * MiB ? await readFile(path) : null)!);
  }
  const foreign = foreignFormat(head, null);
  if (foreign) throw new InputError({ file: name }, foreign);
  // The bytes decide first (a workbook renamed .csv is still a workbook), then the name.
  const named = formatOfName(path)?.kind ?? null;
  if (formatOfBytes(head)?.kind === 'xlsx') {
    // The workbook reader (unzip, XML) loads only for workbooks, keeping CSV start-up small.
    const { loadXlsx } = await import('./xlsx/index.js');
    return { kind: 'xlsx', loaded: await loadXlsx(path, name, options) };
  }
  if (named === 'xlsx') {
    throw new InputError({ file: name }, 'is not a readable .xlsx workbook: it is not a zip archive (a renamed or damaged file?)');
  }
  if (named === 'markdown') {
    const { loadMarkdown } = await import('./markdown.js');
    return { kind: 'markdown', loaded: await loadMarkdown(path, name, { limits: options.limits }) };
  }
  if (extension === '.xls') throw new InputError({ file: name }, 'is not a legacy .xls workbook journey can read; save it as .xlsx');
  // Known before reading: refused at once rather than after reading up to the limit.
  if (size > limits.inputMiB * MiB) {
    throw new InputError({ file: name }, `is larger than ${limits.inputMiB} MiB (limits.inputMiB); raise the limit if the file is genuine`);
  }
  return { kind: 'csv', file: name, read: (onRow) => readCsvRows(name, path, { tsv, limits }, onRow) };
}

function cannotRead(name: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new InputError({ file: name }, `cannot be read: ${reason}`, { cause: error });
}

/** Names a path that is neither a file, a folder nor a pipe. */
function specialFile(info: Stats): string {
  if (info.isCharacterDevice()) return 'a character device (a terminal, or a device such as /dev/zero)';
  if (info.isBlockDevice()) return 'a block device (a disk)';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Reads a named pipe (also what `<(command)` and /dev/stdin on a pipe are) as a CSV stream, with
 * the same time and size limits as stdin. Opened non-blocking, so that no writer yet means waiting
 * in the event loop (where the time limit ends it), not a blocked open().
 */
async function readPipe(path: string, name: string, options: { tsv: boolean; limits: ReadLimits }, onRow: (row: RawRow) => void): Promise<void> {
  const fd = await promisify(openDescriptor)(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw cannotRead(name, error);
  });
  // A socket over the descriptor reads as data arrives (epoll), where a file stream would block a thread.
  await readCsvRows(name, new Socket({ fd, readable: true, writable: false }), options, onRow);
}

/** A CSV arriving on a stream (stdin), named `name` in locations. */
export function openCsvStream(stream: Readable, name: string, limits: ReadLimits = DEFAULT_READ_LIMITS): InventorySource {
  return { kind: 'csv', file: name, read: (onRow) => readCsvRows(name, stream, { tsv: extname(name).toLowerCase() === '.tsv', limits }, onRow) };
}
