import { describe, expect, it } from 'vitest';
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
});
