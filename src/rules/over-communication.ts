import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { isOutbound, stageGroups, timelineGroups } from '../model/groups.js';
import { touchesPerWeek } from '../model/cadence.js';
import type { Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { listAnd, quotedNames, clip } from './wording.js';

export { touchesPerWeek } from '../model/cadence.js';

/** The most one-off touchpoints with a day that fall within any 7 days (sorted days, two pointers). */
function busiestWeek(oneOffs: Touchpoint[]): Touchpoint[] {
  const dated = oneOffs.filter((t) => t.day !== null).sort((a, b) => a.day! - b.day! || a.index - b.index);
  let [bestStart, bestEnd] = [0, 0];
  let start = 0;
  for (let end = 0; end < dated.length; end++) {
    while (dated[end]!.day! - dated[start]!.day! >= 7) start++;
    if (end + 1 - start > bestEnd - bestStart) [bestStart, bestEnd] = [start, end + 1];
  }
  return dated.slice(bestStart, bestEnd);
}

const round = (n: number) => (n >= 10 ? Math.round(n) : Number(n.toFixed(1)));

/** Outbound touches a persona receives in one stage, per week and in total. */
export const overCommunication = defineRule({
  id: 'over-communication',
  description: 'More outbound touches a week (or in one stage) than a persona should receive',
  defaultSeverity: 'warning',
  options: z
    .object({
      maxPerWeek: z.number().positive().default(3).describe('Most outbound touches a week a persona should receive within one stage'),
      maxPerStage: z.number().int().positive().nullable().default(null).describe('Most outbound touchpoints in one stage; null turns this count off'),
    })
    .strict(),
  docs: {
    why: 'Every team adds "just one more" message; the customer receives all of them. Over-communication drives unsubscribes, spam complaints and ignored messages, including the ones that matter.',
    triggers:
      'Per persona and stage (in a timeline with no stage column: per persona), outbound touchpoints (marked outbound, or automatic/manual with no direction) are added up: recurring ones by their frequency (daily = 7 a week, weekly = 1, "3 times a week" = 3, monthly ≈ 0.23), plus the most one-off touchpoints whose days fall within any 7 days. Fires when that weekly load exceeds `maxPerWeek`, or when the stage holds more than `maxPerStage` outbound touchpoints.',
    fix: 'Merge messages from different teams into one, lower a frequency, space one-off messages apart, or move content to an inbound channel customers visit when they want to.',
    example:
      'Practitioner receives about 8 outbound touches a week in Onboarding (Email from Customer Success and Product), above the limit of 3; cut, merge or space out "Welcome email series" and "Weekly usage tips email".',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    // A timeline (a table with no stage column) is one group per persona, its load read by the week.
    for (const group of [...stageGroups(model), ...timelineGroups(model).map((g) => ({ ...g, stage: null }))]) {
      const outbound = group.touchpoints.filter(isOutbound);
      if (outbound.length === 0) continue;
      const rate = new Map(outbound.map((t) => [t, touchesPerWeek(t.frequency)]));
      const recurring = outbound.filter((t) => rate.get(t)! > 0);
      const week = busiestWeek(outbound.filter((t) => rate.get(t) === 0));
      const load = recurring.reduce((sum, t) => sum + rate.get(t)!, 0) + week.length;
      const overWeek = load > options.maxPerWeek;
      const overStage = options.maxPerStage !== null && outbound.length > options.maxPerStage;
      if (!overWeek && !overStage) continue;
      const adding = overWeek ? [...recurring, ...week].sort((a, b) => rate.get(b)! - rate.get(a)! || a.index - b.index) : outbound;
      const channels = [...new Set(adding.map((t) => channelLabel(model.channels, t.channel)))];
      const teams = [...new Set(adding.map((t) => t.team).filter((team): team is string => team !== null))];
      const from = `${listAnd(channels)}${teams.length ? ` from ${listAnd(teams)}` : ''}`;
      const stage = group.stage !== null ? stageLabel(model.stageModel, group.stage) : week.length > 0 ? `days ${week[0]!.day}–${week[0]!.day! + 6}` : 'the timeline';
      const amount = overWeek
        ? `about ${round(load)} outbound touches a week in ${stage} (${from}), above the limit of ${options.maxPerWeek}`
        : `${outbound.length} outbound touchpoints in ${stage} (${from}), above the limit of ${options.maxPerStage}`;
      const first = adding[0]!;
      reports.push(
        stageReport(
          group,
          {
            message: `${clip(group.persona)} receives ${amount}`,
            fix: `cut, merge or space out ${quotedNames(adding)}.`,
          },
          cellOf(first, 'frequency', 'touchpoint'),
          relatedCells(adding.slice(1), 'touchpoint'),
        ),
      );
    }
    return reports;
  },
});
