import { z } from 'zod';

/** Where a value or a finding sits: file, sheet (null for CSV), 1-based row, column letter, and the cell as a spreadsheet names it. */
export const LocationSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
/** How serious a finding is. */
export type Severity = z.infer<typeof SeveritySchema>;

export const ModeSchema = z.enum(['ongoing', 'automatic', 'manual']);
/** Whether a touchpoint runs by itself, is sent by automation, or is done by hand. */
export type Mode = z.infer<typeof ModeSchema>;

export const DirectionSchema = z.enum(['inbound', 'outbound']);
/** Inbound: the customer comes to us; outbound: we reach out. */
export type Direction = z.infer<typeof DirectionSchema>;

export const FrequencySchema = z.object({
  /** The text as written. */
  text: z.string(),
  /** A known cadence (daily, weekly, ...), "once", "triggered", or null when not recognized. */
  cadence: z.string().nullable(),
  /** True when the touchpoint repeats on a schedule. */
  recurring: z.boolean(),
});
/** How often a touchpoint happens. */
export type Frequency = z.infer<typeof FrequencySchema>;

/** The fields a touchpoint row can have; also the names of inventory columns. */
export const FieldSchema = z.enum(['stage', 'touchpoint', 'team', 'channel', 'mode', 'direction', 'day', 'frequency', 'persona', 'kpi', 'notes']);
export type Field = z.infer<typeof FieldSchema>;

export const TouchpointSchema = z.object({
  /** Position in the model, stable for one run. */
  index: z.number().int().nonnegative(),
  persona: z.string(),
  /** Stage id from the stage model; null when the cell was blank or unknown. */
  stage: z.string().nullable(),
  name: z.string(),
  team: z.string().nullable(),
  /** Channel id from the channel vocabulary; null when blank or unknown. */
  channel: z.string().nullable(),
  mode: ModeSchema.nullable(),
  direction: DirectionSchema.nullable(),
  /** Day offset from the start of the journey, a whole number ≥ 0. */
  day: z.number().int().nonnegative().nullable(),
  frequency: FrequencySchema.nullable(),
  kpi: z.string().nullable(),
  notes: z.string().nullable(),
  /** The row as a whole (column and cell null). */
  row: LocationSchema,
  /** The cell each mapped field came from. */
  cells: z.partialRecord(FieldSchema, LocationSchema),
});
/** One row of the inventory: a communication a persona meets. */
export type Touchpoint = z.infer<typeof TouchpointSchema>;

export const StageSchema = z.object({
  id: z.string(),
  label: z.string(),
  synonyms: z.array(z.string()),
});
/** A lifecycle stage; its position in the stage model is its order. */
export type Stage = z.infer<typeof StageSchema>;

export const StageModelSchema = z.object({ stages: z.array(StageSchema).min(1) });
/** The ordered lifecycle stages an inventory is checked against. */
export type StageModel = z.infer<typeof StageModelSchema>;

export const ValueProblemSchema = z.object({
  /** unknown/invalid: a value; duplicate-header/blank-header: a header cell. */
  kind: z.enum(['unknown', 'invalid', 'duplicate-header', 'blank-header']),
  field: FieldSchema,
  value: z.string(),
  message: z.string(),
  location: LocationSchema,
  persona: z.string().nullable(),
  stage: z.string().nullable(),
});
/** A cell whose value could not be read into the model, found while normalizing. */
export type ValueProblem = z.infer<typeof ValueProblemSchema>;

export const PersonaSchema = z.object({
  name: z.string(),
  /** Where the persona's rows are: its sheet, or the file for a CSV or a persona column. */
  location: LocationSchema,
});
export type Persona = z.infer<typeof PersonaSchema>;

export const SheetSummarySchema = z.object({
  sheet: z.string().nullable(),
  /** Header row number, or null when the sheet was skipped. */
  headerRow: z.number().int().positive().nullable(),
  touchpoints: z.number().int().nonnegative(),
  /** Why the sheet was not audited, when it was not. */
  skipped: z.string().nullable(),
  /** Header cells mapped to fields, e.g. { stage: "A", touchpoint: "B" }. */
  columns: z.partialRecord(FieldSchema, z.string()),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;

export const FileSummarySchema = z.object({
  file: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  sheets: z.array(SheetSummarySchema),
});
export type FileSummary = z.infer<typeof FileSummarySchema>;

export const JourneyModelSchema = z.object({
  files: z.array(FileSummarySchema),
  personas: z.array(PersonaSchema),
  touchpoints: z.array(TouchpointSchema),
  problems: z.array(ValueProblemSchema),
  stageModel: StageModelSchema,
});
/** Everything normalize produces and the rules read. */
export type JourneyModel = z.infer<typeof JourneyModelSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  location: LocationSchema,
  related: z.array(LocationSchema),
  persona: z.string().nullable(),
  stage: z.string().nullable(),
});
/** One gap or problem a rule reports. */
export type Finding = z.infer<typeof FindingSchema>;
