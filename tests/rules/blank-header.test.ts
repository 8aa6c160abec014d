import { describe, expect, it } from 'vitest';
import { blankHeader } from '../../src/rules/blank-header.js';
import { check, model } from '../helpers/inventory.js';

describe('blank-header', () => {
  it('reports a blank header cell over a column that holds data', () => {
    const reports = check(blankHeader, model([['Stage', 'Touchpoint', 'Channel', ''], ['Awareness', 'Ad', 'Paid ads', '42%']]));
    expect(reports.map((r) => r.location.cell)).toEqual(['D1']);
  });

  it('is silent for blank header cells over empty columns', () => {
    expect(check(blankHeader, model([['Stage', '', 'Touchpoint', 'Channel'], ['Awareness', '', 'Ad', 'Paid ads']]))).toEqual([]);
  });
});
