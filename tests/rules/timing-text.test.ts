import { describe, expect, it } from 'vitest';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { timingText } from '../../src/rules/timing-text.js';
import { model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Stage: string, Touchpoint: string, Channel: string, Timing: string): Row => ({ Stage, Touchpoint, Channel, Timing });
const mostlyWords = [
  touch('Awareness', 'Launch post', 'Blog', 'Q3'),
  touch('Onboarding', 'Welcome email', 'Email', 'At signup'),
  touch('Onboarding', 'Kickoff call', 'Video call', 'Week 2'),
  touch('Adoption', 'Tips newsletter', 'Email', 'Ongoing'),
  touch('Retention', 'QBR', 'Video call', 'Any time'),
  touch('Retention', 'Renewal nudge', 'Email', '1.5x cycle'),
];
const mostlyDays = [touch('Awareness', 'A', 'Blog', '0'), touch('Awareness', 'B', 'Blog', 'Day 3'), touch('Awareness', 'C', 'Blog', 'soon')];

ruleTester(timingText, {
  valid: [{ name: "a column of mostly days (its odd cells are invalid-value's)", rows: mostlyDays }],
  invalid: [
    {
      name: 'a column of mostly timing words, once, at its header',
      rows: mostlyWords,
      expect: [
        {
          cell: 'Timing 1',
          message: "Column D holds timing words rather than days in 4 rows ('Q3', 'Ongoing', 'Any time'); day-based checks use the 2 rows with a day",
          fix: 'write day offsets (e.g. 14) where timing matters',
        },
      ],
    },
  ],
});

ruleTester(invalidValue, {
  valid: [{ name: 'timing words in a column of mostly words are not invalid values', rows: mostlyWords }],
  invalid: [{ name: 'an odd cell in a column of mostly days', rows: mostlyDays, expect: [{ cell: 'Timing 4', messageIncludes: "'soon'" }] }],
});

describe('timing-text', () => {
  it('reads timing words that name a day and keeps the rest as timing text', () => {
    const header = Object.keys(mostlyWords[0]!);
    const journey = model([header, ...mostlyWords.map((row) => header.map((key) => row[key]!))]);
    expect(journey.touchpoints.map((t) => [t.day, t.timing])).toEqual([
      [null, 'Q3'],
      [0, null],
      [7, null],
      [null, 'Ongoing'],
      [null, 'Any time'],
      [null, '1.5x cycle'],
    ]);
  });

  it.each([
    ['Day 14', 14],
    ['D3', 3],
    ['+3 days', 3],
    ['Week 2', 7],
    ['W2', 7],
    ['Month 3', 60],
    ['Day 1-3', 1],
    ['Days 1–3', 1],
    ['2 weeks', 14],
    ['two weeks', 14],
    ['T+3', 3],
    ['3 days after signup', 3],
    ['At signup', 0],
    ['Immediately', 0],
  ])('reads %s as day %i', (text, day) => {
    expect(
      model([
        ['Stage', 'Touchpoint', 'Channel', 'Timing'],
        ['Awareness', 'A', 'Blog', text],
      ]).touchpoints[0]!.day,
    ).toBe(day);
  });
});
