import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { JOURNEY_MARKER } from '../marker.js';

// Files people keep inventories and pages in: replacing one with a report loses their work. Those journey
// wrote (its markdown, the map's HTML and SVG) end with its marker and may be replaced.
const PROTECTED_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.csv', '.tsv', '.md', '.html', '.htm', '.svg']);
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
      throw new ConfigError(`${option} ${path}: is ${input === path ? 'an input' : `the input ${input}`} of this run; journey never writes over what it reads, so name another file`);
    }
    const other = written.get(id);
    if (other !== undefined) throw new ConfigError(`${option} ${path}: is also written by ${other}; name two different files`);
    written.set(id, option);
    const extension = extname(path).toLowerCase();
    if (!force && PROTECTED_EXTENSIONS.has(extension) && !(await writtenByJourney(path))) {
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
