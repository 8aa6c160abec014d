import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../../src/load/index.js';
import { isReferenceSheet, normalize } from '../../src/model/normalize/index.js';
import { weeklyLoad } from '../../src/model/weekly-load.js';
import { overCommunication } from '../../src/rules/over-communication.js';
import { check, model } from '../helpers/inventory.js';

const cohorts = (header: string[], dates: string[][]) =>
  model([['Touchpoint', 'Channel', 'Direction', ...header], ...dates.map((row, i) => [`Message ${i + 1}`, 'Email', 'Outbound', ...row])]);

describe('a date column per cohort', () => {
  it('reads the other columns as schedules when their headers differ from the day column’s by a tag (number, letter, roman numeral)', () => {
    for (const header of [
      ['Fecha grupo A', 'Fecha grupo B'],
      ['Cohort 1 date', 'Cohort 2 date'],
      ['Wave I', 'Wave II'],
    ]) {
      const journey = cohorts(header, [
        ['2026-01-05', '2026-02-02'],
        ['2026-01-12', '2026-02-04'],
      ]);
      expect(journey.files[0]!.sheets[0]!.schedules).toEqual([
        { column: 'D', header: header[0] },
        { column: 'E', header: header[1] },
      ]);
      expect(journey.touchpoints.map((t) => [t.day, t.schedules])).toEqual([
        [0, [{ label: header[1], date: '2026-02-02', day: 0 }]],
        [7, [{ label: header[1], date: '2026-02-04', day: 2 }]],
      ]);
      expect(journey.problems.filter((p) => p.kind === 'duplicate-header')).toEqual([]);
    }
  });

  it('leaves other date columns alone: another header, a header with no tag, cells that are no dates', () => {
    const read = (header: string[], rows: string[][]) => cohorts(header, rows).files[0]!.sheets[0]!.schedules;
    expect(
      read(
        ['Send date', 'Created date'],
        [
          ['2026-01-05', '2025-12-01'],
          ['2026-01-12', '2025-12-02'],
        ],
      ),
    ).toBeUndefined();
    expect(
      read(
        ['Batch 1', 'Batch 2 notes'],
        [
          ['2026-01-05', 'late'],
          ['2026-01-12', 'on time'],
        ],
      ),
    ).toBeUndefined();
    expect(
      read(
        ['Batch 1', 'Batch 2'],
        [
          ['2026-01-05', 'TBD'],
          ['2026-01-12', 'TBD'],
        ],
      ),
    ).toBeUndefined();
    expect(
      read(
        ['Day 1', 'Day 2'],
        [
          ['0', '7'],
          ['3', '9'],
        ],
      ),
    ).toBeUndefined();
  });

  it('counts every schedule in the weekly load: the busiest one is the load, and the rule names it', () => {
    const journey = cohorts(
      ['Batch 1', 'Batch 2'],
      [
        ['2026-01-05', '2026-02-02'],
        ['2026-01-12', '2026-02-03'],
        ['2026-01-19', '2026-02-04'],
        ['2026-01-26', '2026-02-05'],
      ],
    );
    const load = weeklyLoad(journey.touchpoints);
    expect([load.load, load.schedule, load.weekStart]).toEqual([4, 'Batch 2', 0]);
    expect(check(overCommunication, journey).map((r) => r.message)).toEqual([
      'inventory receives about 4 messages a week in days 0–6 on the "Batch 2" schedule (Email), above the limit of 3',
    ]);
    // One schedule spread out: nothing to report, and no schedule named.
    const spread = cohorts(['Batch 1'], [['2026-01-05'], ['2026-01-12'], ['2026-01-19'], ['2026-01-26']]);
    expect(weeklyLoad(spread.touchpoints).schedule).toBeNull();
    expect(check(overCommunication, spread)).toEqual([]);
  });
});

describe('reference sheets of a workbook', () => {
  const workbook = (sheets: [string, (string | null)[][]][]): LoadedFile => ({
    file: 'book.xlsx',
    kind: 'xlsx',
    skipped: [],
    tables: sheets.map(([sheet, rows]) => ({ file: 'book.xlsx', sheet, rows: rows.map((cells, i) => ({ row: i + 1, cells })) })),
  });
  const plan: (string | null)[][] = [
    ['Stage', 'Touchpoint', 'Channel'],
    ['Onboarding', 'Welcome email', 'Email'],
    ['Adoption', 'Tips email', 'Email'],
  ];
  const lookup: (string | null)[][] = [
    ['Segments', 'Owners'],
    ['Trials', 'Lifecycle'],
    ['Customers', 'Customer Success'],
    ['Churned', 'Sales'],
  ];

  it('are known by their names, in the languages journey reads', () => {
    expect(['Lookup', 'Lists', 'Notes', 'READ ME', 'Dropdowns', 'Listas', 'Notizen', 'Légende', 'Einstellungen', '設定'].every(isReferenceSheet)).toBe(true);
    expect(['Send plan', 'Practitioner', 'Onboarding', 'Lifecycle', 'Kundenreise', null].some(isReferenceSheet)).toBe(false);
  });

  it('are left out, saying so, when another sheet is the inventory, and read when none is', () => {
    const both = normalize([
      workbook([
        ['Plan', plan],
        ['Lookup', lookup],
      ]),
    ]);
    expect(both.touchpoints.map((t) => t.name)).toEqual(['Welcome email', 'Tips email']);
    expect(both.personas.map((p) => p.name)).toEqual(['Plan']);
    expect(both.files[0]!.sheets.map((s) => [s.sheet, s.skipped?.slice(0, 28) ?? null])).toEqual([
      ['Plan', null],
      ['Lookup', 'skipped: a reference sheet ('],
    ]);
    const alone = normalize([
      workbook([
        ['Notes', [['How to use']]],
        ['Lists', plan],
      ]),
    ]);
    expect(alone.touchpoints.map((t) => [t.persona, t.name])).toEqual([
      ['Lists', 'Welcome email'],
      ['Lists', 'Tips email'],
    ]);
  });
});
