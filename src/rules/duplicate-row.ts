import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, type Report } from './rule.js';

/** Everything a row says, as one string; rows that say the same thing get the same key. */
function rowKey(t: Touchpoint): string {
  const m = t.metrics;
  return [
    t.row.file, t.persona, t.stage, t.name, t.team, t.channel, t.mode, t.direction, t.day, t.frequency?.text, t.kpi, t.notes, t.owner, t.status,
    m.audience, m.sent, m.openRate, m.clickRate, m.conversionRate, m.dropOffRate, m.unsubscribeRate, m.nps, m.csat,
    t.sentiment?.text, t.painPoint, t.lastReviewed,
  ].join('\u0000');
}

/** FNV-1a, 32 bits: a quick hash of a string. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
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
    // Rows are indexed by a hash of their key, so a million rows do not keep a million key strings;
    // a hash match is confirmed on the full key.
    const byHash = new Map<number, Touchpoint[]>();
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const key = rowKey(touchpoint);
      const hash = hashText(key);
      const earlier = byHash.get(hash);
      const original = earlier?.find((t) => rowKey(t) === key);
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
