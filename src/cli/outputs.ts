import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ConfigError } from '../errors.js';
import { JOURNEY_MARKER } from '../marker.js';
import { removeOnInterrupt } from './interrupt.js';
import { announceWritten } from './written.js';
import { INPUT_EXTENSIONS } from '../load/formats.js';

// Files people keep inventories and pages in: replacing one with a report loses their work. Those journey
// wrote (its markdown, the map's HTML and SVG) end with its marker and may be replaced.
const PROTECTED_EXTENSIONS = new Set([...INPUT_EXTENSIONS, '.html', '.htm', '.svg']);
// How far from each end of a file the marker is looked for: it is a document's last line (or, for a format
// that cannot end with a comment, one of its first).
const MARKER_WINDOW = 512;

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

/** Whether a file starts as a zip archive (a workbook under any name) or an old OLE document (.xls, .doc). */
async function isArchive(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && (head.equals(Buffer.from('PK\x03\x04', 'latin1')) || head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])));
  } finally {
    await handle.close();
  }
}

/** Whether a file carries journey's marker (src/marker.ts) near its start or its end. */
async function writtenByJourney(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const { size } = await handle.stat();
    const marker = Buffer.from(JOURNEY_MARKER);
    for (const position of new Set([0, Math.max(0, size - MARKER_WINDOW)])) {
      const chunk = Buffer.alloc(MARKER_WINDOW);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (chunk.subarray(0, bytesRead).includes(marker)) return true;
    }
    return false;
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
      throw new ConfigError(
        `${option} ${path}: is ${input === path ? 'an input' : `the input ${input}`} of this run; journey never writes over what it reads, so name another file`,
      );
    }
    const other = written.get(id);
    if (other !== undefined) throw new ConfigError(`${option} ${path}: is also written by ${other}; name two different files`);
    written.set(id, option);
    if (force) continue;
    // Judged by what the name leads to (a link named report.json may point at a workbook) and by content.
    const target = await writeTarget(path);
    // A device or a pipe (/dev/null, /dev/stdout) holds nothing to lose, and reading it would wait or take its data.
    if (
      !(await stat(target).then(
        (found) => found.isFile(),
        () => false,
      ))
    )
      continue;
    const extension = extname(target).toLowerCase();
    const leads = target === resolve(path) ? '' : ` leads to ${relative(process.cwd(), target) || target}, which`;
    if (PROTECTED_EXTENSIONS.has(extension) && !(await writtenByJourney(target))) {
      throw new ConfigError(
        `${option} ${path}: already exists and${leads} is a ${extension} file journey did not write; name another file, or pass --force to replace it`,
      );
    }
    if (await isArchive(target)) {
      throw new ConfigError(
        `${option} ${path}: already exists and${leads} holds a workbook or another archive, which journey never writes; name another file, or pass --force to replace it`,
      );
    }
  }
}

/** The file that writing `path` replaces: through symbolic links, the file they lead to (the links stay). */
export async function writeTarget(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/**
 * Writes into a device, a pipe or a socket: a rename over it would put a regular file where /dev/null
 * was (as root, for every program after). The output is made in a temp file first, as for a file, and
 * then copied in.
 */
async function writeInto(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(tmpdir(), `journey-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const release = removeOnInterrupt(temporary);
  try {
    await write(temporary);
    await pipeline(createReadStream(temporary), createWriteStream(target, { flags: 'w' }));
  } finally {
    await rm(temporary, { force: true });
    release();
  }
}

/**
 * Writes a file whole or not at all: `write` fills a new temp file beside it, which then replaces the
 * file in one rename (or, with `replace: false`, takes its name only if the name is still free). A
 * failure (a full disk) or Ctrl-C removes the temp file and leaves the previous file as it was; writing
 * through a symbolic link replaces the file it leads to, and a file with other hard links gets a new
 * inode, so the other names keep their content. A device, a pipe or a socket (`-o /dev/null`,
 * `/dev/stdout`, a FIFO) is written into, never replaced. Errors are the file system's (error.code).
 */
export async function writeAtomically(
  path: string,
  write: (temporary: string) => Promise<void>,
  options: { replace: boolean } = { replace: true },
): Promise<void> {
  const target = await writeTarget(path);
  const existing = await stat(target).catch(() => null);
  if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    if (!options.replace) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await writeInto(target, write);
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const release = removeOnInterrupt(temporary);
  try {
    await write(temporary);
    const previous = await stat(target).catch(() => null);
    if (previous?.isFile()) await chmod(temporary, previous.mode & 0o777);
    if (options.replace) await rename(temporary, target);
    else {
      // link() fails with EEXIST when the name was taken meanwhile: never an overwrite. A file system
      // without hard links (FAT, some network shares) gets a check and a rename instead.
      const linked = await link(temporary, target).then(
        () => true,
        async (error: NodeJS.ErrnoException) => {
          if (
            error.code === 'EEXIST' ||
            (await stat(target).then(
              () => true,
              () => false,
            ))
          )
            throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
          return false;
        },
      );
      if (linked) await rm(temporary, { force: true });
      else await rename(temporary, target);
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    release();
  }
}

/** Creates the folder an output goes in (`-o reports/today/gaps.md`), as a user expects from an output option. */
export async function ensureFolderOf(option: string, path: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`${option} ${path}: its folder cannot be created (${error.code})`, { cause: error });
  });
}

/** Writes a whole text to the file an option names (creating its folder), atomically; errors name the option. */
export async function writeFileAtomically(option: string, path: string, text: string, options: { replace: boolean } = { replace: true }): Promise<void> {
  await ensureFolderOf(option, path);
  await writeAtomically(path, (temporary) => writeFile(temporary, text, { flag: 'wx' }), options).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`${option} ${path}: ${error.code === 'EEXIST' ? 'already exists' : `cannot be written (${error.code})`}`, { cause: error });
  });
}

/** Writes text to a stream, waiting when it is full; false once the reader has gone (a closed pipe: journey … | head). */
async function writeAll(
  stream: NodeJS.WritableStream & { destroyed?: boolean },
  output: string | Iterable<string>,
  onError: (error: NodeJS.ErrnoException) => Error | null,
): Promise<boolean> {
  let closed = false;
  const failed = new Promise<void>((resolve, reject) =>
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const failure = onError(error);
      closed = true;
      if (failure === null) resolve();
      else reject(failure);
    }),
  );
  // Awaited only while waiting on the stream; an error at another moment must not go unhandled.
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (closed || stream.destroyed) return;
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  if (typeof output === 'string') await write(output);
  else {
    // Pieces are batched into writes of ~64 KB (docs/design.md, Output is streamed).
    let buffer = '';
    for (const piece of output) {
      if (closed) break;
      buffer += piece;
      if (buffer.length >= 1 << 16) {
        await write(buffer);
        buffer = '';
      }
    }
    await write(buffer);
  }
  if (closed) await failed;
  return !closed;
}

/**
 * Writes a rendered report (a string or its pieces) to -o FILE, whole or not at all, or to stdout. A
 * closed stdout ends the writing quietly; the run still exits with the code its findings give.
 */
export async function emit(output: string | Iterable<string>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    await writeAll(process.stdout, output, (error) => (error.code === 'EPIPE' ? null : error));
    return;
  }
  await ensureFolderOf('-o', file);
  const cannotWrite = (error: NodeJS.ErrnoException) => new ConfigError(`-o ${file}: cannot be written (${error.code})`, { cause: error });
  await writeAtomically(file, async (temporary) => {
    const stream = createWriteStream(temporary, { flags: 'wx' });
    await writeAll(stream, output, cannotWrite);
    stream.end();
    await new Promise<void>((resolve, reject) => {
      stream.once('error', (error: NodeJS.ErrnoException) => reject(cannotWrite(error)));
      stream.once('close', resolve);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw error instanceof ConfigError ? error : cannotWrite(error);
  });
  announceWritten(file);
}
