import * as z from 'zod';

/**
 * What reading one input may cost at most. Every file and cell is untrusted, so a hostile or broken
 * file stops at one of these with an input error naming it, instead of exhausting memory or time.
 * The README's "Limits" section lists each with its default; the config's `limits` key raises them.
 */
/** The longest read time-out: Node's timers hold at most 2^31 − 1 ms (about 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

export const ReadLimitsSchema = z
  .object({
    readTimeoutSeconds: z
      .number()
      .positive()
      .max(MAX_TIMEOUT_SECONDS)
      .default(30)
      .describe('Seconds one file (workbook or CSV) may take to read (also --read-timeout)'),
    partMiB: z.number().positive().default(128).describe('Uncompressed MiB of one workbook part (a worksheet, the shared strings)'),
    workbookMiB: z.number().positive().default(256).describe('Uncompressed MiB of all the parts read from one workbook'),
    compressionRatio: z.number().positive().default(200).describe("Largest ratio of a workbook part's uncompressed to compressed size (decompression bombs)"),
    columns: z.number().int().positive().default(16_384).describe("Columns one row may reach (Excel's own limit is 16,384, column XFD)"),
    cellsPerSheet: z.number().int().positive().default(10_000_000).describe("Cells one sheet may hold, counting the blanks before each row's last value"),
    mergedCells: z.number().int().positive().default(1_000_000).describe("Cells one sheet's merged ranges may fill with their top-left value"),
    csvRecordKiB: z.number().positive().default(1024).describe('KiB of one CSV record (a line, or several when a quoted field spans lines)'),
    inputMiB: z.number().positive().default(2048).describe('MiB read from one CSV file or from stdin'),
    baselineMiB: z.number().positive().default(128).describe('MiB of a --baseline file (set in the config that applies to the working folder, or --config)'),
  })
  .strict();

/** The read limits in force for one input. */
export type ReadLimits = z.infer<typeof ReadLimitsSchema>;

/** The limits journey applies without a config. */
export const DEFAULT_READ_LIMITS: ReadLimits = ReadLimitsSchema.parse({});

export const MiB = 1024 * 1024;
export const KiB = 1024;
