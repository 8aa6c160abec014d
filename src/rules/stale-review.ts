import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
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
  options: z
    .object({
      maxAgeMonths: z.number().int().positive().default(12).describe('Months after which a last-reviewed date is stale'),
    })
    .strict(),
  docs: {
    why: 'Products, prices and teams change; a touchpoint nobody has looked at for a year likely promises a feature that moved, links a page that is gone or names a contact who left.',
    triggers: 'A Last reviewed date more than `maxAgeMonths` whole months before today (SOURCE_DATE_EPOCH fixes "today" for reproducible runs). Rows without a date are not reported.',
    fix: 'Review the touchpoint (content, links, owner, timing) and update its Last reviewed date, or retire it (Status: retired).',
    example: '"Admin setup guide" was last reviewed on 2024-09-01, 26 months ago (limit 12); review it and update the date, or mark it retired.',
  },
  check({ model, options, today }) {
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.lastReviewed === null) continue;
      const months = monthsBetween(touchpoint.lastReviewed, today);
      if (months <= options.maxAgeMonths) continue;
      reports.push(touchpointReport(touchpoint, { message: `"${clip(touchpoint.name)}" was last reviewed on ${touchpoint.lastReviewed}, ${months} months ago (limit ${options.maxAgeMonths})`, fix: 'review it and update the date, or mark it retired.' }, cellOf(touchpoint, 'lastReviewed')));
    }
    return reports;
  },
});
