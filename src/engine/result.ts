import { z } from 'zod';
import { FindingSchema, SheetSummarySchema } from '../model/schema.js';

export const FileResultSchema = z.object({
  file: z.string(),
  kind: z.enum(['csv', 'xlsx']).nullable(),
  sheets: z.array(SheetSummarySchema),
  personas: z.array(z.string()),
  touchpoints: z.number().int().nonnegative(),
  /** Why the file could not be audited (an input error), or null. */
  error: z.string().nullable(),
});
/** What was read from one input file. */
export type FileResult = z.infer<typeof FileResultSchema>;

export const SummarySchema = z.object({
  files: z.number().int().nonnegative(),
  touchpoints: z.number().int().nonnegative(),
  personas: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  inputErrors: z.number().int().nonnegative(),
  /** Findings left out by the config's `ignore` entries. */
  ignored: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const AuditResultSchema = z.object({
  version: z.literal(1),
  files: z.array(FileResultSchema),
  findings: z.array(FindingSchema),
  summary: SummarySchema,
});
/** The outcome of one `journey audit`: what formatters render. */
export type AuditResult = z.infer<typeof AuditResultSchema>;
