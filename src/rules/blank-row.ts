import * as z from 'zod';
import { defineRule, reportProblems } from './rule.js';

/** Empty rows between the header and the last row of an inventory table. */
export const blankRow = defineRule({
  id: 'blank-row',
  description: 'Blank rows inside an inventory table',
  defaultSeverity: 'info',
  summary: 'blank rows inside the table',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: "Spreadsheet filters, sorts and pivot tables stop at the first blank row, so rows below it silently drop out of everyone else's view of the inventory.",
    triggers: 'One finding per run of consecutive empty rows between the header row and the last row with data. Rows after the table are not reported.',
    fix: 'Delete the blank rows; to group touchpoints visually, use a stage cell or formatting instead.',
    example: 'Rows 12–13 are blank inside the table; delete them so filters, sorts and pivots see one table.',
  },
  check({ model }) {
    return reportProblems(model, 'blank-row', ({ location, to }) => {
      const from = location.row!;
      const rows = from === to ? `Row ${from} is` : `Rows ${from}–${to} are`;
      return { message: `${rows} blank inside the table`, fix: `delete ${from === to ? 'it' : 'them'} so filters, sorts and pivots see one table.` };
    });
  },
});
