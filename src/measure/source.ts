import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { sqlStringLiteral } from '../escape.js';
import { InputError } from '../errors.js';
import { readXes } from './xes.js';

export type LogFormat = 'csv' | 'parquet' | 'jsonl' | 'xes';

/** The format of an event log, from its name, else from its first bytes. */
export async function logFormat(path: string): Promise<{ format: LogFormat; gzip: boolean }> {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const name = gzip ? lower.slice(0, -3) : lower;
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return { format: 'parquet', gzip: false };
  if (name.endsWith('.xes')) return { format: 'xes', gzip };
  if (/\.(jsonl|ndjson|json)$/.test(name)) return { format: 'jsonl', gzip };
  if (/\.(csv|tsv|txt)$/.test(name)) return { format: 'csv', gzip };
  const head = await firstBytes(path, 512);
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { format: 'parquet', gzip: false };
  const unzipped = head[0] === 0x1f && head[1] === 0x8b;
  const text = unzipped ? '' : head.toString('utf8').trimStart();
  if (text.startsWith('<')) return { format: 'xes', gzip: false };
  if (text.startsWith('{')) return { format: 'jsonl', gzip: false };
  return { format: 'csv', gzip: unzipped };
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new InputError({ file: path }, error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`);
  });
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first line of a CSV (through gzip when it is compressed), read without loading the file. */
async function headerLine(path: string, gzip: boolean): Promise<string> {
  const stream: Readable = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path, { end: 1 << 20 });
  let text = '';
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8');
      if (text.includes('\n') || text.length > 1 << 20) break;
    }
  } catch (error) {
    throw new InputError({ file: path }, `cannot be read as ${gzip ? 'gzip' : 'text'} (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

/** Splits one CSV line (quotes doubled inside quoted fields). */
function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) fields.push(field), (field = '');
    else field += char;
  }
  fields.push(field);
  return fields;
}

/** How DuckDB reads the log, and what to clean up after. */
export interface LogSource {
  format: LogFormat;
  /** The table function over the file (read in place), or over a temporary JSON-lines copy for XES. */
  reader: string;
  cleanup(): Promise<void>;
}

const str = (text: string) => sqlStringLiteral(text, false);

/**
 * The DuckDB table function for a log. A CSV is read with explicit options (delimiter from its header line,
 * RFC 4180 quotes, every column as text, the header's own names), never by sniffing a sample, so a column
 * that turns numeric after the sample cannot fail half-way; the columns DuckDB then reports are checked
 * against the header. XES is streamed into a temporary JSON-lines file.
 */
export async function logSource(path: string, tempFolder: string): Promise<LogSource> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError({ file: path }, error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`);
  });
  if (info.isDirectory()) throw new InputError({ file: path }, 'is a folder, not an event log');
  const { format, gzip } = await logFormat(path);
  const none = async () => undefined;
  if (format === 'parquet') return { format, reader: `read_parquet(${str(path)})`, cleanup: none };
  if (format === 'jsonl')
    return { format, reader: `read_json(${str(path)}, format = 'newline_delimited', compression = '${gzip ? 'gzip' : 'uncompressed'}')`, cleanup: none };
  if (format === 'xes') {
    const target = `${tempFolder}/log.jsonl`;
    const out = createWriteStream(target);
    const keys = await readXes(gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path), path, async (line) => {
      if (!out.write(line)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'finish');
    if (keys.length === 0) throw new InputError({ file: path }, 'an XES log without events');
    const columns = keys.map((name) => `${str(name)}: 'VARCHAR'`).join(', ');
    return { format, reader: `read_json(${str(target)}, format = 'newline_delimited', columns = {${columns}})`, cleanup: none };
  }
  const header = await headerLine(path, gzip);
  if (header.trim() === '') throw new InputError({ file: path, line: 1 }, 'empty: an event log has a header row and one row per event');
  const delimiter = path.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv')
    ? '\t'
    : [',', '\t', ';', '|'].sort((a, b) => splitCsvLine(header, b).length - splitCsvLine(header, a).length)[0]!;
  const names = splitCsvLine(header, delimiter).map((name, i) => name.trim() || `column${i + 1}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) throw new InputError({ file: path, line: 1 }, `the header names the column "${name}" twice`);
    seen.add(name.toLowerCase());
  }
  const columns = names.map((name) => `${str(name)}: 'VARCHAR'`).join(', ');
  const reader = `read_csv(${str(path)}, header = true, auto_detect = false, delim = ${str(delimiter)}, quote = '"', escape = '"', columns = {${columns}}, compression = '${gzip ? 'gzip' : 'none'}', null_padding = true, strict_mode = false)`;
  return { format, reader, cleanup: none };
}
