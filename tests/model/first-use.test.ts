import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/formatters/report.js';
import { buildOverview } from '../../src/engine/overview.js';
import type { AuditResult } from '../../src/engine/result.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { oneWayStage } from '../../src/rules/one-way-stage.js';
import { check, csvFile, model } from '../helpers/inventory.js';
import { OPTIONS, resultWith } from '../helpers/results.js';
import { normalize } from '../../src/model/normalize.js';

// What a new user's own inventories showed journey reading wrongly, pinned.
describe('inventories as a first-time user writes them', () => {
  it('reads timing words in a day column as timing, never as invalid days, and takes a cadence or "ongoing" from them', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Timing'],
      ['Awareness', 'Instagram', 'Social', 'Ongoing'],
      ['Decision', 'Checkout', 'Website', 'Day 0'],
      ['Onboarding', 'Welcome', 'Email', 'Day 1'],
      ['Onboarding', 'Setup tips', 'Email', 'Day 4'],
      ['Retention', 'Points reminder', 'Email', 'Monthly'],
      ['Retention', 'Catalog', 'Direct mail', 'Quarterly'],
      ['Retention', 'Survey', 'Survey', 'As needed'],
      ['Retention', 'Win-back', 'Email', 'Day 90'],
    ]);
    expect(check(invalidValue, journey)).toEqual([]);
    expect(journey.problems).toEqual([]);
    const byName = new Map(journey.touchpoints.map((t) => [t.name, t]));
    expect(byName.get('Instagram')).toMatchObject({ mode: 'ongoing', timing: 'Ongoing', day: null });
    expect(byName.get('Points reminder')!.frequency).toMatchObject({ cadence: 'monthly', recurring: true });
    expect(byName.get('Catalog')!.frequency).toMatchObject({ cadence: 'quarterly', recurring: true });
    expect(byName.get('Survey')!.frequency).toBeNull();
  });

  it('still reports a word in a column of days that says no timing ("soon")', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Day'],
      ['Onboarding', 'A', 'Email', 0],
      ['Onboarding', 'B', 'Email', 3],
      ['Onboarding', 'C', 'Email', 'soon'],
    ]);
    expect(check(invalidValue, journey).map((r) => r.location.cell)).toEqual(['D4']);
  });

  it('reports formula errors in day and figure cells at their cell', () => {
    const journey = normalize([
      {
        file: 'f.xlsx',
        kind: 'xlsx',
        skipped: [],
        tables: [
          {
            file: 'f.xlsx',
            sheet: 'S',
            rows: [
              { row: 1, cells: ['Stage', 'Touchpoint', 'Channel', 'Day', 'Conversion rate', 'KPI'] },
              { row: 2, cells: ['Onboarding', 'Welcome', 'Email', { error: '#DIV/0!' }, { error: '#DIV/0!' }, { error: '#N/A' }] },
            ],
          },
        ],
      },
    ]);
    expect(
      check(invalidValue, journey)
        .map((r) => [r.location.cell, r.message])
        .sort(),
    ).toEqual([
      ['S!D2', 'Day cell shows the formula error #DIV/0!'],
      ['S!E2', 'Conversion rate cell shows the formula error #DIV/0!'],
      ['S!F2', 'KPI cell shows the formula error #N/A'],
    ]);
  });

  it('reads channel_type as the channel, and "How the customer feels" as the sentiment', () => {
    const journey = model([
      ['lifecycle_stage', 'campaign_name', 'channel_type', 'How the customer feels'],
      ['onboarding', 'Welcome', 'email', 'Relieved'],
    ]);
    expect(journey.files[0]!.sheets[0]!.columns).toEqual({ stage: 'A', touchpoint: 'B', channel: 'C', sentiment: 'D' });
    expect(journey.touchpoints[0]).toMatchObject({ channel: 'email', sentiment: { score: 1 } });
  });

  it.each([
    ['Email (Braze)', ['email']],
    ['Web / Chat', ['website', 'chat']],
    ['TV', ['paid-ads']],
    ['Radio + Billboard', ['paid-ads']],
    ['Web chat', ['chat']],
  ])('reads the channel cell %s as %j', (text, channels) => {
    expect(
      model([
        ['Stage', 'Touchpoint', 'Channel'],
        ['Awareness', 'A', text],
      ]).touchpoints[0]!.channels,
    ).toEqual(channels);
  });

  it('calls a stage one-way only when Direction or Mode says its touchpoints are outbound', () => {
    const rows = [
      ['Stage', 'Touchpoint', 'Channel'],
      ['Decision', 'Proposal email', 'Email'],
      ['Decision', 'Pricing sheet', 'Direct mail'],
    ];
    expect(check(oneWayStage, model(rows))).toEqual([]);
    expect(check(oneWayStage, model(rows.map((row, i) => [...row, i === 0 ? 'Direction' : 'Outbound'])))).toHaveLength(1);
  });

  it('shows a timeline in the gap report without stage gaps', () => {
    const loaded = csvFile(
      [
        ['Day', 'Touchpoint', 'Channel'],
        [0, 'Welcome', 'Email'],
        [3, 'Tips', 'Email'],
      ],
      'drip.csv',
    );
    const journey = normalize([loaded]);
    const result: AuditResult = {
      ...resultWith([], [{ file: 'drip.csv', kind: 'csv', sheets: journey.files[0]!.sheets, personas: ['drip'], touchpoints: 2, error: null }]),
      overviews: [buildOverview(journey, 'drip.csv')],
    };
    const output = formatReport(result, OPTIONS);
    const text = typeof output === 'string' ? output : [...output].join('');
    expect(text).not.toContain('0 — gap');
    expect(text).not.toContain('### Handoff timeline');
    expect(text).toContain('| *Unplaced* (stage unknown or not given) | 2 | — | 2 |');
  });
});
