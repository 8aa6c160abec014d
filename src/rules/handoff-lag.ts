import * as z from 'zod';
import { touchesPerWeek } from '../model/cadence.js';
import { cellOf } from '../model/cells.js';
import { reachesOut } from '../model/groups.js';
import { findHandoffs, findTimelineHandoffs, type Handoff } from '../model/handoffs.js';
import type { JourneyModel, Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { isBroadcast, unpressuredKind } from '../model/weekly-load.js';
import { defineRule, type Report } from './rule.js';
import { clip } from './wording.js';

/**
 * A recurring touchpoint that keeps reaching the customer after its first day: weekly to quarterly (a
 * newsletter, a QBR, a weekly report). A daily cadence is a sequence that ends (a welcome series), not contact that goes on.
 */
function keepsInTouch(t: Touchpoint): boolean {
  const perWeek = touchesPerWeek(t.frequency);
  return reachesOut(t) && perWeek <= 1 && perWeek >= 4 / 52 - 1e-9;
}

/**
 * True when something recurring keeps the customer in touch across the handoff: a recurring touchpoint
 * of the giving stage (it goes on after its day), or one of either stage with no day.
 */
function inContact(handoff: Handoff, byStage: Map<string, Touchpoint[]>): boolean {
  const { from, to } = handoff;
  const giving = byStage.get(`${handoff.persona}\u0000${from.stage}`) ?? [];
  const receiving = byStage.get(`${handoff.persona}\u0000${to.stage}`) ?? [];
  return giving.some((t) => keepsInTouch(t) && (t.day === null || t.day <= from.day!)) || receiving.some((t) => keepsInTouch(t) && t.day === null);
}

function touchpointsByStage(model: JourneyModel): Map<string, Touchpoint[]> {
  const byStage = new Map<string, Touchpoint[]>();
  for (const t of model.touchpoints) {
    if (t.stage === null) continue;
    const key = `${t.persona}\u0000${t.stage}`;
    const list = byStage.get(key);
    if (list) list.push(t);
    else byStage.set(key, [t]);
  }
  return byStage;
}

/** Time lags where one team hands the customer to another between consecutive stages. */
export const handoffLag = defineRule({
  id: 'handoff-lag',
  description: 'A handoff between teams at a stage boundary that leaves the customer waiting too many days',
  defaultSeverity: 'warning',
  summary:
    "the customer waiting more than `maxDays` (7) days between the giving team's last touch and the receiving team's first at a stage boundary; silent on overlaps, when something recurring keeps in touch, and from `bridgeDays` (60) on (a silence, `silent-stretch`'s)",
  weight: 3,
  options: z
    .object({
      maxDays: z
        .number()
        .int()
        .nonnegative()
        .default(7)
        .describe("Longest acceptable wait, in days, between the giving team's last touch and the receiving team's first"),
      bridgeDays: z
        .number()
        .int()
        .positive()
        .default(60)
        .describe('From this many days on, a gap is a silent stretch between stages (silent-stretch reports it), not a customer waiting for the next team'),
    })
    .strict(),
  docs: {
    why: 'Customers feel handoffs: when sales closes and customer success calls two weeks later, the momentum of the purchase is lost and the first weeks of onboarding go unguided.',
    triggers:
      "Per persona, touchpoints with a day that reach out to the customer as a person (not inbound, not always-on resources, not ads or social posts) are ordered by stage, then day. At each boundary between consecutive stages, the giving team's last touch of the earlier stage is compared with the receiving team's first touch of the later one (a receipt, an invoice or another transactional message is not the receiving team taking over). Fires when the teams differ and the wait exceeds `maxDays` but is shorter than `bridgeDays`. Silent when the later stage starts before the earlier one ends (an overlap), and when a recurring touchpoint of the giving stage, weekly to quarterly (a newsletter, a QBR, a weekly report), keeps the customer in touch; a daily series is a sequence that ends, not contact. In a timeline (a table with no stage column), at each pair of consecutive touchpoints by day whose teams differ.",
    fix: 'Bring the receiving touchpoint forward, add a bridging touchpoint (a welcome email from the receiving team), or agree a handoff SLA between the teams.',
    example:
      'Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44); bring "Kickoff call" forward or bridge the gap to at most 7 days.',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    const byStage = touchpointsByStage(model);
    // A team hands over the customer through touchpoints that reach them as a person: not an ad or a social post,
    // and on the receiving side not a receipt or an invoice either.
    const gives = (t: Touchpoint) => reachesOut(t) && !isBroadcast(t);
    const staged = findHandoffs(model, { gives, receives: (t) => gives(t) && unpressuredKind(t) !== 'transactional' }).filter((h) => !inContact(h, byStage));
    for (const { from: giving, to: receiving, days, changesTeam } of [...staged, ...findTimelineHandoffs(model)]) {
      // A negative gap is an overlap (the next stage starts first); from bridgeDays on it is a silence, not a wait.
      if (!changesTeam || days <= options.maxDays || days >= options.bridgeDays) continue;
      // Along a timeline (no stage column) the touchpoints are placed by their day alone.
      const when = (t: typeof giving) => (t.stage === null ? `day ${t.day}` : `${stageLabel(model.stageModel, t.stage)}, day ${t.day}`);
      const from = `"${clip(giving.name)}" (${when(giving)})`;
      const to = `"${clip(receiving.name)}" (${when(receiving)})`;
      reports.push({
        message: `${clip(String(giving.team))} → ${clip(String(receiving.team))} handoff: ${days} days from ${from} to ${to}`,
        fix: `bring "${clip(receiving.name)}" forward or bridge the gap to at most ${options.maxDays} days.`,
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
