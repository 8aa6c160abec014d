import { CHANNELS } from '../../src/model/vocabulary.js';
import { DEFAULT_NORMALIZE_SETTINGS } from '../../src/model/normalize.js';
import { oneWayStage } from '../../src/rules/one-way-stage.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row): Row => ({
  Persona: 'P',
  Stage: 'Decision',
  Touchpoint: 'Demo call',
  Team: 'Sales',
  Channel: 'Phone',
  Mode: 'Manual',
  Direction: 'Outbound',
  Day: 1,
  Frequency: '',
  ...values,
});
const demo = touch({});
const FIX = 'add an inbound path such as chat, a help-center article or a support desk.';

ruleTester(oneWayStage, {
  valid: [
    {
      name: 'a call or a meeting is a conversation: the customer speaks back in it, whatever its Direction says',
      rows: [demo, touch({ Touchpoint: 'Proposal email', Channel: 'Email', Day: 2 })],
    },
    {
      name: 'an inbound touchpoint serves the stage',
      rows: [demo, touch({ Touchpoint: 'Pricing page', Team: 'Marketing', Channel: 'Website', Mode: 'Ongoing', Direction: 'Inbound', Day: '' })],
    },
    { name: 'an inbound channel serves the stage', rows: [demo, touch({ Touchpoint: 'Sales chat', Channel: 'Chat', Direction: '', Day: '' })] },
    {
      name: 'a channel the config marks as an inbound path',
      rows: [demo],
      normalize: { ...DEFAULT_NORMALIZE_SETTINGS, channels: CHANNELS.map((c) => (c.id === 'phone' ? { ...c, inbound: true } : c)) },
    },
  ],
  invalid: [
    {
      name: 'a stage whose touchpoints are all outbound, at the first stage cell',
      rows: [touch({ Touchpoint: 'Case study email', Channel: 'Email' }), touch({ Stage: '', Touchpoint: 'Proposal email', Channel: 'Email', Day: 2 })],
      expect: [
        {
          cell: 'Stage 2',
          message: 'P can only be reached, not reach back, in Decision: its 2 touchpoints ("Case study email" and "Proposal email") are all outbound',
          fix: FIX,
        },
      ],
    },
    {
      name: 'a single touchpoint in the singular',
      rows: [touch({ Stage: 'Expansion', Touchpoint: 'Upgrade offer', Channel: 'In-app', Mode: 'Automatic', Day: '' })],
      expect: [{ cell: 'Stage 2', messageIncludes: 'its only touchpoint, "Upgrade offer", is outbound', fix: FIX }],
    },
  ],
});
