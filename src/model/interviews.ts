import type { InterviewAnswer, JourneyModel } from './schema.js';
import { foldKey } from './text.js';

/** What the interviewees of one persona said about one stage, or one touchpoint of it. */
export interface InterviewFeeling {
  persona: string;
  stage: string | null;
  /** The touchpoint's name; null for what was said about the stage as a whole. */
  touchpoint: string | null;
  /** Distinct interviewees who gave a feeling (blank ids count each row as its own interviewee). */
  interviewees: number;
  /** Distinct interviewees who answered at all, with a feeling or only a quote. */
  answered: number;
  /** Those whose feeling was negative (-1 or lower on average). */
  negative: number;
  /** The mean of the interviewees' mean feelings, -2..+2, one decimal; null when none gave a number. */
  score: number | null;
  /** Their quotes, most negative first. */
  quotes: InterviewAnswer[];
}

// At -1 or lower an interviewee's feeling counts as negative, as a friction point's sentiment does.
const NEGATIVE = -1;

function interviewee(answer: InterviewAnswer): string {
  return answer.interviewee === '' ? `row ${answer.location.row}` : foldKey(answer.interviewee);
}

/** Interview answers summed up per persona and stage (touchpoint null) and per persona and touchpoint, in the order they first appear. */
export function interviewFeelings(model: JourneyModel): InterviewFeeling[] {
  const groups = new Map<string, { feeling: InterviewFeeling; scores: Map<string, number[]>; answered: Set<string> }>();
  const add = (answer: InterviewAnswer, touchpoint: string | null) => {
    const key = `${answer.persona}\u0000${answer.stage ?? ''}\u0000${touchpoint ?? ''}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = {
          feeling: { persona: answer.persona, stage: answer.stage, touchpoint, interviewees: 0, answered: 0, negative: 0, score: null, quotes: [] },
          scores: new Map(),
          answered: new Set(),
        }),
      );
    group.answered.add(interviewee(answer));
    if (answer.score !== null) {
      const list = group.scores.get(interviewee(answer));
      if (list) list.push(answer.score);
      else group.scores.set(interviewee(answer), [answer.score]);
    }
    if (answer.quote !== null) group.feeling.quotes.push(answer);
  };
  for (const answer of model.interviews ?? []) {
    add(answer, null);
    if (answer.touchpoint !== null) add(answer, answer.touchpoint);
  }
  return [...groups.values()].map(({ feeling, scores, answered }) => {
    const means = [...scores.values()].map((list) => list.reduce((sum, s) => sum + s, 0) / list.length);
    const score = means.length === 0 ? null : Math.round((means.reduce((sum, s) => sum + s, 0) / means.length) * 10) / 10;
    const quotes = [...feeling.quotes].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    return { ...feeling, interviewees: means.length, answered: answered.size, negative: means.filter((mean) => mean <= NEGATIVE).length, score, quotes };
  });
}

/** A stage where most interviewees of a persona felt negative: friction the inventory's own figures may not show. */
export interface InterviewFriction extends InterviewFeeling {
  stage: string;
}

/**
 * The persona stages where at least `share` of at least `minInterviewees` interviewees felt negative
 * (their feelings about the stage and its touchpoints, averaged per interviewee).
 */
export function interviewFriction(model: JourneyModel, options: { share: number; minInterviewees: number }): InterviewFriction[] {
  return interviewFeelings(model).filter(
    (feeling): feeling is InterviewFriction =>
      feeling.touchpoint === null &&
      feeling.stage !== null &&
      feeling.interviewees >= options.minInterviewees &&
      feeling.negative / feeling.interviewees >= options.share,
  );
}
