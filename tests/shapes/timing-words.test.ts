import { describe, expect, it } from 'vitest';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/timing-words.csv';

describe('shape: timing in words', () => {
  it('reads the words that name a day (a range from its start) and keeps the rest as timing text', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.name, t.day, t.timing])).toEqual([
      ['Welcome email', 0, null], // At signup
      ['Setup tips', 1, null], // Day 1-3
      ['Kickoff call', 3, null], // T+3
      ['Check-in email', 3, null], // 3 days after signup
      ['Feature spotlight', 7, null], // Week 2
      ['Usage report', 7, null], // W2
      ['Training webinar', 14, null], // 2 weeks
      ['Health review', 60, null], // Month 3
      ['Business review', null, 'Q3'],
      ['Product newsletter', null, 'Ongoing'],
      ['Help center', null, 'Any time'],
      ['Renewal call', null, '1.5x cycle'],
      ['Win-back offer', null, 'After cancellation'],
      ['Case study ask', null, 'When happy'],
      ['Seat upsell', null, 'Quarterly'],
      ['Price change notice', null, 'Before renewal'],
      ['Office hours', null, 'Ad hoc'],
    ]);
  });

  it('says once that the When column is a timing column, with no invalid value per row', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]!.columns).toMatchObject({ stage: 'A', touchpoint: 'B', channel: 'C', team: 'D', day: 'E' });
    expect(ruleIds(result!)).not.toContain('invalid-value');
    const timing = result!.findings.filter((f) => f.ruleId === 'timing-text');
    expect(timing.map((f) => [f.severity, f.location.cell])).toEqual([['info', 'E1']]);
    expect(timing[0]!.message).toMatch(
      /^Column E holds timing words rather than days in 9 rows \('Q3', 'Ongoing', 'Any time'\); day-based checks use the 8 rows with a day/,
    );
  });
});
