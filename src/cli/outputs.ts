import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

// Files people keep inventories in: replacing one with a report loses their work.
const PROTECTED_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.csv', '.tsv', '.md']);
// The first line of what journey writes as markdown (the gap report, --format markdown): such a file may be rewritten.
const JOURNEY_MARKDOWN = ['# Communication inventory gap report', '### journey:'];

/** One file this run is about to write, and the option that names it (for the message). */
export interface PlannedOutput {
  option: string;
  path: string;
}

/** Identity of an existing file (device and inode), so links, `..` and hard links all compare equal; null when it does not exist. */
async function identity(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info === null ? null : `${info.dev}:${info.ino}`;
}

async function writtenByJourney(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    return JOURNEY_MARKDOWN.some((start) => text.startsWith(start));
  } finally {
    await handle.close();
  }
}

/**
 * Refuses, before any work, an output that would destroy something: a file this run reads (an
 * inventory, the config, the baseline), whatever path leads to it; or, without --force, an existing
 * spreadsheet, CSV or markdown file that journey did not write.
 */
export async function checkOutputs(outputs: PlannedOutput[], inputs: string[], force: boolean): Promise<void> {
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    const id = await identity(input);
    if (id !== null && !inputIds.has(id)) inputIds.set(id, input);
  }
  const written = new Map<string, string>();
  for (const { option, path } of outputs) {
    const id = await identity(path);
    if (id === null) continue;
    const input = inputIds.get(id);
    if (input !== undefined) {
      throw new ConfigError(`${option} ${path}: is ${input === path ? 'an input' : `the input ${input}`} of this run; journey never writes over what it reads, so name another file`);
    }
    const other = written.get(id);
    if (other !== undefined) throw new ConfigError(`${option} ${path}: is also written by ${other}; name two different files`);
    written.set(id, option);
    const extension = extname(path).toLowerCase();
    if (!force && PROTECTED_EXTENSIONS.has(extension) && !(extension === '.md' && (await writtenByJourney(path)))) {
      throw new ConfigError(`${option} ${path}: already exists and is a ${extension} file journey did not write; name another file, or pass --force to replace it`);
    }
  }
}

/** Creates the folder an output goes in (`-o reports/today/gaps.md`), as a user expects from an output option. */
export async function ensureFolderOf(option: string, path: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`${option} ${path}: its folder cannot be created (${error.code})`, { cause: error });
  });
}

/** Writes a rendered output (a string or its pieces) to -o FILE, or to stdout, waiting when the stream is full. */
export async function emit(output: string | Iterable<string>, file: string | undefined): Promise<void> {
  if (file !== undefined) await ensureFolderOf('-o', file);
  const stream = file === undefined ? process.stdout : createWriteStream(file);
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new ConfigError(`-o ${file}: cannot be written (${error.code})`, { cause: error }))),
  );
  // Awaited only while waiting on the stream; an error at another moment must not go unhandled.
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  if (typeof output === 'string') await write(output);
  else {
    // Pieces are batched into writes of ~64 KB (docs/design.md, Output is streamed).
    let buffer = '';
    for (const piece of output) {
      buffer += piece;
      if (buffer.length >= 1 << 16) {
        await write(buffer);
        buffer = '';
      }
    }
    await write(buffer);
  }
  if (file !== undefined) {
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  }
}
