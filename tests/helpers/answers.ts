import type { InterviewAnswer } from '../../src/model/schema.js';

let row = 1;

/** A maker of one persona's interview answers as journey reads them from an answers sheet (--answers), each on a row of its own. */
export const answersOf =
  (persona: string) =>
  (interviewee: string, stage: string, touchpoint: string | null, score: number | null, quote: string | null = null): InterviewAnswer => {
    row++;
    return {
      persona,
      interviewee,
      stage,
      touchpoint,
      question: null,
      quote,
      score,
      feeling: score === null ? null : String(score),
      date: null,
      location: { file: 'answers.csv', sheet: null, row, column: 'F', cell: `F${row}` },
    };
  };
