import { describe, expect, it } from 'vitest';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('invalid-value', () => {
  it('reports days that are not whole numbers of days at their cell', () => {
    const reports = check(invalidValue, model([
      HEADER,
      ['P', 'Onboarding', 'A', 'CS', 'Email', '', '', 'soon', ''],
      ['P', 'Onboarding', 'B', 'CS', 'Email', '', '', '-5', ''],
      ['P', 'Onboarding', 'C', 'CS', 'Email', '', '', '2.5', ''],
      ['P', 'Onboarding', 'D', 'CS', 'Email', '', '', 'Day 14', ''],
      ['P', 'Onboarding', 'E', 'CS', 'Email', '', '', 'two weeks', ''],
    ]));
    expect(reports.map((r) => r.location.cell).sort()).toEqual(['H2', 'H3', 'H4']);
    expect(reports.find((r) => r.location.cell === 'H3')!.message).toContain('is negative');
  });

  it('reports a mode or direction outside its set, and rows missing required values', () => {
    const reports = check(invalidValue, model([
      HEADER,
      ['P', 'Onboarding', 'A', 'CS', 'Email', 'Sometimes', 'Sideways', '', ''],
      ['P', 'Onboarding', '', 'CS', 'Email', '', '', '', ''],
      ['P', 'Onboarding', 'C', 'CS', '', '', '', '', ''],
    ]));
    expect(reports.map((r) => r.location.cell)).toEqual(['F2', 'G2', 'C3', 'E4']);
  });

  it('is silent on valid values', () => {
    expect(check(invalidValue, model([HEADER, ['P', 'Onboarding', 'A', 'CS', 'Email', 'automated', 'out', '3', 'weekly']]))).toEqual([]);
  });
});
