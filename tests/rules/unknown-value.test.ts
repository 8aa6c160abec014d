import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('unknown-value', () => {
  it('reports an unknown stage at its cell with the nearest known value, and leaves the row out of stage rules', () => {
    const journey = model([HEADER, ['P', 'Onbaording', 'Setup guide', 'Product', 'Email', '', '', '', '']]);
    const reports = check(unknownValue, journey);
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe("Stage 'Onbaording' of \"Setup guide\" is not a known stage; did you mean 'Onboarding'?");
    expect(reports[0]!.location.cell).toBe('B2');
    expect(journey.touchpoints[0]!.stage).toBeNull();
  });

  it('reports an unknown channel, without a suggestion when nothing is close', () => {
    const reports = check(unknownValue, model([HEADER, ['P', 'Decision', 'Carrier pigeon', 'Sales', 'Pigeon', '', '', '', '']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toContain("Channel 'Pigeon'");
    expect(findingSentence(reports[0]!)).not.toContain('did you mean');
    expect(reports[0]!.location.cell).toBe('E2');
  });

  it('accepts the spellings people type', () => {
    const channels = ['E-mail', 'Live chat', 'Chatbot', 'Paid social', 'Knowledge base', 'Help desk', 'Zoom call', 'SMS', 'In-App', 'webinar'];
    const rows = [HEADER, ...channels.map((c) => ['P', '3. Decision', `Touch ${c}`, 'T', c, '', '', '', ''])];
    expect(check(unknownValue, model(rows))).toEqual([]);
  });
});
