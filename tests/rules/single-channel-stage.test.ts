import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { singleChannelStage } from '../../src/rules/single-channel-stage.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const email = (name: string, stage = 'Retention') => ['P', stage, name, 'Marketing', 'Email', 'Automatic', 'Outbound', '', ''];

describe('single-channel-stage', () => {
  it('fires for a stage whose touchpoints all share one channel', () => {
    const reports = check(singleChannelStage, model([HEADER, email('Newsletter'), email('Renewal reminder')]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('P meets Retention on Email only (2 touchpoints); add a second channel so customers who ignore Email still hear from you.');
    expect(reports[0]!.location.cell).toBe('E2');
  });

  it('is silent with two channels, or below minTouchpoints', () => {
    expect(check(singleChannelStage, model([HEADER, email('Newsletter'), ['P', 'Retention', 'QBR', 'CS', 'Video call', 'Manual', 'Outbound', '', '']]))).toEqual([]);
    expect(check(singleChannelStage, model([HEADER, email('Newsletter')]))).toEqual([]);
    expect(check(singleChannelStage, model([HEADER, email('Newsletter')]), { minTouchpoints: 1 })).toHaveLength(1);
    expect(check(singleChannelStage, model([HEADER, email('A'), email('B')]), { minTouchpoints: 3 })).toEqual([]);
  });
});
