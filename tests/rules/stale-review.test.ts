import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { monthsBetween, staleReview } from '../../src/rules/stale-review.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Stage', 'Touchpoint', 'Channel', 'Last reviewed'];

describe('stale-review', () => {
  it('fires for a date older than the limit, at its cell', () => {
    const reports = check(staleReview, model([header, ['Onboarding', 'Setup guide', 'Help center', '2024-09-15'], ['Onboarding', 'Tips', 'Email', '2026-01-01']]), {}, { today: '2026-11-25' });
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('"Setup guide" was last reviewed on 2024-09-15, 26 months ago (limit 12); review it and update the date, or mark it retired.');
    expect(reports[0]!.location.cell).toBe('D2');
  });

  it('uses maxAgeMonths and counts whole months', () => {
    const journey = model([header, ['Onboarding', 'Tips', 'Email', '2026-01-01']]);
    expect(check(staleReview, journey, { maxAgeMonths: 6 }, { today: '2026-11-25' })).toHaveLength(1);
    expect(monthsBetween('2025-11-26', '2026-11-25')).toBe(11);
    expect(monthsBetween('2025-11-25', '2026-11-25')).toBe(12);
    expect(check(staleReview, model([header, ['Onboarding', 'Tips', 'Email', '2025-11-25']]), {}, { today: '2026-11-25' })).toEqual([]);
  });

  it('is silent without a date', () => {
    expect(check(staleReview, model([header, ['Onboarding', 'Tips', 'Email', '']]))).toEqual([]);
  });
});
