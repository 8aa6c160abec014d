import { describe, expect, it } from 'vitest';
import { handoffLag } from '../../src/rules/handoff-lag.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const rows = (kickoffDay: number, kickoffTeam = 'Customer Success') => [
  HEADER,
  ['P', 'Decision', 'Live demo', 'Sales', 'Video call', 'Manual', 'Outbound', 10, 'Once'],
  ['P', 'Decision', 'Contract signed confirmation', 'Sales', 'Email', 'Automatic', 'Outbound', 30, 'Once'],
  ['P', 'Onboarding', 'Kickoff call', kickoffTeam, 'Video call', 'Manual', 'Outbound', kickoffDay, 'Once'],
  ['P', 'Onboarding', 'Welcome email', kickoffTeam, 'Email', 'Automatic', 'Outbound', kickoffDay + 1, 'Once'],
];

describe('handoff-lag', () => {
  it('reports a slow handoff between teams at the receiving row, with the giving row related', () => {
    const reports = check(handoffLag, model(rows(44)));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/^Sales → Customer Success handoff: 14 days from "Contract signed confirmation".* to "Kickoff call"/);
    expect(reports[0]!.location.cell).toBe('H4');
    expect(reports[0]!.related[0]!.cell).toBe('H3');
  });

  it('does not fire within maxDays, for the same team, or without days', () => {
    expect(check(handoffLag, model(rows(37)))).toEqual([]);
    expect(check(handoffLag, model(rows(60, 'sales')))).toEqual([]);
    const noDays = rows(44).map((row, i) => (i === 0 ? row : row.map((cell, c) => (c === 7 ? '' : cell))));
    expect(check(handoffLag, model(noDays))).toEqual([]);
  });

  it('advises a bridging touchpoint, not bringing the receiving one forward, for a gap of bridgeDays or more', () => {
    const [short] = check(handoffLag, model(rows(89)));
    expect(short!.message).toMatch(/; bring "Kickoff call" forward or bridge the gap to at most 7 days\.$/);
    const [long] = check(handoffLag, model(rows(90)));
    expect(long!.message).toMatch(/: 60 days from .*; add a touchpoint from Customer Success in between .* rather than moving "Kickoff call" forward\.$/);
    const [year] = check(handoffLag, model(rows(365)));
    expect(year!.message).toContain('add a touchpoint from Customer Success in between');
    // Only the advice changes: the finding is the same one to a baseline.
    expect(year!.message.split(';')[0]).toMatch(/handoff: 335 days from/);
    const [custom] = check(handoffLag, model(rows(90)), { bridgeDays: 100 });
    expect(custom!.message).toContain('bring "Kickoff call" forward');
  });

  it('uses the maxDays option', () => {
    expect(check(handoffLag, model(rows(44)), { maxDays: 14 })).toEqual([]);
    expect(check(handoffLag, model(rows(38)), { maxDays: 7 })).toHaveLength(1);
  });

  it('orders by stage order, not by row order, and skips absent stages', () => {
    const reports = check(handoffLag, model([
      HEADER,
      ['P', 'Retention', 'Renewal call', 'Account Management', 'Phone', '', '', 200, ''],
      ['P', 'Decision', 'Contract signed', 'Sales', 'Email', '', '', 30, ''],
    ]));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toContain('Sales → Account Management handoff: 170 days');
  });
});
