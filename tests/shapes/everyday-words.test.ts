import { describe, expect, it } from 'vitest';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/everyday-words.xlsx';

describe("shape: everyday channel and stage words (a retail team's workbook)", () => {
  it('maps each word where a CX person would expect it', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.stage, t.channels[0]])).toEqual([
      ['decision', 'event'], // Acquisition, Trade show
      ['decision', 'word-of-mouth'], // Acquisition, Word of mouth
      ['decision', 'in-person'], // Purchase, Store
      ['decision', 'website'], // Purchase, Web
      ['onboarding', 'in-app'], // Post-purchase, Mobile app
      ['onboarding', 'in-app'], // Post-purchase, Portal
      ['adoption', 'in-person'], // Service, In-person meeting
      ['adoption', 'support-desk'], // Service, Support ticket
      ['adoption', 'system'], // Service, System
      ['advocacy', 'community'], // Loyalty, Slack community
      ['advocacy', 'direct-mail'], // Loyalty, Direct mail
      ['retention', 'email'], // Win-back
      ['retention', 'survey'], // Churn
    ]);
    expect(model.problems).toEqual([]);
  });

  it('audits with no vocabulary noise: every stage and channel known', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]).toMatchObject({
      sheet: 'Store customers',
      touchpoints: 13,
      columns: { stage: 'A', touchpoint: 'B', channel: 'C', team: 'D' },
    });
    expect(ruleIds(result!)).not.toContain('unknown-value');
    expect(result!.findings.filter((f) => f.ruleId === 'missing-stage').map((f) => f.stage)).toEqual(['awareness', 'consideration', 'expansion']);
  });
});
