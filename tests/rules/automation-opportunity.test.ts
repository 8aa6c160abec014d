import { automationOpportunity } from '../../src/rules/automation-opportunity.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row = {}): Row => ({
  Persona: 'P',
  Stage: 'Adoption',
  Touchpoint: 'Weekly check-in email',
  Team: 'CS',
  Channel: 'Email',
  Mode: 'Manual',
  Direction: 'Outbound',
  Day: 60,
  Frequency: 'Weekly',
  ...values,
});
const qbr = touch({ Stage: 'Retention', Touchpoint: 'QBR', Channel: 'Video call', Day: 90, Frequency: 'Quarterly' });

ruleTester(automationOpportunity, {
  valid: [
    {
      name: 'one-off, automated, or non-automatable touchpoints',
      rows: [
        touch({ Stage: 'Onboarding', Touchpoint: 'Kickoff email', Day: 1, Frequency: 'Once' }),
        touch({ Touchpoint: 'Tips', Mode: 'Automated', Day: 1 }),
        qbr,
        touch({ Stage: 'Retention', Touchpoint: 'Check-in', Day: 90, Frequency: '' }),
      ],
    },
    {
      name: 'yearly, personal or collaborative touches are not work to automate',
      rows: [
        touch({ Stage: 'Retention', Touchpoint: 'Annual renewal letter', Frequency: 'Yearly' }),
        touch({ Stage: 'Decision', Touchpoint: 'Mutual action plan', Frequency: 'Weekly' }),
        touch({ Stage: 'Advocacy', Touchpoint: 'Customer advisory board invite', Frequency: 'Quarterly' }),
        touch({ Stage: 'Retention', Touchpoint: 'Letter from the CEO', Frequency: 'Quarterly' }),
        touch({ Stage: 'Retention', Touchpoint: 'Quarterly business review deck', Frequency: 'Quarterly' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a recurring manual touchpoint on an automatable channel, at its mode',
      rows: [touch()],
      expect: [
        {
          cell: 'Mode 2',
          messageIncludes: '"Weekly check-in email" is done by hand weekly on Email by CS',
          fix: 'automate it as a scheduled or triggered send.',
        },
      ],
    },
    {
      name: 'repeating manual work: a weekly report a CSM builds by hand, 200 "we miss you" e-mails a week',
      rows: [
        touch({ Touchpoint: 'Weekly usage report (built by hand in Sheets)', Frequency: 'Weekly' }),
        touch({ Stage: 'Retention', Touchpoint: 'We miss you email', Team: 'Marketing', Frequency: '200 a week' }),
      ],
      expect: [
        { cell: 'Mode 2', messageIncludes: 'done by hand weekly on Email' },
        { cell: 'Mode 3', messageIncludes: '"We miss you email" is done by hand 200 a week on Email by Marketing' },
      ],
    },
    {
      name: 'the channels option',
      rows: [{ ...qbr, Touchpoint: 'Quarterly usage recap' }],
      options: { channels: ['video-call'] },
      expect: [{ cell: 'Mode 2', messageIncludes: 'on Video call' }],
    },
  ],
});
