import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { teamFit } from '../../src/rules/team-fit.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const rows = [HEADER, ['P', 'Onboarding', 'Kickoff call', 'Sales', 'Video call', '', '', '', ''], ['P', 'Onboarding', 'Welcome email', 'customer success', 'Email', '', '', '', '']];

describe('team-fit', () => {
  it('fires for a team the config does not list for the stage, ignoring case', () => {
    const reports = check(teamFit, model(rows), {}, { settings: { stageOwners: { onboarding: ['Customer Success', 'Product'] } } });
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe(
      '"Kickoff call" in Onboarding is owned by Sales, but the config expects Customer Success or Product there; hand it over or add Sales to stageOwners.onboarding.',
    );
    expect(reports[0]!.location.cell).toBe('D2');
  });

  it('is silent when the config names no owners, or none for that stage', () => {
    expect(check(teamFit, model(rows))).toEqual([]);
    expect(check(teamFit, model(rows), {}, { settings: { stageOwners: { decision: ['Sales'] } } })).toEqual([]);
  });
});
