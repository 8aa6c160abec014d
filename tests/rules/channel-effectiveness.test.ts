import { channelEffectiveness } from '../../src/rules/channel-effectiveness.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Channel: string, rate: string | number, Sent: string | number = ''): Row => ({
  Persona: 'B',
  Stage: 'Decision',
  Touchpoint,
  Channel,
  Sent,
  'Conversion rate': rate,
});

ruleTester(channelEffectiveness, {
  valid: [
    { name: 'one channel', rows: [touch('A', 'Email', '2%'), touch('B', 'Email', '4%')] },
    { name: 'equal rates', rows: [touch('A', 'Email', '2%'), touch('B', 'Phone', '2%')] },
    {
      name: 'rates of different figures are not compared: an invite-accept rate against a checklist-completion rate',
      rows: [
        { ...touch('Invite teammates', 'Email', '40%'), KPI: 'Invite accept rate' },
        { ...touch('Setup checklist', 'In-app', '12%'), KPI: 'Checklist completion' },
      ],
    },
    { name: 'fewer channels than minChannels', rows: [touch('A', 'Email', '2%'), touch('B', 'Phone', '4%')], options: { minChannels: 3 } },
  ],
  invalid: [
    {
      name: 'the best and the worst channel of a stage with their rates, at the best',
      rows: [touch('Proposal email', 'Email', '1.5%'), touch('Proposal call', 'Phone', 0.12), touch('Webinar', 'Webinar', 5)],
      expect: [
        {
          cell: 'Conversion rate 3',
          message: 'In Decision, B converts best on Phone (12%) and worst on Email (1.5%)',
          fix: 'shift effort toward Phone or rework the Email touchpoints.',
          related: ['Conversion rate 2'],
        },
      ],
    },
    {
      name: 'the same KPI on two channels, named in the message',
      rows: [
        { ...touch('Demo invite', 'Email', '3%'), KPI: 'Demo booked' },
        { ...touch('Demo call offer', 'Phone', '9%'), KPI: 'demo booked' },
        { ...touch('Checklist', 'In-app', '50%'), KPI: 'Checklist completion' },
      ],
      expect: [{ cell: 'Conversion rate 3', message: 'In Decision, B\'s "Demo booked" is best on Phone (9%) and worst on Email (3%)' }],
    },
    {
      name: 'a channel weighted by Sent when every touchpoint has it',
      rows: [touch('Big send', 'Email', '1%', 9000), touch('Small send', 'Email', '11%', 1000), touch('Call', 'Phone', '5%', 100)],
      expect: [{ cell: 'Conversion rate 4', messageIncludes: 'best on Phone (5%) and worst on Email (2%)' }],
    },
  ],
});
