import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { duplicateHeader } from '../../src/rules/duplicate-header.js';
import { check, model } from '../helpers/inventory.js';

describe('duplicate-header', () => {
  it('reports a second header cell for the same field at its cell, and reads the first column', () => {
    const journey = model([['Stage', 'Touchpoint', 'Channel', 'Owner', 'Medium'], ['Awareness', 'Ad', 'Paid ads', 'Marketing', 'Nonsense']]);
    const reports = check(duplicateHeader, journey);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.location.cell).toBe('E1');
    expect(findingSentence(reports[0]!)).toContain('second channel column (column C is used)');
    expect(journey.touchpoints[0]!.channel).toBe('paid-ads');
  });

  it('is silent when every header names a different field', () => {
    expect(check(duplicateHeader, model([['Stage', 'Touchpoint', 'Channel', 'Owner'], ['Awareness', 'Ad', 'Paid ads', 'Marketing']]))).toEqual([]);
  });
});
