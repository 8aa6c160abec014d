import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { assembleFigures } from '../../src/measure/assemble.js';
import { oracleFigures } from '../../src/measure/oracle.js';
import { comparable, duckdbRows, postgresRows } from '../helpers/measure-engines.js';
import { TestPostgres } from '../helpers/postgres.js';
import { ENGINE_SPECS, randomEvents } from '../helpers/measure-random.js';
import { FIXTURE_CASES } from '../helpers/measure-fixtures.js';
import { measureWithDuckdb } from '../../src/measure/run.js';
import { DEFAULT_FINDING_OPTIONS, buildResult } from '../../src/measure/build.js';
import { metricsCsv } from '../../src/measure/metrics-csv.js';
import { inventoryPlan } from '../../src/measure/plan.js';
import { readInventory } from '../../src/engine/pipeline.js';
import { ConfigResolver } from '../../src/config/load.js';

describe('DuckDB agrees with the oracle', () => {
  for (const [label, spec] of ENGINE_SPECS) {
    it(`on random logs: ${label}`, async () => {
      for (const seed of [1, 2, 3]) {
        const events = randomEvents(seed);
        const expected = comparable(oracleFigures(events, spec));
        const actual = comparable(assembleFigures(await duckdbRows(events, spec), spec));
        expect(actual, `seed ${seed}`).toEqual(expected);
      }
    });
  }
});

describe('the metrics CSV (--write-metrics) from DuckDB is the one the oracle gives', () => {
  const inventory = 'fixtures/measure/inventory.csv';
  for (const [index, fixture] of FIXTURE_CASES.entries()) {
    it(`on ${fixture.file}${index === 0 ? ' against its inventory' : ''}`, async () => {
      const model = index === 0 ? (await readInventory({ path: inventory }, await new ConfigResolver().forFile(inventory))).model : null;
      const plan = model === null ? null : inventoryPlan(inventory, model);
      const goal = plan === null ? fixture.goal : { ...fixture.goal!, label: 'Checkout', touchpoint: 'Checkout' };
      const run = await measureWithDuckdb(fixture.file, { columns: fixture.columns, threads: 2, keepEvents: true }, plan, goal, fixture.spec);
      const csvOf = (figures: typeof run.figures) =>
        metricsCsv(
          buildResult({ reading: run.reading, figures, spec: run.spec, plan, goal, windowText: null, findingOptions: DEFAULT_FINDING_OPTIONS }),
          plan,
          (name) => [...new Set(model?.touchpoints.filter((t) => t.name === name).map((t) => t.persona) ?? [''])],
        );
      const written = csvOf(run.figures);
      expect(written.split('\r\n').length).toBeGreaterThan(3);
      expect(written).toBe(csvOf(oracleFigures(run.events!, run.spec)));
    });
  }
});

const inCi = process.env.CI === 'true';

describe('PostgreSQL agrees with the oracle', () => {
  if (!TestPostgres.available()) {
    it.skipIf(!inCi)('needs PostgreSQL (apt-get install postgresql)', () => {
      throw new Error('PostgreSQL is not installed, and CI must test it');
    });
    if (!inCi) console.log('skipped: PostgreSQL tests of journey measure (apt-get install postgresql to run them)');
    return;
  }
  let pg: TestPostgres;
  beforeAll(() => {
    pg = TestPostgres.start();
  }, 60_000);
  afterAll(() => pg?.stop());
  for (const [label, spec] of ENGINE_SPECS) {
    it(`on random logs: ${label}`, () => {
      for (const seed of [1, 2, 3]) {
        const events = randomEvents(seed);
        expect(comparable(assembleFigures(postgresRows(pg, events, spec), spec)), `seed ${seed}`).toEqual(comparable(oracleFigures(events, spec)));
      }
    });
  }
  for (const fixture of FIXTURE_CASES) {
    it(`on ${fixture.file}`, async () => {
      const run = await measureWithDuckdb(fixture.file, { columns: fixture.columns, threads: 2, keepEvents: true }, null, fixture.goal, fixture.spec);
      expect(comparable(assembleFigures(postgresRows(pg, run.events!, run.spec), run.spec))).toEqual(comparable(oracleFigures(run.events!, run.spec)));
    });
  }
});

describe('the emitted SQL reads a raw table the way journey measure reads the file', () => {
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
  const figuresOf = (result: { touchpoints: unknown; funnel?: unknown; variants: unknown; segments?: unknown }) => ({
    touchpoints: result.touchpoints,
    funnel: result.funnel,
    variants: result.variants,
    segments: result.segments,
  });
  it.skipIf(!TestPostgres.available())(
    'on PostgreSQL',
    () => {
      const pg = TestPostgres.start();
      try {
        const sql = journey(['measure', ...args, '--emit-sql', 'postgres']).stdout;
        const csv = pg.file('clickstream.csv', readFileSync('fixtures/measure/clickstream.csv', 'utf8'));
        const out = pg.query(
          `CREATE TABLE events (timestamp TEXT, user_id TEXT, event TEXT, page TEXT, persona TEXT);\n\\copy events FROM '${csv}' WITH (FORMAT csv, HEADER true)\n${sql.trimEnd()};\n`,
        );
        const results = join(mkdtempSync(join(tmpdir(), 'journey-pg-results-')), 'results.csv');
        writeFileSync(results, out);
        const fromWarehouse = JSON.parse(journey(['measure', ...args, '--results', results, '--format', 'json']).stdout);
        const direct = JSON.parse(journey(['measure', ...args, '--format', 'json']).stdout);
        expect(figuresOf(fromWarehouse)).toEqual(figuresOf(direct));
      } finally {
        pg.stop();
      }
    },
    120_000,
  );
});
