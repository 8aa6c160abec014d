import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, type Report } from './rule.js';

/** Everything a row says, as journey read it; rows that say the same thing have equal values. */
function rowValues(t: Touchpoint): unknown[] {
  const m = t.metrics;
  return [
    t.row.file, t.persona, t.stage, t.name, t.team, t.channel, t.mode, t.direction, t.day, t.frequency?.text, t.kpi, t.notes, t.owner, t.status,
    m.audience, m.sent, m.openRate, m.clickRate, m.conversionRate, m.dropOffRate, m.unsubscribeRate, m.nps, m.csat,
    t.sentiment?.text, t.painPoint, t.lastReviewed,
  ];
}

/** FNV-1a over a row's values, without building one long string per row. */
function hashRow(values: unknown[]): number {
  let hash = 0x811c9dc5;
  for (const value of values) {
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash >>> 0;
}

const sameRow = (a: unknown[], b: unknown[]) => a.every((value, i) => value === b[i] || (value == null && b[i] == null));

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
    // Rows are indexed by a hash of their values, so a million rows do not keep a million keys;
    // a hash match is confirmed value by value.
    const byHash = new Map<number, Touchpoint[]>();
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const values = rowValues(touchpoint);
      const hash = hashRow(values);
      const earlier = byHash.get(hash);
      const original = earlier?.find((t) => sameRow(rowValues(t), values));
      if (!original) {
        if (earlier) earlier.push(touchpoint);
        else byHash.set(hash, [touchpoint]);
        continue;
      }
      const where = original.row.sheet === touchpoint.row.sheet ? `row ${original.row.row}` : `row ${original.row.row} of "${original.row.sheet}"`;
      reports.push({
        message: `Row ${touchpoint.row.row} repeats ${where} ("${touchpoint.name}") in every column; delete the copy.`,
        location: cellOf(touchpoint, 'touchpoint'),
        related: [cellOf(original, 'touchpoint')],
        persona: touchpoint.persona,
        stage: touchpoint.stage,
        touchpoint: touchpoint.name,
      });
    }
    return reports;
  },
});
