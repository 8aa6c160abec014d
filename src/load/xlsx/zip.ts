import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { type ReadBudget, shownPartName } from './budget.js';

/** A zip archive opened for random access to its entries by name. */
export interface ZipArchive {
  /** Entry names, as stored. */
  names(): string[];
  /** Finds an entry by path, ignoring case, leading slash and backslashes (writers differ). */
  has(path: string): boolean;
  /**
   * The entry's decompressed bytes, checked against the budget's limits: its declared sizes before
   * the first byte, then every inflated chunk against the declared size, since declared sizes can lie.
   * `again` reads a part a second time (scan.ts's fallback) without counting it twice toward the workbook.
   */
  open(path: string, budget: ReadBudget, again?: boolean): Promise<AsyncIterable<Buffer>>;
  close(): void;
}

/** The name two paths share when they name the same part: `has` and `open` look parts up by it. */
export function partKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A zip whose entries cannot be told apart: it is refused, since which copy a reader takes is arbitrary. */
export class DuplicatePartError extends Error {
  constructor(firstName: string, secondName: string) {
    const [first, second] = [shownPartName(firstName), shownPartName(secondName)];
    super(
      first === second
        ? `it holds the part ${first} twice`
        : `it holds the part ${first} twice, as ${first} and ${second} (part names ignore case and slash direction)`,
    );
    this.name = 'DuplicatePartError';
  }
}

async function* counted(stream: Readable, part: string, entry: yauzl.Entry, budget: ReadBudget): AsyncGenerator<Buffer> {
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      budget.checkInflated(part, bytes, entry.uncompressedSize);
      yield buffer;
    }
  } finally {
    stream.destroy();
  }
}

/** Opens a zip file and reads its central directory, refusing it when two entries name the same part. */
export function openZip(path: string, budget: ReadBudget): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    // Entry sizes are checked by `counted` (with a message naming the limit), not by yauzl.
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      const entries = new Map<string, yauzl.Entry>();
      const fail = (failure: unknown) => {
        zip.close();
        reject(failure);
      };
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          budget.checkTime();
        } catch (failure) {
          return fail(failure);
        }
        if (!entry.fileName.endsWith('/')) {
          const name = partKey(entry.fileName);
          const earlier = entries.get(name);
          if (earlier) return fail(new DuplicatePartError(earlier.fileName, entry.fileName));
          entries.set(name, entry);
        }
        zip.readEntry();
      });
      zip.on('end', () => {
        resolve({
          names: () => [...entries.values()].map((e) => e.fileName),
          has: (name) => entries.has(partKey(name)),
          open: (name, budget, again = false) =>
            new Promise((resolveStream, rejectStream) => {
              const entry = entries.get(partKey(name));
              if (!entry) return rejectStream(new Error(`no part ${name} in the archive`));
              if (entry.isEncrypted()) return rejectStream(new Error(`part ${name} is encrypted`));
              try {
                budget.checkDeclared(entry.fileName, entry.uncompressedSize, entry.compressedSize, again);
              } catch (failure) {
                return rejectStream(failure);
              }
              zip.openReadStream(entry, (streamError, stream) =>
                streamError || !stream
                  ? rejectStream(streamError ?? new Error('cannot read part'))
                  : resolveStream(counted(stream, entry.fileName, entry, budget)),
              );
            }),
          close: () => zip.close(),
        });
      });
      zip.readEntry();
    });
  });
}
