import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { overCommunication, touchesPerWeek } from '../../src/rules/over-communication.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const row = (name: string, frequency: string, day: number | string = '', team = 'Marketing', channel = 'Email', direction = 'Outbound') =>
  ['P', 'Onboarding', name, team, channel, 'Automatic', direction, day, frequency];

describe('over-communication', () => {
  it('adds recurring touches by frequency and names channels, teams and touchpoints', () => {
    const reports = check(overCommunication, model([HEADER, row('Tips email', 'Weekly'), row('Daily digest', 'Daily', '', 'Product', 'In-app')]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe(
      'P receives about 8 outbound touches a week in Onboarding (In-app and Email from Product and Marketing), above the limit of 3; cut, merge or space out "Daily digest" and "Tips email".',
    );
    expect(reports[0]!.location.cell).toBe('I3');
    expect(reports[0]!.related.map((r) => r.cell)).toEqual(['C2']);
  });

  it('counts one-off touches that fall within any 7 days', () => {
    const burst = [HEADER, row('A', 'Once', 1), row('B', 'Once', 3), row('C', 'Once', 5), row('D', 'Once', 7)];
    expect(check(overCommunication, model(burst))[0]!.message).toMatch(/about 4 outbound touches a week/);
    const spread = [HEADER, row('A', 'Once', 1), row('B', 'Once', 8), row('C', 'Once', 15), row('D', 'Once', 22)];
    expect(check(overCommunication, model(spread))).toEqual([]);
  });

  it('does not count inbound or ongoing touchpoints, nor add up different stages', () => {
    const rows = [HEADER, row('Help article', 'Daily', '', 'Support', 'Help center', 'Inbound'), row('Tips', 'Weekly'), ['P', 'Adoption', 'Digest', 'Product', 'Email', 'Automatic', 'Outbound', '', '3 times a week']];
    expect(check(overCommunication, model(rows))).toEqual([]);
  });

  it('uses maxPerWeek and maxPerStage', () => {
    const rows = [HEADER, row('A', 'Weekly'), row('B', 'Weekly'), row('C', 'Monthly')];
    expect(check(overCommunication, model(rows))).toEqual([]);
    expect(check(overCommunication, model(rows), { maxPerWeek: 2 })).toHaveLength(1);
    const perStage = check(overCommunication, model(rows), { maxPerStage: 2 });
    expect(findingSentence(perStage[0]!)).toMatch(/^P receives 3 outbound touchpoints in Onboarding \(Email from Marketing\), above the limit of 2/);
  });

  it('reads frequencies into touches a week', () => {
    const f = (text: string, cadence: string | null, recurring = true) => ({ text, cadence, recurring });
    expect(touchesPerWeek(f('daily', 'daily'))).toBe(7);
    expect(touchesPerWeek(f('3 times a week', 'repeating'))).toBe(3);
    expect(touchesPerWeek(f('2x per month', 'repeating'))).toBeCloseTo(24 / 52);
    expect(touchesPerWeek(f('once', 'once', false))).toBe(0);
    expect(touchesPerWeek(null)).toBe(0);
  });
});
