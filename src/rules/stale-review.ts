import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, relatedCells, touchpointReport, type Report } from './rule.js';
import { clip } from './wording.js';

/** Whole months from one YYYY-MM-DD date to a later one. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Touchpoints nobody has reviewed for too long. */
export const staleReview = defineRule({
  id: 'stale-review',
  description: 'A touchpoint whose last-reviewed date is older than a limit',
  defaultSeverity: 'info',
  summary: 'last-reviewed dates older than `maxAgeMonths` (12): one finding per persona of a table, with the count and the oldest',
  hygiene: true,
  options: z
    .object({
      maxAgeMonths: z.number().int().positive().default(12).describe('Months after which a last-reviewed date is stale'),
    })
    .strict(),
  docs: {
    why: 'Products, prices and teams change; a touchpoint nobody has looked at for a year likely promises a feature that moved, links a page that is gone or names a contact who left.',
    triggers:
      'A Last reviewed date more than `maxAgeMonths` whole months before today (SOURCE_DATE_EPOCH fixes "today" for reproducible runs): one finding per persona of a table, with how many are stale and the oldest date, at the oldest. Rows without a date are not reported.',
    fix: 'Review the touchpoint (content, links, owner, timing) and update its Last reviewed date, or retire it (Status: retired).',
    example: '"Admin setup guide" was last reviewed on 2024-09-01, 26 months ago (limit 12); review it and update the date, or mark it retired.',
  },
  check({ model, options, today }) {
    // One finding per persona of a table: a hundred rows reviewed long ago are one review to plan.
    const groups = new Map<string, { touchpoint: Touchpoint; months: number }[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.lastReviewed === null) continue;
      const months = monthsBetween(touchpoint.lastReviewed, today);
      if (months <= options.maxAgeMonths) continue;
      const key = `${touchpoint.place.file}\u0000${touchpoint.place.sheet ?? ''}\u0000${touchpoint.persona}`;
      const list = groups.get(key);
      if (list) list.push({ touchpoint, months });
      else groups.set(key, [{ touchpoint, months }]);
    }
    const reports: Report[] = [];
    for (const stale of groups.values()) {
      // The oldest first; on a tie, the earlier row.
      stale.sort((a, b) =>
        a.touchpoint.lastReviewed! < b.touchpoint.lastReviewed!
          ? -1
          : a.touchpoint.lastReviewed! > b.touchpoint.lastReviewed!
            ? 1
            : a.touchpoint.index - b.touchpoint.index,
      );
      const { touchpoint: oldest, months } = stale[0]!;
      if (stale.length === 1) {
        reports.push(
          touchpointReport(
            oldest,
            {
              message: `"${clip(oldest.name)}" was last reviewed on ${oldest.lastReviewed}, ${months} months ago (limit ${options.maxAgeMonths})`,
              fix: 'review it and update the date, or mark it retired.',
            },
            cellOf(oldest, 'lastReviewed'),
          ),
        );
        continue;
      }
      reports.push({
        message: `${stale.length} touchpoints of ${clip(oldest.persona)} were last reviewed more than ${options.maxAgeMonths} months ago, the oldest "${clip(oldest.name)}" on ${oldest.lastReviewed} (${months} months)`,
        fix: 'review them and update their dates, or mark the ones no longer sent retired.',
        location: cellOf(oldest, 'lastReviewed'),
        related: relatedCells(
          stale.slice(1).map((s) => s.touchpoint),
          'lastReviewed',
        ),
        persona: oldest.persona,
        stage: null,
        touchpoint: null,
        identity: 'stale reviews',
      });
    }
    return reports;
  },
});
