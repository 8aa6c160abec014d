import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const STAGES = ['Awareness', 'Consideration', 'Decision', 'Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy'];

describe('missing-stage', () => {
  it('reports each stage a persona has no touchpoint in, in stage order, at the file', () => {
    const reports = check(missingStage, model([HEADER, ...STAGES.filter((s) => s !== 'Onboarding' && s !== 'Advocacy').map((s) => ['P', s, `${s} touch`, 'T', 'Email', '', '', '', ''])]));
    expect(reports.map((r) => r.stage)).toEqual(['onboarding', 'advocacy']);
    expect(findingSentence(reports[0]!)).toBe('P has no touchpoint in Onboarding; add at least one touchpoint that meets P in this stage, or list "onboarding" in missing-stage\'s ignoreStages if it does not apply.');
    expect(reports[0]!.location).toEqual({ file: 'inventory.csv', sheet: null, row: null, column: null, cell: null });
  });

  it('is silent when every stage is covered, per persona', () => {
    const rows = [HEADER, ...['A', 'B'].flatMap((p) => STAGES.map((s) => [p, s, `${s} touch`, 'T', 'Email', '', '', '', '']))];
    expect(check(missingStage, model(rows))).toEqual([]);
  });

  it('counts synonyms and skips ignored stages', () => {
    const rows = [HEADER, ...['Attract', 'Evaluation', 'Purchase', 'Activation', 'Usage', 'Renewal', 'Upsell'].map((s) => ['P', s, `${s} touch`, 'T', 'Email', '', '', '', ''])];
    expect(check(missingStage, model(rows)).map((r) => r.stage)).toEqual(['advocacy']);
    expect(check(missingStage, model(rows), { ignoreStages: ['advocacy'] })).toEqual([]);
  });
});
