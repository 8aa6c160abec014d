// journey's CSV parser (src/load/csv-parser.ts) against csv-parse, the reader it replaced, with the
// options journey gave csv-parse: on random text, hostile text and real files, fed in the same
// pieces, both must hand on the same records piece by piece, reach the same line and open-record
// width after each piece, and fail with the same error code at the same line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError } from '../../src/load/csv-parser.js';

interface Outcome {
  /** Per piece: records completed, line reached, fields of the open record. */
  steps: { records: string[][]; lines: number; open: number }[];
  error: { code: string; lines: number } | null;
}

async function withCsvParse(pieces: string[], delimiter: string, maxRecordBytes: number): Promise<Outcome> {
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: maxRecordBytes,
  });
  parser.on('error', () => undefined);
  const steps: Outcome['steps'] = [];
  const drain = () => {
    const records: string[][] = [];
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) records.push(record);
    return records;
  };
  const failed = (error: unknown): Outcome => ({ steps, error: { code: (error as CsvError).code, lines: (error as CsvError & { lines: number }).lines } });
  for (const piece of pieces) {
    parser.write(piece);
    if (parser.errored) return failed(parser.errored);
    const open = (parser as unknown as { state: { record: unknown[] } }).state.record.length;
    steps.push({ records: drain(), lines: parser.info.lines, open });
  }
  const records: string[][] = [];
  parser.on('readable', () => records.push(...drain()));
  try {
    await new Promise<void>((resolve, reject) => {
      parser.once('end', resolve);
      parser.once('error', reject);
      parser.end();
    });
  } catch (error) {
    return failed(error);
  }
  steps.push({ records: [...records, ...drain()], lines: -1, open: -1 });
  return { steps, error: null };
}

function withJourney(pieces: string[], delimiter: string, maxRecordBytes: number): Outcome {
  const parser = new CsvParser(delimiter, maxRecordBytes);
  const steps: Outcome['steps'] = [];
  try {
    for (const piece of pieces) {
      const records: string[][] = [];
      parser.write(piece, records);
      steps.push({ records, lines: parser.lines, open: parser.openFields });
    }
    const records: string[][] = [];
    parser.end(records);
    steps.push({ records, lines: -1, open: -1 });
    return { steps, error: null };
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { steps, error: { code: error.code, lines: error.lines } };
  }
}

/** A small seeded generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

/** Splits text into pieces at random places, never between the halves of a surrogate pair. */
function split(text: string, rnd: ReturnType<typeof random>): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + 1 + rnd.int(rnd.next() < 0.3 ? 4 : 40));
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** Cases of each random kind (raise CSV_DIFFERENTIAL_SEEDS to search longer). */
const SEEDS = Number(process.env.CSV_DIFFERENTIAL_SEEDS ?? 1500);

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Characters and sequences every rule of the format turns on, multi-byte text, BOMs and NULs among them. */
const SOUP = ['a', 'b', 'Z', ' ', 'é', '日', '😀', ',', ';', '\t', '|', '"', '"', '""', '\r', '\n', '\r\n', '\n\r', '\0', '\uFEFF', 'x"y'];

/** Random records, quoted or not, with embedded delimiters, quotes and line breaks; sometimes damaged. */
function table(rnd: ReturnType<typeof random>, delimiter: string): string {
  const endings = ['\n', '\r\n', '\r'];
  const lines: string[] = [];
  const rows = rnd.int(12);
  for (let r = 0; r < rows; r++) {
    const fields: string[] = [];
    const width = rnd.int(6);
    for (let f = 0; f <= width; f++) {
      let value = '';
      for (let k = rnd.int(8); k > 0; k--) value += rnd.pick(['a', 'Stage', 'é', '日本', '😀', ' ', delimiter, '"', '\n', '\r\n', '\r']);
      const needsQuotes = /["\r\n]/.test(value) || value.includes(delimiter);
      fields.push(needsQuotes || rnd.next() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value);
    }
    lines.push(fields.join(delimiter));
  }
  let text = lines.map((line) => line + rnd.pick(endings)).join('');
  if (rnd.next() < 0.5) text = text.replace(/\r?\n$|\r$/, '');
  // Damage: a character dropped, doubled or inserted, so errors come at every place.
  if (text.length > 0 && rnd.next() < 0.4) {
    const at = rnd.int(text.length);
    const damage = rnd.int(3);
    text =
      damage === 0
        ? text.slice(0, at) + text.slice(at + 1)
        : damage === 1
          ? text.slice(0, at) + text[at] + text.slice(at)
          : text.slice(0, at) + rnd.pick(['"', '\r', '\n', delimiter, ' ']) + text.slice(at);
    // Never leave half a surrogate pair: both parsers would see it, but decoded text never holds one.
    text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');
  }
  return text;
}

async function expectSame(text: string, pieces: string[], delimiter: string, maxRecordBytes: number, label: string) {
  const expected = await withCsvParse(pieces, delimiter, maxRecordBytes);
  const actual = withJourney(pieces, delimiter, maxRecordBytes);
  expect(actual, `${label}: ${JSON.stringify({ text, pieces, delimiter, maxRecordBytes })}`).toEqual(expected);
}

describe('journey CSV parser against csv-parse', () => {
  it('reads random character soup the same, in random pieces, under random record limits', async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rnd = random(seed);
      let text = '';
      for (let n = rnd.int(60); n > 0; n--) text += rnd.pick(SOUP);
      const delimiter = rnd.pick(DELIMITERS);
      const max = rnd.next() < 0.5 ? 1 + rnd.int(24) : 1024 * 1024;
      await expectSame(text, split(text, rnd), delimiter, max, `soup seed ${seed}`);
    }
  }, 60_000);

  it('reads random tables, whole and damaged, the same', async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rnd = random(seed * 7919);
      const delimiter = rnd.pick(DELIMITERS);
      const text = table(rnd, delimiter);
      const max = rnd.next() < 0.3 ? 1 + rnd.int(80) : 1024 * 1024;
      await expectSame(text, split(text, rnd), delimiter, max, `table seed ${seed}`);
    }
  }, 60_000);

  it.each([
    ['empty', ''],
    ['one line break', '\n'],
    ['blank lines', '\n\n\r\n\r\r'],
    ['BOM then header', '\uFEFFStage,Touchpoint\r\nAwareness,Blog\r\n'],
    ['BOM inside a field before a quote', 'a,\uFEFF"b"\n'],
    ['empty quoted fields', '"",""\n""'],
    ['quote left open at a final line break', 'a,"open\n'],
    ['quote left open at a final CRLF', 'a,"open\r\n'],
    ['CRLF inside quotes', '"one\r\ntwo"\r\nnext,row\r\n'],
    ['closing quote before a NUL', '"a"\0b,c\n'],
    ['stray quote', 'Awareness,The "best" demo\n'],
    ['text after a closing quote', '"a"b,c\n'],
    ['space before an opening quote', 'a, "b"\n'],
    ['doubled quotes at a piece end', '"a""'],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4,5\n,,\n'],
    ['lone carriage returns', 'a,b\rc,d\re'],
  ])('reads %s the same in every split', async (_, text) => {
    for (const max of [1, 2, 3, 5, 1024]) {
      // Every split into two pieces, and one character at a time.
      for (let at = 0; at <= text.length; at++)
        await expectSame(
          text,
          [text.slice(0, at), text.slice(at)].filter((p) => p !== ''),
          ',',
          max,
          `split at ${at}`,
        );
      await expectSame(text, [...text], ',', max, 'one character a piece');
    }
  });

  it('reaches the record limit at the same line in multi-byte text', async () => {
    for (const ch of ['é', '日', '😀']) {
      for (let max = 1; max <= 12; max++) {
        const text = `a,b\n"x\n${ch.repeat(6)}"\n${ch.repeat(3)},${ch.repeat(3)}\n`;
        await expectSame(text, [text], ',', max, `${ch} limit ${max}`);
        await expectSame(text, split(text, random(max)), ',', max, `${ch} limit ${max}, split`);
      }
    }
  });

  it('reads the fixtures and examples the same, in journey pieces of 16 K characters', async () => {
    const files = ['fixtures', 'examples'].flatMap((dir) => listCsv(dir));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const pieces = text.match(/[\s\S]{1,16384}/g) ?? [];
      for (const delimiter of DELIMITERS) await expectSame('(file)', pieces, delimiter, 1024 * 1024, file);
    }
  });
});

function listCsv(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names.filter((name) => /\.(csv|tsv)$/i.test(name)).map((name) => join(dir, name));
}
