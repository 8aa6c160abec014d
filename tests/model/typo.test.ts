import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { confidentTypo } from '../../src/model/text.js';
import { CHANNELS, DEFAULT_STAGE_MODEL, Vocabulary, buildVocabularies } from '../../src/model/vocabulary.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const vocabularies = buildVocabularies(DEFAULT_STAGE_MODEL, CHANNELS);

describe('a confident typo', () => {
  it.each([
    ['Onbording', 'onboarding'],
    ['Onbaording', 'onboarding'],
    ['Awarness', 'awareness'],
    ['Retension', 'retention'],
    ['Advocacyy', 'advocacy'],
  ])('of a stage: %s is read as %s', (text, id) => {
    expect(vocabularies.stages.typo(text)).toBe(id);
  });

  it.each([
    ['Emial', 'email'],
    ['Webinr', 'webinar'],
    ['Newsleter', 'email'],
  ])('of a channel: %s is read as %s (a newsletter is e-mail)', (text, id) => {
    expect(vocabularies.channels.typo(text)).toBe(id);
  });

  it.each([
    ['Automatc', 'automatic', 'modes'],
    ['Manaul', 'manual', 'modes'],
    ['Outbond', 'outbound', 'directions'],
  ] as const)('of a mode or direction: %s is read as %s', (text, id, vocabulary) => {
    expect(vocabularies[vocabulary].typo(text)).toBe(id);
  });

  it.each([
    ['Boarding', 'two edits from "onboarding": a word of its own'],
    ['Emal', 'under five letters: too close to other words'],
    ['Xnboarding', 'the first letter differs'],
    ['Onboarding', 'a known value is no typo'],
    ['Carrier pigeon', 'near nothing'],
  ])('is not %s (%s)', (text) => {
    expect(vocabularies.stages.typo(text)).toBeNull();
    expect(vocabularies.channels.typo(text)).toBeNull();
  });

  it('is never a value as near to two known values, nor one that differs by a digit', () => {
    const vocabulary = new Vocabulary([
      { id: 'retain', label: 'Retain', synonyms: [] },
      { id: 'regain', label: 'Regain', synonyms: [] },
      { id: 'wave-2', label: 'Wave 2', synonyms: [] },
    ]);
    expect(vocabulary.typo('Rebain')).toBeNull();
    expect(vocabulary.typo('Wave 3')).toBeNull();
    expect(vocabulary.typo('Retainn')).toBe('retain');
    // Two spellings of one value at the same distance are no tie.
    expect(confidentTypo('emial', ['email', 'emails'])).toBe('email');
    expect(confidentTypo('emial', ['email', 'emil'], (key) => key)).toBeNull();
  });

  it('allows two edits only from ten letters', () => {
    expect(confidentTypo('cnsideraton', ['consideration'])).toBe('consideration');
    expect(confidentTypo('retentn', ['retention'])).toBeNull();
  });
});

const row = (stage: string, name: string, channel: string, mode = '', direction = '') => ['P', stage, name, 'Team', channel, mode, direction, '', ''];

describe('a row with a confident typo', () => {
  const stages = ['Awareness', 'Consideration', 'Decision', 'Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy'];
  const rows = [
    HEADER,
    ...stages.map((stage) => row(stage === 'Onboarding' ? 'Onbording' : stage, `${stage} touch`, 'Email')),
    row('Decision', 'Demo follow-up', 'Emial', 'Automatc', 'Outbond'),
  ];
  const journey = model(rows);

  it('is analysed as the value it misspells, so no stage rule loses the stage', () => {
    expect(journey.touchpoints.find((t) => t.name === 'Onboarding touch')!.stage).toBe('onboarding');
    expect(check(missingStage, journey)).toEqual([]);
    const followUp = journey.touchpoints.find((t) => t.name === 'Demo follow-up')!;
    expect([followUp.channel, followUp.mode, followUp.direction]).toEqual(['email', 'automatic', 'outbound']);
  });

  it('is still reported, saying how it is read meanwhile', () => {
    expect(check(unknownValue, journey).map((r) => [r.location.cell, findingSentence(r)])).toEqual([
      [
        'B5',
        'Stage \'Onbording\' of "Onboarding touch" is not a known stage; did you mean \'Onboarding\'? journey reads it as Onboarding meanwhile. Fix the spelling, or add "Onbording" to the synonyms of stage "onboarding" (stages.list in journey.config.json).',
      ],
      [
        'E10',
        'Channel \'Emial\' of "Demo follow-up" is not a known channel; did you mean \'Email\'? journey reads it as Email meanwhile. Fix the spelling, or add "Emial" to the synonyms of channel "email" (channels in journey.config.json).',
      ],
    ]);
    expect(check(invalidValue, journey).map((r) => [r.location.cell, findingSentence(r)])).toEqual([
      [
        'F10',
        "Mode 'Automatc' of \"Demo follow-up\" is not one of ongoing, automatic, manual; did you mean 'automatic'? journey reads it as automatic meanwhile",
      ],
      [
        'G10',
        "Direction 'Outbond' of \"Demo follow-up\" is not one of inbound, outbound, both; did you mean 'outbound'? journey reads it as outbound meanwhile",
      ],
    ]);
  });

  it('leaves a value that is no confident typo out of the analysis, as before', () => {
    const unsure = model([HEADER, ...stages.filter((s) => s !== 'Onboarding').map((s) => row(s, s, 'Email')), row('Boarding', 'Kickoff', 'Email')]);
    expect(unsure.touchpoints.at(-1)!.stage).toBeNull();
    expect(check(missingStage, unsure).map((r) => r.stage)).toEqual(['onboarding']);
  });

  it('never reads a status as its typo: "Retried" is one swap from "Retired", which would drop the row', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Status'],
      ['Decision', 'Demo', 'Email', 'Retried'],
    ]);
    expect(journey.touchpoints.map((t) => [t.name, t.status])).toEqual([['Demo', null]]);
    expect(check(invalidValue, journey).map(findingSentence)[0]).toMatch(
      /^Status 'Retried' of "Demo" is not one of live, planned, retired; did you mean 'retired'\?$/,
    );
  });
});
