import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { ROW_VALUES, type RowValue } from '../model/row-values.js';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
import { clip } from './wording.js';

/** Visits everything a row says, as journey read it: its file and every column of the field catalogue. */
function visitRow(t: Touchpoint, visit: (value: RowValue) => void): void {
  visit(t.place.file);
  for (const { read } of ROW_VALUES) visit(read(t));
}

/** A row's values in a list, to confirm a hash match. */
function rowValues(t: Touchpoint): RowValue[] {
  const values: RowValue[] = [];
  visitRow(t, (value) => values.push(value));
  return values;
}

/** FNV-1a over a row's values, read in place: no array, string or key per row (docs/design.md, One object per thing). */
function hashRow(t: Touchpoint): number {
  let hash = 0x811c9dc5;
  visitRow(t, (value) => {
    if (typeof value === 'string') for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    // Equal numbers mix equal bits; a collision only costs a value-by-value comparison.
    else if (typeof value === 'number') hash = Math.imul(hash ^ ((value * 1048576) | 0), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  });
  return hash >>> 0;
}

const sameRow = (a: RowValue[], b: RowValue[]) => a.every((value, i) => value === b[i] || (value == null && b[i] == null));

/** Rows that repeat an earlier row in every mapped column. */
export const duplicateRow = defineRule({
  id: 'duplicate-row',
  description: 'A row identical to an earlier one in every mapped column',
  defaultSeverity: 'warning',
  summary: 'a row identical to an earlier one in every mapped column',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'A copied row counts the touchpoint twice: it inflates the load in over-communication, hides a real duplicate effort, and misleads anyone counting touchpoints.',
    triggers:
      'A row whose values, as journey reads them (persona, stage, name, team, channel, mode, direction, day, frequency, KPI, figures...), equal those of an earlier row of the same file.',
    fix: 'Delete the copy, or change what differs (a second send on another day, another persona) so the rows say so.',
    example: 'Row 14 repeats row 9 ("Welcome email") in every column; delete the copy.',
  },
  check({ model }) {
    // Rows are indexed by a hash of their values; a hash match is confirmed value by value.
    // One touchpoint per hash, or a list when different rows share a hash.
    const byHash = new Map<number, Touchpoint | Touchpoint[]>();
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const hash = hashRow(touchpoint);
      const earlier = byHash.get(hash);
      if (earlier === undefined) {
        byHash.set(hash, touchpoint);
        continue;
      }
      const values = rowValues(touchpoint);
      const original = Array.isArray(earlier) ? earlier.find((t) => sameRow(rowValues(t), values)) : sameRow(rowValues(earlier), values) ? earlier : undefined;
      if (!original) {
        if (Array.isArray(earlier)) earlier.push(touchpoint);
        else byHash.set(hash, [earlier, touchpoint]);
        continue;
      }
      const where = original.place.sheet === touchpoint.place.sheet ? `row ${original.row}` : `row ${original.row} of "${original.place.sheet}"`;
      reports.push(
        touchpointReport(
          touchpoint,
          { message: `Row ${touchpoint.row} repeats ${where} ("${clip(touchpoint.name)}") in every column`, fix: 'delete the copy.' },
          cellOf(touchpoint, 'touchpoint'),
          [cellOf(original, 'touchpoint')],
        ),
      );
    }
    return reports;
  },
});
