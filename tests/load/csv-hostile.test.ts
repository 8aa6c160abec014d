import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectDelimiter, readCsvRows } from '../../src/load/csv.js';
import { loadInventoryFile, openInventoryFile } from '../../src/load/index.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../src/load/limits.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-csv-hostile-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const limits = (overrides: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_READ_LIMITS, ...overrides });

/** Reads a source to its rows' cells, or to the InputError it fails with. */
async function read(source: string | Readable, readLimits: ReadLimits = DEFAULT_READ_LIMITS, name = 'hostile.csv') {
  const rows: string[][] = [];
  try {
    await readCsvRows(name, source, { limits: readLimits }, (row) => rows.push(row.cells as string[]));
    return { rows, error: null };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { rows, error: error.describe() };
  }
}

/** A stream that never ends: `chunk` again and again, yielding to the event loop between chunks. */
function endless(chunk: string | Buffer): Readable {
  return new Readable({
    read() {
      setImmediate(() => this.push(chunk));
    },
  });
}

/** A stream that sends `head` and then nothing, never ending. */
function silentAfter(head: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) this.push(head);
      sent = true;
    },
  });
}

describe('line endings', () => {
  it('reads every record whatever its line ending, mixed in one file', async () => {
    const { rows, error } = await read(
      Readable.from([Buffer.from('Stage,Touchpoint,Channel\r\nAwareness,A,Blog\nDecision,B,Email\r\nAdoption,C,Phone\rRetention,D,Chat')]),
    );
    expect(error).toBeNull();
    expect(rows).toEqual([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Awareness', 'A', 'Blog'],
      ['Decision', 'B', 'Email'],
      ['Adoption', 'C', 'Phone'],
      ['Retention', 'D', 'Chat'],
    ]);
  });

  it('keeps quoted newlines of every kind inside their field', async () => {
    const { rows } = await read(Readable.from([Buffer.from('Stage;Touchpoint\nAwareness;"one\r\ntwo\nthree\rfour"\r\nDecision;Demo\n')]));
    expect(rows).toEqual([
      ['Stage', 'Touchpoint'],
      ['Awareness', 'one\r\ntwo\nthree\rfour'],
      ['Decision', 'Demo'],
    ]);
  });

  it('does not split a \\r\\n that falls between two chunks into two line breaks', async () => {
    const { rows } = await read(Readable.from([Buffer.from('Stage,Touchpoint\r'), Buffer.from('\nAwareness,Blog\r'), Buffer.from('\n')]));
    expect(rows).toEqual([
      ['Stage', 'Touchpoint'],
      ['Awareness', 'Blog'],
    ]);
  });

  it('sniffs the delimiter across mixed line endings', () => {
    expect(detectDelimiter('a;b;c\r\n1;2;3\n4;5;6\r7;8;9')).toBe(';');
  });
});

describe('record size', () => {
  it('stops a line longer than limits.csvRecordKiB with its line number', async () => {
    const huge = `Stage,Touchpoint\nAwareness,Blog\n${'x'.repeat(3 * 1024 * 1024)}\n`;
    const { error } = await read(Readable.from([Buffer.from(huge)]), limits({ csvRecordKiB: 1024 }));
    expect(error).toMatch(/^hostile\.csv:3: cannot be read as CSV: a record is longer than 1024 KiB \(limits\.csvRecordKiB\)/);
  });

  it('stops an endless single line as soon as the record passes the limit, without waiting for its end', async () => {
    const { error } = await read(endless('y'.repeat(64 * 1024)), limits({ csvRecordKiB: 256 }));
    expect(error).toMatch(/^hostile\.csv:1: cannot be read as CSV: a record is longer than 256 KiB/);
  }, 10_000);

  it('stops a record of endless empty fields at limits.columns', async () => {
    const { error } = await read(endless(','.repeat(64 * 1024)), limits({ columns: 1000 }));
    expect(error).toMatch(/^hostile\.csv:1: a record has more than 1000 fields \(limits\.columns\)/);
  }, 10_000);

  it('stops a complete record with too many fields, naming its row', async () => {
    const { error } = await read(Readable.from([Buffer.from(`Stage,Touchpoint\n${'a,'.repeat(2000)}a\n`)]), limits({ columns: 1000 }));
    expect(error).toMatch(/^hostile\.csv:2: a record has more than 1000 fields/);
  });

  it('stops a quote left open once the record it swallows passes the limit', async () => {
    const text = `Stage,Touchpoint\nAwareness,"open\n${'Decision,Demo\n'.repeat(100_000)}`;
    const { error } = await read(Readable.from([Buffer.from(text)]), limits({ csvRecordKiB: 64 }));
    expect(error).toMatch(/cannot be read as CSV: a record is longer than 64 KiB \(limits\.csvRecordKiB\); is it a CSV, or is a quote left open above\?/);
  });

  it('keeps csv-parse messages that quote a field to one short line', async () => {
    const { error } = await read(Readable.from([Buffer.from(`Stage,Touchpoint\nAwareness,${'z'.repeat(500_000)}"quoted"\n`)]));
    expect(error).toMatch(/stray quote/);
    expect(error!.length).toBeLessThan(300);
  });
});

describe('size and time', () => {
  it('stops an endless text stream at limits.inputMiB', async () => {
    const { error } = await read(endless('Stage,Touchpoint,Channel\n'.repeat(4000)), limits({ inputMiB: 2, readTimeoutSeconds: 600 }), 'stdin.csv');
    expect(error).toMatch(/^stdin\.csv: is larger than 2 MiB \(limits\.inputMiB\) \(stopped at line \d+\); raise the limit/);
  }, 20_000);

  it('stops an endless text stream at limits.readTimeoutSeconds when the size allows it', async () => {
    const { error } = await read(endless('a,b,c\n'.repeat(2000)), limits({ readTimeoutSeconds: 1 }), 'stdin.csv');
    expect(error).toMatch(/^stdin\.csv: took longer than 1 s to read \(stopped at line \d+\); .*\(limits\.readTimeoutSeconds, --read-timeout\)$/);
  }, 20_000);

  it('ends a stream that goes silent at limits.readTimeoutSeconds', async () => {
    const stream = silentAfter('Stage,Touchpoint\nAwareness,Blog\n');
    const { error } = await read(stream, limits({ readTimeoutSeconds: 0.5 }), 'stdin.csv');
    expect(error).toMatch(/^stdin\.csv: took longer than 0\.5 s to read/);
    expect(stream.destroyed).toBe(true);
  }, 10_000);

  it('refuses a file larger than limits.inputMiB before reading it', async () => {
    const path = write('big.csv', `Stage,Touchpoint\n${'Awareness,Blog\n'.repeat(100_000)}`);
    const error = await openInventoryFile(path, { limits: limits({ inputMiB: 1 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(`${path}: is larger than 1 MiB (limits.inputMiB); raise the limit if the file is genuine`);
  });
});

describe('encodings and binary input', () => {
  const text = 'Stage,Touchpoint\nOnboarding,Café kickoff\nDecision,Demo\n';
  const expected = [
    ['Stage', 'Touchpoint'],
    ['Onboarding', 'Café kickoff'],
    ['Decision', 'Demo'],
  ];

  it('reads UTF-16 LE and BE without a byte-order mark by their NUL pattern', async () => {
    const le = Buffer.from(text, 'utf16le');
    expect((await read(Readable.from([le]))).rows).toEqual(expected);
    expect((await read(Readable.from([Buffer.from(le).swap16()]))).rows).toEqual(expected);
    // Split at an odd byte, the decoder still pairs the halves.
    expect((await read(Readable.from([le.subarray(0, 7), le.subarray(7)]))).rows).toEqual(expected);
    expect(await cellsOf(write('le.csv', le))).toEqual(expected);
  });

  it('reads a large BOM-less UTF-16 file whose NUL-free non-Latin part starts late', async () => {
    const lines = ['Stage,Touchpoint', ...Array.from({ length: 3000 }, (_, i) => `Awareness,Письмо ${i} 日本語`)];
    const { rows, error } = await read(Readable.from([Buffer.from(lines.join('\n'), 'utf16le')]));
    expect(error).toBeNull();
    expect(rows.at(-1)).toEqual(['Awareness', 'Письмо 2999 日本語']);
  });

  it('refuses binary input holding NUL bytes, from a file or a stream', async () => {
    const binary = Buffer.from([0x00, 0x00, 0x00, 0x01, 0x13, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, 0x00, 0xff, 0x10, 0x00, 0x00]);
    const message = 'is not a text file: it holds NUL bytes (a binary file?); journey reads .xlsx workbooks and CSV/TSV text in UTF-8 or UTF-16';
    expect((await read(Readable.from([binary]))).error).toBe(`hostile.csv: ${message}`);
    const path = write('blob.csv', Buffer.concat([Buffer.from('Stage,Touchpoint\n'), binary]));
    await expect(loadInventoryFile(path)).rejects.toThrow(message);
  });

  it('refuses an endless stream of NUL bytes (/dev/zero) at its first bytes', async () => {
    const { error } = await read(endless(Buffer.alloc(64 * 1024)), DEFAULT_READ_LIMITS, 'stdin.csv');
    expect(error).toMatch(/^stdin\.csv: is not a text file: it holds NUL bytes/);
  }, 10_000);

  it('refuses UTF-16 by its pattern when the text holds control characters, and a workbook on a stream', async () => {
    expect((await read(Readable.from([Buffer.from('Stage\u0001,Touchpoint\u0002\n', 'utf16le')]))).error).toMatch(/is not a text file/);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40)]);
    expect((await read(Readable.from([zip]), DEFAULT_READ_LIMITS, 'stdin.csv')).error).toBe(
      'stdin.csv: is a zip archive (an .xlsx workbook?); journey reads workbooks from a file, not from stdin or a pipe',
    );
  });
});

async function cellsOf(path: string) {
  return (await loadInventoryFile(path)).tables[0]!.rows.map((r) => r.cells);
}

describe('special files', () => {
  it('refuses a character device instead of reading it as an empty file', async () => {
    const error = await openInventoryFile('/dev/zero').catch((e: unknown) => e);
    expect((error as InputError).describe()).toBe(
      '/dev/zero: is a character device (a terminal, or a device such as /dev/zero), not a file; give a file, or pipe a CSV to "journey audit -"',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'reads a named pipe with no writer to the time limit, never blocking in open()',
    async () => {
      const fifo = join(dir, 'nobody-writes.csv');
      execFileSync('mkfifo', [fifo]);
      const source = await openInventoryFile(fifo, { limits: limits({ readTimeoutSeconds: 0.5 }) });
      expect(source.kind).toBe('csv');
      const error = await (source as { read: (onRow: () => void) => Promise<void> }).read(() => undefined).catch((e: unknown) => e);
      expect((error as InputError).describe()).toMatch(/nobody-writes\.csv: took longer than 0\.5 s to read/);
    },
    10_000,
  );
});

describe('adversarial text stays linear', () => {
  const MB = 1024 * 1024;
  const patterns: [string, string][] = [
    ['quotes', '"'.repeat(MB)],
    ['quote pairs', '""'.repeat(MB / 2)],
    ['commas', ','.repeat(MB)],
    ['every delimiter', ',;\t|'.repeat(MB / 4)],
    ['carriage returns', '\r'.repeat(MB)],
    ['CRLF', '\r\n'.repeat(MB / 2)],
    ['LF CR', '\n\r'.repeat(MB / 2)],
    ['spaces', ' '.repeat(MB)],
    ['open quote then text', `"${'a'.repeat(MB)}`],
    ['stray quotes', 'a"'.repeat(MB / 2)],
    ['"Invalid " prefixes', 'Invalid '.repeat(MB / 8)],
    ['delimiters in quotes', '",",'.repeat(MB / 4)],
    ['short lines', 'a,\n'.repeat(MB / 3)],
  ];
  // Node's own stream buffer made 1 MB of line breaks (a million rows) take 8 s on a busy machine
  // before rows were read per 16 KB piece; linear work takes about a second there.
  it.each(patterns)(
    '1 MB of %s ends with rows or one input error',
    async (_, text) => {
      detectDelimiter(text);
      let rows = 0;
      const error = await readCsvRows('hostile.csv', Readable.from([Buffer.from(text)]), { limits: limits({ csvRecordKiB: 4096 }) }, () => rows++).catch(
        (e: unknown) => e,
      );
      if (error === undefined) expect(rows).toBeGreaterThan(0);
      else {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).describe().split('\n')).toHaveLength(1);
      }
    },
    5_000,
  );
});
