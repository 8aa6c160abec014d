import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { overCommunication, touchesPerWeek } from '../../src/rules/over-communication.js';
import { check, model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Frequency: string, values: Row = {}): Row => ({
  Persona: 'P', Stage: 'Onboarding', Touchpoint, Team: 'Marketing', Channel: 'Email', Mode: 'Automatic', Direction: 'Outbound', Day: '', Frequency, ...values,
});
const weekly = [touch('A', 'Weekly'), touch('B', 'Weekly'), touch('C', 'Monthly')];

ruleTester(overCommunication, {
  valid: [
    { name: 'one-off touches spread over the weeks', rows: [touch('A', 'Once', { Day: 1 }), touch('B', 'Once', { Day: 8 }), touch('C', 'Once', { Day: 15 }), touch('D', 'Once', { Day: 22 })] },
    {
      name: 'inbound or ongoing touchpoints, and other stages, do not add up',
      rows: [
        touch('Help article', 'Daily', { Team: 'Support', Channel: 'Help center', Direction: 'Inbound' }),
        touch('Tips', 'Weekly'),
        touch('Digest', '3 times a week', { Stage: 'Adoption', Team: 'Product' }),
      ],
    },
    { name: 'touches within the default limits', rows: weekly },
  ],
  invalid: [
    {
      name: 'recurring touches added by frequency, naming channels, teams and touchpoints',
      rows: [touch('Tips email', 'Weekly'), touch('Daily digest', 'Daily', { Team: 'Product', Channel: 'In-app' })],
      expect: [{
        cell: 'Frequency 3',
        message: 'P receives about 8 outbound touches a week in Onboarding (In-app and Email from Product and Marketing), above the limit of 3',
        fix: 'cut, merge or space out "Daily digest" and "Tips email".',
        related: ['Touchpoint 2'],
      }],
    },
    {
      name: 'one-off touches that fall within any 7 days',
      rows: [touch('A', 'Once', { Day: 1 }), touch('B', 'Once', { Day: 3 }), touch('C', 'Once', { Day: 5 }), touch('D', 'Once', { Day: 7 })],
      expect: [{ cell: 'Frequency 2', messageIncludes: 'about 4 outbound touches a week' }],
    },
    { name: 'the maxPerWeek option', rows: weekly, options: { maxPerWeek: 2 }, expect: [{ cell: 'Frequency 2' }] },
    {
      name: 'the maxPerStage option',
      rows: weekly,
      options: { maxPerStage: 2 },
      expect: [{ cell: 'Frequency 2', message: 'P receives 3 outbound touchpoints in Onboarding (Email from Marketing), above the limit of 2' }],
    },
  ],
});

describe('over-communication', () => {
  it('reads frequencies into touches a week', () => {
    const f = (text: string, cadence: string | null, recurring = true) => ({ text, cadence, recurring });
    expect(touchesPerWeek(f('daily', 'daily'))).toBe(7);
    expect(touchesPerWeek(f('3 times a week', 'repeating'))).toBe(3);
    expect(touchesPerWeek(f('2x per month', 'repeating'))).toBeCloseTo(24 / 52);
    expect(touchesPerWeek(f('once', 'once', false))).toBe(0);
    expect(touchesPerWeek(null)).toBe(0);
  });

  it('reads the weekly load of a timeline (no stage column) by its busiest 7 days, and counts email with no direction as sent', () => {
    const drip = model([
      ['Day', 'Touchpoint', 'Channel'],
      [0, 'Welcome', 'Email'], [1, 'Setup tips', 'Email'], [2, 'Nudge', 'SMS'], [3, 'Case study', 'Email'], [4, 'Webinar invite', 'Email'], [30, 'Check-in', 'Email'],
      [5, 'Help center', 'Help center'],
    ]);
    const reports = check(overCommunication, drip);
    expect(reports.map((r) => findingSentence(r))).toEqual([
      'inventory receives about 5 outbound touches a week in days 0–6 (Email and SMS), above the limit of 3; cut, merge or space out "Welcome", "Setup tips", "Nudge" and 2 more.',
    ]);
  });
});
