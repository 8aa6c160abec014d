import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/interview/answers.js';
import type { RawTable } from '../../src/load/table.js';
import { SentimentLexicon } from '../../src/model/sentiment.js';
import { model } from '../helpers/inventory.js';

const journey = model([
  ['Persona', 'Stage', 'Touchpoint', 'Channel', 'Day'],
  ['Admin', 'Decision', 'Contract signed', 'Email', 10],
  ['Admin', 'Onboarding', 'Kickoff call', 'Video call', 30],
  ['Buyer', 'Decision', 'Proposal', 'Email', 5],
]);

function table(rows: (string | number | null)[][], file = 'answers.csv'): RawTable[] {
  return [{ file, sheet: null, rows: rows.map((cells, i) => ({ row: i + 1, cells })) }];
}

const HEADER = ['Persona', 'Interviewee', 'Stage', 'Touchpoint', 'Question', 'Quote', 'Feeling', 'Date'];
const lexicon = new SentimentLexicon();

describe('the answers sheet', () => {
  it('reads each answer against the inventory: names as the inventory writes them, the stage from the touchpoint, feelings as numbers or words', () => {
    const { answers, problems } = readAnswers(
      table([
        HEADER,
        ['admin', 'P1', '', 'kickoff CALL', 'How long until...?', 'I felt lost after signing', '-2', '2026-11-20'],
        ['Admin', 'P2', 'Onboarding', '', '', 'Nobody called', 'frustrated', ''],
        ['Admin', 'P3', 'Decision', 'Contract signed', '', '', '+1', ''],
        // An answer on a 1–5 scale, as the satisfaction question asks: 4 of 5 is +1.
        ['Admin', 'P4', 'Decision', 'Contract signed', 'How satisfied, 1 to 5?', '', '4/5', ''],
        // A template row nobody answered yet.
        ['Admin', '', 'Decision', 'Contract signed', 'Was it easy?', '', '', ''],
      ]),
      journey,
      lexicon,
    );
    expect(problems).toEqual([]);
    expect(answers.map(({ persona, interviewee, stage, touchpoint, score }) => ({ persona, interviewee, stage, touchpoint, score }))).toEqual([
      { persona: 'Admin', interviewee: 'P1', stage: 'onboarding', touchpoint: 'Kickoff call', score: -2 },
      { persona: 'Admin', interviewee: 'P2', stage: 'onboarding', touchpoint: null, score: expect.any(Number) },
      { persona: 'Admin', interviewee: 'P3', stage: 'decision', touchpoint: 'Contract signed', score: 1 },
      { persona: 'Admin', interviewee: 'P4', stage: 'decision', touchpoint: 'Contract signed', score: 1 },
    ]);
    expect(answers[1]!.score).toBeLessThan(0);
    expect(answers[0]).toMatchObject({ quote: 'I felt lost after signing', date: '2026-11-20', location: { row: 2, cell: 'F2' } });
  });

  it('finds the header below title rows and in other languages', () => {
    const { answers, problems } = readAnswers(
      table([
        ['Interviews, November'],
        [],
        ['Persona', 'Entrevistado', 'Etapa', 'Punto de contacto', 'Cita', 'Sentimiento'],
        ['Buyer', 'E1', 'Decision', 'Proposal', 'Muy claro', '2'],
      ]),
      journey,
      lexicon,
    );
    expect(problems).toEqual([]);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ persona: 'Buyer', touchpoint: 'Proposal', score: 2, location: { row: 4 } });
  });

  it('names each row it cannot read, with its cell and why, and reads the rest', () => {
    const { answers, problems } = readAnswers(
      table([
        HEADER,
        ['Partner', 'P1', '', '', '', 'Hm', '0', ''],
        ['Admin', 'P1', 'Launch', '', '', 'Hm', '0', ''],
        ['Admin', 'P1', '', 'Webinar', '', 'Hm', '0', ''],
        ['Admin', 'P1', 'Onbaording', 'Kickof call', '', 'Hm', '0', ''],
        ['Admin', 'P1', '', 'Kickof call', '', 'Hm', '0', ''],
        ['Admin', 'P1', '', 'Kickoff call', '', 'Hm', '5', ''],
        ['Admin', 'P1', '', 'Kickoff call', '', 'Hm', 'qwertyuiop', ''],
        ['Admin', 'P1', '', 'Kickoff call', '', 'Hm', '1', 'last Tuesday'],
        ['Admin', 'P1', '', 'Kickoff call', '', 'Fine', '1', '2026-02-30'],
        ['Admin', 'P1', '', 'Kickoff call', '', 'Fine', '1', '2026-02-03'],
        // Nobody to count: every interviewee's answers count once.
        ['Admin', '', '', 'Kickoff call', '', 'Fine', '1', ''],
        // The stage written disagrees with the touchpoint's own.
        ['Admin', 'P2', 'Decision', 'Kickoff call', '', 'Fine', '1', ''],
        // A formula that failed is not a blank feeling.
        ['Admin', 'P2', '', 'Kickoff call', '', 'Fine', { error: '#DIV/0!' } as unknown as string, ''],
      ]),
      journey,
      lexicon,
    );
    expect(problems.map((p) => `${p.location.cell}: ${p.message}`)).toEqual([
      'A2: persona "Partner" is not in the inventory (Admin, Buyer)',
      'C3: stage "Launch" is not a stage of the inventory\'s model (Awareness, Consideration, Decision, Onboarding, Adoption, Retention, Expansion, Advocacy)',
      'D4: touchpoint "Webinar" is not one of Admin\'s in the inventory',
      'C5: stage "Onbaording" is not a stage of the inventory\'s model; did you mean "Onboarding"? (Awareness, Consideration, Decision, Onboarding, Adoption, Retention, Expansion, Advocacy)',
      'D6: touchpoint "Kickof call" is not one of Admin\'s in the inventory; did you mean "Kickoff call"?',
      'G7: feeling "5" is neither a number from -2 to +2 (or n/5 for an answer on a 1–5 scale) nor emotion words journey knows (add them to sentiment.words in the config)',
      'G8: feeling "qwertyuiop" is neither a number from -2 to +2 (or n/5 for an answer on a 1–5 scale) nor emotion words journey knows (add them to sentiment.words in the config)',
      'H9: date "last Tuesday" is not a date (YYYY-MM-DD)',
      'H10: date "2026-02-30" is not a date (YYYY-MM-DD)',
      "B12: names no interviewee (an id such as P1: each interviewee's answers count once)",
      'C13: touchpoint "Kickoff call" is in Onboarding, not Decision',
      'G14: Feeling holds the formula error #DIV/0!',
    ]);
    expect(answers).toHaveLength(1);
  });

  it('says so when no table has an answers header, or the header has neither quote nor feeling', () => {
    expect(
      readAnswers(
        table([
          ['a', 'b'],
          ['c', 'd'],
        ]),
        journey,
        lexicon,
      ).problems[0]!.message,
    ).toMatch(/^has no answers header/);
    expect(readAnswers(table([['Persona', 'Stage', 'Touchpoint', 'Date']]), journey, lexicon).problems[0]!.message).toBe(
      'the answers header has no Quote or Feeling column',
    );
    // An inventory given as its own answers: its Sentiment column is no one's feeling.
    expect(readAnswers(table([['Persona', 'Stage', 'Touchpoint', 'Sentiment']]), journey, lexicon).problems[0]!.message).toBe(
      "the answers header has no Interviewee column (each interviewee's answers count once: an id such as P1 per person)",
    );
  });
});
