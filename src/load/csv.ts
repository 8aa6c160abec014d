import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { InputError } from '../errors.js';
import { CsvParser, CsvSyntaxError } from './csv-parser.js';
import { DEFAULT_READ_LIMITS, KiB, MAX_TIMEOUT_SECONDS, MiB, type ReadLimits } from './limits.js';
import type { RawRow } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Characters of text the delimiter is guessed from. */
const SNIFF_CHARS = 64 * 1024;
/** Bytes the encoding is guessed from, and searched for NULs that mark a binary file (git looks at as many). */
const HEAD_BYTES = 8000;
/** Characters written to the parser at once (see write() in readCsvRows). */
const WRITE_CHARS = 16 * 1024;
/** Control characters that never occur in text (tab, line feed, form feed and carriage return do). */
const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0e-\x1f]/;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Text encoding named by a byte-order mark, and the mark's length. */
function byteOrderMark(head: Buffer): { encoding: Encoding; bom: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

/**
 * UTF-16 text saved without a byte-order mark: mostly Latin text, so one byte of most pairs is NUL,
 * always the same one (the high byte: second in little-endian, first in big-endian), the other almost never.
 */
export function utf16ByNulPattern(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = head.length >> 1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (oddNuls * 4 >= pairs && evenNuls * 10 <= oddNuls) return 'utf-16le';
  if (evenNuls * 4 >= pairs && oddNuls * 10 <= evenNuls) return 'utf-16be';
  return null;
}

const notText = (name: string) =>
  new InputError({ file: name }, 'is not a text file: it holds NUL bytes (a binary file?); journey reads .xlsx workbooks and CSV/TSV text in UTF-8 or UTF-16');

/**
 * Picks the delimiter that splits the first lines into the same number of fields most consistently.
 * Quoted text is ignored so a comma inside "Sales, EMEA" does not count.
 */
export function detectDelimiter(sample: string): string {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      if (lines.length >= 30) break;
      continue;
    }
    current += quoted && ch !== '"' ? '' : ch;
  }
  if (current.trim() !== '' && lines.length < 30) lines.push(current);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    // The most common non-zero field count, weighted by how many lines share it.
    let score = 0;
    for (const [fields, lineCount] of frequency) score = Math.max(score, lineCount * 1000 + fields);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Decodes a byte stream to text: by its byte-order mark, else UTF-16 by its NUL pattern, else UTF-8,
 * failing on undecodable bytes and refusing binary files. Holds at most HEAD_BYTES plus one chunk.
 */
async function* decodeText(name: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head: Buffer[] = [];
  let headLength = 0;
  let offset = 0;
  const decode = (bytes: Buffer, final: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream: !final });
    } catch (error) {
      throw new InputError(
        { file: name },
        `is not valid ${decoder!.encoding.toUpperCase()} text (undecodable bytes in the first ${offset} bytes); save it as UTF-8 CSV`,
        { cause: error },
      );
    }
  };
  const start = (bytes: Buffer): string => {
    // A stream cannot be unzipped (that needs the whole file): say so rather than "binary".
    if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      throw new InputError({ file: name }, 'is a zip archive (an .xlsx workbook?); journey reads workbooks from a file, not from stdin or a pipe');
    }
    const mark = byteOrderMark(bytes);
    const guessed = mark ? null : utf16ByNulPattern(bytes);
    if (!mark && !guessed && bytes.includes(0)) throw notText(name);
    decoder = new TextDecoder(mark?.encoding ?? guessed ?? 'utf-8', { fatal: true, ignoreBOM: true });
    const text = decode(bytes.subarray(mark?.bom ?? 0), false);
    // UTF-16 holds NUL bytes by nature: only a NUL character, or controls where a guess saw text, mark binary.
    if (text.includes('\0') || (guessed && CONTROL_CHARACTER.test(text))) throw notText(name);
    return text;
  };
  for await (const chunk of chunks) {
    offset += chunk.length;
    let text: string;
    if (decoder) text = decode(chunk, false);
    else {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < HEAD_BYTES) continue;
      text = start(Buffer.concat(head));
      head = [];
    }
    if (text !== '') yield text;
  }
  // A stream shorter than HEAD_BYTES never started the decoder in the loop.
  const rest = (decoder ? '' : start(Buffer.concat(head))) + decode(Buffer.alloc(0), true);
  if (rest !== '') yield rest;
}

/**
 * What one read may still spend: bytes (limits.inputMiB) and seconds (limits.readTimeoutSeconds).
 * The seconds are those spent working on the input (this process's CPU time, the rows' modelling
 * included: an endless stream of cheap bytes must end too), plus, for a stream (stdin, a pipe), those
 * spent waiting for it to arrive (a stalled pipe), so a busy machine does not make a file time out
 * (docs/design.md, Reading CSV). Checked as chunks arrive; a timer ends a silent stream.
 */
class ReadBudget {
  private readonly cpuAtStart = process.cpuUsage();
  private readonly budgetMs: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private waitedMs = 0;
  private waitingSince: number | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly limits: ReadLimits,
    /** Whether time spent waiting for input counts (a stream's, not a file's: disk reads do not stall). */
    private readonly countWaits: boolean,
    /** The line the parser has reached, for the message. */
    private readonly line: () => number | null,
  ) {
    this.budgetMs = limits.readTimeoutSeconds * 1000;
    this.maxBytes = limits.inputMiB * MiB;
  }

  /** Starts or stops counting time spent waiting for the next chunk. */
  waiting(waiting: boolean): void {
    if (!this.countWaits) return;
    const now = performance.now();
    if (waiting) this.waitingSince = now;
    else if (this.waitingSince !== null) {
      this.waitedMs += now - this.waitingSince;
      this.waitingSince = null;
    }
  }

  /** Counts one chunk of input, failing once the bytes or the time run out. */
  spend(chunkBytes: number): void {
    this.bytes += chunkBytes;
    if (this.bytes > this.maxBytes) {
      throw new InputError(
        { file: this.name },
        `is larger than ${this.limits.inputMiB} MiB (limits.inputMiB)${this.stoppedAt()}; raise the limit if the file is genuine`,
      );
    }
    if (this.spentMs() > this.budgetMs) throw this.timeout();
  }

  /** Ends `stream` with the time-out error when no chunk comes to be counted (a silent pipe). */
  watch(stream: Readable): void {
    // Never past the longest timer Node keeps: beyond it Node fires after 1 ms, which would re-arm in a loop.
    const arm = (ms: number) => {
      this.timer = setTimeout(
        () => {
          const left = this.budgetMs - this.spentMs();
          if (left > 0) arm(left);
          else stream.destroy(this.timeout());
        },
        Math.min(Math.max(ms, 1), MAX_TIMEOUT_SECONDS * 1000),
      );
    };
    arm(this.budgetMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private spentMs(): number {
    const cpu = process.cpuUsage(this.cpuAtStart);
    const waiting = this.waitingSince === null ? 0 : performance.now() - this.waitingSince;
    return (cpu.user + cpu.system) / 1000 + this.waitedMs + waiting;
  }

  private timeout(): InputError {
    return new InputError(
      { file: this.name },
      `took longer than ${this.limits.readTimeoutSeconds} s to read${this.stoppedAt()}; a stream that never ends or stalls, or a file too large? (limits.readTimeoutSeconds, --read-timeout)`,
    );
  }

  private stoppedAt(): string {
    const line = this.line();
    return line === null ? '' : ` (stopped at line ${line})`;
  }
}

/** Passes a stream's chunks on as bytes, counting each, and the wait for it, against the budget. */
async function* budgeted(stream: AsyncIterable<Buffer | string>, budget: ReadBudget): AsyncGenerator<Buffer> {
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      budget.waiting(true);
      const next = await chunks.next();
      budget.waiting(false);
      if (next.done === true) return;
      const bytes = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      budget.spend(bytes.length);
      yield bytes;
    }
  } finally {
    budget.waiting(false);
    await chunks.return?.();
  }
}

/**
 * Streams a CSV/TSV's rows to `onRow` as they are parsed, never holding the file; an error `onRow`
 * throws stops the read and is thrown from here. A file with no values at all is an input error.
 * Reading stops with an input error at the limits: a record over limits.csvRecordKiB or limits.columns,
 * more input than limits.inputMiB, longer than limits.readTimeoutSeconds.
 */
export async function readCsvRows(
  name: string,
  source: string | Readable,
  options: { tsv?: boolean; limits?: ReadLimits },
  onRow: (row: RawRow) => void,
): Promise<void> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  let parser: CsvParser | undefined;
  let count = 0;
  let hasContent = false;
  let sample = '';
  const records: string[][] = [];
  const budget = new ReadBudget(name, limits, typeof source !== 'string', () => parser?.lines ?? null);
  const tooManyFields = (line: number) =>
    new InputError(
      { file: name, line },
      `a record has more than ${limits.columns} fields (limits.columns); is the delimiter right, or a quote left open above?`,
    );

  const start = (firstText: string) => {
    const delimiter = options.tsv ? '\t' : detectDelimiter(firstText.slice(0, SNIFF_CHARS));
    parser = new CsvParser(delimiter, Math.max(1, Math.floor(limits.csvRecordKiB * KiB)));
  };
  /** Hands the rows a piece completed to onRow, once the whole piece has parsed (a piece that fails hands on none). */
  const deliver = () => {
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      count++;
      if (record.length > limits.columns) throw tooManyFields(count);
      if (!hasContent && record.some((c) => c.trim() !== '')) hasContent = true;
      onRow({ row: count, cells: record });
    }
    records.length = 0;
  };
  const writePiece = (text: string) => {
    records.length = 0;
    parser!.write(text, records);
    deliver();
    // Empty fields (",,,,") grow a record without counting towards the record size.
    if (parser!.openFields > limits.columns) throw tooManyFields(parser!.lines);
  };
  const write = (text: string) => {
    // In pieces, so a piece's rows are handed on before the next is read and each piece's last
    // characters wait for the next exactly as they did when csv-parse read the file (csv-parser.ts).
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + WRITE_CHARS, text.length);
      // Never between the halves of a surrogate pair.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
      writePiece(at === 0 && end === text.length ? text : text.slice(at, end));
      at = end;
    }
  };

  budget.watch(stream);
  try {
    for await (const text of decodeText(name, budgeted(stream as AsyncIterable<Buffer | string>, budget))) {
      if (parser) {
        write(text);
        continue;
      }
      sample += text;
      if (sample.length >= SNIFF_CHARS) {
        start(sample);
        write(sample);
        sample = '';
      }
    }
    if (!parser) {
      start(sample);
      write(sample);
    }
    records.length = 0;
    parser!.end(records);
    deliver();
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new InputError({ file: name, line: error.lines }, `cannot be read as CSV: ${describeCsvError(error, limits)}`, { cause: error });
    }
    throw error;
  } finally {
    budget.stop();
    // Never read again (stdin included); ends a pipe that is still being written.
    stream.destroy();
  }
  if (!hasContent) throw new InputError({ file: name }, 'is empty: there is no table to audit');
}

/** Longest parser message passed on: some quote the field, which may be megabytes long. */
const MAX_MESSAGE = 200;

export function describeCsvError(error: { code: string; message: string }, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (an unbalanced " somewhere above); close the quote, or save the file again from a spreadsheet program, which quotes fields correctly';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a stray quote inside a field (a " that neither opens nor closes a quoted field); double it ("") or quote the whole field, or save the file again from a spreadsheet program';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${limits.csvRecordKiB} KiB (limits.csvRecordKiB); is it a CSV, or is a quote left open above?`;
    default: {
      // Any other parser error: its words (cut short, they may quote a field) and, in ours, what to do.
      const message = error.message.replace(/^Invalid [^:]*: /, '').replace(/\.$/, '');
      return `${message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message}; open the file in a spreadsheet program and save it again as CSV (UTF-8)`;
    }
  }
}
