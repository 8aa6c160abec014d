import { z } from 'zod';
import type { Touchpoint } from '../model/schema.js';
import { stageLabel, stageOrder } from '../model/stages.js';
import { foldKey } from '../model/text.js';
import { defineRule, type Report } from './rule.js';

/** Time lags where one team hands the customer to another between consecutive stages. */
export const handoffLag = defineRule({
  id: 'handoff-lag',
  description: 'A handoff between teams at a stage boundary that leaves the customer waiting too many days',
  defaultSeverity: 'warning',
  options: z
    .object({
      maxDays: z.number().int().nonnegative().default(7).describe("Longest acceptable gap, in days, between the giving and the receiving team's touchpoints"),
    })
    .strict(),
  docs: {
    why: 'Customers feel handoffs: when sales closes and customer success calls two weeks later, the momentum of the purchase is lost and the first weeks of onboarding go unguided.',
    triggers:
      "Per persona, touchpoints with a day are ordered by stage, then day. At each boundary between consecutive stages that have touchpoints, when the team of the earlier stage's last touchpoint differs from the team of the later stage's first touchpoint and the days between them exceed `maxDays`.",
    fix: 'Bring the receiving touchpoint forward, add a bridging touchpoint (a welcome email from the receiving team), or agree a handoff SLA between the teams.',
    example: 'Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44); bring the kickoff forward or bridge the gap to at most 7 days.',
  },
  check({ model, options }) {
    const order = stageOrder(model.stageModel);
    const byPersona = new Map<string, Touchpoint[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.day === null || touchpoint.stage === null || !order.has(touchpoint.stage)) continue;
      const list = byPersona.get(touchpoint.persona) ?? [];
      list.push(touchpoint);
      byPersona.set(touchpoint.persona, list);
    }
    const reports: Report[] = [];
    for (const touchpoints of byPersona.values()) {
      touchpoints.sort((a, b) => order.get(a.stage!)! - order.get(b.stage!)! || a.day! - b.day! || a.index - b.index);
      for (let i = 1; i < touchpoints.length; i++) {
        const giving = touchpoints[i - 1]!;
        const receiving = touchpoints[i]!;
        if (giving.stage === receiving.stage) continue;
        if (giving.team === null || receiving.team === null || foldKey(giving.team) === foldKey(receiving.team)) continue;
        const gap = receiving.day! - giving.day!;
        if (gap <= options.maxDays) continue;
        const from = `"${giving.name}" (${stageLabel(model.stageModel, giving.stage)}, day ${giving.day})`;
        const to = `"${receiving.name}" (${stageLabel(model.stageModel, receiving.stage)}, day ${receiving.day})`;
        reports.push({
          message: `${giving.team} → ${receiving.team} handoff: ${gap} days from ${from} to ${to}; bring "${receiving.name}" forward or bridge the gap to at most ${options.maxDays} days.`,
          location: receiving.cells.day ?? receiving.row,
          related: [giving.cells.day ?? giving.row],
          persona: receiving.persona,
          stage: receiving.stage,
          touchpoint: receiving.name,
        });
      }
    }
    return reports;
  },
});
