// The zod schemas of the model's types where they are needed: where untrusted JSON comes in (the
// config's field and value names) and where a JSON Schema is published (diff's and measure's findings
// and locations). The types themselves are written once, in ./schema.ts; `SchemasMatch` stops the build
// when a schema here and its type part ways.
import * as z from 'zod';
import { SEVERITIES } from '../vocab/severity.js';
import { DIRECTIONS, MODES, STATUSES } from '../vocab/touchpoint.js';
import { FIELD_IDS } from './fields.js';
import type { Direction, Field, Finding, Location, Mode, Severity, Status } from './schema.js';

export const LocationSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
});

export const SeveritySchema = z.enum(SEVERITIES);
export const ModeSchema = z.enum(MODES);
export const DirectionSchema = z.enum(DIRECTIONS);
export const StatusSchema = z.enum(STATUSES);
export const FieldSchema = z.enum(FIELD_IDS);

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  /** What is wrong, as one statement (the fingerprint hashes its words). */
  message: z.string(),
  /** What to do about it, in words that follow the message after "; " (empty when a rule has no advice). */
  fix: z.string(),
  location: LocationSchema,
  related: z.array(LocationSchema),
  persona: z.string().nullable(),
  stage: z.string().nullable(),
  /** The touchpoint the finding is about, by name. */
  touchpoint: z.string().nullable(),
  /** Stable identity across runs: never the row. */
  fingerprint: z.string(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** Compile-time only: each schema parses to its type in ./schema.ts. */
export type SchemasMatch = [
  Holds<Same<z.infer<typeof LocationSchema>, Location>>,
  Holds<Same<z.infer<typeof SeveritySchema>, Severity>>,
  Holds<Same<z.infer<typeof ModeSchema>, Mode>>,
  Holds<Same<z.infer<typeof DirectionSchema>, Direction>>,
  Holds<Same<z.infer<typeof StatusSchema>, Status>>,
  Holds<Same<z.infer<typeof FieldSchema>, Field>>,
  Holds<Same<z.infer<typeof FindingSchema>, Finding>>,
];
