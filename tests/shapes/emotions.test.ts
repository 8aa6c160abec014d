import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/emotions.csv';

describe('shape: emotion words and emoji in the sentiment column', () => {
  it('scores each feeling on -2..+2 and keeps a word no lexicon knows as text', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.name, t.sentiment])).toEqual([
      ['Instagram story ad', { score: 0, text: '🤔 Curious' }],
      ['Pricing page', { score: -1, text: '😰 Anxious' }],
      ['Plan comparison guide', { score: 1, text: 'Hopeful' }],
      ['Checkout', { score: -1, text: 'Overwhelmed' }],
      ['Welcome email', { score: 1, text: 'Relieved' }],
      ['Kickoff call', { score: 1, text: 'Valued' }],
      ['Weekly tips email', { score: 0, text: 'Meh' }],
      ['Billing page', { score: -2, text: '😡 Furious' }],
      ['Renewal reminder', { score: null, text: 'Wistful' }],
      ['Referral invite', { score: 2, text: '😍 Delighted' }],
    ]);
    expect(model.problems).toEqual([]);
  });

  it('audits with friction at the negative feelings only, and no invalid value for any of them', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]!.columns).toMatchObject({ stage: 'A', touchpoint: 'B', channel: 'C', team: 'D', sentiment: 'E', painPoint: 'F' });
    expect(ruleIds(result!)).not.toContain('invalid-value');
    expect(ruleIds(result!)).not.toContain('unknown-value');
    const friction = result!.findings.filter((f) => f.ruleId === 'friction-point');
    expect(friction.map((f) => [f.touchpoint, f.location.cell])).toEqual([
      ['Pricing page', 'E3'],
      ['Checkout', 'E5'],
      ['Billing page', 'E9'],
    ]);
    expect(findingSentence(friction[0]!)).toBe(
      '"Pricing page" is a friction point: sentiment "😰 Anxious"; pain point: "Can\'t tell which plan fits a team of 8"; fix the cause and measure again.',
    );
  });
});
