// A zip archive written front to back into a stream, as an .xlsx is one: each entry deflated as its
// pieces arrive (a data descriptor after the data gives its CRC and sizes), the central directory last.
// Only what a workbook needs: deflate, UTF-8 names, no zip64 (journey init's workbooks stay far below 4 GiB).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** Version 2.0, the one deflate and data descriptors need. */
const VERSION = 20;
const ZIP32_LIMIT = 0xffffffff;

/** A date as MS-DOS stores it in a zip entry (local time fields, from 1980, two-second steps), read in UTC so a build is reproducible. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly stamp: { time: number; day: number };

  constructor(
    private readonly out: Writable,
    modified: Date,
  ) {
    this.stamp = dosDateTime(modified);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  /** Adds an entry whose content is `pieces` (text, written as UTF-8), deflated as they come. */
  async add(name: string, pieces: Iterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    // CRC and sizes (14–25) stay 0: the data descriptor gives them.
    header.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw();
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const written: Promise<void>[] = [];
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      written.push(this.write(chunk));
    });
    const ended = once(deflate, 'end');
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      // Waits for the deflater, then for the file: a large sheet is never held whole.
      if (!deflate.write(bytes)) await once(deflate, 'drain');
      if (written.length > 0) await Promise.all(written.splice(0));
    }
    deflate.end();
    await ended;
    await Promise.all(written);
    if (size > ZIP32_LIMIT || compressed > ZIP32_LIMIT || this.offset > ZIP32_LIMIT)
      throw new Error(`${name}: too large for a workbook journey writes (over 4 GiB)`);

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: nameBytes, crc, compressed, size, offset });
  }

  /** Writes the central directory; the stream is then a complete archive (the caller ends it). */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.day, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk, internal and external attributes: none.
      header.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
