import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import type { ReadLimits } from './limits.js';
import type { RawRow } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_BYTES = 64 * 1024;

/** Text encoding named by a byte-order mark, and the mark's length. */
function sniffEncoding(head: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

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

/** Decodes a byte stream to text by its byte-order mark (UTF-8 without one), failing on undecodable bytes. */
async function* decodeText(name: string, stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  let offset = 0;
  const decode = (bytes: Buffer, final: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream: !final });
    } catch (error) {
      throw new InputError({ file: name }, `is not valid ${decoder!.encoding.toUpperCase()} text (undecodable bytes in the first ${offset} bytes); save it as UTF-8 CSV`, { cause: error });
    }
  };
  const start = (bytes: Buffer): Buffer => {
    const { encoding, bom } = sniffEncoding(bytes);
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    return bytes.subarray(bom);
  };
  for await (const chunk of stream) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    offset += bytes.length;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 3) continue;
      bytes = start(head);
    }
    const text = decode(bytes, false);
    if (text !== '') yield text;
  }
  // A file shorter than a byte-order mark never started the decoder in the loop.
  const tail = decoder ? Buffer.alloc(0) : start(head);
  const rest = decode(tail, false) + decode(Buffer.alloc(0), true);
  if (rest !== '') yield rest;
}

/**
 * Streams a CSV/TSV's rows to `onRow` as they are parsed, never holding the file; an error `onRow`
 * throws stops the read and is thrown from here. A file with no values at all is an input error.
 */
export async function readCsvRows(name: string, source: string | Readable, options: { tsv?: boolean; limits?: ReadLimits }, onRow: (row: RawRow) => void): Promise<void> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  let parser: ReturnType<typeof parse> | undefined;
  let parseError: unknown;
  let sinkError: unknown;
  let count = 0;
  let hasContent = false;
  let sample = '';

  const start = (firstText: string) => {
    const delimiter = options.tsv ? '\t' : detectDelimiter(firstText);
    parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false });
    parser.on('readable', () => {
      let record: string[] | null;
      while ((record = parser!.read() as string[] | null) !== null) {
        if (sinkError !== undefined) continue;
        if (!hasContent && record.some((c) => c.trim() !== '')) hasContent = true;
        try {
          onRow({ row: ++count, cells: record });
        } catch (error) {
          // Thrown from inside the parser's event, it would escape; it is rethrown by the read loop instead.
          sinkError = error;
        }
      }
    });
    parser.on('error', (error) => (parseError ??= error));
  };
  const write = (text: string) => {
    parser!.write(text);
    if (parseError) throw parseError;
    if (sinkError !== undefined) throw sinkError;
  };

  try {
    for await (const text of decodeText(name, stream as AsyncIterable<Buffer>)) {
      if (parser) {
        write(text);
        continue;
      }
      sample += text;
      if (sample.length >= SNIFF_BYTES) {
        start(sample);
        write(sample);
        sample = '';
      }
    }
    if (!parser) {
      start(sample);
      write(sample);
    }
    await new Promise<void>((resolve, reject) => {
      parser!.once('end', resolve);
      parser!.once('error', reject);
      if (parseError) reject(parseError);
      parser!.end();
    });
    if (sinkError !== undefined) throw sinkError;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      throw new InputError({ file: name, line }, `cannot be read as CSV: ${describeCsvError(error)}`, { cause: error });
    }
    throw error;
  } finally {
    if (typeof source === 'string') stream.destroy();
  }
  if (!hasContent) throw new InputError({ file: name }, 'is empty: there is no table to audit');
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (an unbalanced " somewhere above)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a stray quote inside a field (a " that neither opens nor closes a quoted field)';
    default:
      return error.message.replace(/^Invalid [^:]*: /, '');
  }
}
