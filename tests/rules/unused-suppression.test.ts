import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/load.js';
import { enabledRules, runRules } from '../../src/engine/run.js';
import { applySuppressions } from '../../src/engine/suppress.js';
import { RULES } from '../../src/rules/index.js';
import { findingSentence } from '../../src/model/schema.js';
import { unusedSuppression } from '../../src/rules/unused-suppression.js';
import { journey } from '../helpers/cli.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const IDS = RULES.map((rule) => rule.id);
const rows = (kickoffNotes: string) => [
  [...HEADER, 'Notes'],
  ['P', 'Decision', 'Contract signed confirmation', 'Sales', 'Email', 'Automatic', 'Outbound', 30, 'Once', ''],
  ['P', 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Manual', 'Outbound', 44, 'Once', kickoffNotes],
];

async function run(notes: string) {
  const journeyModel = model(rows(notes));
  const config = await new ConfigResolver().forFile(null);
  return applySuppressions(runRules(journeyModel, enabledRules(config), config.settings, '2026-11-25'), journeyModel, IDS, 'warning');
}

describe('journey-ignore notes and unused-suppression', () => {
  it('silences the named rule on its own row only', async () => {
    const plain = await run('');
    expect(plain.kept.some((f) => f.ruleId === 'handoff-lag' && f.location.row === 3)).toBe(true);
    const silenced = await run('Booked by CS. journey-ignore: handoff-lag');
    expect(silenced.kept.some((f) => f.ruleId === 'handoff-lag')).toBe(false);
    expect(silenced.suppressed).toBe(1);
    expect(silenced.unused).toEqual([]);
    // Other rules on the row, and the same rule elsewhere, still report.
    expect(silenced.kept.length).toBe(plain.kept.length - 1);
  });

  it('takes several rule ids, in any case', async () => {
    const both = await run('JOURNEY-IGNORE: Handoff-Lag, duplicate-row');
    expect(both.kept.some((f) => f.ruleId === 'handoff-lag' && f.location.row === 3)).toBe(false);
    expect(both.unused.map(findingSentence)).toEqual([
      'Unused suppression of "duplicate-row" in the notes of "Kickoff call": no duplicate-row finding on row 3; remove "journey-ignore: duplicate-row" from the note.',
    ]);
  });

  it('reports a note that silences nothing, or names no rule, at the Notes cell', async () => {
    const { unused } = await run('journey-ignore: stale-review, handof-lag');
    expect(unused.map((f) => [f.ruleId, f.severity, f.location.cell, f.touchpoint])).toEqual([
      ['unused-suppression', 'warning', 'J3', 'Kickoff call'],
      ['unused-suppression', 'warning', 'J3', 'Kickoff call'],
    ]);
    expect(findingSentence(unused[1]!)).toBe('Suppression of "handof-lag" in the notes of "Kickoff call" names no rule; did you mean "handoff-lag"?');
    // The rule's own check reports nothing: only the engine knows which notes were used.
    expect(check(unusedSuppression, model(rows('journey-ignore: stale-review')))).toEqual([]);
  });

  it('end to end: the audit counts silenced findings as ignored, and the config can turn unused reports off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-suppress-'));
    const csv = (notes: string) => {
      const path = join(dir, `inventory-${notes.length}.csv`);
      writeFileSync(
        path,
        rows(notes)
          .map((row) => row.join(','))
          .join('\n'),
      );
      return path;
    };
    const result = (args: string[]) =>
      JSON.parse(journey(['audit', ...args, '-f', 'json']).stdout) as { findings: { ruleId: string }[]; summary: { ignored: number } };
    const silenced = result([csv('journey-ignore: handoff-lag')]);
    expect(silenced.findings.map((f) => f.ruleId)).not.toContain('handoff-lag');
    expect(silenced.summary.ignored).toBe(1);
    const stale = csv('journey-ignore: stale-review; an old note');
    expect(result([stale]).findings.map((f) => f.ruleId)).toContain('unused-suppression');
    const config = join(dir, 'off.json');
    writeFileSync(config, '{ "rules": { "unused-suppression": "off" } }');
    expect(result([stale, '-c', config]).findings.map((f) => f.ruleId)).not.toContain('unused-suppression');
  });
});
