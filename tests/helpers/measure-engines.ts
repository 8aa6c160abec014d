import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DIALECT } from '../../src/measure/dialects.js';
import { DuckEngine } from '../../src/measure/duckdb.js';
import type { GroupFigures, MetricRow, MetricSpec, NormalizedEvent } from '../../src/measure/spec.js';
import { metricQuery } from '../../src/measure/sql.js';
import { parseMetricRows } from '../../src/measure/results.js';

/** Normalized events as CSV (header u,t,seq,tp,g,e,sg,st; an empty field is NULL). */
export function eventsCsv(events: readonly NormalizedEvent[]): string {
  const quote = (value: string | number | null) => (value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`);
  return ['u,t,seq,tp,g,e,sg,st', ...events.map((e) => [e.u, e.t, e.seq, e.tp, e.g, e.e, e.sg, e.st].map(quote).join(','))].join('\n') + '\n';
}

/** Figures as plain sorted data, medians rounded, so two engines' answers compare with toEqual. */
export function comparable(groups: Map<string, GroupFigures>): unknown {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
  return Object.fromEntries(
    [...groups]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([group, figures]) => [
        group,
        {
          ...figures,
          touchpoints: Object.fromEntries(
            [...figures.touchpoints]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([name, tp]) => [name, { ...tp, medianMsToNext: round(tp.medianMsToNext), medianMsFromStart: round(tp.medianMsFromStart) }]),
          ),
          funnel: figures.funnel?.map((step) => ({ ...step, medianMsFromPrevious: round(step.medianMsFromPrevious) })) ?? null,
          segmentCount: figures.segmentCount ?? null,
        },
      ]),
  );
}

export async function duckdbRows(events: readonly NormalizedEvent[], spec: MetricSpec): Promise<MetricRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'journey-ev-'));
  const file = join(folder, 'ev.csv');
  writeFileSync(file, eventsCsv(events));
  const engine = await DuckEngine.open({ threads: 2 });
  try {
    await engine.run(
      `CREATE TABLE ev AS SELECT * FROM read_csv('${file}', header = true, auto_detect = false, columns = {'u': 'VARCHAR', 't': 'BIGINT', 'seq': 'BIGINT', 'tp': 'VARCHAR', 'g': 'INTEGER', 'e': 'VARCHAR', 'sg': 'VARCHAR', 'st': 'INTEGER'})`,
    );
    return await engine.metrics(spec);
  } finally {
    await engine.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The metric SQL run on PostgreSQL over the same normalized events. */
export function postgresRows(pg: import('./postgres.js').TestPostgres, events: readonly NormalizedEvent[], spec: MetricSpec): MetricRow[] {
  const file = pg.file('ev.csv', eventsCsv(events));
  const sql = `DROP TABLE IF EXISTS ev;
CREATE TABLE ev (u TEXT, t BIGINT, seq BIGINT, tp TEXT, g INTEGER, e TEXT, sg TEXT, st INTEGER);
\\copy ev FROM '${file}' WITH (FORMAT csv, HEADER true)
${metricQuery(DIALECT.postgres, spec).trimEnd()};
`;
  return parseMetricRows(pg.query(sql));
}

/** chdb, ClickHouse in process, when it is installed (npm install chdb): null otherwise. */
export function loadChdb(): { query(sql: string, format?: string): string } | null {
  try {
    return createRequire(import.meta.url)('chdb') as { query(sql: string, format?: string): string };
  } catch {
    return null;
  }
}

/** The ClickHouse dialect's metric SQL run in chdb over the same normalized events, read from a CSV file. */
export function clickhouseRows(chdb: NonNullable<ReturnType<typeof loadChdb>>, events: readonly NormalizedEvent[], spec: MetricSpec): MetricRow[] {
  const folder = mkdtempSync(join(tmpdir(), 'journey-ch-'));
  const file = join(folder, 'ev.csv');
  writeFileSync(file, eventsCsv(events));
  try {
    const source = `SELECT * FROM file('${file}', 'CSVWithNames', 'u String, t Int64, seq Int64, tp Nullable(String), g Int32, e String, sg Nullable(String), st Nullable(Int32)')`;
    const sql = metricQuery(DIALECT.clickhouse, spec, [['ev', source]]).trimEnd();
    return parseMetricRows(chdb.query(`${sql} FORMAT CSVWithNames`, 'CSV'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
