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
      expect: [{ cell: 'Last reviewed 2', message: '"Setup guide" was last reviewed on 2024-09-15, 26 months ago (limit 12)', fix: 'review it and update the date, or mark it retired.' }],
    },
    { name: 'the maxAgeMonths option', rows: [touch('Tips', 'Email', '2026-01-01')], options: { maxAgeMonths: 6 }, today, expect: [{ cell: 'Last reviewed 2', messageIncludes: '10 months ago (limit 6)' }] },
  ],
});

describe('stale-review', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-11-26', '2026-11-25')).toBe(11);
    expect(monthsBetween('2025-11-25', '2026-11-25')).toBe(12);
  });
});
