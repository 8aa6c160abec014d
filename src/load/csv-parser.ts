/**
 * journey's CSV record parser: the common case of csv-parse (one-character delimiter, `"` quotes
 * doubled inside quoted fields, every line ending, ragged rows, empty lines kept, a record-size
 * limit), reading the same records, failing with the same four errors at the same lines, and
 * counting lines and holding back the end of each piece exactly as csv-parse 6 does with the options
 * journey gave it (tests/load/csv-differential.test.ts checks both on random and hostile text).
 * Written for speed: csv-parse walks bytes through a Transform stream and copies each field through
 * a growing buffer; this walks the decoded text and slices each field out of it, about three times
 * faster and without a stream of its own.
 *
 * Why each odd rule below holds (they are visible in journey's messages, "file.csv:LINE: ..."):
 * - a line is counted when the character after a carriage return or line feed is reached, so a
 *   record delimiter counts once when the next record starts, `\r\n` inside quotes counts twice, and
 *   a quote left open at a final line break reports the line before it;
 * - the record size is the UTF-16 length of the record's finished fields plus the UTF-8 bytes of the
 *   field being read, checked before each byte of an ordinary character is added;
 * - the last 2 bytes of a piece (3 inside quotes) wait for the next piece, as csv-parse waits for
 *   enough look-ahead to see a `\r\n` or a doubled quote; this changes what is read by the time a
 *   piece ends (the line reached, the fields of an open record), never the records.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export type CsvSyntaxCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE' | 'CSV_MAX_RECORD_SIZE';

/** A CSV the parser cannot read, at the line it reached (csv-parse's `code` and `lines`). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: CsvSyntaxCode,
    readonly lines: number,
    message: string,
  ) {
    super(`${message} at line ${lines}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Bytes of one UTF-16 code unit in UTF-8 (each half of a surrogate pair counts 2 of the pair's 4). */
const utf8Width = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3);

/**
 * Where csv-parse stops in a piece when `left` bytes must stay for look-ahead: the index of the first
 * character it does not read, and how many bytes of the character before it it leaves unread.
 */
function stopFor(buf: string, left: number): [number, number] {
  let after = 0;
  let at = buf.length;
  while (at > 0) {
    let start = at - 1;
    const code = buf.charCodeAt(start);
    let width = utf8Width(code);
    if (code >= 0xdc00 && code <= 0xdfff && start > 0 && buf.charCodeAt(start - 1) >= 0xd800 && buf.charCodeAt(start - 1) <= 0xdbff) {
      start--;
      width = 4;
    }
    if (after + width === left) return [start, 0];
    if (after + width > left) return [at, left - after];
    after += width;
    at = start;
  }
  return [0, 0];
}

export class CsvParser {
  /** The line reached, counted as csv-parse's info.lines. */
  lines = 1;
  private lineBreakSeen = false;
  private quoting = false;
  private wasQuoting = false;
  /** The first quote of a doubled pair was read; the second is text. */
  private escaping = false;
  private record: string[] = [];
  /** UTF-16 length of the record's finished fields (csv-parse adds string lengths here). */
  private recordLength = 0;
  private field = '';
  private fieldBytes = 0;
  /** The end of the last piece, read with the next. */
  private held = '';
  /** Bytes of the last character read that csv-parse would read with the next piece. */
  private unreadBytes = 0;
  /** The last character read to flatten a copied field (endField): stored, so the read stays. */
  flattened = 0;

  constructor(
    private readonly delimiter: string,
    /** Bytes a record may reach (csv-parse's max_record_size); 0 for no limit. */
    private readonly maxRecordBytes: number,
  ) {
    if (delimiter.length !== 1 || [QUOTE, CR, LF].includes(delimiter.charCodeAt(0)))
      throw new Error(`CsvParser: unsupported delimiter ${JSON.stringify(delimiter)}`);
  }

  /** Fields of the record being read. */
  get openFields(): number {
    return this.record.length;
  }

  /** Reads a piece of text, adding the records it completes to `records`. */
  write(text: string, records: string[][]): void {
    this.parse(text, false, records);
  }

  /** Reads what is left at the end of the input. */
  end(records: string[][]): void {
    this.parse('', true, records);
  }

  private parse(text: string, final: boolean, records: string[][]): void {
    const buf = this.held === '' ? text : this.held + text;
    const length = buf.length;
    const delimiter = this.delimiter.charCodeAt(0);
    // csv-parse stops where at most 2 bytes (3 inside quotes) are left, possibly inside a multi-byte
    // character, whose other bytes it reads with the next piece.
    const [stopPlain, partialPlain] = final ? [length, 0] : stopFor(buf, 2);
    const [stopQuoted, partialQuoted] = final ? [length, 0] : stopFor(buf, 3);
    if (this.unreadBytes !== 0) {
      // The bytes of the last piece's final character that csv-parse had not read yet.
      const readable = final ? this.unreadBytes : Math.min(this.unreadBytes, Math.max(0, this.unreadBytes + Buffer.byteLength(buf) - (this.quoting ? 3 : 2)));
      if (readable > 0) this.countBytes(readable);
      this.unreadBytes -= readable;
      if (this.unreadBytes !== 0) {
        this.held = buf;
        return;
      }
    }
    let i = 0;
    for (;;) {
      const quoting = this.quoting;
      const stop = quoting ? stopQuoted : stopPlain;
      if (i >= stop) break;
      const c = buf.charCodeAt(i);
      if (this.lineBreakSeen) {
        this.lines++;
        this.lineBreakSeen = false;
      }
      if (this.escaping) {
        this.escaping = false;
        this.append(buf, i, i + 1, 1);
        i++;
        continue;
      }
      if (c === QUOTE) {
        if (quoting) {
          const next = i + 1 < length ? buf.charCodeAt(i + 1) : -1;
          if (next === QUOTE) {
            this.escaping = true;
            i++;
            continue;
          }
          // csv-parse closes a quote before the end, a delimiter, a line break or a NUL byte.
          if (next === -1 || next === 0 || next === delimiter || next === CR || next === LF) {
            this.quoting = false;
            this.wasQuoting = true;
            i++;
            continue;
          }
          throw new CsvSyntaxError(
            'CSV_INVALID_CLOSING_QUOTE',
            this.lines,
            'Invalid Closing Quote: a quoted field is followed by a character other than a delimiter or a line break',
          );
        }
        if (this.fieldBytes !== 0) throw new CsvSyntaxError('INVALID_OPENING_QUOTE', this.lines, 'Invalid Opening Quote: a quote inside an unquoted field');
        this.quoting = true;
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        this.lineBreakSeen = true;
        if (!quoting) {
          this.endField();
          records.push(this.record);
          this.record = [];
          this.recordLength = 0;
          i += c === CR && i + 1 < length && buf.charCodeAt(i + 1) === LF ? 2 : 1;
          continue;
        }
        this.append(buf, i, i + 1, 1);
        i++;
        continue;
      }
      if (c === delimiter && !quoting) {
        this.endField();
        i++;
        continue;
      }
      // A run of ordinary characters, on one line: its bytes are checked against the limit at once.
      let bytes = utf8Width(c);
      let j = i + 1;
      if (quoting) {
        for (; j < stop; j++) {
          const d = buf.charCodeAt(j);
          if (d === QUOTE || d === CR || d === LF) break;
          bytes += d < 0x80 ? 1 : utf8Width(d);
        }
      } else {
        for (; j < stop; j++) {
          const d = buf.charCodeAt(j);
          if (d === QUOTE || d === CR || d === LF || d === delimiter) break;
          bytes += d < 0x80 ? 1 : utf8Width(d);
        }
      }
      // The run ends inside a character csv-parse reads only partly before this piece ends.
      const partial = j === stop ? (quoting ? partialQuoted : partialPlain) : 0;
      this.append(buf, i, j, bytes - partial);
      this.unreadBytes = partial;
      i = j;
    }
    this.held = i < length ? buf.slice(i) : '';
    if (final) {
      if (this.quoting) throw new CsvSyntaxError('CSV_QUOTE_NOT_CLOSED', this.lines, 'Quote Not Closed: the input ends inside a quoted field');
      if (this.wasQuoting || this.record.length !== 0 || this.fieldBytes !== 0) {
        this.endField();
        records.push(this.record);
        this.record = [];
        this.recordLength = 0;
      }
    }
    if (this.lineBreakSeen) {
      this.lines++;
      this.lineBreakSeen = false;
    }
  }

  /** Adds buf[from, to) (`bytes` UTF-8 bytes, on one line) to the field, unless the record would pass the limit first. */
  private append(buf: string, from: number, to: number, bytes: number): void {
    this.countBytes(bytes);
    const piece = to - from === 1 ? buf[from]! : buf.slice(from, to);
    this.field = this.field === '' ? piece : this.field + piece;
  }

  /** Counts `bytes` more of the field, unless the record passes the limit first. */
  private countBytes(bytes: number): void {
    // csv-parse checks before each byte, so the last byte is checked with all the others in place.
    if (this.maxRecordBytes !== 0 && bytes > 0 && this.recordLength + this.fieldBytes + bytes - 1 > this.maxRecordBytes) {
      throw new CsvSyntaxError('CSV_MAX_RECORD_SIZE', this.lines, `Max Record Size: a record is longer than ${this.maxRecordBytes} bytes`);
    }
    this.fieldBytes += bytes;
  }

  private endField(): void {
    // A slice of 13 characters or more is a view that keeps the whole decoded chunk (64 KB) alive as
    // long as the field is: a model holding one name per row would hold the file. A cons string made
    // flat is a copy of the field alone (the collector drops the cons), and reading a character of
    // it is what makes V8 flatten it; the character is stored so the read is never optimized away.
    if (this.field.length >= 13) {
      const copy = this.field[0]! + this.field.slice(1);
      this.flattened = copy.charCodeAt(1);
      this.field = copy;
    }
    this.record.push(this.field);
    this.recordLength += this.field.length;
    this.field = '';
    this.fieldBytes = 0;
    this.wasQuoting = false;
  }
}
