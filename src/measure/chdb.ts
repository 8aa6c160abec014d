import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { assembleFigures } from './assemble.js';
import { ColumnError, detectColumns, type DetectedColumns } from './columns.js';
import { DIALECT } from './dialects.js';
import { normalizeCtes, type GoalPlan, type InventoryPlan } from './plan.js';
import { parseMetricRows } from './results.js';
import { countTimes, type MeasureRun, type ReadOptions } from './run.js';
import { logFormat, logSource } from './source.js';
import type { MetricSpec } from './spec.js';
import { metricQuery } from './sql.js';

interface Chdb {
  query(sql: string, format?: string): string;
}

/** chdb, ClickHouse in process: the user's own install (about 550 MB), found beside journey or in the working folder. */
function loadChdb(): Chdb {
  for (const from of [__filenameOf(), join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(from)('chdb') as Chdb;
    } catch {
      // Not there; try the next place.
    }
  }
  throw new ConfigError(
    '--engine clickhouse runs ClickHouse in process through chdb, which is not installed: npm install chdb (about 550 MB), or run the SQL of --emit-sql clickhouse on a ClickHouse server and render it with --results',
  );
}

function __filenameOf(): string {
  // The bundle is CommonJS (__filename) and the compiled modules ES modules (import.meta.url is not used so both build).
  return typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
}

const FORMATS = { csv: 'CSVWithNames', parquet: 'Parquet', jsonl: 'JSONEachRow' } as const;

/**
 * The same measurement with ClickHouse running the metric SQL (the ClickHouse dialect of sql.ts) in process:
 * the log is read by ClickHouse's file() in place (XES through a temporary JSON-lines copy).
 */
export async function measureWithChdb(
  file: string,
  options: ReadOptions,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
): Promise<MeasureRun> {
  const chdb = loadChdb();
  const d = DIALECT.clickhouse;
  const temp = await mkdtemp(join(tmpdir(), 'journey-chdb-'));
  try {
    const { format, gzip } = await logFormat(file);
    let path = resolve(file);
    let chFormat: string = format === 'xes' ? 'JSONEachRow' : FORMATS[format];
    if (format === 'xes') {
      await logSource(file, temp);
      path = join(temp, 'log.jsonl');
    } else if (format === 'csv' && /\.tsv(\.gz)?$/i.test(file)) chFormat = 'TSVWithNames';
    const source = `file(${d.str(path)}, ${d.str(chFormat)}${gzip && format !== 'xes' ? `, auto, 'gzip'` : ''})`;
    const run = (sql: string, output = 'JSONEachRow') => {
      try {
        return chdb.query(sql, output);
      } catch (error) {
        throw new InputError({ file }, `ClickHouse cannot read it (${String((error as Error).message).split('\n')[0]})`);
      }
    };
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const columns = lines(run(`DESCRIBE ${source}`)).map((row) => ({ name: String(row.name), type: String(row.type).replace(/^Nullable\((.*)\)$/, '$1') }));
    const sample = lines(run(`SELECT ${columns.map((c) => `toString(${d.id(c.name)}) AS ${d.id(c.name)}`).join(', ')} FROM ${source} LIMIT 2000`)) as Record<
      string,
      string | null
    >[];
    if (sample.length === 0) throw new InputError({ file }, 'no events: the log has a header and no rows');
    let detected: DetectedColumns;
    try {
      detected = detectColumns(
        columns.map((c) => ({ name: c.name, type: /^(DateTime|Date)/.test(c.type) ? 'TIMESTAMP' : /Int|Float|Decimal/.test(c.type) ? 'DOUBLE' : 'VARCHAR' })),
        sample,
        options.columns,
        countTimes,
      );
    } catch (error) {
      if (error instanceof ColumnError) throw new InputError({ file }, error.message);
      throw error;
    }
    const used = detected.segment === null ? { ...spec, segments: 0 } : spec;
    const rowsSource = `(SELECT *, rowNumberInAllBlocks() AS o FROM ${source})`;
    const ctes = normalizeCtes(d, rowsSource, detected, d.epochMillis(d.id(detected.time)), 'o', plan, goal);
    const [counts] = lines(
      run(
        `WITH ${ctes[0][0]} AS (${ctes[0][1]}) SELECT count() AS rows, countIf(u IS NULL) AS no_user, countIf(u IS NOT NULL AND t IS NULL) AS bad_time, countIf(u IS NOT NULL AND t IS NOT NULL AND e IS NULL) AS no_event FROM ev_read`,
      ),
    );
    const c = counts ?? {};
    const [duplicates] = lines(run(`WITH ${ctes[0][0]} AS (${ctes[0][1]}), ${ctes[1][0]} AS (${ctes[1][1]}) SELECT countIf(dup > 1) AS n FROM ev_kept`));
    const figures = assembleFigures(parseMetricRows(run(`${metricQuery(d, used, ctes).trimEnd()} FORMAT CSVWithNames`, 'CSVWithNames')), used);
    const exclusions: MeasureRun['reading']['exclusions'] = [];
    if (Number(c.no_user) > 0) exclusions.push({ reason: `without a user id (${detected.user})`, rows: Number(c.no_user), example: null });
    if (Number(c.bad_time) > 0) exclusions.push({ reason: `without a time that can be read (${detected.time})`, rows: Number(c.bad_time), example: null });
    if (Number(c.no_event) > 0) exclusions.push({ reason: `without an event name (${detected.event})`, rows: Number(c.no_event), example: null });
    if (Number(duplicates?.n) > 0)
      exclusions.push({ reason: 'repeating an event of the same user at the same time (counted once)', rows: Number(duplicates!.n), example: null });
    return { reading: { file, format, columns: detected, rows: Number(c.rows), exclusions, notes: [] }, figures, spec: used };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
