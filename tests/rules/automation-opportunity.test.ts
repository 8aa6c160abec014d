import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { automationOpportunity } from '../../src/rules/automation-opportunity.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('automation-opportunity', () => {
  it('fires on a recurring manual touchpoint on an automatable channel', () => {
    const reports = check(automationOpportunity, model([HEADER, ['P', 'Adoption', 'Weekly check-in email', 'CS', 'Email', 'Manual', 'Outbound', 60, 'Weekly']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toContain('"Weekly check-in email" is done by hand weekly on Email by CS');
    expect(reports[0]!.location.cell).toBe('F2');
  });

  it('does not fire on one-off, automated, or non-automatable touchpoints', () => {
    const reports = check(automationOpportunity, model([
      HEADER,
      ['P', 'Onboarding', 'Kickoff email', 'CS', 'Email', 'Manual', 'Outbound', 1, 'Once'],
      ['P', 'Adoption', 'Tips', 'CS', 'Email', 'Automated', 'Outbound', 1, 'Weekly'],
      ['P', 'Retention', 'QBR', 'CS', 'Video call', 'Manual', 'Outbound', 90, 'Quarterly'],
      ['P', 'Retention', 'Check-in', 'CS', 'Email', 'Manual', 'Outbound', 90, ''],
    ]));
    expect(reports).toEqual([]);
  });

  it('uses the channels option', () => {
    const journey = model([HEADER, ['P', 'Retention', 'QBR', 'CS', 'Video call', 'Manual', 'Outbound', 90, 'Quarterly']]);
    expect(check(automationOpportunity, journey, { channels: ['video-call'] })).toHaveLength(1);
  });
});
