import { describe, expect, it } from 'vitest';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/headers-as-written.csv';

describe('shape: headers as people write them (snake_case, camelCase, brackets, "Auto?", "In/Out")', () => {
  it("maps every header by its words, and an Owner column of people's names to the owner", () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]).toMatchObject({
      touchpoints: 5,
      columns: { stage: 'A', touchpoint: 'B', channel: 'C', owner: 'D', day: 'E', dropOff: 'F', mode: 'G', direction: 'H' },
    });
    expect(ruleIds(result!)).not.toContain('invalid-value');
    expect(ruleIds(result!)).not.toContain('unknown-value');
    // No team column: said once, not per row.
    expect(result!.findings.filter((f) => f.ruleId === 'missing-owner')).toHaveLength(1);
    // Drop-off (%) 35 is 35%, above the 30% limit.
    expect(result!.findings.filter((f) => f.ruleId === 'friction-point').map((f) => [f.touchpoint, f.location.cell])).toEqual([['Product demo', 'F3']]);
  });

  it('reads the values under them', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.stage, t.name, t.channels, t.owner, t.team, t.day, t.metrics.dropOffRate, t.mode, t.direction])).toEqual([
      ['awareness', 'Spring promo', ['paid-ads'], 'Jordan Lee', null, 0, 0.12, 'automatic', 'outbound'],
      ['consideration', 'Product demo', ['webinar'], 'Priya Shah', null, 5, 0.35, 'manual', 'outbound'],
      ['decision', 'Trial ending', ['email'], 'Jordan Lee', null, 12, 0.08, 'automatic', 'outbound'],
      ['onboarding', 'Welcome', ['email'], 'Sam Ortiz', null, 14, 0.04, 'automatic', 'outbound'],
      ['adoption', 'Help chat', ['chat'], 'Sam Ortiz', null, 15, null, 'manual', 'inbound'],
    ]);
  });
});
