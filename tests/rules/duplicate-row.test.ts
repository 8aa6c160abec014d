import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { duplicateRow } from '../../src/rules/duplicate-row.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const welcome = ['P', 'Onboarding', 'Welcome email', 'CS', 'Email', 'Automatic', 'Outbound', 1, 'Once'];

describe('duplicate-row', () => {
  it('fires at the copy, with the original related', () => {
    const reports = check(duplicateRow, model([HEADER, welcome, ['P', 'Onboarding', 'Tips', 'CS', 'Email', '', '', '', ''], [...welcome]]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('Row 4 repeats row 2 ("Welcome email") in every column; delete the copy.');
    expect(reports[0]!.location.cell).toBe('C4');
    expect(reports[0]!.related[0]!.cell).toBe('C2');
  });

  it('treats spellings that read the same as the same, and any differing column as different', () => {
    expect(check(duplicateRow, model([HEADER, welcome, ['P', 'Onboarding', 'Welcome email', 'CS', 'e-mail', 'automated', 'Outbound', 1, 'Once']]))).toHaveLength(1);
    expect(check(duplicateRow, model([HEADER, welcome, ['P', 'Onboarding', 'Welcome email', 'CS', 'Email', 'Automatic', 'Outbound', 8, 'Once']]))).toEqual([]);
    expect(check(duplicateRow, model([HEADER, welcome, ['Q', 'Onboarding', 'Welcome email', 'CS', 'Email', 'Automatic', 'Outbound', 1, 'Once']]))).toEqual([]);
  });

  it('tells apart different rows whose values hash alike, and still finds copies of each', () => {
    // Days 1 and 4097 mix the same bits into the row hash (4096 × 2^20 wraps past 2^32).
    const later = ['P', 'Onboarding', 'Welcome email', 'CS', 'Email', 'Automatic', 'Outbound', 4097, 'Once'];
    expect(check(duplicateRow, model([HEADER, welcome, later]))).toEqual([]);
    const copies = check(duplicateRow, model([HEADER, welcome, later, [...later], [...welcome]]));
    expect(copies.map((r) => findingSentence(r))).toEqual([
      'Row 4 repeats row 3 ("Welcome email") in every column; delete the copy.',
      'Row 5 repeats row 2 ("Welcome email") in every column; delete the copy.',
    ]);
  });
});
