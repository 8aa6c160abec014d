import { readFile, stat } from 'node:fs/promises';

/** Why a small text file (a config, a baseline) could not be read, in words for the user. */
export class TextFileError extends Error {}

/**
 * Reads a whole text file that should be small, refusing by its size before reading it: a huge or
 * endless one (a 100 MB file, /dev/zero, a named pipe) would otherwise exhaust memory or never end.
 */
export async function readSmallTextFile(path: string, maxBytes: number): Promise<string> {
  await checkSmallFile(path, maxBytes);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new TextFileError(`cannot be read (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  }
}

/** Refuses, by what stat says, a file that is missing, not a regular file, or larger than `maxBytes`. */
export async function checkSmallFile(path: string, maxBytes: number): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new TextFileError(error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`, { cause: error });
  });
  if (info.isDirectory()) throw new TextFileError('is a folder, not a file');
  if (!info.isFile()) throw new TextFileError('is not a regular file (a pipe or a device); save it as a file');
  if (info.size > maxBytes) throw new TextFileError(`is ${megabytes(info.size)}, more than the ${megabytes(maxBytes)} journey reads`);
}

const megabytes = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
