import { describe, expect, it } from 'vitest';
import { missingStage } from '../../src/rules/missing-stage.js';
import { check, model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const STAGES = ['Awareness', 'Consideration', 'Decision', 'Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy'];
const touch = (Stage: string, Persona = 'P'): Row => ({ Persona, Stage, Touchpoint: `${Stage} touch`, Team: 'T', Channel: 'Email' });
const synonyms = ['Attract', 'Evaluation', 'Purchase', 'Activation', 'Usage', 'Renewal', 'Upsell'].map((stage) => touch(stage));

ruleTester(missingStage, {
  valid: [
    { name: 'every stage covered, per persona', rows: ['A', 'B'].flatMap((persona) => STAGES.map((stage) => touch(stage, persona))) },
    { name: 'an ignored stage', rows: synonyms, options: { ignoreStages: ['advocacy'] } },
  ],
  invalid: [
    {
      name: 'each stage a persona has no touchpoint in, in stage order, at the file',
      rows: STAGES.filter((stage) => stage !== 'Onboarding' && stage !== 'Advocacy').map((stage) => touch(stage)),
      expect: [
        {
          cell: null,
          stage: 'onboarding',
          message: 'P has no touchpoint in Onboarding',
          fix: 'add at least one touchpoint that meets P in this stage, or list "onboarding" in missing-stage\'s ignoreStages if it does not apply.',
        },
        { cell: null, stage: 'advocacy' },
      ],
    },
    { name: 'stages named by their synonyms', rows: synonyms, expect: [{ cell: null, stage: 'advocacy' }] },
  ],
});

describe('missing-stage', () => {
  it('places the finding at the file, with no row or column', () => {
    const reports = check(
      missingStage,
      model([
        ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel'],
        ['P', 'Awareness', 'Ad', 'T', 'Email'],
      ]),
    );
    expect(reports[0]!.location).toEqual({ file: 'inventory.csv', sheet: null, row: null, column: null, cell: null });
  });
});
