import * as z from 'zod';
import { columnLetter } from '../load/address.js';
import type { NormalizeObserver, ObservedTable, ObservedValue } from '../model/normalize/observer.js';
import type { ColumnDecision } from '../model/reading/assign.js';
import type { Field, JourneyModel } from '../model/schema.js';
import { FieldSchema } from '../model/zod.js';
import { audit, type AuditInput, type AuditOptions } from './audit.js';
import { INPUT_KINDS } from '../load/formats.js';
import { InputError } from '../errors.js';

/** How many distinct values of one field a table lists; the rest are counted together. */
export const MAX_VALUES_LISTED = 50;

const ValueReadingSchema = z.object({
  /** The cell's text as written. */
  text: z.string(),
  /** What journey read it as (stage and channel labels, a mode, "day 7", "timing text"); empty when it could not read it. */
  read: z.array(z.string()),
  /** The nearest known value, when journey could not read it and one is close. */
  suggestion: z.string().nullable(),
  /** Set when the text is a confident typo of `suggestion`: journey reads it as that value (`read`), and the audit still reports it. */
  typo: z.literal(true).optional(),
  count: z.number().int().positive(),
});

const InspectedTableSchema = z.object({
  sheet: z.string().nullable(),
  /** The header row found, or null when the sheet was skipped. */
  headerRow: z.number().int().positive().nullable(),
  skipped: z.string().nullable(),
  /**
   * Every header cell: its column, its text, the field journey reads it as (null: ignored), how that was
   * decided (the config pins it, its header names it, its cells say so) and what spoke for it. For a table
   * journey did not read, its best guess.
   */
  columns: z.array(
    z.object({
      column: z.string(),
      header: z.string(),
      field: FieldSchema.nullable(),
      by: z.enum(['config', 'header', 'cells', 'none']).optional(),
      because: z.array(z.string()).optional(),
    }),
  ),
  /** For a table journey did not read: the fields it could not find, and a `columns` config that would make it read. */
  missing: z.array(z.string()).optional(),
  suggestedConfig: z.object({ columns: z.partialRecord(FieldSchema, z.array(z.string())) }).optional(),
  touchpoints: z.number().int().nonnegative(),
  retired: z.number().int().nonnegative(),
  /** Set for a journey-map grid read transposed: each lane (row) and what it was read as, and the stage columns. */
  grid: z
    .object({
      lanes: z.array(z.object({ label: z.string(), row: z.number().int().positive(), readAs: z.string().nullable() })),
      stages: z.array(z.object({ column: z.string(), text: z.string() })),
    })
    .nullable(),
  /**
   * Set when the timing is a date column per cohort ("When Batch 1" … "When Batch 6"): each schedule's
   * column and header; the first places the touchpoints, over-communication checks every one.
   */
  schedules: z.array(z.object({ column: z.string(), header: z.string() })).optional(),
  /** Per field read through a vocabulary or a pattern, each distinct value and how it was read, most frequent first. */
  values: z.partialRecord(FieldSchema, z.object({ distinct: z.number().int().nonnegative(), listed: z.array(ValueReadingSchema) })),
});

/** An event log, read as journey measure reads it (src/measure/inspect.ts): the columns found and why, and what it holds. */
const EventLogSchema = z.object({
  format: z.enum(['csv', 'parquet', 'jsonl', 'xes']),
  columns: z.array(z.object({ role: z.enum(['user', 'time', 'event', 'segment']), column: z.string().nullable(), how: z.string(), evidence: z.string() })),
  logColumns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  excluded: z.array(z.object({ reason: z.string(), rows: z.number().int().positive(), example: z.string().nullable() })),
  notes: z.array(z.string()),
  distinctEvents: z.number().int().nonnegative(),
  topEvents: z.array(z.object({ name: z.string(), events: z.number().int().positive(), users: z.number().int().positive() })),
  command: z.string(),
});

export const InspectResultSchema = z.object({
  version: z.literal(1),
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(INPUT_KINDS).nullable(),
      /** Why the file could not be read, or null. */
      error: z.string().nullable(),
      stageModel: z
        .object({
          /** default: journey's lifecycle; config: the config's stageModel or stages; file: the inventory's own stage values. */
          source: z.enum(['default', 'config', 'file']),
          name: z.string(),
          stages: z.array(z.object({ id: z.string(), label: z.string() })),
        })
        .nullable(),
      tables: z.array(InspectedTableSchema),
      /** Findings an audit reports, by rule id. */
      findings: z.record(z.string(), z.number().int().positive()),
      /** Set when the file is an event log, not an inventory: what journey measure would read in it. */
      eventLog: EventLogSchema.optional(),
    }),
  ),
});
/** What `journey inspect --format json` prints: how each table was read. */
export type InspectResult = z.infer<typeof InspectResultSchema>;
type InspectedTable = z.infer<typeof InspectedTableSchema>;

const tableKey = (table: ObservedTable) => `${table.file}\u0000${table.sheet ?? ''}`;

/** Collects what normalize reports of each table: headers, and each distinct value per field with its count. */
class Recorder implements NormalizeObserver {
  readonly headers = new Map<string, { cells: string[]; columns: Partial<Record<Field, number>> }>();
  readonly values = new Map<string, Map<Field, Map<string, { read: string[] | null; suggestion: string | null; typo?: boolean; count: number }>>>();
  /** Each table's header row and column decisions, by file, in the order read. */
  readonly layouts = new Map<string, { sheet: string | null; row: number; decisions: readonly ColumnDecision[]; missing: readonly string[] }[]>();

  layout(table: ObservedTable, row: number, decisions: readonly ColumnDecision[], missing: readonly string[]): void {
    const list = this.layouts.get(table.file) ?? [];
    list.push({ sheet: table.sheet, row, decisions, missing });
    this.layouts.set(table.file, list);
  }

  header(table: ObservedTable, _row: number, cells: string[], columns: Partial<Record<Field, number>>): void {
    this.headers.set(tableKey(table), { cells, columns });
  }

  value(table: ObservedTable, { field, text, read, suggestion, typo }: ObservedValue): void {
    const key = tableKey(table);
    let fields = this.values.get(key);
    if (!fields) this.values.set(key, (fields = new Map()));
    let values = fields.get(field);
    if (!values) fields.set(field, (values = new Map()));
    const seen = values.get(text);
    if (seen) seen.count++;
    // A column of millions of distinct values keeps its first ones, then counts the rest by text only.
    else if (values.size < 10_000) values.set(text, { read, suggestion, ...(typo && { typo }), count: 1 });
  }
}

/** Labels for what the observer recorded as ids. */
function labeller(model: JourneyModel): (field: Field, read: string[]) => string[] {
  const stages = new Map(model.stageModel.stages.map((s) => [s.id, s.label]));
  const channels = new Map(model.channels.map((c) => [c.id, c.label]));
  return (field, read) => read.map((id) => (field === 'stage' ? (stages.get(id) ?? id) : field === 'channel' ? (channels.get(id) ?? id) : id));
}

/** A table journey did not read: its header cells with the best guess for each, what it lacks, and the config that would read it. */
function refusedTable(layout: { sheet: string | null; row: number; decisions: readonly ColumnDecision[]; missing: readonly string[] }): InspectedTable {
  const columns = layout.decisions.map((d) => ({ column: columnLetter(d.column), header: d.header, field: d.field, by: d.by, because: d.because }));
  // The columns no field was given, left to right: the first for a missing touchpoint, the next for a missing order.
  const free = layout.decisions.filter((d) => d.field === null && d.header !== '');
  const suggested: Partial<Record<Field, string[]>> = {};
  for (const missing of layout.missing) {
    const column = free.shift();
    if (!column) break;
    const field: Field = missing === 'touchpoint' ? 'touchpoint' : ((missing.split(/, | or /)[0] ?? 'stage') as Field);
    suggested[field] = [column.header];
  }
  return {
    sheet: layout.sheet,
    headerRow: null,
    skipped: layout.missing.length > 0 ? `not read: no ${layout.missing.join(' column and no ')} column` : 'not read',
    columns,
    touchpoints: 0,
    retired: 0,
    grid: null,
    values: {},
    missing: [...layout.missing],
    ...(Object.keys(suggested).length > 0 ? { suggestedConfig: { columns: suggested } } : {}),
  };
}

/** Reads each input as `journey audit` would, and says how: header, columns, stage model, and each distinct value's reading. */
export async function inspect(inputs: AuditInput[], options: Omit<AuditOptions, 'observer' | 'onModel' | 'overview'>): Promise<InspectResult> {
  const recorder = new Recorder();
  const models = new Map<string, { model: JourneyModel; findings: Record<string, number> }>();
  const result = await audit(inputs, {
    ...options,
    observer: recorder,
    onModel: (file, model, findings) => {
      const counts: Record<string, number> = {};
      for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
      models.set(file, { model, findings: counts });
    },
  });
  const inspected: InspectResult = {
    version: 1,
    files: result.files.map((file) => {
      const read = models.get(file.file);
      if (!read || file.error !== null)
        return {
          file: file.file,
          kind: file.kind,
          error: file.error,
          stageModel: null,
          tables: (recorder.layouts.get(file.file) ?? []).map(refusedTable),
          findings: {},
        };
      const { model } = read;
      const label = labeller(model);
      const tables: InspectedTable[] = file.sheets.map((sheet) => {
        const key = tableKey({ file: model.files[0]?.file ?? file.file, sheet: sheet.sheet });
        const header = sheet.headerRow === null ? undefined : recorder.headers.get(key);
        // The summary's letters are the final reading: an Owner column of team names is the team, a stage column of timings the day.
        const letters = new Map(Object.entries(sheet.columns).map(([field, letter]) => [letter, field as Field]));
        const layout = recorder.layouts.get(model.files[0]?.file ?? file.file)?.find((l) => l.sheet === sheet.sheet && l.row === sheet.headerRow);
        const columns = (header?.cells ?? []).map((text, column) => {
          const decision = layout?.decisions[column];
          const field = letters.get(columnLetter(column)) ?? null;
          return {
            column: columnLetter(column),
            header: text,
            field,
            ...(decision ? { by: field === null ? ('none' as const) : decision.by, because: decision.because } : {}),
          };
        });
        const values: InspectedTable['values'] = {};
        for (const [field, texts] of recorder.values.get(key) ?? []) {
          const sorted = [...texts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
          values[field] = {
            distinct: texts.size,
            listed: sorted.slice(0, MAX_VALUES_LISTED).map(([text, seen]) => ({
              text,
              read: seen.read === null ? [] : label(field, seen.read),
              suggestion: seen.suggestion,
              ...(seen.typo && { typo: true as const }),
              count: seen.count,
            })),
          };
        }
        return {
          sheet: sheet.sheet,
          headerRow: sheet.headerRow,
          skipped: sheet.skipped,
          columns: sheet.grid ? [] : columns,
          touchpoints: sheet.touchpoints,
          retired: sheet.retired,
          grid: sheet.grid ?? null,
          ...(sheet.schedules && { schedules: sheet.schedules }),
          values,
        };
      });
      return {
        file: file.file,
        kind: file.kind,
        error: null,
        stageModel: {
          source: model.stageSource.kind,
          name: model.stageSource.name,
          stages: model.stageModel.stages.map(({ id, label: l }) => ({ id, label: l })),
        },
        tables,
        findings: read.findings,
      };
    }),
  };
  await eventLogs(inspected, inputs);
  return inspected;
}

/**
 * A file that is no inventory may be an event log: journey measure's reading says (loaded only then, so
 * inspecting an inventory never starts DuckDB). An event log replaces the refusal with what it holds.
 */
async function eventLogs(result: InspectResult, inputs: AuditInput[]): Promise<void> {
  const paths = new Set(inputs.flatMap((input) => ('path' in input ? [input.path] : [])));
  for (const file of result.files) {
    if (file.error === null || !paths.has(file.file)) continue;
    const { inspectEventLog } = await import('../measure/inspect.js');
    try {
      const log = await inspectEventLog(file.file);
      if (log === null) continue;
      Object.assign(file, { kind: null, error: null, tables: [], stageModel: null, findings: {}, eventLog: log });
    } catch (error) {
      // A Parquet, JSON-lines or XES file can only be a log: why it cannot be read as one is the better message.
      if (error instanceof InputError) file.error = error.describe();
      else throw error;
    }
  }
}
