import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row): Row => ({ Persona: 'P', Stage: 'Decision', Touchpoint: 'Setup guide', Team: 'Product', Channel: 'Email', ...values });
const SPELLINGS = ['E-mail', 'Live chat', 'Chatbot', 'Paid social', 'Knowledge base', 'Help desk', 'Zoom call', 'SMS', 'In-App', 'webinar'];

ruleTester(unknownValue, {
  valid: [{ name: 'the spellings people type', rows: SPELLINGS.map((channel) => touch({ Stage: '3. Decision', Touchpoint: `Touch ${channel}`, Team: 'T', Channel: channel })) }],
  invalid: [
    {
      name: 'an unknown stage at its cell, with the nearest known value',
      rows: [touch({ Stage: 'Onbaording' })],
      expect: [{ cell: 'Stage 2', message: "Stage 'Onbaording' of \"Setup guide\" is not a known stage", fix: "did you mean 'Onboarding'?" }],
    },
    {
      name: 'an unknown channel, without a suggestion when nothing is close',
      rows: [touch({ Touchpoint: 'Carrier pigeon', Team: 'Sales', Channel: 'Pigeon' })],
      expect: [{ cell: 'Channel 2', messageIncludes: "Channel 'Pigeon'", fixIncludes: 'use one of Email, SMS' }],
    },
  ],
});

describe('unknown-value', () => {
  it('leaves a row with an unknown stage out of stage rules', () => {
    const journey = model([['Persona', 'Stage', 'Touchpoint', 'Channel'], ['P', 'Onbaording', 'Setup guide', 'Email']]);
    expect(journey.touchpoints[0]!.stage).toBeNull();
  });
});
