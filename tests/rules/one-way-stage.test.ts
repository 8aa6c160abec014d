import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { CHANNELS } from '../../src/model/vocabulary.js';
import { DEFAULT_NORMALIZE_SETTINGS } from '../../src/model/normalize.js';
import { oneWayStage } from '../../src/rules/one-way-stage.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('one-way-stage', () => {
  it('fires for a stage whose touchpoints are all outbound, at the first stage cell', () => {
    const reports = check(oneWayStage, model([HEADER, ['P', 'Decision', 'Demo call', 'Sales', 'Phone', 'Manual', 'Outbound', 1, ''], ['P', '', 'Proposal email', 'Sales', 'Email', 'Manual', 'Outbound', 2, '']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe(
      'P can only be reached, not reach back, in Decision: its 2 touchpoints ("Demo call" and "Proposal email") are all outbound; add an inbound path such as chat, a help-center article or a support desk.',
    );
    expect(reports[0]!.location.cell).toBe('B2');
  });

  it('words a single touchpoint in the singular', () => {
    const reports = check(oneWayStage, model([HEADER, ['P', 'Expansion', 'Upgrade offer', 'Sales', 'In-app', 'Automatic', 'Outbound', '', '']]));
    expect(findingSentence(reports[0]!)).toMatch(/its only touchpoint, "Upgrade offer", is outbound;/);
  });

  it('is silent when an inbound touchpoint or an inbound channel serves the stage', () => {
    const out = ['P', 'Decision', 'Demo call', 'Sales', 'Phone', 'Manual', 'Outbound', 1, ''];
    expect(check(oneWayStage, model([HEADER, out, ['P', 'Decision', 'Pricing page', 'Marketing', 'Website', 'Ongoing', 'Inbound', '', '']]))).toEqual([]);
    expect(check(oneWayStage, model([HEADER, out, ['P', 'Decision', 'Sales chat', 'Sales', 'Chat', 'Manual', '', '', '']]))).toEqual([]);
  });

  it('honours channels the config marks as inbound paths', () => {
    const rows = [HEADER, ['P', 'Decision', 'Demo call', 'Sales', 'Phone', 'Manual', 'Outbound', 1, '']];
    expect(check(oneWayStage, model(rows))).toHaveLength(1);
    const channels = CHANNELS.map((c) => (c.id === 'phone' ? { ...c, inbound: true } : c));
    expect(check(oneWayStage, model(rows, 'inventory.csv', { ...DEFAULT_NORMALIZE_SETTINGS, channels }))).toEqual([]);
  });
});
