import { describe, expect, it } from 'vitest';
import { missingOwner } from '../../src/rules/missing-owner.js';
import { check, model } from '../helpers/inventory.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(missingOwner, {
  valid: [{ name: 'every touchpoint has a team', rows: [{ Persona: 'P', Stage: 'Awareness', Touchpoint: 'Ad', Team: 'Marketing', Channel: 'Paid ads' }] }],
  invalid: [
    {
      name: 'a blank team cell',
      rows: [{ Persona: 'P', Stage: 'Awareness', Touchpoint: 'Pricing page', Team: '', Channel: 'Website' }, { Persona: 'P', Stage: 'Awareness', Touchpoint: 'Ad', Team: 'Marketing', Channel: 'Paid ads' }],
      expect: [{ cell: 'Team 2', message: '"Pricing page" has no owning team', fix: 'fill in the team responsible for it.' }],
    },
    {
      name: 'a sheet with no team column, once, not every row',
      rows: [{ Stage: 'Awareness', Touchpoint: 'Ad', Channel: 'Paid ads' }, { Stage: 'Decision', Touchpoint: 'Demo', Channel: 'Video call' }],
      expect: [{ cell: null, message: 'The inventory has no team column', fix: 'add one so every touchpoint has an owning team.' }],
    },
  ],
});

describe('missing-owner', () => {
  it('places a missing team column at the header row of the file', () => {
    const reports = check(missingOwner, model([['Stage', 'Touchpoint', 'Channel'], ['Awareness', 'Ad', 'Paid ads']]));
    expect(reports[0]!.location).toMatchObject({ file: 'inventory.csv', row: 1, cell: null });
  });
});
