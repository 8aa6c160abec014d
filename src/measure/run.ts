import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { nearest } from '../model/text.js';
import { ColumnError, detectColumns, type DetectedColumns, type LogColumn, type Role } from './columns.js';
import { DIALECT } from './dialects.js';
import { DuckEngine } from './duckdb.js';
import { normalizeCtes, predicateColumns, type GoalPlan, type InventoryPlan } from './plan.js';
import { logSource, type LogFormat } from './source.js';
import type { MetricSpec, NormalizedEvent } from './spec.js';
import type { GroupFigures } from './spec.js';
import { assembleFigures } from './assemble.js';

/** What was read from the log before any figure: its columns, how many rows, and what was left out and why. */
export interface LogReading {
  file: string;
  format: LogFormat | 'table' | 'results';
  columns: DetectedColumns;
  /** Rows read (null for --results: the warehouse read them). */
  rows: number | null;
  exclusions: { reason: string; rows: number; example: string | null }[];
  notes: string[];
}

export interface MeasureRun {
  reading: LogReading;
  /** The spec the figures were computed with (without segments when the log has no segment column). */
  spec: MetricSpec;
  figures: Map<string, GroupFigures>;
  /** The normalized events, when asked for (tests compare the oracle on them). */
  events?: NormalizedEvent[];
}

export interface ReadOptions {
  columns: Partial<Record<Role, string>>;
  /** A strptime format for the time column ("%d/%m/%Y %H:%M"). */
  timeFormat?: string | undefined;
  memoryLimit?: string | undefined;
  threads?: number | undefined;
  /** Keep the normalized events in the answer (for tests). */
  keepEvents?: boolean;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)?)?$/i;
const EPOCH = /^-?\d{9,13}(\.\d+)?$/;
const ZONED = "'\\d[T ]\\d{1,2}:\\d{2}.*(Z|UTC|[+-]\\d{2}(:?\\d{2})?)$'";

/** How many of these texts read as times (ISO 8601 or epoch seconds/milliseconds), for finding the time column. */
export function countTimes(values: string[]): number {
  return values.filter((value) => ISO_TIME.test(value.trim()) || EPOCH.test(value.trim())).length;
}

/** The first line of an engine's error, for a one-line message. */
function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 2)
    .join(' ');
}

/** An event log read into DuckDB's table `ev`: the engine holding it, and what was read and left out. */
export interface OpenLog {
  engine: DuckEngine;
  reading: LogReading;
  /** The log's own columns, and a sample of its rows as text (for inspect's evidence). */
  columns: LogColumn[];
  sampleRows: Record<string, unknown>[];
}

/**
 * Reads an event log with DuckDB, in place: finds its columns, counts the rows it must leave out,
 * normalizes the rest into the table `ev`, then runs the metric SQL and assembles the figures.
 */
export async function measureWithDuckdb(
  file: string,
  options: ReadOptions,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
): Promise<MeasureRun> {
  return withLog(file, options, plan, goal, async ({ engine, reading }) => {
    // Segments only where the log has a segment column.
    const used = reading.columns.segment === null ? { ...spec, segments: 0 } : spec;
    const figures = assembleFigures(await engine.metrics(used), used);
    const run: MeasureRun = { reading, figures, spec: used };
    if (options.keepEvents) run.events = (await engine.rows('SELECT u, t, seq, tp, g, e, sg, st FROM ev')) as unknown as NormalizedEvent[];
    return run;
  });
}

/** Opens the log, reads it into `ev` (the one reading measure and inspect share), runs `work`, and closes the engine and its temporary folder. */
export async function withLog<T>(
  file: string,
  options: ReadOptions,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  work: (log: OpenLog) => Promise<T>,
): Promise<T> {
  const temp = await mkdtemp(join(tmpdir(), 'journey-measure-'));
  let engine: DuckEngine | null = null;
  try {
    const source = await logSource(file, temp);
    engine = await DuckEngine.open({ memoryLimit: options.memoryLimit, threads: options.threads });
    try {
      await engine.run(`CREATE VIEW src AS SELECT * FROM ${source.reader}`);
    } catch (error) {
      throw new InputError(
        { file },
        `cannot be read as ${source.format === 'csv' ? 'CSV' : source.format === 'jsonl' ? 'JSON lines' : source.format} (${firstLine(error)})`,
      );
    }
    const { columns, sampleRows, detected } = await detectIn(engine, file, options);
    const d = DIALECT.duckdb;
    const names = columns.map((c) => c.name);
    for (const { column, where } of predicateColumns(plan, goal)) {
      if (names.includes(column)) continue;
      const near = nearest(column, names);
      const place = where ? { file: where.file, sheet: where.sheet, cell: where.cell } : { file: '--goal' };
      throw new InputError(place, `the log ${file} has no column "${column}"${near ? `; did you mean "${near}"?` : ''}`);
    }
    const timeType = columns.find((c) => c.name === detected.time)!.type;
    const time = timeExpression(
      d.id(detected.time),
      timeType,
      options.timeFormat,
      sampleRows.map((row) => row[detected.time] as string | null),
    );

    // Every row once, with its file order: what is read, and what is left out.
    await engine.run(`CREATE TEMP TABLE src_rows AS SELECT ROW_NUMBER() OVER () AS o, * FROM src`).catch((error: unknown) => {
      throw new InputError({ file }, `cannot be read (${firstLine(error)})`);
    });
    const [ctesRead, ctesKept, ctesEv] = normalizeCtes(d, 'src_rows', detected, time, 'o', plan, goal, true);
    await engine.run(`CREATE TEMP TABLE ev_read AS ${ctesRead[1]}`);
    const raw = 'r.rt';
    const [counts] = await engine.rows(`SELECT
      COUNT(*) AS rows,
      COUNT(*) FILTER (WHERE r.u IS NULL) AS no_user,
      COUNT(*) FILTER (WHERE r.u IS NOT NULL AND r.t IS NULL AND ${raw} IS NULL) AS no_time,
      COUNT(*) FILTER (WHERE r.u IS NOT NULL AND r.t IS NULL AND ${raw} IS NOT NULL) AS bad_time,
      MIN(${raw}) FILTER (WHERE r.u IS NOT NULL AND r.t IS NULL AND ${raw} IS NOT NULL) AS bad_time_example,
      COUNT(*) FILTER (WHERE r.u IS NOT NULL AND r.t IS NOT NULL AND r.e IS NULL) AS no_event,
      COUNT(*) FILTER (WHERE r.t IS NOT NULL AND regexp_matches(${raw}, ${ZONED})) AS zoned,
      COUNT(*) FILTER (WHERE r.t IS NOT NULL) AS timed
      FROM ev_read r`);
    // ev_read's own CTE reads the table just made.
    await engine.run(`CREATE TEMP TABLE ev AS WITH ${ctesKept[0]} AS (${ctesKept[1]}) ${ctesEv[1]}`);
    const [{ kept } = { kept: 0 }] = await engine.rows('SELECT COUNT(*) AS kept FROM ev');
    const c = counts as Record<string, number | string | null>;
    const rows = Number(c.rows);
    const exclusions: LogReading['exclusions'] = [];
    const exclude = (reason: string, count: number, example: string | null = null) => {
      if (count > 0) exclusions.push({ reason, rows: count, example });
    };
    exclude(`without a user id (${detected.user})`, Number(c.no_user));
    exclude(`without a time (${detected.time})`, Number(c.no_time));
    exclude(`with a time that cannot be read (${detected.time})`, Number(c.bad_time), (c.bad_time_example as string | null) ?? null);
    exclude(`without an event name (${detected.event})`, Number(c.no_event));
    const valid = rows - Number(c.no_user) - Number(c.no_time) - Number(c.bad_time) - Number(c.no_event);
    exclude('repeating an event of the same user at the same time (counted once)', valid - Number(kept));
    const timed = Number(c.timed);
    const badTimes = Number(c.bad_time);
    if (badTimes > 0 && badTimes >= (timed + badTimes) / 2) {
      throw new InputError(
        { file },
        `${badTimes} of ${timed + badTimes} times in "${detected.time}" cannot be read (e.g. "${c.bad_time_example}"): name the format with --time-format (e.g. "%d/%m/%Y %H:%M"), or the time column with --time`,
      );
    }
    if (Number(kept) === 0)
      throw new InputError({ file }, `no event has a user, a time and an event name (${exclusions.map((e) => `${e.rows} ${e.reason}`).join('; ')})`);
    const notes: string[] = [];
    const zoned = Number(c.zoned);
    if (/CHAR/i.test(timeType) && zoned > 0 && zoned < timed)
      notes.push(`${timed - zoned} of ${timed} times in "${detected.time}" have no time zone and are read as UTC; the other ${zoned} carry their own`);
    const answer = await work({ engine, reading: { file, format: source.format, columns: detected, rows, exclusions, notes }, columns, sampleRows });
    await source.cleanup();
    return answer;
  } finally {
    await engine?.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/** The log's columns, a sample of its rows as text, and the columns found for each role. */
async function detectIn(
  engine: DuckEngine,
  file: string,
  options: Pick<ReadOptions, 'columns'>,
): Promise<{ columns: LogColumn[]; sampleRows: Record<string, unknown>[]; detected: DetectedColumns }> {
  const described = await engine.rows('DESCRIBE src');
  const columns: LogColumn[] = described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  const d = DIALECT.duckdb;
  const sampleRows = await engine
    .rows(`SELECT ${columns.map((c) => `CAST(${d.id(c.name)} AS VARCHAR) AS ${d.id(c.name)}`).join(', ')} FROM src LIMIT 2000`)
    .catch((error: unknown) => {
      throw new InputError({ file }, firstLine(error));
    });
  if (sampleRows.length === 0) throw new InputError({ file }, 'no events: the log has a header and no rows');
  let detected: DetectedColumns;
  try {
    detected = detectColumns(columns, sampleRows as Record<string, string | null>[], options.columns, countTimes);
  } catch (error) {
    if (error instanceof ColumnError) throw new InputError({ file }, error.message);
    throw error;
  }
  return { columns, sampleRows, detected };
}

/** The columns journey measure would use for a log (for --emit-sql from a sample of it). */
export async function detectLogColumns(file: string, columns: Partial<Record<Role, string>>): Promise<DetectedColumns> {
  const temp = await mkdtemp(join(tmpdir(), 'journey-measure-'));
  let engine: DuckEngine | null = null;
  try {
    const source = await logSource(file, temp);
    engine = await DuckEngine.open({ threads: 2 });
    try {
      await engine.run(`CREATE VIEW src AS SELECT * FROM ${source.reader}`);
    } catch (error) {
      throw new InputError({ file }, `cannot be read (${firstLine(error)})`);
    }
    return (await detectIn(engine, file, { columns })).detected;
  } finally {
    await engine?.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * DuckDB's reading of the time column as epoch milliseconds: a timestamp or date as it is; numbers as
 * epoch seconds or milliseconds (by their size in the sample); text by --time-format, else as a number
 * or an ISO 8601 time (without a zone: UTC).
 */
function timeExpression(column: string, type: string, format: string | undefined, sample: (string | null)[]): string {
  if (/^(TIMESTAMP|DATE)/i.test(type)) return `EPOCH_MS(CAST(${column} AS TIMESTAMPTZ))`;
  const numbers = sample.filter((value): value is string => value !== null && EPOCH.test(value.trim())).map(Number);
  const milliseconds = numbers.length > 0 && numbers.every((value) => Math.abs(value) >= 1e11);
  const epoch = (expression: string) => `CAST(ROUND(TRY_CAST(${expression} AS DOUBLE)${milliseconds ? '' : ' * 1000'}) AS BIGINT)`;
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i.test(type)) return epoch(column);
  const text = `TRIM(CAST(${column} AS VARCHAR))`;
  if (format !== undefined) return `EPOCH_MS(TRY_STRPTIME(${text}, ${DIALECT.duckdb.str(format)}))`;
  return `CASE WHEN regexp_full_match(${text}, '-?\\d{9,13}(\\.\\d+)?') THEN ${epoch(text)} ELSE EPOCH_MS(TRY_CAST(REPLACE(${text}, ' UTC', 'Z') AS TIMESTAMPTZ)) END`;
}
