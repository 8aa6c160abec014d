import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { journey } from '../helpers/cli.js';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

describe('shape: journey-map grid (lanes down, stages across)', () => {
  it('reads each item of a Touchpoint cell as a touchpoint of its stage, with the stage lanes', async () => {
    const model = await readShape('fixtures/shapes/journey-map.xlsx');
    expect(model.touchpoints.map((t) => [t.stage, t.name, t.channels, t.sentiment?.score, t.team])).toEqual([
      ['awareness', 'FB ads', ['paid-ads'], 0, 'Marketing'],
      ['awareness', 'SEO', ['blog'], 0, 'Marketing'],
      ['consideration', 'Pricing page', ['website'], -1, 'Marketing'],
      ['consideration', 'Webinar invite', ['webinar'], -1, 'Marketing'],
      ['consideration', 'Case study', ['blog'], -1, 'Marketing'],
      ['decision', 'Checkout', ['website'], -1, 'Product'],
      ['onboarding', 'Welcome email', ['email'], 1, 'Customer Success'],
      ['onboarding', 'Kickoff call', ['video-call'], 1, 'Customer Success'],
      ['onboarding', 'In-app tour', ['in-app'], 1, 'Customer Success'],
      ['adoption', 'Weekly tips email', ['email'], 1, 'Product'],
      ['adoption', 'Help center article', ['help-center'], 1, 'Product'],
      ['retention', 'Renewal reminder', ['email'], 0, 'Customer Success'],
    ]);
    const checkout = model.touchpoints[5]!;
    expect(checkout).toMatchObject({
      persona: 'Map',
      painPoint: 'Surprise setup fee',
      opportunity: 'Show the full price upfront',
      notes: 'Goal: Pay without surprises · Action: Enters card details',
    });
    expect(model.problems).toEqual([]);
    expect(model.files[0]!.sheets[0]!.grid!.lanes.map((lane) => [lane.label, lane.row, lane.readAs])).toEqual([
      ['Goal', 5, 'goal'],
      ['Touchpoints', 6, 'touchpoint'],
      ['Channel', 7, 'channel'],
      ['Action', 8, 'action'],
      ['Emotion', 9, 'sentiment'],
      ['Pain points', 10, 'painPoint'],
      ['Opportunities', 11, 'opportunity'],
      ['Team', 12, 'team'],
    ]);
  });

  it('audits with findings at the real cells of the map', () => {
    const { code, stderr, result } = auditShape('fixtures/shapes/journey-map.xlsx');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets.map((s) => [s.sheet, s.headerRow, s.touchpoints, s.skipped])).toEqual([
      ['Map', 4, 12, null],
      ['Notes', null, 0, 'skipped: no inventory header in the first 30 rows'],
    ]);
    expect(result!.files[0]!.sheets[0]!.columns).toEqual({ stage: 'A', touchpoint: 'A', channel: 'A', sentiment: 'A', painPoint: 'A', team: 'A' });
    expect(ruleIds(result!)).not.toContain('unknown-value');
    expect(ruleIds(result!)).not.toContain('invalid-value');
    // The Team lane owns every touchpoint.
    expect(ruleIds(result!)).not.toContain('missing-owner');
    // The Channel lane says the channels: nothing is inferred to report.
    expect(ruleIds(result!)).not.toContain('inferred-channel');
    const friction = result!.findings.filter((f) => f.ruleId === 'friction-point');
    expect(friction.map((f) => [f.stage, f.location.cell, f.related.map((l) => l.cell)])).toEqual([
      ['consideration', 'Map!C9', ['Map!C10']],
      ['decision', 'Map!D9', ['Map!D10']],
    ]);
    expect(findingSentence(friction[0]!)).toBe(
      'Consideration is a friction point for "Pricing page", "Webinar invite" and "Case study": sentiment "😰 Anxious"; pain point: "Plans are hard to compare"; fix the cause and measure again.',
    );
    // Expansion and advocacy have no column on this map.
    expect(result!.findings.filter((f) => f.ruleId === 'missing-stage').map((f) => f.stage)).toEqual(['expansion', 'advocacy']);
  });

  it("lists each stage's pain points and opportunities in the report", () => {
    const { code, stdout } = journey(['report', 'fixtures/shapes/journey-map.xlsx']);
    expect(code).toBe(0);
    expect(stdout).toContain('### Pain points and opportunities');
    expect(stdout).toContain('| Decision | Surprise setup fee | Show the full price upfront |');
    expect(stdout).toContain('| Awareness | — | Retarget pricing visitors |');
  });

  it('reads another author\'s grid: a blank corner, "Touchpoint(s)", "Feelings", "Pains", "Ideas", items on lines and after semicolons', async () => {
    const model = await readShape('fixtures/shapes/journey-map.csv');
    expect(model.touchpoints.map((t) => [t.stage, t.name, t.channels, t.sentiment, t.painPoint, t.opportunity])).toEqual([
      ['awareness', 'LinkedIn post', ['social'], { score: 1, text: 'Intrigued' }, null, null],
      ['awareness', 'Podcast interview', ['podcast'], { score: 1, text: 'Intrigued' }, null, null],
      ['consideration', 'Demo call', ['video-call'], { score: -1, text: 'Skeptical' }, 'Demo felt generic', 'Tailor the demo to the industry'],
      ['onboarding', 'Setup guide', [], { score: -1, text: 'Overwhelmed' }, 'Too many setup steps', 'Guided setup'],
      ['onboarding', 'Onboarding webinar', ['webinar'], { score: -1, text: 'Overwhelmed' }, 'Too many setup steps', 'Guided setup'],
      ['retention', 'NPS survey', ['survey'], { score: 1, text: 'Valued' }, null, 'Thank-you note from the founder'],
      ['retention', 'Renewal call', ['phone'], { score: 1, text: 'Valued' }, null, 'Thank-you note from the founder'],
    ]);
    const { code, result } = auditShape('fixtures/shapes/journey-map.csv');
    expect(code).toBe(0);
    expect(result!.findings.filter((f) => f.ruleId === 'friction-point').map((f) => f.location.cell)).toEqual(['C3', 'D3']);
    // No Channel lane: the names gave the channels, said once at the Touchpoints lane.
    expect(result!.findings.filter((f) => f.ruleId === 'inferred-channel').map((f) => [f.location.cell, findingSentence(f)])).toEqual([
      [
        'A2',
        'No channel lane: read the channel from 6 touchpoint names (e.g. "LinkedIn post" → Social, "Podcast interview" → Podcast, "Demo call" → Video call); 1 names no channel ("Setup guide"); add a Channel lane to say each touchpoint\'s channel outright',
      ],
    ]);
  });
});
