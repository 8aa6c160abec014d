import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { missingKpi } from '../../src/rules/missing-kpi.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Persona', 'Stage', 'Touchpoint', 'Channel', 'KPI', 'Conversion rate'];

describe('missing-kpi', () => {
  it('fires for a stage where no touchpoint has a KPI or a figure', () => {
    const reports = check(missingKpi, model([header, ['B', 'Decision', 'Proposal call', 'Phone', '', ''], ['B', 'Decision', 'Security review', 'Video call', '', '']]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('No touchpoint of B in Decision has a KPI; give at least one a measurable KPI so the stage can be judged.');
    expect(reports[0]!.location.cell).toBe('E2');
  });

  it('is silent when one touchpoint of the stage has a KPI or a conversion figure', () => {
    expect(check(missingKpi, model([header, ['B', 'Decision', 'Proposal call', 'Phone', 'Win rate', ''], ['B', 'Decision', 'Review', 'Video call', '', '']]))).toEqual([]);
    expect(check(missingKpi, model([header, ['B', 'Decision', 'Proposal call', 'Phone', '', '12%']]))).toEqual([]);
  });
});
