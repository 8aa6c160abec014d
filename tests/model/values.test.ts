import { describe, expect, it } from 'vitest';
import { withoutNotes } from '../../src/model/columns.js';
import { readDay, readSentiment, readVocabulary } from '../../src/model/normalize/values.js';
import { buildVocabularies, DEFAULT_STAGE_MODEL, CHANNELS } from '../../src/model/vocabulary.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { check, model } from '../helpers/inventory.js';

const vocabularies = buildVocabularies(DEFAULT_STAGE_MODEL, CHANNELS);
const MB = 1024 * 1024;

describe('value readers', () => {
  it.each([
    [14, { value: 14 }],
    ['14', { value: 14 }],
    ['Day 14', { value: 14 }],
    ['d3', { value: 3 }],
    ['+3 days', { value: 3 }],
    ['  day   7 ', { value: 7 }],
    ['3d', { value: 3 }],
    ['soon', { error: 'day' }],
    ['two weeks', { value: 14 }],
    [-5, { error: 'day-negative' }],
    ['1.5', { error: 'day-fraction' }],
    [new Date('2026-03-01'), { error: 'day-date' }],
    ['', null],
    [null, null],
    [{ error: '#REF!' }, null],
  ])('reads the day %j as %j', (value, expected) => {
    expect(readDay(value)).toEqual(expected);
  });

  it.each([
    [1, { value: { score: 1, text: '1' } }],
    ['-2', { value: { score: -2, text: '-2' } }],
    ['Delighted', { value: { score: 2, text: 'Delighted' } }],
    [3, { error: 'sentiment-scale' }],
    ['so-so-ish', { value: { score: null, text: 'so-so-ish' } }],
    ['😰 Anxious', { value: { score: -1, text: '😰 Anxious' } }],
  ])('reads the sentiment %j as %j', (value, expected) => {
    expect(readSentiment(value, vocabularies.sentiments)).toEqual(expected);
  });

  it('maps a vocabulary word, suggests only for a near miss, and never matches an overlong text', () => {
    expect(readVocabulary(vocabularies.stages, 'Onboarding')).toEqual({ id: 'onboarding' });
    expect(readVocabulary(vocabularies.stages, 'Onbaording')).toEqual({ suggestion: 'Onboarding', readAs: 'onboarding' });
    expect(readVocabulary(vocabularies.stages, 'Onboarding'.repeat(30))).toEqual({ suggestion: null, readAs: null });
  });

  it('strips bracketed header notes like the pattern it replaces, kept linear', () => {
    expect(withoutNotes('Drop-off (%)')).toBe('Drop-off ');
    expect(withoutNotes('Open rate [%] (est.)')).toBe('Open rate  ');
    expect(withoutNotes('(ab [x]')).toBe('(ab ');
    expect(withoutNotes('a(b)c(d')).toBe('ac(d');
  });
});

describe('adversarial cells: every pattern applied to cell text runs in linear time', () => {
  // Each of these took 27 s to minutes with the patterns they replace; a bound of a few seconds fails them.
  const header = ['Stage', 'Touchpoint', 'Channel', 'Day', 'Sentiment', 'Frequency', 'Status', 'NPS', 'Open rate', 'Last reviewed'];
  const cases: [string, (string | number | null)[][]][] = [
    ['1 MB of "(" above the header', [['('.repeat(MB)], header, ['Awareness', 'Ad', 'Blog', 1, null, null, null, null, null, null]]],
    [
      '1 MB of "[" in a header cell',
      [
        [...header, '['.repeat(MB)],
        ['Awareness', 'Ad', 'Blog', 1, null, null, null, null, null, null],
      ],
    ],
    ['"d" + 1 MB of spaces + "x" in a day cell', [header, ['Awareness', 'Ad', 'Blog', `d${' '.repeat(MB)}x`, null, null, null, null, null, null]]],
    [
      '1 MB of digits and a letter in every figure cell',
      [
        header,
        [
          'Awareness',
          'Ad',
          'Blog',
          `${'1'.repeat(MB)}x`,
          `${'1'.repeat(MB)}x`,
          `${'1'.repeat(MB)}x`,
          `${'1'.repeat(MB)}x`,
          `${'1 000'.repeat(MB / 5)}x`,
          `${'1'.repeat(MB)} %x`,
          `${'1'.repeat(MB)}-1-1x`,
        ],
      ],
    ],
    ['1 MB stage, channel and name', [header, ['x'.repeat(MB), 'N'.repeat(MB), 'y'.repeat(MB), null, null, null, null, null, null, null]]],
    [
      '1 MB of spaces inside values',
      [
        header,
        [
          `Awareness${' '.repeat(MB)}x`,
          `Ad${' \t'.repeat(MB / 2)}x`,
          `Blog${' '.repeat(MB)}x`,
          null,
          `happy${' '.repeat(MB)}x`,
          `every${' '.repeat(MB)}week`,
          `live${' '.repeat(MB)}x`,
          null,
          null,
          null,
        ],
      ],
    ],
  ];
  it.each(cases)(
    '%s',
    (_, rows) => {
      const journey = model(rows);
      const messages = [...check(invalidValue, journey), ...check(unknownValue, journey)].map((r) => r.message);
      // Messages quote at most a few hundred characters of any cell.
      for (const message of messages) expect(message.length).toBeLessThan(1_000);
    },
    5_000,
  );

  it('quotes a long cell with an ellipsis', () => {
    const journey = model([header, ['x'.repeat(5_000), 'Ad', 'Blog', null, null, null, null, null, null, null]]);
    const [report] = check(unknownValue, journey);
    expect(report!.message).toMatch(/^Stage 'x{200}…' of "Ad" is not a known stage/);
  });
});
