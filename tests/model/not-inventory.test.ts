import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Normalizer, normalize } from '../../src/model/normalize.js';
import { ColumnMatcher } from '../../src/model/columns.js';
import { describeNonInventory, recognizeNonInventory } from '../../src/model/normalize/not-inventory.js';
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
      'input.csv: looks like an event log, one row per customer event: 4 rows for 2 customers, 2026-03-01 to 2026-03-02 (user "user_id", time "timestamp", event "event_name"); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...). To measure the journey in it, run: journey measure input.csv --user user_id --time timestamp --event event_name (add --inventory with your inventory to set it against its touchpoints)',
    );
  });

  it('takes a table for an event log by its evidence: customers on several dated rows, whatever stage, channel and touchpoint columns it has', () => {
    // A CRM export: named contacts, a date per row, and the stage, channel and touchpoint of each interaction.
    expect(
      looks([
        ['Customer', 'Interaction Date', 'Stage', 'Channel', 'Touchpoint', 'Type'],
        ['Ana Silva', '2024-01-03', 'Awareness', 'Email', 'Welcome newsletter', 'Email Open'],
        ['Ben Ode', '2024-01-03', 'Awareness', 'Email', 'Welcome newsletter', 'Email Open'],
        ['Ana Silva', '2024-01-05', 'Consideration', 'Web', 'Pricing page', 'Page View'],
        ['Cara Li', '2024-01-06', 'Awareness', 'Social', 'Spring ad', 'Ad Click'],
        ['Ben Ode', '2024-01-07', 'Decision', 'Email', 'Trial reminder', 'Email Click'],
      ]),
    ).toMatch(
      /^looks like an event log, .*: 5 rows for 3 customers, 2024-01-03 to 2024-01-07 \(user "Customer", time "Interaction Date", event "Touchpoint"\)/,
    );
    // A PostHog export: distinct ids, ISO timestamps, $-prefixed events.
    expect(
      looks([
        ['distinct_id', 'timestamp', 'event', '$current_url'],
        ['u_1', '2024-03-01T10:00:00Z', '$pageview', 'https://x.io/'],
        ['u_2', '2024-03-01T10:01:00Z', '$pageview', 'https://x.io/pricing'],
        ['u_1', '2024-03-01T10:02:00Z', 'signed_up', 'https://x.io/signup'],
      ]),
    ).toMatch(/journey measure input\.csv --user distinct_id --time timestamp --event event /);
    // A process log with day-first times and a stage column: the command says how to read the times.
    expect(
      looks([
        ['Case', 'Activity', 'Start', 'Resource', 'Stage'],
        ['1001', 'Register request', '01/02/2024 09:00', 'Pete', 'Intake'],
        ['1001', 'Examine', '02/02/2024 10:00', 'Sue', 'Review'],
        ['1002', 'Register request', '02/02/2024 11:00', 'Mike', 'Intake'],
        ['1001', 'Decide', '05/02/2024 12:00', 'Sara', 'Decision'],
      ]),
    ).toMatch(/4 rows for 2 customers, 2024-02-01 to 2024-02-05 .*--user Case --time Start --event Activity --time-format '%d\/%m\/%Y %H:%M'/);
    // No id header at all: account codes met on several dated rows.
    expect(
      looks([
        ['Ref', 'When', 'What happened'],
        ['ACC-1001', '2026-02-01 09:10', 'Welcome email'],
        ['ACC-1002', '2026-02-01 09:12', 'Welcome email'],
        ['ACC-1001', '2026-02-02 10:00', 'Kickoff call'],
      ]),
    ).toMatch(/user "Ref", time "When", event "What happened"/);
    // Column names a shell would split are quoted in the suggested command.
    expect(
      describeNonInventory(
        rows([
          ['Contact ID', "Sent at (it's UTC)", 'Event'],
          ['c1', '2026-03-01', 'open'],
          ['c1', '2026-03-02', 'click'],
          ['c2', '2026-03-02', 'open'],
        ]),
        new ColumnMatcher(),
        { file: 'my events.csv', sheet: null },
      ),
    ).toContain(`journey measure 'my events.csv' --user 'Contact ID' --time 'Sent at (it'\\''s UTC)' --event Event`);
  });

  it('counts the whole table, not the rows it was recognized on', async () => {
    const log = [['user_id', 'event', 'timestamp']];
    for (let i = 0; i < 500; i++) log.push([`u${i < 40 ? i % 7 : i % 211}`, 'open', `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`]);
    const found = recognizeNonInventory(rows(log.slice(0, 31)), new ColumnMatcher())!;
    for (const [i, cells] of log.slice(31).entries()) found.count({ row: 32 + i, cells });
    expect(found.message({ file: 'e.csv', sheet: null })).toMatch(/: 500 rows for 211 customers, 2026-03-01 to 2026-03-28 /);
    // A streamed CSV is recognized on its first rows and counted to its end.
    const streamed = new Normalizer().addStreamed('e.csv', async (onRow) => {
      for (const row of rows(log)) onRow(row);
    });
    await expect(streamed).rejects.toThrow(/^looks like an event log, one row per customer event: 500 rows for 211 customers, 2026-03-01 to 2026-03-28 /);
  });

  it('leaves a dated plan alone, though its owners repeat and are e-mail addresses or names', () => {
    expect(
      looks([
        ['Email', 'Send date', 'Owner', 'Channel'],
        ['Spring teaser', '2026-03-02', 'dana@example.com', 'Email'],
        ['Launch announcement', '2026-03-09', 'dana@example.com', 'Email'],
        ['Webinar invite', '2026-03-11', 'sam@example.com', 'Email'],
        ['Launch recap', '2026-03-24', 'dana@example.com', 'Email'],
      ]),
    ).toBeNull();
    expect(
      looks([
        ['Touchpoint', 'Date', 'Contact', 'Channel'],
        ['Spring teaser', '2026-03-02', 'Dana Smith', 'Email'],
        ['Launch announcement', '2026-03-09', 'Dana Smith', 'Email'],
        ['Webinar invite', '2026-03-11', 'Sam Lee', 'Webinar'],
        ['Webinar reminder', '2026-03-17', 'Sam Lee', 'Email'],
        ['Launch recap', '2026-03-24', 'Dana Smith', 'Email'],
      ]),
    ).toBeNull();
    // A segment column ("New customers") is who a touchpoint is for, not a customer.
    expect(
      looks([
        ['Customer', 'Date', 'Touchpoint', 'Channel'],
        ['New customers', '2026-03-02', 'Welcome', 'Email'],
        ['New customers', '2026-03-04', 'Setup tips', 'Email'],
        ['All customers', '2026-03-09', 'Newsletter', 'Email'],
      ]),
    ).toBeNull();
  });

  it('names a campaign metrics export as one', () => {
    expect(
      looks([
        ['Title', 'Subject', 'Send Date', 'Total Recipients', 'Unique Opens', 'Open Rate', 'Unique Clicks', 'Unsubscribes'],
        ['Digest #1', 'This week', '2026-01-05', '5120', '2011', '39.3%', '240', '4'],
        ['Digest #2', 'This week', '2026-01-12', '5140', '1980', '38.5%', '231', '6'],
      ]),
    ).toMatch(
      /^looks like a campaign metrics export, one row per campaign send with what the e-mail tool counted: 2 rows, 2026-01-05 to 2026-01-12 \(Title, Send Date, Total Recipients, Unique Opens, Open Rate, Unique Clicks\)/,
    );
  });

  it('reads an e-mail flow map with its figures as a plan, not as a campaign export: its rows have a delay of their own', () => {
    expect(
      looks([
        ['Email', 'Trigger', 'Delay', 'Sent', 'Open rate', 'Click rate', 'Conv %'],
        ['Welcome email', 'Signup', '0 days', '1200', '62%', '18%', '4%'],
        ['Getting started tips', 'Welcome opened', '2 days', '1100', '48%', '12%', '3%'],
        ['Trial ending reminder', 'Trial day 12', '12 days', '800', '55%', '20%', '8%'],
      ]),
    ).toBeNull();
  });

  it('recognizes an A/B test export and a metrics export', () => {
    expect(
      looks([
        ['Experiment', 'Variant', 'Visitors', 'Conversions', 'Conversion rate', 'p-value'],
        ['Onboarding email subject', 'Control', 5120, 410, '8.0%', ''],
      ]),
    ).toMatch(/^looks like an A\/B test export, one row per variant: 1 row \(Experiment, Variant, Visitors, Conversions\); journey reads inventories/);
    expect(
      looks([
        ['Campaign', 'Date', 'Impressions', 'Clicks', 'CTR', 'Spend', 'Conversions'],
        ['Brand search', '2026-03-01', 12000, 480, '4%', 310.5, 22],
      ]),
    ).toMatch(/^looks like a metrics export, one row per campaign, period or page with its figures: 1 row, 2026-03-01 \(Date, Impressions, Clicks, CTR\)/);
  });

  it('recognizes a content calendar, even with an editorial Stage column', () => {
    expect(
      refusal([
        ['Publish date', 'Title', 'Author', 'Status', 'Channel'],
        ['2026-03-03', '5 onboarding mistakes', 'Dana', 'Draft', 'Blog'],
      ]),
    ).toMatch(
      /^input\.csv: looks like a content calendar, one row per piece of content: 1 row, 2026-03-03 \(Publish date, Title, Author, Status\) with no journey stage column; .*add Stage and Touchpoint columns/,
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
