import { z } from 'zod';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, type Report } from './rule.js';

/** Everything a row says, as one string; rows that say the same thing get the same key. */
function rowKey(touchpoint: Touchpoint): string {
  const { index: _index, row: _row, cells: _cells, ...values } = touchpoint;
  return JSON.stringify(values);
}

/** Rows that repeat an earlier row in every mapped column. */
export const duplicateRow = defineRule({
  id: 'duplicate-row',
  description: 'A row identical to an earlier one in every mapped column',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    why: 'A copied row counts the touchpoint twice: it inflates the load in over-communication, hides a real duplicate effort, and misleads anyone counting touchpoints.',
    triggers: 'A row whose values, as journey reads them (persona, stage, name, team, channel, mode, direction, day, frequency, KPI, figures...), equal those of an earlier row of the same file.',
    fix: 'Delete the copy, or change what differs (a second send on another day, another persona) so the rows say so.',
    example: 'Row 14 repeats row 9 ("Welcome email") in every column; delete the copy.',
  },
  check({ model }) {
    const first = new Map<string, Touchpoint>();
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const key = `${touchpoint.row.file}\u0000${rowKey(touchpoint)}`;
      const original = first.get(key);
      if (!original) {
        first.set(key, touchpoint);
        continue;
      }
      const where = original.row.sheet === touchpoint.row.sheet ? `row ${original.row.row}` : `row ${original.row.row} of "${original.row.sheet}"`;
      reports.push({
        message: `Row ${touchpoint.row.row} repeats ${where} ("${touchpoint.name}") in every column; delete the copy.`,
        location: touchpoint.cells.touchpoint ?? touchpoint.row,
        related: [original.cells.touchpoint ?? original.row],
        persona: touchpoint.persona,
        stage: touchpoint.stage,
        touchpoint: touchpoint.name,
      });
    }
    return reports;
  },
});
