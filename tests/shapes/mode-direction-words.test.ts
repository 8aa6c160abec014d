import { describe, expect, it } from 'vitest';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/mode-direction-words.csv';

describe('shape: mode and direction in words', () => {
  it('reads Yes/No, Y/N, Auto, Triggered, Scheduled, Human, 1:1 and Both, Two-way, In, Out, "Inbound + outbound"', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.name, t.mode, t.direction])).toEqual([
      ['Welcome email', 'automatic', 'outbound'], // Yes, Out
      ['Setup call', 'manual', 'both'], // No, Two-way
      ['Setup reminder', 'automatic', 'outbound'], // Y
      ['Support chat', 'manual', 'both'], // N, Both
      ['Usage digest', 'automatic', 'outbound'], // Auto
      ['Inactivity nudge', 'automatic', 'outbound'], // Triggered
      ['Monthly newsletter', 'automatic', 'outbound'], // Scheduled
      ['Renewal conversation', 'manual', 'both'], // Human, Inbound + outbound
      ['Account review', 'manual', 'both'], // 1:1
      ['Feedback form', 'automatic', 'inbound'], // Automated, In
    ]);
    expect(model.problems).toEqual([]);
  });

  it('audits with no invalid value, and two-way touchpoints count as a way back', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]!.columns).toMatchObject({ mode: 'E', direction: 'F' });
    expect(ruleIds(result!)).not.toContain('invalid-value');
    expect(ruleIds(result!)).not.toContain('one-way-stage');
  });
});
