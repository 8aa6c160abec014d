import * as z from 'zod';
import { touchesPerWeek } from '../model/cadence.js';
import { cellOf } from '../model/cells.js';
import { reachesOut } from '../model/groups.js';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, type Report } from './rule.js';
import { clip } from './wording.js';

/** Stretches of a persona's timeline where nothing reaches the customer for longer than a limit. */
export const silentStretch = defineRule({
  id: 'silent-stretch',
  description: 'Too many days between consecutive touchpoints of a persona, with nothing recurring to fill them',
  defaultSeverity: 'warning',
  summary: 'more than `maxDays` (30) days between consecutive touchpoints, nothing recurring to fill them',
  weight: 3,
  options: z
    .object({
      maxDays: z.number().int().positive().default(30).describe('Longest acceptable silence, in days, between two consecutive touchpoints'),
    })
    .strict(),
  docs: {
    why: "A customer who hears nothing for weeks forgets why they signed up: silent stretches are where onboarding stalls and renewals are lost, and they hide between teams' sequences, where nobody owns the gap.",
    triggers:
      'Per persona, touchpoints with a day (not marked inbound, not ongoing resources) in day order: each gap between consecutive days longer than `maxDays`, unless a recurring touchpoint that started by then (a newsletter, a weekly digest) reaches the customer at least once in `maxDays` days. Runs on every inventory with days, with or without a stage column.',
    fix: 'Add a touchpoint in the gap (a check-in, a tip, a milestone email), move one forward, or let a recurring touchpoint cover the stretch.',
    example:
      'Trial user hears nothing for 38 days, from "Tips email" (day 7) to "Check-in call" (day 45); add a touchpoint in between or bring "Check-in call" forward to keep the silence under 30 days.',
  },
  check({ model, options }) {
    const byPersona = new Map<string, Touchpoint[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.day === null || !reachesOut(touchpoint)) continue;
      let list = byPersona.get(touchpoint.persona);
      if (!list) byPersona.set(touchpoint.persona, (list = []));
      list.push(touchpoint);
    }
    const reports: Report[] = [];
    for (const [persona, touchpoints] of byPersona) {
      touchpoints.sort((a, b) => a.day! - b.day! || a.index - b.index);
      // The first day from which something recurring reaches the customer at least once every maxDays days.
      const covered = touchpoints.filter((t) => touchesPerWeek(t.frequency) * (options.maxDays + 1) >= 7).reduce((min, t) => Math.min(min, t.day!), Infinity);
      for (let i = 1; i < touchpoints.length; i++) {
        const before = touchpoints[i - 1]!;
        const after = touchpoints[i]!;
        const days = after.day! - before.day!;
        if (days <= options.maxDays || covered <= before.day!) continue;
        reports.push({
          message: `${clip(persona)} hears nothing for ${days} days, from "${clip(before.name)}" (day ${before.day}) to "${clip(after.name)}" (day ${after.day})`,
          fix: `add a touchpoint in between or bring "${clip(after.name)}" forward to keep the silence under ${options.maxDays} days.`,
          location: cellOf(after, 'day'),
          related: [cellOf(before, 'day')],
          persona,
          stage: after.stage,
          touchpoint: after.name,
          // The same silence before the same touchpoint, however many days it lasts as rows move.
          identity: 'silent stretch',
        });
      }
    }
    return reports;
  },
});
