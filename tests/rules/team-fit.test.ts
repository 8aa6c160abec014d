import { teamFit } from '../../src/rules/team-fit.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const rows: Row[] = [
  { Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Kickoff call', Team: 'Sales', Channel: 'Video call' },
  { Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Welcome email', Team: 'customer success', Channel: 'Email' },
];

ruleTester(teamFit, {
  valid: [
    { name: 'the config names no owners', rows },
    { name: 'the config names none for that stage', rows, settings: { stageOwners: { decision: ['Sales'] } } },
  ],
  invalid: [
    {
      name: 'a team the config does not list for the stage, ignoring case',
      rows,
      settings: { stageOwners: { onboarding: ['Customer Success', 'Product'] } },
      expect: [
        {
          cell: 'Team 2',
          message: '"Kickoff call" in Onboarding is owned by Sales, but the config expects Customer Success or Product there',
          fix: 'hand it over or add Sales to stageOwners.onboarding.',
        },
      ],
    },
  ],
});
