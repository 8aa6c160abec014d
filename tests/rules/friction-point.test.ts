import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Stage', 'Touchpoint', 'Channel', 'Drop-off', 'Unsubscribe rate', 'NPS', 'CSAT', 'Sentiment', 'Pain point'];
const row = (values: Partial<Record<'drop' | 'unsub' | 'nps' | 'csat' | 'sentiment' | 'pain', string | number>>) =>
  ['Onboarding', 'Invoice email', 'Email', values.drop ?? '', values.unsub ?? '', values.nps ?? '', values.csat ?? '', values.sentiment ?? '', values.pain ?? ''];

describe('friction-point', () => {
  it('quotes every figure beyond its limit and the pain point, at the first such cell', () => {
    const reports = check(frictionPoint, model([header, row({ drop: '45%', sentiment: 'Frustrated', pain: 'Cannot find the PDF' })]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('"Invoice email" is a friction point: sentiment "Frustrated" and drop-off 45% (limit 30%); pain point: "Cannot find the PDF"; fix the cause and measure again.');
    expect(reports[0]!.location.cell).toBe('H2');
    expect(reports[0]!.related.map((r) => r.cell)).toEqual(['D2', 'I2']);
  });

  it('fires on each kind of figure alone', () => {
    expect(check(frictionPoint, model([header, row({ unsub: '2%' })]))[0]!.message).toMatch(/unsubscribe rate 2% \(limit 1%\)/);
    expect(check(frictionPoint, model([header, row({ nps: -12 })]))[0]!.message).toMatch(/NPS -12 \(limit 0\)/);
    expect(check(frictionPoint, model([header, row({ csat: 3 })]))[0]!.message).toMatch(/CSAT 60% \(limit 70%\)/);
    expect(check(frictionPoint, model([header, row({ sentiment: -2 })]))[0]!.message).toMatch(/sentiment "-2"/);
  });

  it('is silent within limits, and without figures', () => {
    expect(check(frictionPoint, model([header, row({ drop: 0.2, unsub: '0.5%', nps: 30, csat: '85%', sentiment: 'Delighted', pain: 'none really' })]))).toEqual([]);
    expect(check(frictionPoint, model([header, row({})]))).toEqual([]);
  });

  it('uses each limit option', () => {
    const figures = row({ drop: '25%', unsub: '0.8%', nps: 10, csat: 4, sentiment: 'Neutral' });
    expect(check(frictionPoint, model([header, figures]))).toEqual([]);
    const strict = check(frictionPoint, model([header, figures]), { maxDropOffRate: 0.2, maxUnsubscribeRate: 0.005, minNps: 20, minCsat: 0.9, minSentiment: 1 });
    expect(findingSentence(strict[0]!)).toBe('"Invoice email" is a friction point: sentiment "Neutral", drop-off 25% (limit 20%), unsubscribe rate 0.8% (limit 0.5%), NPS 10 (limit 20) and CSAT 80% (limit 90%); fix the cause and measure again.');
  });
});
