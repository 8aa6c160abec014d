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
import { countTimes, type LogReading, type MeasureRun, type ReadOptions } from './run.js';
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

/** Runs one query on ClickHouse and gives its output as text in `format` (the SQL carries no FORMAT clause). */
export type ClickHouseQuery = (sql: string, format: 'JSONEachRow' | 'CSVWithNames') => Promise<string>;

/** Where ClickHouse reads the events: a table function over the file, or a server's table. */
interface ClickHouseSource {
  /** What DESCRIBE describes: `file(...)`, or `TABLE db.events`. */
  describe: string;
  /** The rows, each with its order `o` when the source has one (a file's order; a table has none). */
  rows: string;
  order: 'o' | null;
  /** What messages name: the file, or the table. */
  name: string;
  format: LogReading['format'];
}

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
    const query: ClickHouseQuery = async (sql, output) => {
      try {
        return chdb.query(`${sql.trimEnd()} FORMAT ${output}`, output);
      } catch (error) {
        throw new InputError({ file }, `ClickHouse cannot read it (${String((error as Error).message).split('\n')[0]})`);
      }
    };
    return await measureOnClickHouse(
      query,
      { describe: source, rows: `(SELECT *, rowNumberInAllBlocks() AS o FROM ${source})`, order: 'o', name: file, format },
      options,
      plan,
      goal,
      spec,
    );
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * The measurement on a ClickHouse server or cluster, through the official client (@clickhouse/client,
 * loaded only here): `table` is where the events live on the server (`events`, `analytics.events`). The
 * same SQL as in process; as in a warehouse, ties in time are ordered by event name (a table has no file order).
 */
export async function measureOnClickHouseServer(
  url: string,
  table: string,
  options: ReadOptions,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
): Promise<MeasureRun> {
  const d = DIALECT.clickhouse;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`--clickhouse-url: not a URL: "${url}" (e.g. http://localhost:8123 or https://user:password@host:8443/database)`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol))
    throw new ConfigError(`--clickhouse-url: ClickHouse's HTTP interface is http:// or https://, got "${parsed.protocol}"`);
  // Messages name the server without its credentials.
  const shown = `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  const { createClient, ClickHouseLogLevel } = await import('@clickhouse/client');
  // Credentials in the URL, else from the environment, so a password need not be on the command line.
  const fromEnv =
    parsed.username === '' && process.env.CLICKHOUSE_USER !== undefined
      ? { username: process.env.CLICKHOUSE_USER, password: process.env.CLICKHOUSE_PASSWORD ?? '' }
      : {};
  // The client's own log would print each failure with its stack: journey says it in one line instead.
  const client = createClient({ url, application: 'journey', log: { level: ClickHouseLogLevel.OFF }, ...fromEnv });
  const query: ClickHouseQuery = async (sql, format) => {
    try {
      const result = await client.query({ query: sql, format });
      return await result.text();
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { type?: string };
      const first = String(e.message ?? error)
        .split('\n')[0]!
        .trim();
      if (e.code !== undefined && /^E[A-Z]+$/.test(e.code)) throw new InputError({ file: shown }, `cannot reach the ClickHouse server (${e.code})`);
      throw new InputError({ file: `${shown} ${table}` }, `ClickHouse: ${first}`);
    }
  };
  const name = table
    .split('.')
    .map((part) => d.id(part))
    .join('.');
  try {
    return await measureOnClickHouse(query, { describe: `TABLE ${name}`, rows: name, order: null, name: table, format: 'table' }, options, plan, goal, spec);
  } finally {
    await client.close();
  }
}

/** Finds the columns, counts what is left out and runs every metric, on whichever ClickHouse `query` reaches. */
async function measureOnClickHouse(
  query: ClickHouseQuery,
  source: ClickHouseSource,
  options: ReadOptions,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
): Promise<MeasureRun> {
  const d = DIALECT.clickhouse;
  const file = source.name;
  const lines = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const columns = lines(await query(`DESCRIBE ${source.describe}`, 'JSONEachRow')).map((row) => ({
    name: String(row.name),
    type: String(row.type).replace(/^Nullable\((.*)\)$/, '$1'),
  }));
  const sample = lines(
    await query(`SELECT ${columns.map((c) => `toString(${d.id(c.name)}) AS ${d.id(c.name)}`).join(', ')} FROM ${source.rows} LIMIT 2000`, 'JSONEachRow'),
  ) as Record<string, string | null>[];
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
  const ctes = normalizeCtes(d, source.rows, detected, d.epochMillis(d.id(detected.time)), source.order, plan, goal);
  const [counts] = lines(
    await query(
      `WITH ${ctes[0][0]} AS (${ctes[0][1]}) SELECT count() AS rows, countIf(u IS NULL) AS no_user, countIf(u IS NOT NULL AND t IS NULL) AS bad_time, countIf(u IS NOT NULL AND t IS NOT NULL AND e IS NULL) AS no_event FROM ev_read`,
      'JSONEachRow',
    ),
  );
  const c = counts ?? {};
  const [duplicates] = lines(
    await query(`WITH ${ctes[0][0]} AS (${ctes[0][1]}), ${ctes[1][0]} AS (${ctes[1][1]}) SELECT countIf(dup > 1) AS n FROM ev_kept`, 'JSONEachRow'),
  );
  const figures = assembleFigures(parseMetricRows(await query(metricQuery(d, used, ctes).trimEnd(), 'CSVWithNames')), used);
  const exclusions: MeasureRun['reading']['exclusions'] = [];
  if (Number(c.no_user) > 0) exclusions.push({ reason: `without a user id (${detected.user})`, rows: Number(c.no_user), example: null });
  if (Number(c.bad_time) > 0) exclusions.push({ reason: `without a time that can be read (${detected.time})`, rows: Number(c.bad_time), example: null });
  if (Number(c.no_event) > 0) exclusions.push({ reason: `without an event name (${detected.event})`, rows: Number(c.no_event), example: null });
  if (Number(duplicates?.n) > 0)
    exclusions.push({ reason: 'repeating an event of the same user at the same time (counted once)', rows: Number(duplicates!.n), example: null });
  return { reading: { file, format: source.format, columns: detected, rows: Number(c.rows), exclusions, notes: [] }, figures, spec: used };
}
