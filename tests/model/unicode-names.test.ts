// Names in any script are keyed by their letters and digits: two Cyrillic personas stay two, teams named
// in Japanese hand off, findings on two such touchpoints keep two fingerprints, and diff does not pair
// unrelated touchpoints as renamed because their keys were both empty.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { acceptedBy, applyBaseline, baselineOf } from '../../src/engine/baseline.js';
import { enabledRules, runRules } from '../../src/engine/run.js';
import { recount } from '../../src/engine/summary.js';
import { findHandoffs } from '../../src/model/handoffs.js';
import { nameKey } from '../../src/model/name-tokens.js';
import { foldKey } from '../../src/model/text.js';
import { matchTouchpoints } from '../../src/views/diff/compare.js';
import { HEADER, model } from '../helpers/inventory.js';
import { resultWith } from '../helpers/results.js';

describe('foldKey and nameKey in any script', () => {
  it('keeps letters and digits of every script, folded by NFKC and case', () => {
    expect(['Админ', 'Клиент', 'マーケティング', '営業', 'Ὀδυσσεύς', 'ＡＢＣ 12', 'ｶﾀｶﾅ', 'Straße', 'नमस्ते'].map(foldKey)).toEqual([
      'админ',
      'клиент',
      'マーケティング',
      '営業',
      'οδυσσευς',
      'abc12',
      'カタカナ',
      'strasse',
      'नमस्ते',
    ]);
    // Case and compatibility forms still meet; ASCII folds as it always did.
    expect(foldKey('АДМИН')).toBe(foldKey('админ'));
    expect(foldKey('STRASSE')).toBe(foldKey('Straße'));
    expect(foldKey(' E-mail & Co ')).toBe('emailandco');
    // Names of symbols only (emoji) keep their symbols: two such names are two.
    expect(foldKey('🚀')).not.toBe(foldKey('🎉'));
    expect(foldKey('— ')).toBe('');
  });

  it('gives a name in another script its words', () => {
    expect(nameKey('Приветственное письмо').tokens).toEqual(['приветственное', 'письмо']);
    expect(nameKey('お客様 サポート').tokens).toEqual(['お客様', 'サポート']);
    expect(nameKey('Договор').key).not.toBe(nameKey('Звонок').key);
  });
});

const rows = [
  HEADER,
  ['Админ', 'Decision', 'Договор подписан', 'マーケティング', 'Email', 'Automatic', 'Outbound', 30, 'Once'],
  ['Админ', 'Onboarding', 'Звонок', '営業', 'Video call', 'Manual', 'Outbound', 60, 'Once'],
  ['Клиент', 'Decision', 'Договор подписан', 'マーケティング', 'Email', 'Automatic', 'Outbound', 30, 'Once'],
  ['Клиент', 'Onboarding', 'Приветствие', '営業', 'Video call', 'Manual', 'Outbound', 60, 'Once'],
];

describe('models and findings keyed by Unicode names', () => {
  const journey = model(rows);
  const config = resolveConfig();
  const findings = runRules(journey, enabledRules(config), config.settings, '2026-11-25');

  it('keeps Админ and Клиент two personas and finds the handoff from マーケティング to 営業', () => {
    expect(journey.personas.map((p) => p.name)).toEqual(['Админ', 'Клиент']);
    expect(findHandoffs(journey).map((h) => `${h.persona}: ${h.from.team} → ${h.to.team}`)).toEqual([
      'Админ: マーケティング → 営業',
      'Клиент: マーケティング → 営業',
    ]);
    expect(findings.filter((f) => f.ruleId === 'handoff-lag').map((f) => f.touchpoint)).toEqual(['Звонок', 'Приветствие']);
  });

  it('gives findings on different Cyrillic touchpoints and personas different fingerprints; a baseline hides only its own', () => {
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
    const lags = findings.filter((f) => f.ruleId === 'handoff-lag');
    const baseline = acceptedBy(baselineOf(recount(resultWith(findings), [lags[0]!])));
    const after = applyBaseline(resultWith(findings), baseline);
    expect(after.findings.filter((f) => f.ruleId === 'handoff-lag').map((f) => f.touchpoint)).toEqual(['Приветствие']);
    expect(after.summary.baselined).toBe(1);
  });

  it('diff pairs touchpoints by their words in any script, not by an empty key', () => {
    const before = model(rows).touchpoints.filter((t) => t.persona === 'Клиент');
    const after = model(rows.map((row) => row.map((cell) => (cell === 'Приветствие' ? 'Обучение' : cell)))).touchpoints.filter((t) => t.persona === 'Клиент');
    const matched = matchTouchpoints(before, after);
    expect(matched.pairs.map(([b, a, how]) => `${before[b]!.name} ${how} ${after[a]!.name}`)).toEqual(['Договор подписан same Договор подписан']);
    expect([matched.removed.map((i) => before[i]!.name), matched.added.map((i) => after[i]!.name)]).toEqual([['Приветствие'], ['Обучение']]);
  });
});
