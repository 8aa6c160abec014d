import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/load.js';
import { fingerprintOf, messageKey } from '../../src/engine/fingerprint.js';
import { enabledRules, runRules } from '../../src/engine/run.js';
import type { Finding } from '../../src/model/schema.js';
import { HEADER, model } from '../helpers/inventory.js';
import { finding } from '../helpers/results.js';

const of = (message: string, extra: Parameters<typeof finding>[3] = {}) => fingerprintOf(finding('warning', message, 2, extra), '/work');

describe('fingerprintOf', () => {
  // Baselines hold these values: a change here makes every baselined finding show up again.
  it('gives pinned fingerprints', () => {
    expect(of('"Welcome email" (Lifecycle) is followed by "Kickoff call" (CS) 14 days later; shorten the handoff')).toBe('10dd79710629b9040a6e7a1d3117');
    expect(of('Día 3 «Bienvenue» über 😀 𝐀lpha "unclosed')).toBe('038efa61e40f150187276bc162a6');
  });

  it('keys a message by its statement: quotes, asides, figures and plural s left out, advice after ":" or ";" ignored', () => {
    expect(messageKey('P meets Onboarding on Email only (1 touchpoint); add a second channel')).toBe(
      messageKey('P meets Onboarding on Email only (4 touchpoints); add one'),
    );
    expect(messageKey('Stage \'Onbording\' of "Kickoff" is not a known stage')).toBe(
      messageKey("Stage 'Onbrding' of \"Call\" is not a known stage; did you mean 'onboarding'?"),
    );
    expect(messageKey('P sends 1 touchpoint')).toBe(messageKey('P sends 3 touchpoints'));
    // An apostrophe inside a word opens no quotation: the words after it still count.
    expect(messageKey("the journey's start is late")).not.toBe(messageKey("the journey's end is late"));
    // Unclosed marks are skipped, not read as opening an aside to the end.
    expect(messageKey('a (b "c')).toBe(messageKey('a b c'));
    expect(messageKey('Email only')).not.toBe(messageKey('SMS only'));
    expect(messageKey('')).toBe('0:0');
  });

  it('ignores word order, figures and quoted names, not words', () => {
    const base = of('Lag of 14 days between "A" and "B"; shorten it');
    expect(of('Lag of 15 days between "C" and "D"; shorten it')).toBe(base);
    expect(of('between "A" and "B" Lag of 14 days; shorten it')).toBe(base);
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
    expect(of('Lag of 14 days between "A" and "B"; bring "B" forward')).toBe(base);
  });

  it('keys the touchpoint and persona by folded spelling, and never the row', () => {
    const base = of('x', { touchpoint: 'Kickoff call', persona: 'Practitioner' });
    expect(of('x', { touchpoint: 'KICKOFF-call', persona: 'practitioner' })).toBe(base);
    expect(of('x', { touchpoint: 'Kickoff câll' })).toBe(of('x', { touchpoint: 'Kickoff call' }));
    expect(of('x', { touchpoint: 'Renewal call' })).not.toBe(base);
    expect(fingerprintOf(finding('warning', 'x', 40), '/work')).toBe(fingerprintOf(finding('warning', 'x', 2), '/work'));
  });
});

describe('fingerprints of real findings across ordinary edits', () => {
  const rows = [
    HEADER,
    ['Practitioner', 'Onboarding', 'Welcome email', 'Lifecycle', 'Email', 'Automatic', 'Outbound', 0, 'Daily'],
    ['Practitioner', 'Onboarding', 'Welcome e-mail', 'Marketing', 'Email', 'Automatic', 'Outbound', 1, 'Daily'],
    ['Practitioner', 'Onboarding', 'Setup tips', 'Lifecycle', 'Email', 'Manual', 'Outbound', 2, 'Once'],
    ['Practitioner', 'Adoption', 'Kickoff call', 'Customer Success', 'Phone', 'Manual', 'Outbound', 30, 'Once'],
    ['Practitioner', 'Adoption', 'Usage report', 'Customer Success', 'Spaceship', 'Manual', 'Outbound', 31, 'Monthly'],
  ];
  const audit = async (table: typeof rows): Promise<Finding[]> => {
    const config = await new ConfigResolver().forFile(null);
    return runRules(model(table), enabledRules(config), config.settings, '2026-11-25');
  };
  const byRule = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();

  it('keep every fingerprint when a row is inserted above and the rows are re-sorted', async () => {
    const before = await audit(rows);
    expect(before.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['duplicate-effort', 'over-communication', 'one-way-stage', 'single-channel-stage', 'handoff-lag', 'unknown-value']),
    );
    const inserted = [
      rows[0]!,
      ['Practitioner', 'Awareness', 'Launch webinar', 'Marketing', 'Webinar', 'Manual', 'Inbound', 0, 'Once'],
      ...rows.slice(1).reverse(),
    ];
    // The new row's own stage is the only one whose findings may change.
    const outsideAwareness = (findings: Finding[]) => findings.filter((f) => f.stage !== 'awareness');
    expect(byRule(outsideAwareness(await audit(inserted)))).toEqual(byRule(outsideAwareness(before)));
  });

  it('keep the fingerprints of stage findings when the stage gains a touchpoint (counts and name lists change)', async () => {
    const before = await audit(rows);
    const grown = [...rows, ['Practitioner', 'Onboarding', 'Welcome mail', 'Lifecycle', 'Email', 'Automatic', 'Outbound', 3, 'Daily']];
    const after = await audit(grown);
    for (const ruleId of ['over-communication', 'one-way-stage', 'single-channel-stage']) {
      const was = before.find((f) => f.ruleId === ruleId && f.stage === 'onboarding')!;
      const now = after.find((f) => f.ruleId === ruleId && f.stage === 'onboarding')!;
      expect(now.message, ruleId).not.toBe(was.message);
      expect(now.fingerprint, ruleId).toBe(was.fingerprint);
    }
  });

  it('keep a duplicate-effort fingerprint when another team sends one more similar touchpoint (its team list and count change)', async () => {
    const before = (await audit(rows)).find((f) => f.ruleId === 'duplicate-effort')!;
    expect(before.message).toMatch(/^Lifecycle and Marketing both send/);
    const grown = [...rows, ['Practitioner', 'Onboarding', 'Welcome mail', 'Support', 'Email', 'Automatic', 'Outbound', 1, 'Daily']];
    const after = (await audit(grown)).find((f) => f.ruleId === 'duplicate-effort')!;
    expect(after.message).toMatch(/^Lifecycle, Marketing and Support all send/);
    expect(after.fingerprint).toBe(before.fingerprint);
    // A different channel is a different finding.
    const sms = rows.map((row) => (row[1] === 'Onboarding' && row[4] === 'Email' ? [...row.slice(0, 4), 'SMS', ...row.slice(5)] : row));
    expect((await audit(sms)).find((f) => f.ruleId === 'duplicate-effort')!.fingerprint).not.toBe(before.fingerprint);
  });

  it('keep header findings when a column is inserted before them (their column letters change)', async () => {
    const withHeaders = (extra: number) => {
      const pad = Array.from({ length: extra }, (_, i) => `Extra ${i}`);
      return rows.map((row, r) => (r === 0 ? [...pad, ...row, 'Channel', ''] : [...pad.map(() => 'x'), ...row, 'Phone', 'data']));
    };
    const findings = async (extra: number) => (await audit(withHeaders(extra))).filter((f) => f.ruleId === 'duplicate-header' || f.ruleId === 'blank-header');
    const before = await findings(0);
    const after = await findings(1);
    expect(before.map((f) => f.ruleId).sort()).toEqual(['blank-header', 'duplicate-header']);
    expect(after.map((f) => f.message)).not.toEqual(before.map((f) => f.message));
    expect(byRule(after)).toEqual(byRule(before));
  });
});
