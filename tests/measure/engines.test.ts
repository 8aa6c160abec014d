import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

