import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { missingOwner } from '../../src/rules/missing-owner.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('missing-owner', () => {
  it('fires at the blank team cell', () => {
    const reports = check(missingOwner, model([HEADER, ['P', 'Awareness', 'Pricing page', '', 'Website', '', '', '', ''], ['P', 'Awareness', 'Ad', 'Marketing', 'Paid ads', '', '', '', '']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('"Pricing page" has no owning team; fill in the team responsible for it.');
    expect(reports[0]!.location.cell).toBe('D2');
  });

  it('reports a sheet with no team column once, not every row', () => {
    const reports = check(missingOwner, model([['Stage', 'Touchpoint', 'Channel'], ['Awareness', 'Ad', 'Paid ads'], ['Decision', 'Demo', 'Video call']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('The inventory has no team column; add one so every touchpoint has an owning team.');
    expect(reports[0]!.location).toMatchObject({ file: 'inventory.csv', row: 1, cell: null });
  });
});
