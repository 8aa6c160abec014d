import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { timingText } from '../../src/rules/timing-text.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Stage', 'Touchpoint', 'Channel', 'Timing'];

describe('timing-text', () => {
  it('reads timing words that name a day, keeps the rest as timing text, and says so once for a column of mostly words', () => {
    const journey = model([
      header,
      ['Awareness', 'Launch post', 'Blog', 'Q3'],
      ['Onboarding', 'Welcome email', 'Email', 'At signup'],
      ['Onboarding', 'Kickoff call', 'Video call', 'Week 2'],
      ['Adoption', 'Tips newsletter', 'Email', 'Ongoing'],
      ['Retention', 'QBR', 'Video call', 'Any time'],
      ['Retention', 'Renewal nudge', 'Email', '1.5x cycle'],
    ]);
    expect(journey.touchpoints.map((t) => [t.day, t.timing])).toEqual([[null, 'Q3'], [0, null], [7, null], [null, 'Ongoing'], [null, 'Any time'], [null, '1.5x cycle']]);
    const reports = check(timingText, journey);
    expect(reports.map((r) => [r.location.cell, findingSentence(r)])).toEqual([
      ['D1', "Column D holds timing words rather than days in 4 rows ('Q3', 'Ongoing', 'Any time'); day-based checks use the 2 rows with a day; write day offsets (e.g. 14) where timing matters"],
    ]);
    expect(check(invalidValue, journey)).toEqual([]);
  });

  it('leaves a column of mostly days to invalid-value, one finding per odd cell', () => {
    const journey = model([header, ['Awareness', 'A', 'Blog', '0'], ['Awareness', 'B', 'Blog', 'Day 3'], ['Awareness', 'C', 'Blog', 'soon']]);
    expect(check(timingText, journey)).toEqual([]);
    expect(check(invalidValue, journey).map((r) => r.location.cell)).toEqual(['D4']);
  });

  it.each([
    ['Day 14', 14], ['D3', 3], ['+3 days', 3], ['Week 2', 7], ['W2', 7], ['Month 3', 60], ['Day 1-3', 1], ['Days 1–3', 1],
    ['2 weeks', 14], ['two weeks', 14], ['T+3', 3], ['3 days after signup', 3], ['At signup', 0], ['Immediately', 0],
  ])('reads %s as day %i', (text, day) => {
    expect(model([header, ['Awareness', 'A', 'Blog', text]]).touchpoints[0]!.day).toBe(day);
  });
});
