import { describe, expect, it } from 'vitest';
import type { InputError } from '../../src/errors.js';
import { normalize } from '../../src/model/normalize.js';
import { ColumnMatcher } from '../../src/model/columns.js';
import { describeNonInventory } from '../../src/model/normalize/not-inventory.js';
import { csvFile, model } from '../helpers/inventory.js';

const rows = (cells: (string | number | null)[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));
const looks = (cells: (string | number | null)[][]) => describeNonInventory(rows(cells), new ColumnMatcher());
const refusal = (cells: (string | number | null)[][]) => {
  try {
    model(cells, 'input.csv');
  } catch (error) {
    return (error as InputError).describe();
  }
  return null;
};

describe('tables that are not inventories', () => {
  it('recognizes an event log by its customer id, its time or event column and ids repeating', () => {
    const log = [
      ['user_id', 'event_name', 'timestamp', 'channel'],
      ['u-101', 'signup_completed', '2026-03-01T09:12:00Z', 'web'],
      ['u-101', 'welcome_email_opened', '2026-03-01T09:40:00Z', 'email'],
      ['u-102', 'signup_completed', '2026-03-01T10:02:00Z', 'web'],
      ['u-101', 'project_created', '2026-03-02T08:00:00Z', 'web'],
    ];
    expect(refusal(log)).toBe(
      'input.csv: looks like an event log, one row per customer event (user_id, event_name, timestamp; 4 rows for 2 customers); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...)',
    );
  });

  it('recognizes an A/B test export and a metrics export', () => {
    expect(
      looks([
        ['Experiment', 'Variant', 'Visitors', 'Conversions', 'Conversion rate', 'p-value'],
        ['Onboarding email subject', 'Control', 5120, 410, '8.0%', ''],
      ]),
    ).toMatch(/^looks like an A\/B test export, one row per variant \(Experiment, Variant, Visitors, Conversions\); journey reads inventories/);
    expect(
      looks([
        ['Campaign', 'Date', 'Impressions', 'Clicks', 'CTR', 'Spend', 'Conversions'],
        ['Brand search', '2026-03-01', 12000, 480, '4%', 310.5, 22],
      ]),
    ).toMatch(/^looks like a metrics export, one row per campaign, period or page with its figures \(Date, Impressions, Clicks, CTR\)/);
  });

  it('recognizes a content calendar, even with an editorial Stage column', () => {
    expect(
      refusal([
        ['Publish date', 'Title', 'Author', 'Status', 'Channel'],
        ['2026-03-03', '5 onboarding mistakes', 'Dana', 'Draft', 'Blog'],
      ]),
    ).toMatch(
      /^input\.csv: looks like a content calendar, one row per piece of content \(Publish date, Title, Author, Status\) with no journey stage column; .*add Stage and Touchpoint columns/,
    );
    expect(
      looks([
        ['Title', 'Stage', 'Author', 'Due date'],
        ['Pricing page copy', 'In review', 'Sam', '2026-03-10'],
        ['Case study', 'Draft', 'Ana', '2026-03-12'],
      ]),
    ).toMatch(/content calendar/);
  });

  it('leaves inventories alone, figures and ids included', () => {
    expect(
      looks([
        ['Stage', 'Touchpoint', 'Channel', 'Sent', 'Opens', 'Clicks', 'Conversions'],
        ['Onboarding', 'Welcome email', 'Email', 1000, 400, 80, 12],
      ]),
    ).toBeNull();
    expect(
      looks([
        ['ID', 'Day', 'Touchpoint', 'Channel', 'Owner', 'Sent', 'Open rate', 'Click rate'],
        ['TP-1', 0, 'Welcome email', 'Email', 'Dana', 1000, '40%', '8%'],
      ]),
    ).toBeNull();
    expect(
      looks([
        ['Stage', 'Touchpoint', 'Channel', 'Publish date', 'Title', 'Author'],
        ['Awareness', 'Blog post', 'Blog', '2026-03-01', 'Why', 'Dana'],
      ]),
    ).toBeNull();
    // A send plan with no stage column: touchpoints with their channel and dates, not a content calendar.
    expect(
      looks([
        ['Date', 'Campaign', 'Subject', 'Channel', 'Status'],
        ['2026-03-01', 'Welcome', 'Welcome aboard', 'Email', 'Live'],
      ]),
    ).toBeNull();
    // A sheet that looks like an event log is skipped, saying so, when another holds the inventory.
    const journey = normalize([
      {
        file: 'w.xlsx',
        kind: 'xlsx',
        skipped: [],
        tables: [
          {
            file: 'w.xlsx',
            sheet: 'Events',
            rows: rows([
              ['customer_id', 'event', 'time'],
              ['c1', 'login', '09:00'],
              ['c1', 'logout', '09:30'],
            ]),
          },
          csvFile(
            [
              ['Stage', 'Touchpoint', 'Channel'],
              ['Onboarding', 'Welcome email', 'Email'],
            ],
            'w.xlsx',
          ).tables[0]!,
        ],
      },
    ]);
    expect(journey.files[0]!.sheets[0]!.skipped).toMatch(/^skipped: looks like an event log/);
    expect(journey.touchpoints).toHaveLength(1);
  });
});
