import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { overCommunication, touchesPerWeek } from '../../src/rules/over-communication.js';
import { check, model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Frequency: string, values: Row = {}): Row => ({
  Persona: 'P',
  Stage: 'Onboarding',
  Touchpoint,
  Team: 'Marketing',
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
  Day: '',
  Frequency,
  ...values,
});
const weekly = [touch('A', 'Weekly'), touch('B', 'Weekly'), touch('C', 'Monthly')];

ruleTester(overCommunication, {
  valid: [
    {
      name: 'one-off touches spread over the weeks',
      rows: [touch('A', 'Once', { Day: 1 }), touch('B', 'Once', { Day: 8 }), touch('C', 'Once', { Day: 15 }), touch('D', 'Once', { Day: 22 })],
    },
    {
      name: 'inbound or ongoing touchpoints, and other stages, do not add up',
      rows: [
        touch('Help article', 'Daily', { Team: 'Support', Channel: 'Help center', Direction: 'Inbound' }),
        touch('Tips', 'Weekly'),
        touch('Digest', '3 times a week', { Stage: 'Adoption', Team: 'Product' }),
      ],
    },
    { name: 'touches within the default limits', rows: weekly },
    {
      name: 'transactional messages the customer asked for, in a busy decision week, are not pressure',
      rows: [
        touch('Order confirmation', 'Once', { Stage: 'Decision', Day: 20 }),
        touch('Contract signed confirmation', 'Once', { Stage: 'Decision', Day: 20, Team: 'Sales' }),
        touch('DocuSign envelope', 'Once', { Stage: 'Decision', Day: 21, Team: 'Legal' }),
        touch('Invoice email', 'Once', { Stage: 'Decision', Day: 22, Team: 'Finance' }),
        touch('Password reset email', 'Triggered', { Stage: 'Decision', Day: 22, Team: 'Product' }),
        touch('Shipping notification', 'Once', { Stage: 'Decision', Day: 23, Team: 'Ops' }),
        touch('Proposal email', 'Once', { Stage: 'Decision', Day: 21, Team: 'Sales' }),
      ],
    },
    {
      name: 'a daily retargeting ad is an impression, not seven messages a week',
      rows: [touch('Retargeting ads', 'Daily', { Stage: 'Awareness', Channel: 'Paid social' }), touch('Newsletter', 'Weekly', { Stage: 'Awareness' })],
    },
    {
      name: 'two-way conversations (calls, meetings, a chat either side starts) are not pressure',
      rows: [
        touch('Weekly CSM call', 'Weekly', { Channel: 'Video call', Mode: 'Manual' }),
        touch('Daily stand-up with the customer', 'Daily', { Channel: 'Phone', Mode: 'Manual' }),
        touch('Support chat', 'Daily', { Channel: 'Chat', Direction: 'Both' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'recurring touches added by frequency, naming channels, teams and touchpoints',
      rows: [touch('Tips email', 'Weekly'), touch('Daily digest', 'Daily', { Team: 'Product', Channel: 'In-app' })],
      expect: [
        {
          cell: 'Frequency 3',
          message: 'P receives about 8 messages a week in Onboarding (In-app and Email from Product and Marketing), above the limit of 3',
          fix: 'cut, merge or space out "Daily digest" and "Tips email".',
          related: ['Touchpoint 2'],
        },
      ],
    },
    {
      name: 'one-off touches that fall within any 7 days',
      rows: [touch('A', 'Once', { Day: 1 }), touch('B', 'Once', { Day: 3 }), touch('C', 'Once', { Day: 5 }), touch('D', 'Once', { Day: 7 })],
      expect: [{ cell: 'Frequency 2', messageIncludes: 'about 4 messages a week' }],
    },
    {
      name: 'a parsed cadence: every 2 days is 3.5 a week',
      rows: [touch('Trial nudges', 'every 2 days')],
      expect: [{ cell: 'Frequency 2', messageIncludes: 'about 3.5 messages a week in Onboarding' }],
    },
    {
      name: 'channelLimits: an ad counts as much as the config says',
      rows: [touch('Retargeting ads', 'Daily', { Channel: 'Paid social' })],
      options: { channelLimits: { 'paid-ads': 7 } },
      expect: [{ cell: 'Frequency 2', messageIncludes: 'about 7 messages a week' }],
    },
    {
      name: 'notCounted: transactional messages counted when the config says so',
      rows: [
        touch('Receipt', 'Once', { Day: 1 }),
        touch('Invoice', 'Once', { Day: 2 }),
        touch('Shipping confirmation', 'Once', { Day: 3 }),
        touch('Order confirmation', 'Once', { Day: 4 }),
      ],
      options: { notCounted: ['conversation'] },
      expect: [{ cell: 'Frequency 2', messageIncludes: 'about 4 messages a week' }],
    },
    { name: 'the maxPerWeek option', rows: weekly, options: { maxPerWeek: 2 }, expect: [{ cell: 'Frequency 2' }] },
    {
      name: 'the maxPerStage option',
      rows: weekly,
      options: { maxPerStage: 2 },
      expect: [{ cell: 'Frequency 2', message: 'P receives 3 messages in Onboarding (Email from Marketing), above the limit of 2' }],
    },
  ],
});

describe('over-communication', () => {
  it('reads frequencies into touches a week', () => {
    const f = (text: string, cadence: string | null, recurring = true) => ({ text, cadence, recurring });
    expect(touchesPerWeek(f('daily', 'daily'))).toBe(7);
    expect(touchesPerWeek(f('3 times a week', 'repeating'))).toBe(3);
    expect(touchesPerWeek(f('2x per month', 'repeating'))).toBeCloseTo(24 / 52);
    expect(touchesPerWeek(f('every 2 days', 'repeating'))).toBe(3.5);
    expect(touchesPerWeek(f('twice a week', 'repeating'))).toBe(2);
    expect(touchesPerWeek(f('every 3 weeks', 'repeating'))).toBeCloseTo(1 / 3);
    expect(touchesPerWeek(f('once', 'once', false))).toBe(0);
    expect(touchesPerWeek(null)).toBe(0);
  });

  it('reads the weekly load of a timeline (no stage column) by its busiest 7 days, and counts email with no direction as sent', () => {
    const drip = model([
      ['Day', 'Touchpoint', 'Channel'],
      [0, 'Welcome', 'Email'],
      [1, 'Setup tips', 'Email'],
      [2, 'Nudge', 'SMS'],
      [3, 'Case study', 'Email'],
      [4, 'Webinar invite', 'Email'],
      [30, 'Check-in', 'Email'],
      [5, 'Help center', 'Help center'],
    ]);
    const reports = check(overCommunication, drip);
    expect(reports.map((r) => findingSentence(r))).toEqual([
      'inventory receives about 5 messages a week in days 0–6 (Email and SMS), above the limit of 3; cut, merge or space out "Welcome", "Setup tips", "Nudge" and 2 more.',
    ]);
  });
});
