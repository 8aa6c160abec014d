import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/engine/fingerprint.js';
import { finding } from '../helpers/results.js';

const of = (message: string, extra: Parameters<typeof finding>[3] = {}) => fingerprintOf(finding('warning', message, 2, extra), '/work');

describe('fingerprintOf', () => {
  // Baselines hold these values: a change here makes every baselined finding show up again.
  it('gives pinned fingerprints', () => {
    expect(of('"Welcome email" (Lifecycle) is followed by "Kickoff call" (CS) 14 days later; shorten the handoff')).toBe('1424975cf2f17210eb09af1dbca8');
    expect(of('Día 3: «Bienvenue» über 😀 𝐀lpha "unclosed')).toBe('1d2f626bb3c73a12e1a45ffe37b0');
  });

  it('ignores word order, figures and quoted names, not words', () => {
    const base = of('Lag of 14 days between "A" and "B"; shorten it');
    expect(of('Lag of 15 days between "C" and "D"; shorten it')).toBe(base);
    expect(of('shorten it; Lag of 14 days between "A" and "B"')).toBe(base);
    // Team lists follow row order; every order of the same words must give one fingerprint.
    const teams = ['Sales', 'Marketing', 'Customer Success', 'Support', 'Product', 'Lifecycle', 'Partnerships', 'RevOps'];
    const fingerprints = new Set<string>();
    for (let shift = 0; shift < teams.length; shift++) {
      const order = [...teams.slice(shift), ...teams.slice(0, shift)];
      fingerprints.add(of(`Stage is covered by ${order.join(', ')}; pick one owner`));
      fingerprints.add(of(`Stage is covered by ${order.reverse().join(', ')}; pick one owner`));
    }
    expect(fingerprints.size).toBe(1);
    expect(of('Lag of 14 weeks between "A" and "B"; shorten it')).not.toBe(base);
  });

  it('keys the touchpoint and persona by folded spelling, and never the row', () => {
    const base = of('x', { touchpoint: 'Kickoff call', persona: 'Practitioner' });
    expect(of('x', { touchpoint: 'KICKOFF-call', persona: 'practitioner' })).toBe(base);
    expect(of('x', { touchpoint: 'Kickoff câll' })).toBe(of('x', { touchpoint: 'Kickoff call' }));
    expect(of('x', { touchpoint: 'Renewal call' })).not.toBe(base);
    expect(fingerprintOf(finding('warning', 'x', 40), '/work')).toBe(fingerprintOf(finding('warning', 'x', 2), '/work'));
  });
});
