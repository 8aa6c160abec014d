import * as z from 'zod';
import { defineRule, reportProblems } from './rule.js';

/** Cells whose value has the wrong type or is outside a fixed set. */
export const invalidValue = defineRule({
  id: 'invalid-value',
  description: 'A value of the wrong kind: a day that is not a whole number, a mode or direction outside its set, a formula error, a missing required value',
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  docs: {
    why: 'Timing, mode and direction drive the handoff, automation and two-way checks; a value journey cannot read is never guessed, so its row drops out of those checks.',
    triggers: "A day that is not a whole number of days ≥ 0 ('two weeks', a date, -5); a mode other than ongoing/automatic/manual; a direction other than inbound/outbound; a cell showing a formula error (#DIV/0!, #REF!); a row with no touchpoint name, stage or channel.",
    fix: 'Write the value the column expects: a day offset such as 14, one of the listed modes or directions, or fix the formula.',
    example: "Day 'two weeks' of \"Kickoff call\" is not a number of days; write the day offset from the journey's start as a whole number of days (e.g. 14)",
  },
  check({ model }) {
    return reportProblems(model, 'invalid');
  },
});
