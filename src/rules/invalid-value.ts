import * as z from 'zod';
import type { ExpectedValue, ValueProblem } from '../model/schema.js';
import { closedVocabularyLabels } from '../model/vocabulary.js';
import { defineRule, reportProblems } from './rule.js';
import { FIELD_LABEL, clip } from './wording.js';

const DAY_FIX = "write the day offset from the journey's start as a whole number of days (e.g. 14)";

/** What a cell of each kind should have held, after "Day '…' of "Name" …". */
const EXPECTED: Record<ExpectedValue, string> = {
  count: 'is not a count; write a whole number ≥ 0 (e.g. 12000)',
  rate: 'is not a rate; write a percentage such as 12%, 0.12 or 12',
  nps: 'is not an NPS; write a score from -100 to 100',
  csat: 'is not a CSAT score; write a 1–5 score or a percentage',
  date: 'is not a date; write it as YYYY-MM-DD (e.g. 2026-03-01)',
  'sentiment-scale': 'is outside the sentiment scale; write a number from -2 to +2',
  day: `is not a number of days; ${DAY_FIX}`,
  'day-date': `is a date; ${DAY_FIX}`,
  'day-negative': `is negative; ${DAY_FIX}`,
  'day-fraction': `is not a whole number; ${DAY_FIX}`,
};

const MISSING: Partial<Record<string, (name: string) => string>> = {
  stage: (name) => `"${name}" has no stage; fill in its lifecycle stage`,
  channel: (name) => `"${name}" has no channel; fill in the channel it reaches the customer on`,
};

function message({ field, value, reason, location, touchpoint }: ValueProblem): string {
  const label = FIELD_LABEL[field!];
  const name = clip(touchpoint ?? '');
  const shown = clip(value);
  switch (reason.code) {
    case 'formula-error':
      return `${label} cell shows the formula error ${shown}; fix the formula or type the value`;
    case 'missing':
      return MISSING[field!]?.(name) ?? `Row ${location.row} has no touchpoint name; name the touchpoint or delete the row`;
    case 'unreadable':
      return `${label} '${shown}' of "${name}" ${EXPECTED[reason.expected]}`;
    case 'not-in-set': {
      const allowed = closedVocabularyLabels(field as 'mode' | 'direction' | 'status').join(', ');
      return `${label} '${shown}' of "${name}" is not one of ${allowed}${reason.suggestion ? `; did you mean '${reason.suggestion}'?` : ''}`;
    }
    default:
      return `${label} '${shown}' of "${name}" cannot be read`;
  }
}

/** Cells whose value has the wrong type or is outside a fixed set. */
export const invalidValue = defineRule({
  id: 'invalid-value',
  description: 'A value of the wrong kind: a day that is not a whole number, a mode or direction outside its set, a formula error, a missing required value',
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  docs: {
    why: 'Timing, mode and direction drive the handoff, automation and two-way checks; a value journey cannot read is never guessed, so its row drops out of those checks.',
    triggers: "A day that is not a whole number of days ≥ 0 ('soon', a date, -5, 1.5; timing words such as 'Week 2' or '2 weeks' are read as days, and a column of mostly timing words is one timing-text note instead); a mode other than ongoing/automatic/manual; a direction other than inbound/outbound; a cell showing a formula error (#DIV/0!, #REF!); a row with no touchpoint name, stage or channel.",
    fix: 'Write the value the column expects: a day offset such as 14, one of the listed modes or directions, or fix the formula.',
    example: "Day 'soon' of \"Kickoff call\" is not a number of days; write the day offset from the journey's start as a whole number of days (e.g. 14)",
  },
  check({ model }) {
    return reportProblems(model, 'invalid', message);
  },
});
