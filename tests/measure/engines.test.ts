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
