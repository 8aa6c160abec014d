import { describe, expect, it } from 'vitest';
import { interviewFeelings, interviewFriction } from '../../src/model/interviews.js';
import { answersOf } from '../helpers/answers.js';
import { model } from '../helpers/inventory.js';

const base = model([
  ['Persona', 'Stage', 'Touchpoint', 'Channel'],
  ['Admin', 'Onboarding', 'Kickoff call', 'Phone'],
  ['Admin', 'Onboarding', 'Setup checklist', 'In-app'],
  ['Admin', 'Adoption', 'Newsletter', 'Email'],
]);

const answer = answersOf('Admin');

describe('interview feelings', () => {
  const journey = {
    ...base,
    interviews: [
      answer('P1', 'onboarding', 'Kickoff call', -2, 'Nobody called for weeks'),
      answer('P1', 'onboarding', 'Setup checklist', 0),
      answer('P2', 'onboarding', null, -1, 'Felt lost after signing'),
      answer('P3', 'onboarding', 'Kickoff call', 1, 'Quick and friendly'),
      answer('', 'onboarding', null, -2),
      answer('P1', 'adoption', 'Newsletter', -2),
    ],
  };

  it('averages each interviewee, then the interviewees, per stage and per touchpoint', () => {
    const feelings = interviewFeelings(journey);
    const onboarding = feelings.find((f) => f.stage === 'onboarding' && f.touchpoint === null)!;
    // P1 averages -1 (-2 and 0), P2 -1, P3 +1, the blank id its own interviewee at -2.
    expect(onboarding).toMatchObject({ interviewees: 4, negative: 3, score: -0.7 });
    expect(onboarding.quotes.map((q) => q.quote)).toEqual(['Nobody called for weeks', 'Felt lost after signing', 'Quick and friendly']);
    const kickoff = feelings.find((f) => f.touchpoint === 'Kickoff call')!;
    expect(kickoff).toMatchObject({ interviewees: 2, negative: 1, score: -0.5 });
  });

  it('finds the stages where enough interviewees felt negative', () => {
    expect(interviewFriction(journey, { share: 0.5, minInterviewees: 2 }).map((f) => f.stage)).toEqual(['onboarding']);
    // Adoption has one interviewee: too few to call it friction.
    expect(interviewFriction(journey, { share: 0.5, minInterviewees: 1 }).map((f) => f.stage)).toEqual(['onboarding', 'adoption']);
    expect(interviewFriction(journey, { share: 0.8, minInterviewees: 2 })).toEqual([]);
    expect(interviewFriction(base, { share: 0.5, minInterviewees: 1 })).toEqual([]);
  });
});
