import { silentStretch } from '../../src/rules/silent-stretch.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Day: number | null, Touchpoint: string, extra: Row = {}): Row => ({
  Day,
  Touchpoint,
  Channel: 'Email',
  Team: 'Marketing',
  Direction: '',
  Frequency: '',
  ...extra,
});

ruleTester(silentStretch, {
  valid: [
    { name: 'a gap of exactly maxDays', rows: [touch(0, 'A'), touch(30, 'B')] },
    { name: 'a gap filled by a recurring touchpoint started by then', rows: [touch(0, 'Newsletter', { Frequency: 'Monthly' }), touch(5, 'A'), touch(90, 'B')] },
    { name: 'inbound touchpoints, which do not reach out', rows: [touch(0, 'A'), touch(60, 'Help article', { Channel: 'Help center', Direction: 'Inbound' })] },
    { name: 'rows without a day', rows: [touch(0, 'A'), touch(null, 'B')] },
    {
      name: 'each persona on its own',
      rows: [
        { Persona: 'P', ...touch(0, 'A') },
        { Persona: 'Q', ...touch(20, 'B') },
        { Persona: 'P', ...touch(20, 'C') },
      ],
    },
  ],
  invalid: [
    {
      name: 'a gap longer than maxDays, at the later day cell, the earlier one related',
      rows: [touch(0, 'Welcome email'), touch(7, 'Tips email'), touch(45, 'Check-in call', { Channel: 'Phone', Team: 'CS' })],
      expect: [
        {
          cell: 'Day 4',
          message: 'inventory hears nothing for 38 days, from "Tips email" (day 7) to "Check-in call" (day 45)',
          fix: 'add a touchpoint in between or bring "Check-in call" forward to keep the silence under 30 days.',
          related: ['Day 3'],
        },
      ],
    },
    {
      name: 'a recurring touchpoint too rare to fill the gap',
      rows: [touch(0, 'Quarterly review', { Frequency: 'Quarterly' }), touch(5, 'A'), touch(90, 'B')],
      expect: [{ cell: 'Day 4' }],
    },
    {
      name: 'a recurring touchpoint that starts after the gap',
      rows: [touch(0, 'A'), touch(60, 'Newsletter', { Frequency: 'Weekly' })],
      expect: [{ cell: 'Day 3' }],
    },
    {
      name: 'the maxDays option',
      rows: [
        { Persona: 'P', ...touch(0, 'A') },
        { Persona: 'P', ...touch(20, 'C') },
      ],
      options: { maxDays: 10 },
      expect: [{ cell: 'Day 3', persona: 'P' }],
    },
    {
      name: "a staged inventory too, naming the later touchpoint's stage",
      rows: [
        { Stage: 'Onboarding', ...touch(0, 'A') },
        { Stage: 'Retention', ...touch(90, 'B', { Team: 'CS' }) },
      ],
      expect: [{ cell: 'Day 3', stage: 'retention' }],
    },
  ],
});
