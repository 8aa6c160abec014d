import * as z from 'zod';
import { defineRule, reportProblems } from './rule.js';

/** Columns with data under a blank header cell. */
export const blankHeader = defineRule({
  id: 'blank-header',
  description: 'A column that holds data but has a blank header cell',
  defaultSeverity: 'info',
  summary: 'a column that holds data under a blank header cell',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'A column without a header cannot be mapped to any field, so its values are never read; often it is a KPI or owner column someone forgot to name.',
    triggers: 'A blank cell in the header row above a column where at least one row below has a value.',
    fix: 'Type a header name for the column (see the column names in the README), or delete the column.',
    example: 'Column K holds data but its header cell is blank; name the column so its values are read',
  },
  check({ model }) {
    return reportProblems(model, 'blank-header', (problem) => ({
      message: `Column ${problem.location.column} holds data but its header cell is blank`,
      fix: 'name the column so its values are read',
    }));
  },
});
