import * as z from 'zod';
import { defineRule, reportProblems } from './rule.js';
import { clip } from './wording.js';

/** Two header cells that map to the same field. */
export const duplicateHeader = defineRule({
  id: 'duplicate-header',
  description: 'Two header cells that name the same field; only the first is read',
  defaultSeverity: 'warning',
  summary: 'two header cells naming the same field (only the first is read)',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'When a sheet has two "Owner" or "Channel" columns, journey reads the first and ignores the second; whatever the team keeps in the second column never reaches the analysis.',
    triggers: 'A header cell whose name (or synonym) maps to a field that an earlier header cell of the same row already maps to.',
    fix: 'Rename one of the columns (e.g. "Owner" → "Notes") or remove the duplicate.',
    example: "Header 'Medium' in column F is a second channel column (column D is used); rename or remove one of them",
  },
  check({ model }) {
    return reportProblems(model, 'duplicate-header', ({ field, value, location, firstColumn }) => {
      return {
        message: `Header '${clip(value)}' in column ${location.column} is a second ${field} column (column ${firstColumn} is used)`,
        fix: 'rename or remove one of them',
      };
    });
  },
});
