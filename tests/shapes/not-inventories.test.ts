import { describe, expect, it } from 'vitest';
import { auditShape } from '../helpers/shapes.js';

describe('shape: files that are not inventories', () => {
  it.each([
    [
      'fixtures/shapes/event-log.csv',
      'journey: fixtures/shapes/event-log.csv: looks like an event log, one row per customer event: 10 rows for 3 customers, 2026-03-01 to 2026-03-15 (user "user_id", time "timestamp", event "event_name"); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...). To measure the journey in it, run: journey measure fixtures/shapes/event-log.csv --user user_id --time timestamp --event event_name (add --inventory with your inventory to set it against its touchpoints)',
    ],
    [
      'fixtures/shapes/ab-test-export.csv',
      'journey: fixtures/shapes/ab-test-export.csv: looks like an A/B test export, one row per variant: 3 rows (Experiment, Variant, Visitors, Conversions); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...)',
    ],
    [
      'fixtures/shapes/content-calendar.xlsx',
      'journey: fixtures/shapes/content-calendar.xlsx [sheet "Q2 calendar"]: looks like a content calendar, one row per piece of content: 4 rows, 2026-04-03 to 2026-04-21 (Publish date, Title, Author, Status) with no journey stage column; journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...), or add Stage and Touchpoint columns to audit it as one',
    ],
  ])('%s exits 2 with one line saying what it looks like', (file, line) => {
    const { code, stderr, result } = auditShape(file);
    expect(code).toBe(2);
    expect(result).toBeNull();
    expect(stderr).toBe(`${line}\n`);
  });
});
