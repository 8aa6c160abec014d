import { describe, expect, it } from 'vitest';
import { monthsBetween, staleReview } from '../../src/rules/stale-review.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Channel: string, reviewed: string): Row => ({ Stage: 'Onboarding', Touchpoint, Channel, 'Last reviewed': reviewed });
const today = '2026-11-25';

ruleTester(staleReview, {
  valid: [
    { name: 'a date twelve whole months ago', rows: [touch('Tips', 'Email', '2025-11-25')], today },
    { name: 'no date', rows: [touch('Tips', 'Email', '')] },
  ],
  invalid: [
    {
      name: 'a date older than the limit, at its cell',
      rows: [touch('Setup guide', 'Help center', '2024-09-15'), touch('Tips', 'Email', '2026-01-01')],
      today,
      expect: [
        {
          cell: 'Last reviewed 2',
          message: '"Setup guide" was last reviewed on 2024-09-15, 26 months ago (limit 12)',
          fix: 'review it and update the date, or mark it retired.',
        },
      ],
    },
    {
      name: 'one finding per persona with the count and the oldest date, at the oldest, not one per row',
      rows: [
        { ...touch('Tips', 'Email', '2024-01-10'), Persona: 'Admin' },
        { ...touch('Setup guide', 'Help center', '2023-03-01'), Persona: 'Admin' },
        { ...touch('Kickoff', 'Video call', '2025-02-01'), Persona: 'Admin' },
        { ...touch('Welcome', 'Email', '2026-10-01'), Persona: 'Admin' },
        { ...touch('Proposal', 'Email', '2024-05-05'), Persona: 'Buyer' },
      ],
      today,
      expect: [
        {
          cell: 'Last reviewed 3',
          message: '3 touchpoints of Admin were last reviewed more than 12 months ago, the oldest "Setup guide" on 2023-03-01 (44 months)',
          fix: 'review them and update their dates, or mark the ones no longer sent retired.',
          related: ['Last reviewed 2', 'Last reviewed 4'],
          persona: 'Admin',
        },
        { cell: 'Last reviewed 6', message: '"Proposal" was last reviewed on 2024-05-05, 30 months ago (limit 12)' },
      ],
    },
    {
      name: 'the maxAgeMonths option',
      rows: [touch('Tips', 'Email', '2026-01-01')],
      options: { maxAgeMonths: 6 },
      today,
      expect: [{ cell: 'Last reviewed 2', messageIncludes: '10 months ago (limit 6)' }],
    },
  ],
});

describe('stale-review', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-11-26', '2026-11-25')).toBe(11);
    expect(monthsBetween('2025-11-25', '2026-11-25')).toBe(12);
  });
});
