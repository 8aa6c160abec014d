import { singleChannelStage } from '../../src/rules/single-channel-stage.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const email = (Touchpoint: string): Row => ({
  Persona: 'P',
  Stage: 'Retention',
  Touchpoint,
  Team: 'Marketing',
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
});

ruleTester(singleChannelStage, {
  valid: [
    { name: 'two channels', rows: [email('Newsletter'), { ...email('QBR'), Team: 'CS', Channel: 'Video call', Mode: 'Manual' }] },
    { name: 'fewer touchpoints than the default minTouchpoints', rows: [email('Newsletter')] },
    { name: 'fewer touchpoints than minTouchpoints', rows: [email('A'), email('B')], options: { minTouchpoints: 3 } },
  ],
  invalid: [
    {
      name: 'a stage whose touchpoints all share one channel, at its first channel cell',
      rows: [email('Newsletter'), email('Renewal reminder')],
      expect: [
        {
          cell: 'Channel 2',
          message: 'P meets Retention on Email only (2 touchpoints)',
          fix: 'add a second channel so customers who ignore Email still hear from you.',
        },
      ],
    },
    {
      name: 'the minTouchpoints option',
      rows: [email('Newsletter')],
      options: { minTouchpoints: 1 },
      expect: [{ cell: 'Channel 2', messageIncludes: '(1 touchpoint)' }],
    },
  ],
});
