import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { channelEffectiveness } from '../../src/rules/channel-effectiveness.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Persona', 'Stage', 'Touchpoint', 'Channel', 'Sent', 'Conversion rate'];

describe('channel-effectiveness', () => {
  it('names the best and the worst channel of a stage with their rates', () => {
    const reports = check(channelEffectiveness, model([header, ['B', 'Decision', 'Proposal email', 'Email', '', '1.5%'], ['B', 'Decision', 'Proposal call', 'Phone', '', 0.12], ['B', 'Decision', 'Webinar', 'Webinar', '', 5]]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('In Decision, B converts best on Phone (12%) and worst on Email (1.5%); shift effort toward Phone or rework the Email touchpoints.');
    expect(reports[0]!.location.cell).toBe('F3');
    expect(reports[0]!.related.map((r) => r.cell)).toEqual(['F2']);
  });

  it('weights a channel by Sent when every touchpoint has it', () => {
    const reports = check(channelEffectiveness, model([header,
      ['B', 'Decision', 'Big send', 'Email', 9000, '1%'], ['B', 'Decision', 'Small send', 'Email', 1000, '11%'], ['B', 'Decision', 'Call', 'Phone', 100, '5%']]));
    expect(findingSentence(reports[0]!)).toMatch(/best on Phone \(5%\) and worst on Email \(2%\)/);
  });

  it('is silent with one channel, equal rates, or below minChannels', () => {
    expect(check(channelEffectiveness, model([header, ['B', 'Decision', 'A', 'Email', '', '2%'], ['B', 'Decision', 'B', 'Email', '', '4%']]))).toEqual([]);
    expect(check(channelEffectiveness, model([header, ['B', 'Decision', 'A', 'Email', '', '2%'], ['B', 'Decision', 'B', 'Phone', '', '2%']]))).toEqual([]);
    expect(check(channelEffectiveness, model([header, ['B', 'Decision', 'A', 'Email', '', '2%'], ['B', 'Decision', 'B', 'Phone', '', '4%']]), { minChannels: 3 })).toEqual([]);
  });
});
