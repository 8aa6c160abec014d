import { automationOpportunity } from '../../src/rules/automation-opportunity.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row = {}): Row => ({
  Persona: 'P', Stage: 'Adoption', Touchpoint: 'Weekly check-in email', Team: 'CS', Channel: 'Email', Mode: 'Manual', Direction: 'Outbound', Day: 60, Frequency: 'Weekly', ...values,
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
  ],
  invalid: [
    {
      name: 'a recurring manual touchpoint on an automatable channel, at its mode',
      rows: [touch()],
      expect: [{ cell: 'Mode 2', messageIncludes: '"Weekly check-in email" is done by hand weekly on Email by CS', fix: 'automate it as a scheduled or triggered send.' }],
    },
    { name: 'the channels option', rows: [qbr], options: { channels: ['video-call'] }, expect: [{ cell: 'Mode 2', messageIncludes: 'on Video call' }] },
  ],
});
