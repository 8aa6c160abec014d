import * as z from 'zod';
import type { ExpectedValue, ProblemOf } from '../model/schema.js';
import { closedVocabularyLabels } from '../model/vocabulary.js';
import { defineRule, reportProblems, type Words } from './rule.js';
import { FIELD_LABEL, clip } from './wording.js';

const DAY_FIX = "write the day offset from the journey's start as a whole number of days (e.g. 14)";

/** What a cell of each kind should have held, after "Day '…' of "Name" …": what is wrong, then what to write. */
const EXPECTED: Record<ExpectedValue, Words> = {
  count: { message: 'is not a count', fix: 'write a whole number ≥ 0 (e.g. 12000)' },
  rate: { message: 'is not a rate', fix: 'write a percentage such as 12%, 0.12 or 12' },
  nps: { message: 'is not an NPS', fix: 'write a score from -100 to 100' },
  csat: { message: 'is not a CSAT score', fix: 'write a 1–5 score or a percentage' },
  date: { message: 'is not a date', fix: 'write it as YYYY-MM-DD (e.g. 2026-03-01)' },
  'sentiment-scale': { message: 'is outside the sentiment scale', fix: 'write a number from -2 to +2' },
  day: { message: 'is not a number of days', fix: DAY_FIX },
  'day-date': { message: 'is a date', fix: DAY_FIX },
  'day-negative': { message: 'is negative', fix: DAY_FIX },
  'day-fraction': { message: 'is not a whole number', fix: DAY_FIX },
};

const MISSING: Partial<Record<string, (name: string) => Words>> = {
  stage: (name) => ({ message: `"${name}" has no stage`, fix: 'fill in its lifecycle stage' }),
  channel: (name) => ({ message: `"${name}" has no channel`, fix: 'fill in the channel it reaches the customer on' }),
};

function words({ field, value, reason, location, touchpoint }: ProblemOf<'invalid-value'>): Words {
  const label = FIELD_LABEL[field!];
  const name = clip(touchpoint ?? '');
  const shown = clip(value);
  switch (reason.code) {
    case 'formula-error':
      return { message: `${label} cell shows the formula error ${shown}`, fix: 'fix the formula or type the value' };
    case 'missing':
      return MISSING[field!]?.(name) ?? { message: `Row ${location.row} has no touchpoint name`, fix: 'name the touchpoint or delete the row' };
    case 'unreadable': {
      const expected = EXPECTED[reason.expected];
      return { message: `${label} '${shown}' of "${name}" ${expected.message}`, fix: expected.fix };
    }
    case 'not-in-set': {
      const allowed = closedVocabularyLabels(field as 'mode' | 'direction' | 'status').join(', ');
      return {
        message: `${label} '${shown}' of "${name}" is not one of ${allowed}`,
        fix: reason.readAs
          ? `did you mean '${reason.suggestion ?? reason.readAs}'? journey reads it as ${reason.readAs} meanwhile`
          : reason.suggestion
            ? `did you mean '${reason.suggestion}'?`
            : 'write one of them',
      };
    }
  }
}

/** Cells whose value has the wrong type or is outside a fixed set. */
export const invalidValue = defineRule({
  id: 'invalid-value',
  description: 'A value of the wrong kind: a day that is not a whole number, a mode or direction outside its set, a formula error, a missing required value',
  defaultSeverity: 'error',
  summary: 'a value of the wrong kind (day, mode, direction, figure, date, status), a formula error, a missing required value',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'Timing, mode and direction drive the handoff, automation and two-way checks; a value journey cannot read is never guessed, so its row drops out of those checks.',
    triggers:
      "A day that is not a whole number of days ≥ 0 ('soon', a date, -5, 1.5; timing words such as 'Week 2' or '2 weeks' are read as days, and a column of mostly timing words is one timing-text note instead); a mode other than ongoing/automatic/manual; a direction other than inbound/outbound (a confident typo of one, such as 'Automatc', is reported and read as that value meanwhile, by the criterion unknown-value describes; a status never is); a cell showing a formula error (#DIV/0!, #REF!); a row with no touchpoint name, stage or channel.",
    fix: 'Write the value the column expects: a day offset such as 14, one of the listed modes or directions, or fix the formula.',
    example: "Day 'soon' of \"Kickoff call\" is not a number of days; write the day offset from the journey's start as a whole number of days (e.g. 14)",
  },
  check({ model }) {
    return reportProblems(model, 'invalid-value', words);
  },
});
