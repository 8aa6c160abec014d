import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { findHandoffs, findTimelineHandoffs } from '../model/handoffs.js';
import { stageLabel } from '../model/stages.js';
import { defineRule, type Report } from './rule.js';
import { clip } from './wording.js';

/** Time lags where one team hands the customer to another between consecutive stages. */
export const handoffLag = defineRule({
  id: 'handoff-lag',
  description: 'A handoff between teams at a stage boundary that leaves the customer waiting too many days',
  defaultSeverity: 'warning',
  options: z
    .object({
      maxDays: z.number().int().nonnegative().default(7).describe("Longest acceptable gap, in days, between the giving and the receiving team's touchpoints"),
      bridgeDays: z
        .number()
        .int()
        .positive()
        .default(60)
        .describe('From this many days on, a gap is advised to be bridged with a touchpoint in between rather than closed by bringing the receiving one forward'),
    })
    .strict(),
  docs: {
    why: 'Customers feel handoffs: when sales closes and customer success calls two weeks later, the momentum of the purchase is lost and the first weeks of onboarding go unguided.',
    triggers:
      "Per persona, touchpoints with a day are ordered by stage, then day. At each boundary between consecutive stages that have touchpoints, when the team of the earlier stage's last touchpoint differs from the team of the later stage's first touchpoint and the days between them exceed `maxDays`. In a timeline (a table with no stage column), at each pair of consecutive touchpoints by day whose teams differ.",
    fix: 'Bring the receiving touchpoint forward, add a bridging touchpoint (a welcome email from the receiving team), or agree a handoff SLA between the teams. A gap of months (`bridgeDays`, 60 by default) is a missing touchpoint rather than a late one: the receiving touchpoint is usually where it belongs (a renewal reminder before the renewal), so add one that keeps in touch in between.',
    example: 'Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44); bring the kickoff forward or bridge the gap to at most 7 days.',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    for (const { from: giving, to: receiving, days, changesTeam } of [...findHandoffs(model), ...findTimelineHandoffs(model)]) {
      if (!changesTeam || days <= options.maxDays) continue;
      // Along a timeline (no stage column) the touchpoints are placed by their day alone.
      const when = (t: typeof giving) => (t.stage === null ? `day ${t.day}` : `${stageLabel(model.stageModel, t.stage)}, day ${t.day}`);
      const from = `"${clip(giving.name)}" (${when(giving)})`;
      const to = `"${clip(receiving.name)}" (${when(receiving)})`;
      reports.push({
        message: `${clip(String(giving.team))} → ${clip(String(receiving.team))} handoff: ${days} days from ${from} to ${to}`,
        fix:
          days >= options.bridgeDays
            ? `add a touchpoint from ${clip(String(receiving.team))} in between (a check-in or an update) so no stretch without contact is longer than ${options.maxDays} days, rather than moving "${clip(receiving.name)}" forward.`
            : `bring "${clip(receiving.name)}" forward or bridge the gap to at most ${options.maxDays} days.`,
        location: cellOf(receiving, 'day'),
        related: [cellOf(giving, 'day')],
        persona: receiving.persona,
        stage: receiving.stage,
        touchpoint: receiving.name,
      });
    }
    return reports;
  },
});
