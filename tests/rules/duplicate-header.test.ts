import { describe, expect, it } from 'vitest';
import { duplicateHeader } from '../../src/rules/duplicate-header.js';
import { model } from '../helpers/inventory.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(duplicateHeader, {
  valid: [{ name: 'every header names a different field', rows: [{ Stage: 'Awareness', Touchpoint: 'Ad', Channel: 'Paid ads', Owner: 'Marketing' }] }],
  invalid: [
    {
      name: 'a second header cell for the same field, at its cell',
      rows: [{ Stage: 'Awareness', Touchpoint: 'Ad', Channel: 'Paid ads', Owner: 'Marketing', Medium: 'Nonsense' }],
      expect: [{ cell: 'Medium 1', message: "Header 'Medium' in column E is a second channel column (column C is used)", fix: 'rename or remove one of them' }],
    },
  ],
});

describe('duplicate-header', () => {
  it('reads the first column of the field', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Owner', 'Medium'],
      ['Awareness', 'Ad', 'Paid ads', 'Marketing', 'Nonsense'],
    ]);
    expect(journey.touchpoints[0]!.channel).toBe('paid-ads');
  });
});
