import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A zip archive opened for random access to its entries by name. */
export interface ZipArchive {
  /** Entry names, as stored. */
  names(): string[];
  /** Finds an entry by path, ignoring case, leading slash and backslashes (writers differ). */
  has(path: string): boolean;
  /** A stream of the entry's decompressed bytes. */
  open(path: string): Promise<Readable>;
  close(): void;
}

function key(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Opens a zip file and reads its central directory. */
export function openZip(path: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(key(entry.fileName), entry);
        zip.readEntry();
      });
      zip.on('end', () => {
        resolve({
          names: () => [...entries.values()].map((e) => e.fileName),
          has: (name) => entries.has(key(name)),
          open: (name) =>
            new Promise((resolveStream, rejectStream) => {
              const entry = entries.get(key(name));
              if (!entry) return rejectStream(new Error(`no part ${name} in the archive`));
              if (entry.isEncrypted()) return rejectStream(new Error(`part ${name} is encrypted`));
              zip.openReadStream(entry, (streamError, stream) => (streamError || !stream ? rejectStream(streamError ?? new Error('cannot read part')) : resolveStream(stream)));
            }),
          close: () => zip.close(),
        });
      });
      zip.readEntry();
    });
  });
}
