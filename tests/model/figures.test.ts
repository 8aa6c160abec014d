import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { readCsat, readDate, readRate } from '../../src/model/figures.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { check, model } from '../helpers/inventory.js';

describe('figures and the optional columns', () => {
  it('reads a rate written 12%, 0.12 or 12, and a count over sent', () => {
    expect(readRate('12%')).toEqual({ value: 0.12 });
    expect(readRate(0.12)).toEqual({ value: 0.12 });
    expect(readRate('12')).toEqual({ value: 0.12 });
    expect(readRate(1200, 5000)).toEqual({ value: 0.24 });
    expect(readRate(1200)).toHaveProperty('error');
    expect(readRate('lots')).toHaveProperty('error');
    expect(readRate('140%')).toHaveProperty('error');
  });

  it('reads CSAT as a 1–5 score or a percentage, and dates in the usual spellings', () => {
    expect(readCsat(4)).toEqual({ value: 0.8 });
    expect(readCsat('85%')).toEqual({ value: 0.85 });
    expect(readCsat(85)).toEqual({ value: 0.85 });
    expect(readDate(new Date(Date.UTC(2026, 2, 1)))).toEqual({ value: '2026-03-01' });
    expect(readDate('2026/3/1')).toEqual({ value: '2026-03-01' });
    expect(readDate('Mar 2026')).toEqual({ value: '2026-03-01' });
    expect(readDate('15 September 2024')).toEqual({ value: '2024-09-15' });
    expect(readDate('2026-02-30')).toHaveProperty('error');
    expect(readDate('last spring')).toHaveProperty('error');
  });

  it('maps the optional columns by their synonyms into the touchpoint', () => {
    const journey = model([
      [
        'Stage',
        'Touchpoint',
        'Channel',
        'DRI',
        'Sent',
        'Opens',
        'CTR',
        'Conversion',
        'Drop-off',
        'Unsubscribes',
        'NPS',
        'CSAT',
        'Emotion',
        'Pain points',
        'Last reviewed',
        'Status',
      ],
      ['Onboarding', 'Welcome', 'Email', 'Sam', '5,000', 1200, '3%', 0.05, '40', '0.5%', -10, 4, 'frustrated', 'Too long', '2025-01-31', 'live'],
    ]);
    const [touchpoint] = journey.touchpoints;
    expect(touchpoint).toMatchObject({
      owner: 'Sam',
      status: 'live',
      metrics: {
        sent: 5000,
        openRate: 0.24,
        clickRate: 0.03,
        conversionRate: 0.05,
        dropOffRate: 0.4,
        unsubscribeRate: 0.005,
        nps: -10,
        csat: 0.8,
        audience: null,
      },
      sentiment: { score: -1, text: 'frustrated' },
      painPoint: 'Too long',
      lastReviewed: '2025-01-31',
    });
    expect(journey.problems).toEqual([]);
  });

  it('leaves retired rows out and counts them; an unreadable figure is an invalid value naming the cell, an unknown emotion word is kept as text', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Status', 'Sentiment', 'NPS'],
      ['Awareness', 'Old brochure', 'Direct mail', 'Retired', '', ''],
      ['Awareness', 'Ad', 'Paid ads', 'Live', 'meh-ish', 'high'],
    ]);
    expect(journey.touchpoints.map((t) => t.name)).toEqual(['Ad']);
    expect(journey.touchpoints[0]!.sentiment).toEqual({ score: null, text: 'meh-ish' });
    expect(journey.files[0]!.sheets[0]!.retired).toBe(1);
    expect(journey.problems.map((p) => [p.location.cell, p.kind, p.value, p.kind === 'invalid-value' ? p.reason : null]).sort()).toEqual([
      ['F3', 'invalid-value', 'high', { code: 'unreadable', expected: 'nps' }],
    ]);
    // invalid-value puts them in words.
    expect(
      check(invalidValue, journey)
        .map((r) => [r.location.cell, findingSentence(r)])
        .sort(),
    ).toEqual([['F3', 'NPS \'high\' of "Ad" is not an NPS; write a score from -100 to 100']]);
  });

  it('lets extra header names from the config take a column', () => {
    const rows = [
      ['Phase', 'Touchpoint', 'Channel', 'Tribu'],
      ['Awareness', 'Ad', 'Paid ads', 'Marketing'],
    ];
    expect(model(rows).touchpoints[0]!.team).toBeNull();
    const settings = { stageModel: model(rows).stageModel, channels: model(rows).channels, columns: { team: ['Tribu'] } };
    expect(model(rows, 'inventory.csv', settings).touchpoints[0]!.team).toBe('Marketing');
  });
});
