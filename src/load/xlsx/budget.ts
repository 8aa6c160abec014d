import { InputError } from '../../errors.js';
import { MiB, type ReadLimits } from '../limits.js';

/** Below this many uncompressed bytes a part's compression ratio is not checked: small XML parts compress well. */
export const RATIO_FLOOR_BYTES = 1 * MiB;

/** How often (in loop iterations) the in-memory loops look at the clock. */
export const CHECK_EVERY = 1 << 14;

/**
 * A zip entry name as a message may show it: control characters (a terminal would act on them)
 * written as escapes, and a name longer than any real part's cut short.
 */
export function shownPartName(name: string): string {
  const cut = name.length > 200 ? `${name.slice(0, 200)}…` : name;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What reading one workbook may still cost, and where the read is, so that any limit it hits is
 * reported as one input error naming the file, the sheet and (when known) the cell.
 */
export class ReadBudget {
  readonly limits: ReadLimits;
  private readonly file: string;
  private readonly deadline: number;
  /** Uncompressed bytes of the parts read so far, as declared (each part is held to its declared size). */
  private declaredBytes = 0;
  /** The sheet being read, for locations; null while reading the workbook's shared parts. */
  sheet: string | null = null;

  constructor(file: string, limits: ReadLimits) {
    this.file = file;
    this.limits = limits;
    this.deadline = Date.now() + limits.readTimeoutSeconds * 1000;
  }

  /** An input error at the current place (and cell, when given). */
  error(message: string, cell: string | null = null, cause?: unknown): InputError {
    return new InputError({ file: this.file, sheet: this.sheet, cell }, message, cause === undefined ? undefined : { cause });
  }

  /** Throws once the read has taken longer than limits.readTimeoutSeconds. */
  checkTime(): void {
    if (Date.now() > this.deadline) {
      throw this.error(
        `took longer than ${this.limits.readTimeoutSeconds} s to read; it may be damaged (open it and save it again) or too large (limits.readTimeoutSeconds, --read-timeout)`,
      );
    }
  }

  /**
   * Checks a part's sizes as its zip entry declares them, before a byte is inflated, and counts them
   * toward the workbook's total. Declared sizes can lie, so `checkInflated` then holds the part to
   * its declared size: together the two bound the bytes actually inflated.
   */
  checkDeclared(name: string, declaredBytes: number, compressedBytes: number, again = false): void {
    const part = shownPartName(name);
    if (declaredBytes > this.limits.partMiB * MiB) {
      throw this.error(
        `is too large to read: its part ${part} holds ${mib(declaredBytes)} MiB uncompressed, more than the ${this.limits.partMiB} MiB one part may hold (limits.partMiB)`,
      );
    }
    const ratio = declaredBytes / Math.max(compressedBytes, 1);
    if (declaredBytes > RATIO_FLOOR_BYTES && ratio > this.limits.compressionRatio) {
      throw this.error(
        `looks like a decompression bomb: its part ${part} inflates to ${Math.floor(ratio)} times its compressed size, more than the ${this.limits.compressionRatio} a real workbook needs (limits.compressionRatio)`,
      );
    }
    // A part read again (scan.ts's fallback to saxes) was counted the first time.
    if (again) return;
    this.declaredBytes += declaredBytes;
    if (this.declaredBytes > this.limits.workbookMiB * MiB) {
      throw this.error(
        `is too large to read: with its part ${part} the parts read hold ${mib(this.declaredBytes)} MiB uncompressed, more than the ${this.limits.workbookMiB} MiB one workbook may hold (limits.workbookMiB)`,
      );
    }
  }

  /** Throws as soon as a part has inflated to more bytes (`inflatedBytes` so far) than its entry declares. */
  checkInflated(name: string, inflatedBytes: number, declaredBytes: number): void {
    if (inflatedBytes > declaredBytes) {
      const part = shownPartName(name);
      throw this.error(
        `is a damaged workbook: its part ${part} inflates to more than the ${declaredBytes} bytes its zip entry declares (the part is corrupt, or its size forged as in a decompression bomb); open it in a spreadsheet program and save it again`,
      );
    }
  }
}

function mib(bytes: number): string {
  const value = bytes / MiB;
  return value >= 10 ? String(Math.floor(value)) : value.toFixed(1);
}
