import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { assembleFigures } from '../../src/measure/assemble.js';
import { oracleFigures } from '../../src/measure/oracle.js';
import { clickhouseRows, comparable, loadChdb } from '../helpers/measure-engines.js';
import { ENGINE_SPECS, randomEvents } from '../helpers/measure-random.js';
import { FIXTURE_CASES, fixtureEvents } from '../helpers/measure-fixtures.js';

// Its own file, so chdb's library is loaded in a test process of its own, apart from DuckDB's.
const inCi = process.env.CI === 'true';

describe('ClickHouse (chdb) agrees with the oracle', () => {
  const chdb = loadChdb();
  if (chdb === null) {
    it.skipIf(!inCi)('needs chdb (npm install --no-save chdb)', () => {
      throw new Error('chdb is not installed, and CI must test ClickHouse');
    });
    if (!inCi) console.log('skipped: ClickHouse tests of journey measure (npm install --no-save chdb to run them)');
    return;
  }
  for (const [label, spec] of ENGINE_SPECS) {
    it(`on random logs: ${label}`, { timeout: 300_000 }, () => {
      for (const seed of [1, 2, 3]) {
        const events = randomEvents(seed);
        expect(comparable(assembleFigures(clickhouseRows(chdb, events, spec), spec)), `seed ${seed}`).toEqual(comparable(oracleFigures(events, spec)));
      }
    });
  }
  FIXTURE_CASES.forEach((fixture, index) => {
    it(`on ${fixture.file}`, { timeout: 300_000 }, () => {
      const { events, spec } = fixtureEvents(index);
      expect(comparable(assembleFigures(clickhouseRows(chdb, events, spec), spec))).toEqual(comparable(oracleFigures(events, spec)));
    });
  });
  it('reads a raw table with the emitted SQL the way journey measure reads the file', { timeout: 300_000 }, () => {
    const args = [
      'fixtures/measure/clickstream.csv',
      '--inventory',
      'fixtures/measure/inventory.csv',
      '--funnel',
      'Paid social ad,Sign-up form,Checkout',
      '--window',
      '7d',
      '--goal',
      'Checkout',
    ];
    const sql = journey(['measure', ...args, '--emit-sql', 'clickhouse']).stdout;
    const table = `file('${resolve('fixtures/measure/clickstream.csv')}', 'CSVWithNames', 'timestamp Nullable(String), user_id Nullable(String), event Nullable(String), page Nullable(String), persona Nullable(String)')`;
    expect(sql).toContain('FROM `events`');
    const out = chdb.query(
      `${sql
        .replace(/^--.*$/gm, '')
        .replace('FROM `events`', `FROM ${table}`)
        .trim()} FORMAT CSVWithNames`,
      'CSV',
    );
    const results = join(mkdtempSync(join(tmpdir(), 'journey-ch-results-')), 'results.csv');
    writeFileSync(results, out);
    const figuresOf = (result: { touchpoints: unknown; funnel?: unknown; variants: unknown; segments?: unknown }) => ({
      touchpoints: result.touchpoints,
      funnel: result.funnel,
      variants: result.variants,
      segments: result.segments,
    });
    const fromWarehouse = journey(['measure', ...args, '--results', results, '--format', 'json']);
    expect(fromWarehouse.code, fromWarehouse.stderr).toBe(0);
    expect(figuresOf(JSON.parse(fromWarehouse.stdout))).toEqual(figuresOf(JSON.parse(journey(['measure', ...args, '--format', 'json']).stdout)));
  });
  it('journey measure --engine clickhouse gives the figures DuckDB gives', { timeout: 300_000 }, () => {
    const args = [
      'measure',
      'fixtures/measure/clickstream.csv',
      '--goal',
      'purchase',
      '--funnel',
      'ad_click,signup,purchase',
      '--window',
      '7d',
      '--format',
      'json',
    ];
    const clickhouse = journey([...args, '--engine', 'clickhouse']);
    expect(clickhouse.code, clickhouse.stderr).toBe(0);
    const pick = (r: Record<string, unknown>) => ({
      users: r.users,
      events: r.events,
      touchpoints: r.touchpoints,
      funnel: r.funnel,
      variants: r.variants,
      segments: r.segments,
    });
    const a = JSON.parse(clickhouse.stdout);
    expect(pick(a)).toEqual(pick(JSON.parse(journey(args).stdout)));
    expect(a.excluded.map((e: { rows: number }) => e.rows)).toEqual([1, 1, 1]);
  });
  it('journey measure --engine clickhouse --write-metrics writes the metrics DuckDB writes', { timeout: 300_000 }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'journey-ch-metrics-'));
    const args = ['measure', 'fixtures/measure/clickstream.csv', '--inventory', 'fixtures/measure/inventory.csv', '--goal', 'Checkout', '--format', 'json'];
    const [duck, house] = [join(folder, 'duckdb.csv'), join(folder, 'clickhouse.csv')];
    expect(journey([...args, '--write-metrics', duck]).code).toBe(0);
    const run = journey([...args, '--engine', 'clickhouse', '--write-metrics', house]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(house, 'utf8')).toBe(readFileSync(duck, 'utf8'));
  });
});

// No ClickHouse server can run here: a stand-in speaks ClickHouse's HTTP interface to the official client
// and answers with chdb (tests/helpers/clickhouse-http.mjs). This proves journey's client path (the queries,
// the formats, credentials, errors) against real ClickHouse SQL execution, not a server's own HTTP layer.
describe('journey measure --clickhouse-url, through @clickhouse/client', () => {
  if (loadChdb() === null) {
    it.skipIf(!inCi)('needs chdb for the stand-in server (npm install --no-save chdb)', () => {
      throw new Error('chdb is not installed, and CI must test the ClickHouse client path');
    });
    if (!inCi) console.log('skipped: journey measure --clickhouse-url tests (npm install --no-save chdb to run them)');
    return;
  }
  let server: ChildProcess;
  let url = '';
  beforeAll(async () => {
    server = spawn(process.execPath, [resolve('tests/helpers/clickhouse-http.mjs'), 'events', 'fixtures/measure/clickstream.csv', 'journey', 's3cret'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((done, fail) => {
      server.stdout!.once('data', (chunk: Buffer) => done(chunk.toString().trim()));
      server.once('exit', (code) => fail(new Error(`the stand-in server stopped (${code})`)));
    });
    url = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => {
    server?.kill();
  });
  const flags = ['--goal', 'purchase', '--funnel', 'ad_click,signup,purchase', '--window', '7d', '--format', 'json'];
  const figures = (r: Record<string, unknown>) => ({
    users: r.users,
    events: r.events,
    touchpoints: r.touchpoints,
    funnel: r.funnel,
    variants: r.variants,
    segments: r.segments,
  });

  it('gives the figures DuckDB gives on the same events, and says it read a table', { timeout: 120_000 }, () => {
    const run = journey(['measure', 'events', '--clickhouse-url', url.replace('//', '//journey:s3cret@'), ...flags]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe('table');
    expect(figures(result)).toEqual(figures(JSON.parse(journey(['measure', 'fixtures/measure/clickstream.csv', ...flags]).stdout)));
    expect(result.excluded.map((e: { rows: number }) => e.rows)).toEqual([1, 1, 1]);
    // Credentials from the environment, and --table naming the table.
    const fromEnv = journey(['measure', 'ignored', '--table', 'events', '--clickhouse-url', url, ...flags], {
      env: { CLICKHOUSE_USER: 'journey', CLICKHOUSE_PASSWORD: 's3cret' },
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(figures(JSON.parse(fromEnv.stdout))).toEqual(figures(result));
  });

  it('a refused login, a missing table and a server not there are one line each, exit 2, never the password', { timeout: 120_000 }, () => {
    const cases: [string[], RegExp][] = [
      [
        ['events', '--clickhouse-url', url.replace('//', '//journey:wrong@')],
        /^journey: http:\/\/127\.0\.0\.1:\d+ events: ClickHouse: journey: Authentication failed/,
      ],
      [['nope', '--clickhouse-url', url.replace('//', '//journey:s3cret@')], /^journey: http:\/\/127\.0\.0\.1:\d+ nope: ClickHouse: .*nope.* does not exist/],
      [
        ['events', '--clickhouse-url', 'http://journey:s3cret@127.0.0.1:1'],
        /^journey: http:\/\/127\.0\.0\.1:1: cannot reach the ClickHouse server \(ECONNREFUSED\)/,
      ],
      [['events', '--clickhouse-url', 'ftp://host'], /^journey: --clickhouse-url: ClickHouse's HTTP interface is http:\/\/ or https:\/\//],
    ];
    for (const [args, message] of cases) {
      const run = journey(['measure', ...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain('s3cret');
    }
  });
});
