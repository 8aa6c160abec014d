import { handoffLag } from '../../src/rules/handoff-lag.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Stage: string, Touchpoint: string, Team: string, Channel: string, Day: number | string): Row => ({
  Persona: 'P',
  Stage,
  Touchpoint,
  Team,
  Channel,
  Mode: 'Manual',
  Direction: 'Outbound',
  Day,
  Frequency: 'Once',
});
/** Sales closes on day 30; the kickoff comes on `kickoffDay`. */
const deal = (kickoffDay: number, kickoffTeam = 'Customer Success', days = true): Row[] => [
  touch('Decision', 'Live demo', 'Sales', 'Video call', days ? 10 : ''),
  touch('Decision', 'Contract signed confirmation', 'Sales', 'Email', days ? 30 : ''),
  touch('Onboarding', 'Kickoff call', kickoffTeam, 'Video call', days ? kickoffDay : ''),
  touch('Onboarding', 'Welcome email', kickoffTeam, 'Email', days ? kickoffDay + 1 : ''),
];

ruleTester(handoffLag, {
  valid: [
    { name: 'a handoff within maxDays', rows: deal(37) },
    { name: 'the same team, whatever its spelling', rows: deal(60, 'sales') },
    { name: 'touchpoints without days', rows: deal(44, 'Customer Success', false) },
    { name: 'a lag within a larger maxDays', rows: deal(44), options: { maxDays: 14 } },
    {
      name: 'months between stages are a silence (silent-stretch), never advice to touch weekly from Finance across months',
      rows: [touch('Adoption', 'Usage review', 'Customer Success', 'Video call', 60), touch('Retention', 'Renewal invoice', 'Finance', 'Email', 330)],
    },
    {
      name: 'monthly contact across a long stage is contact: the customer is not waiting',
      rows: [
        touch('Adoption', 'Kickoff follow-up', 'Customer Success', 'Video call', 40),
        { ...touch('Adoption', 'Monthly admin newsletter', 'Content', 'Email', 45), Mode: 'Automatic', Frequency: 'Monthly' },
        touch('Retention', 'Renewal call', 'Account Management', 'Phone', 75),
      ],
    },
    {
      name: 'a quarterly business review in the giving stage is contact too',
      rows: [
        { ...touch('Adoption', 'QBR', 'Customer Success', 'Video call', 50), Frequency: 'Quarterly' },
        touch('Expansion', 'Upsell call', 'Sales', 'Phone', 70),
      ],
    },
    {
      name: 'an ad or a social post hands nobody over: months from a retargeting ad to the first e-mail are no wait',
      rows: [
        { ...touch('Awareness', 'Retargeting ads', 'Marketing', 'Paid ads', 0), Frequency: 'Daily' },
        touch('Onboarding', 'Invite from your admin', 'Product', 'Email', 30),
      ],
    },
    {
      name: 'a stage that starts before the previous one ends is an overlap, not negative days',
      rows: [touch('Retention', 'Renewal reminder', 'Customer Success', 'Email', 330), touch('Expansion', 'Upgrade offer', 'Sales', 'In-app', 115)],
    },
  ],
  invalid: [
    {
      name: 'a daily series is a sequence that ends, not contact: the wait after it is a wait',
      rows: [
        { ...touch('Decision', 'Daily deal nudges', 'Sales', 'Email', 20), Frequency: 'Daily' },
        touch('Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 40),
      ],
      expect: [{ cell: 'Day 3', messageIncludes: 'Sales → Customer Success handoff: 20 days' }],
    },
    {
      name: 'a slow handoff between teams, at the receiving row, with the giving row related',
      rows: deal(44),
      expect: [
        {
          cell: 'Day 4',
          message: 'Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44)',
          fix: 'bring "Kickoff call" forward or bridge the gap to at most 7 days.',
          related: ['Day 3'],
        },
      ],
    },
    { name: 'the maxDays option', rows: deal(38), options: { maxDays: 7 }, expect: [{ cell: 'Day 4' }] },
    {
      name: 'stages in stage order, not row order, skipping absent stages',
      rows: [touch('Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 50), touch('Decision', 'Contract signed', 'Sales', 'Email', 30)],
      expect: [{ cell: 'Day 2', messageIncludes: 'Sales → Customer Success handoff: 20 days' }],
    },
    { name: 'just under bridgeDays', rows: deal(89), expect: [{ cell: 'Day 4', fix: 'bring "Kickoff call" forward or bridge the gap to at most 7 days.' }] },
    {
      name: 'the bridgeDays option',
      rows: deal(90),
      options: { bridgeDays: 100 },
      expect: [{ cell: 'Day 4', fix: 'bring "Kickoff call" forward or bridge the gap to at most 7 days.' }],
    },
    {
      name: "the receiving team's first touch: an invoice or an always-on help center in the later stage is not the next team taking over",
      rows: [
        ...deal(51),
        touch('Onboarding', 'First invoice', 'Finance', 'Email', 31),
        { ...touch('Onboarding', 'Admin help center', 'Support', 'Help center', 31), Mode: 'Ongoing', Direction: 'Inbound' },
      ],
      expect: [
        {
          cell: 'Day 4',
          message: 'Sales → Customer Success handoff: 21 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 51)',
        },
      ],
    },
    {
      name: 'a timeline (no stage column), along its days: each change of team between consecutive touchpoints',
      rows: [
        { Day: 0, Touchpoint: 'Welcome email', Channel: 'Email', Owner: 'Marketing' },
        { Day: 7, Touchpoint: 'Tips email', Channel: 'Email', Owner: 'Marketing' },
        { Day: 45, Touchpoint: 'Check-in call', Channel: 'Phone', Owner: 'Customer Success' },
        { Day: 47, Touchpoint: 'Survey', Channel: 'Survey', Owner: 'Product' },
      ],
      expect: [
        {
          cell: 'Day 4',
          message: 'Marketing → Customer Success handoff: 38 days from "Tips email" (day 7) to "Check-in call" (day 45)',
          related: ['Day 3'],
        },
      ],
    },
  ],
});
