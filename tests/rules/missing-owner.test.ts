import { describe, expect, it } from 'vitest';
import { missingOwner } from '../../src/rules/missing-owner.js';
import { compactPlace } from '../../src/formatters/compact.js';
import { normalize } from '../../src/model/normalize.js';
import { check, model } from '../helpers/inventory.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(missingOwner, {
  valid: [{ name: 'every touchpoint has a team', rows: [{ Persona: 'P', Stage: 'Awareness', Touchpoint: 'Ad', Team: 'Marketing', Channel: 'Paid ads' }] }],
  invalid: [
    {
      name: 'a blank team cell',
      rows: [
        { Persona: 'P', Stage: 'Awareness', Touchpoint: 'Pricing page', Team: '', Channel: 'Website' },
        { Persona: 'P', Stage: 'Awareness', Touchpoint: 'Ad', Team: 'Marketing', Channel: 'Paid ads' },
      ],
      expect: [{ cell: 'Team 2', message: '"Pricing page" has no owning team', fix: 'fill in the team responsible for it.' }],
    },
    {
      name: 'a sheet with no team column, once, not every row',
      rows: [
        { Stage: 'Awareness', Touchpoint: 'Ad', Channel: 'Paid ads' },
        { Stage: 'Decision', Touchpoint: 'Demo', Channel: 'Video call' },
      ],
      expect: [{ cell: null, message: 'This file has no team column', fix: 'add one so every touchpoint has an owning team.' }],
    },
  ],
});

describe('missing-owner', () => {
  it('places a missing team column at the header row of the file', () => {
    const reports = check(
      missingOwner,
      model([
        ['Stage', 'Touchpoint', 'Channel'],
        ['Awareness', 'Ad', 'Paid ads'],
      ]),
    );
    expect(reports[0]!.location).toMatchObject({ file: 'inventory.csv', row: 1, cell: null });
  });

  it('names the sheet of a workbook, or the heading of a markdown table, in the words and where the finding is', () => {
    const rows = [['Stackwise inventory'], [], ['Stage', 'Touchpoint', 'Channel'], ['Awareness', 'Ad', 'Paid ads']].map((cells, i) => ({ row: i + 1, cells }));
    const workbook = normalize([
      { file: 'inventories/stackwise.xlsx', kind: 'xlsx', skipped: [], tables: [{ file: 'inventories/stackwise.xlsx', sheet: 'Q3 Buyer', rows }] },
    ]);
    const [sheet] = check(missingOwner, workbook);
    expect(sheet!.message).toBe('Sheet "Q3 Buyer" has no team column');
    expect(sheet!.location).toMatchObject({ sheet: 'Q3 Buyer', row: 3, cell: null });
    expect(compactPlace(sheet!.location)).toBe("inventories/stackwise.xlsx:'Q3 Buyer'!3:3");
    const markdown = normalize([
      {
        file: 'playbook.md',
        kind: 'markdown',
        skipped: [],
        tables: [{ file: 'playbook.md', sheet: 'Onboarding', rows: rows.slice(2).map((r, i) => ({ ...r, row: 14 + i * 2 })), lines: true }],
      },
    ]);
    const [table] = check(missingOwner, markdown);
    expect(table!.message).toBe('The table under "Onboarding" has no team column');
    expect(compactPlace(table!.location)).toBe('playbook.md:14');
  });
});
