import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { stageGroups, timelineGroups } from '../model/groups.js';
import { LoadOptionsSchema, weeklyLoad } from '../model/weekly-load.js';
import { stageLabel } from '../model/stages.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { listAnd, quotedNames, clip } from './wording.js';

export { touchesPerWeek } from '../model/cadence.js';

const round = (n: number) => (n >= 10 ? Math.round(n) : Number(n.toFixed(1)));

/** Outbound touches a persona receives in one stage, per week and in total. */
export const overCommunication = defineRule({
  id: 'over-communication',
  description: 'More outbound touches a week (or in one stage) than a persona should receive',
  defaultSeverity: 'warning',
  summary:
    'more than `maxPerWeek` (3) messages a week in a stage: receipts and other transactional messages and two-way conversations are not counted, an ad seen daily counts once a week (`notCounted`, `channelLimits`); the report, diff and the day map show the same number',
  options: z
    .object({
      maxPerWeek: z.number().positive().default(3).describe('Most outbound touches a week a persona should receive within one stage'),
      maxPerStage: z.number().int().positive().nullable().default(null).describe('Most outbound touchpoints in one stage; null turns this count off'),
    })
    .extend(LoadOptionsSchema.shape)
    .strict(),
  docs: {
    why: 'Every team adds "just one more" message; the customer receives all of them. Over-communication drives unsubscribes, spam complaints and ignored messages, including the ones that matter.',
    triggers:
      'Per persona and stage (in a timeline with no stage column: per persona), the messages the customer receives are added up: outbound touchpoints (marked outbound, or automatic/manual with no direction), except those of a kind in `notCounted` (transactional messages the customer asked for, such as receipts, order and shipping confirmations, invoices, e-signatures and password resets; two-way conversations such as calls and meetings). Recurring ones count by their frequency (daily = 7 a week, weekly = 1, "3 times a week" = 3, "every 2 days" = 3.5, monthly ≈ 0.23), at most a channel\'s `channelLimits` a week (an ad or social post seen daily counts once a week by default), plus the most one-off messages whose days fall within any 7 days. Fires when that weekly load exceeds `maxPerWeek`, or when the stage holds more than `maxPerStage` messages. With a date column per cohort ("When Batch 1" … "When Batch 6"), every schedule is checked and the busiest is the load; the message names its schedule when it is not the first. The report, `journey diff` and the day map show the same number.',
    fix: 'Merge messages from different teams into one, lower a frequency, space one-off messages apart, or move content to an inbound channel customers visit when they want to.',
    example:
      'Practitioner receives about 8 messages a week in Onboarding (Email from Customer Success and Product), above the limit of 3; cut, merge or space out "Welcome email series" and "Weekly usage tips email".',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    // A timeline (a table with no stage column) is one group per persona, its load read by the week.
    for (const group of [...stageGroups(model), ...timelineGroups(model).map((g) => ({ ...g, stage: null }))]) {
      const { load, recurring, week, weekStart, schedule, messages } = weeklyLoad(group.touchpoints, options);
      if (messages.length === 0) continue;
      const overWeek = load > options.maxPerWeek;
      const overStage = options.maxPerStage !== null && messages.length > options.maxPerStage;
      if (!overWeek && !overStage) continue;
      const adding = overWeek
        ? [...recurring.sort((a, b) => b.perWeek - a.perWeek || a.touchpoint.index - b.touchpoint.index).map((r) => r.touchpoint), ...week]
        : messages;
      const channels = [...new Set(adding.map((t) => channelLabel(model.channels, t.channel)))];
      const teams = [...new Set(adding.map((t) => t.team).filter((team): team is string => team !== null))];
      const from = `${listAnd(channels)}${teams.length ? ` from ${listAnd(teams)}` : ''}`;
      const stage =
        group.stage !== null ? stageLabel(model.stageModel, group.stage) : weekStart !== null ? `days ${weekStart}–${weekStart + 6}` : 'the timeline';
      // With a date column per cohort, the schedule whose week is the busiest is named when it is not the first.
      const onSchedule = schedule !== null && week.length > 0 ? ` on the "${clip(schedule)}" schedule` : '';
      const amount = overWeek
        ? `about ${round(load)} messages a week in ${stage}${onSchedule} (${from}), above the limit of ${options.maxPerWeek}`
        : `${messages.length} messages in ${stage} (${from}), above the limit of ${options.maxPerStage}`;
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
