import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { stageModelFromFile } from '../../src/rules/stage-model-from-file.js';
import { check, model } from '../helpers/inventory.js';

const LADDER = [
  ['Persona', 'Stage', 'Touchpoint', 'Channel'],
  ['Pro', 'At risk', 'Usage drop alert', 'Email'],
  ['Pro', 'Lapsed', 'We miss you', 'Email'],
  ['Pro', 'Dormant', 'Reactivation survey', 'Survey'],
  ['Pro', 'Lost', 'Exit interview', 'Phone'],
  ['Team', 'At risk', 'CSM call', 'Phone'],
  ['Team', 'Lost', 'Exit survey', 'Survey'],
];

describe('stage-model-from-file', () => {
  it("says once which stages were read as the file's own, with the config that pins them, at the stage header", () => {
    const reports = check(stageModelFromFile, model(LADDER));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.location.cell).toBe('B1');
    expect(findingSentence(reports[0]!)).toBe(
      'Stages read as this inventory\'s own model, in the order they first appear: At risk → Lapsed → Dormant → Lost; to pin them, put in journey.config.json: "stageModel": "custom", "stages": { "replace": true, "list": [{ "id": "at-risk", "label": "At risk" }, { "id": "lapsed", "label": "Lapsed" }, { "id": "dormant", "label": "Dormant" }, { "id": "lost", "label": "Lost" }] }.',
    );
  });

  it('gives a snippet that, put in the config, reads the file the same way', () => {
    const snippet = JSON.parse(`{${/put in journey\.config\.json: (.*)\.$/.exec(findingSentence(check(stageModelFromFile, model(LADDER))[0]!))![1]}}`);
    const pinned = model(LADDER, 'inventory.csv', resolveConfig(ConfigSchema.parse(snippet)).normalize);
    expect(pinned.stageSource.kind).toBe('config');
    expect(pinned.touchpoints.map((t) => t.stage)).toEqual(model(LADDER).touchpoints.map((t) => t.stage));
    expect(check(stageModelFromFile, pinned)).toEqual([]);
  });

  it("lets missing-stage work on the file's stages", () => {
    expect(check(missingStage, model(LADDER)).map((r) => `${r.persona}: ${r.stage}`)).toEqual(['Team: lapsed', 'Team: dormant']);
  });

  it('is silent for an inventory of the default stages', () => {
    expect(
      check(
        stageModelFromFile,
        model([
          ['Stage', 'Touchpoint', 'Channel'],
          ['Awareness', 'Ads', 'Paid ads'],
          ['Onboarding', 'Welcome', 'Email'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('stage-model-from-file, named models', () => {
  it('reads AARRR stage names as the aarrr model and says how to pin it', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Acquisition', 'Ads', 'Paid ads'],
      ['Activation', 'Welcome', 'Email'],
      ['Retention', 'Digest', 'Email'],
      ['Revenue', 'Upgrade offer', 'In-app'],
      ['Referral', 'Invite a friend', 'Email'],
    ]);
    expect(journey.stageSource).toMatchObject({ kind: 'file', name: 'aarrr' });
    expect(journey.touchpoints.map((t) => t.stage)).toEqual(['acquisition', 'activation', 'retention', 'revenue', 'referral']);
    expect(check(stageModelFromFile, journey).map((r) => [r.location.cell, findingSentence(r)])).toEqual([
      [
        'A1',
        'Stages read as the aarrr stage model, whose stage names this inventory uses: Acquisition → Activation → Retention → Referral → Revenue; to pin it, put "stageModel": "aarrr" in journey.config.json.',
      ],
    ]);
    expect(check(missingStage, journey)).toEqual([]);
  });
});
