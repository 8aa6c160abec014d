import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { SentimentLexicon, fromFivePointScale } from '../../src/model/sentiment.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { check, model } from '../helpers/inventory.js';

const lexicon = new SentimentLexicon();

describe('emotion lexicon', () => {
  it.each([
    // Journey's own CX words.
    ['Relieved', 1],
    ['Valued', 1],
    ['Overwhelmed', -1],
    ['Meh', 0],
    ['Curious', 0],
    ['delighted', 2],
    // AFINN-165 words journey does not list itself: ±2 → ±1, ±3 and beyond → ±2.
    ['Hopeless', -1],
    ['Joyful', 2],
    ['Disgusted', -2],
    // Emoji alone (emoji-emotion), with a variation selector or a skin tone.
    ['😰', -1],
    ['🤔', 0],
    ['😟', -2],
    ['😍', 2],
    ['☺️', 1],
    ['👍🏽', 1],
    // Emoji and word together: their mean.
    ['😰 Anxious', -1],
    ['🤔 Curious', 0],
    ['🥳 Excited', 2],
    ['😀 Relieved', 1],
    // Phrases, negation and intensifiers.
    ['Let down', -1],
    ['not happy', -1],
    ['Not bad', 1],
    ['very anxious', -2],
    ['Excited but nervous', 0.5],
    // The other languages journey reads, with their genders, negations and intensifiers.
    ['frustrada', -1],
    ['Confundido', -1],
    ['muy frustrado', -2],
    ['no satisfecho', -1],
    ['Regular', 0],
    ['contenta 😊', 1],
    ['Déçue', -1],
    ['pas content', -1],
    ['très satisfaite', 2],
    ['Verunsichert und nicht zufrieden', -1],
    ['sehr zufrieden', 2],
    ['deluso', -1],
    ['gefrustreerd', -1],
    ['ótimo', 2],
    ['不安', -1],
    ['大満足', 2],
  ])('scores %j as %d', (text, score) => {
    expect(lexicon.score(text)).toBe(score);
  });

  it.each(['Wistful-ish', 'Blorp', '🛸', '', 'x'.repeat(201) + ' happy'])('keeps %j with no score', (text) => {
    expect(lexicon.score(text)).toBeNull();
  });

  it('does not read object prototype names as words', () => {
    expect(lexicon.score('constructor')).toBeNull();
    expect(lexicon.score('toString')).toBeNull();
  });

  it('maps the five-point scale onto -2..+2', () => {
    expect([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map(fromFivePointScale)).toEqual([-2, -2, -2, -1, -1, 0, 1, 1, 2, 2, 2]);
  });

  it('lets configured words and emoji win over the built-in ones', () => {
    const custom = new SentimentLexicon({ meh: -1, '🙃': -1, 'on the fence': 0 });
    expect(custom.score('Meh')).toBe(-1);
    expect(custom.score('🙃')).toBe(-1);
    expect(custom.score('On the fence')).toBe(0);
    expect(custom.score('Relieved')).toBe(1);
  });
});

describe('sentiment column', () => {
  const header = ['Stage', 'Touchpoint', 'Channel', 'Emotion'];

  it('reads emotion words and emoji, keeps unknown words as text, and reports none of them', () => {
    const journey = model([
      header,
      ['Onboarding', 'Welcome email', 'Email', '😰 Anxious'],
      ['Onboarding', 'Kickoff call', 'Video call', 'Relieved'],
      ['Adoption', 'Tips', 'Email', 'Wistful'],
      ['Adoption', 'Usage review', 'Video call', 'Valued'],
    ]);
    expect(journey.touchpoints.map((t) => t.sentiment)).toEqual([
      { score: -1, text: '😰 Anxious' },
      { score: 1, text: 'Relieved' },
      { score: null, text: 'Wistful' },
      { score: 1, text: 'Valued' },
    ]);
    expect(journey.problems).toEqual([]);
    expect(check(invalidValue, journey)).toEqual([]);
    // Only the scored negative one is friction; the unscored word is not guessed at.
    expect(check(frictionPoint, journey).map((r) => r.touchpoint)).toEqual(['Welcome email']);
  });

  it('still reports a number outside the scale', () => {
    const journey = model([header, ['Onboarding', 'Welcome email', 'Email', '7']]);
    expect(check(invalidValue, journey).map((r) => findingSentence(r))).toEqual([
      'Sentiment \'7\' of "Welcome email" is outside the sentiment scale; write a number from -2 to +2',
    ]);
  });

  it('takes extra words from the config', () => {
    const config = resolveConfig(ConfigSchema.parse({ sentiment: { words: { meh: -1, wistful: -1 } } }));
    const journey = model(
      [header, ['Onboarding', 'Welcome email', 'Email', 'Meh'], ['Adoption', 'Tips', 'Email', 'Wistful']],
      'inventory.csv',
      config.normalize,
    );
    expect(journey.touchpoints.map((t) => t.sentiment?.score)).toEqual([-1, -1]);
    expect(ConfigSchema.safeParse({ sentiment: { words: { meh: -3 } } }).success).toBe(false);
  });
});
