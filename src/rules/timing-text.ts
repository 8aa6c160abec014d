import * as z from 'zod';
import { plural } from '../english.js';
import { defineRule, reportProblems } from './rule.js';
import { clip } from './wording.js';

/** A day column kept as timing words ("Q3", "Ongoing") rather than day offsets: said once, not as an error per row. */
export const timingText = defineRule({
  id: 'timing-text',
  description: 'A day column whose cells mostly hold timing words (Q3, Ongoing, Any time) rather than day offsets',
  defaultSeverity: 'info',
  summary: 'a day column that mostly holds timing words (Q3, Ongoing) rather than day offsets, said once',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'Handoff lags, weekly load and silent stretches are measured in days. Timing written as "Q3" or "Ongoing" is kept as text, but those rows drop out of every day-based check.',
    triggers:
      'A column mapped to the day field where more cells name no day than name one. Words that do name a day are read: "Day 14", "Week 2", "Month 3", "2 weeks", "T+3", "3 days after signup", "At signup", and a range\'s start ("Day 1-3"). When most cells are days, each other cell is an invalid-value instead.',
    fix: 'Where timing matters, write the day offset from the journey\'s start (e.g. 14, or "Week 3"); keep the words in a Notes column.',
    example:
      "Column D holds timing words rather than days in 9 rows ('Q3', 'Ongoing', 'Any time'); day-based checks use the 2 rows with a day; write day offsets (e.g. 14) where timing matters",
  },
  check({ model }) {
    return reportProblems(model, 'timing-text', ({ location, ...reason }) => {
      const examples = reason.examples.map((text) => `'${clip(text)}'`).join(', ');
      return {
        message: `Column ${location.column} holds timing words rather than days in ${plural(reason.words, 'row')} (${examples}); day-based checks use the ${plural(reason.days, 'row')} with a day`,
        fix: 'write day offsets (e.g. 14) where timing matters',
      };
    });
  },
});
