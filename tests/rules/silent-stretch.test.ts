import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { silentStretch } from '../../src/rules/silent-stretch.js';
import { check, model } from '../helpers/inventory.js';

const HEAD = ['Day', 'Touchpoint', 'Channel', 'Team', 'Direction', 'Frequency'];

describe('silent-stretch', () => {
  it('reports a gap longer than maxDays between consecutive touchpoints, at the later day cell', () => {
    const reports = check(silentStretch, model([HEAD, [0, 'Welcome email', 'Email', 'M', '', ''], [7, 'Tips email', 'Email', 'M', '', ''], [45, 'Check-in call', 'Phone', 'CS', '', '']]));
    expect(reports.map((r) => [r.location.cell, r.related.map((l) => l.cell), findingSentence(r)])).toEqual([
      ['A4', ['A3'], 'inventory hears nothing for 38 days, from "Tips email" (day 7) to "Check-in call" (day 45); add a touchpoint in between or bring "Check-in call" forward to keep the silence under 30 days.'],
    ]);
  });

  it.each([
    ['a gap of exactly maxDays', [[0, 'A', 'Email', 'M', '', ''], [30, 'B', 'Email', 'M', '', '']]],
    ['a gap filled by a recurring touchpoint started by then', [[0, 'Newsletter', 'Email', 'M', '', 'Monthly'], [5, 'A', 'Email', 'M', '', ''], [90, 'B', 'Email', 'M', '', '']]],
    ['inbound touchpoints, which do not reach out', [[0, 'A', 'Email', 'M', '', ''], [60, 'Help article', 'Help center', 'S', 'Inbound', '']]],
    ['rows without a day', [[0, 'A', 'Email', 'M', '', ''], [null, 'B', 'Email', 'M', '', '']]],
  ])('is silent for %s', (_, rows) => {
    expect(check(silentStretch, model([HEAD, ...(rows as (string | number | null)[][])]))).toEqual([]);
  });

  it('still reports when the recurring touchpoint is too rare to fill the gap, or starts after it', () => {
    const rare = model([HEAD, [0, 'Quarterly review', 'Phone', 'CS', '', 'Quarterly'], [5, 'A', 'Email', 'M', '', ''], [90, 'B', 'Email', 'M', '', '']]);
    expect(check(silentStretch, rare)).toHaveLength(1);
    const late = model([HEAD, [0, 'A', 'Email', 'M', '', ''], [60, 'Newsletter', 'Email', 'M', '', 'Weekly']]);
    expect(check(silentStretch, late)).toHaveLength(1);
  });

  it('checks each persona on its own and honours maxDays', () => {
    const journey = model([['Persona', ...HEAD], ['P', 0, 'A', 'Email', 'M', '', ''], ['Q', 20, 'B', 'Email', 'M', '', ''], ['P', 20, 'C', 'Email', 'M', '', '']]);
    expect(check(silentStretch, journey)).toEqual([]);
    expect(check(silentStretch, journey, { maxDays: 10 }).map((r) => r.persona)).toEqual(['P']);
  });

  it('runs on staged inventories too, naming the later touchpoint\'s stage', () => {
    const journey = model([['Stage', ...HEAD], ['Onboarding', 0, 'A', 'Email', 'M', '', ''], ['Retention', 90, 'B', 'Email', 'CS', '', '']]);
    expect(check(silentStretch, journey).map((r) => r.stage)).toEqual(['retention']);
  });
});
