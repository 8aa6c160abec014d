import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { measuredFrom } from '../model/measured.js';
import { stageGroups } from '../model/groups.js';
import type { Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { foldKey } from '../model/text.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { percent, clip } from './wording.js';

/** A channel's conversion in one stage: weighted by sent when every touchpoint has it, else the plain mean. */
function channelRate(touchpoints: Touchpoint[]): number {
  const weighted = touchpoints.every((t) => t.metrics.sent !== null && t.metrics.sent > 0);
  if (weighted) {
    const sent = touchpoints.reduce((sum, t) => sum + t.metrics.sent!, 0);
    return touchpoints.reduce((sum, t) => sum + t.metrics.conversionRate! * t.metrics.sent!, 0) / sent;
  }
  return touchpoints.reduce((sum, t) => sum + t.metrics.conversionRate!, 0) / touchpoints.length;
}

/** A channel's rate as the message writes it: "12%", or "12%, measured" when a figure of it came from an event log (--metrics). */
function rateText(rate: number, touchpoints: Touchpoint[]): string {
  return touchpoints.some((t) => measuredFrom(t, 'conversionRate') !== null) ? `${percent(rate)}, measured` : percent(rate);
}

/** Per stage, the channels that convert best and worst. */
export const channelEffectiveness = defineRule({
  id: 'channel-effectiveness',
  description: 'Per stage, the channels with the best and the worst conversion rate',
  defaultSeverity: 'info',
  summary: 'per stage, the channels with the best and worst rate of the same figure (KPI)',
  weight: 1,
  options: z
    .object({
      minChannels: z.number().int().min(2).default(2).describe('Fewest channels with conversion figures a stage needs before best and worst are named'),
    })
    .strict(),
  needsStages: true,
  docs: {
    why: 'Effort follows habit more than results. Putting the channels of a stage side by side shows where effort converts and where it does not.',
    triggers:
      "Per persona and stage, when at least `minChannels` channels carry conversion rates of the same figure (the same KPI, or none given): an invite-accept rate is never ranked against a checklist-completion rate. Conversion measured from an event log (`--metrics`) counts where a row has none of its own, and is called measured. A channel's rate is weighted by the Sent column when every touchpoint has it, else the plain mean. Silent when best and worst are equal.",
    fix: 'Shift effort toward the channel that converts best, or rework (or retire) the touchpoints on the worst one.',
    example: 'In Decision, Buyer converts best on Phone (12%) and worst on Email (1.5%); shift effort toward Phone or rework the Email touchpoints.',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    for (const group of stageGroups(model)) {
      // Rates are compared only on the same figure: the KPI each row measures (blank: the column's conversion rate).
      const byFigure = new Map<string, { kpi: string | null; byChannel: Map<string, Touchpoint[]> }>();
      for (const t of group.touchpoints) {
        if (t.channel === null || t.metrics.conversionRate === null) continue;
        const key = t.kpi === null ? '' : foldKey(t.kpi);
        let figure = byFigure.get(key);
        if (!figure) byFigure.set(key, (figure = { kpi: t.kpi, byChannel: new Map() }));
        const list = figure.byChannel.get(t.channel);
        if (list) list.push(t);
        else figure.byChannel.set(t.channel, [t]);
      }
      for (const { kpi, byChannel } of byFigure.values()) {
        if (byChannel.size < options.minChannels) continue;
        const ranked = [...byChannel]
          .map(([channel, touchpoints]) => ({ channel, touchpoints, rate: channelRate(touchpoints) }))
          .sort((a, b) => b.rate - a.rate || a.channel.localeCompare(b.channel));
        const best = ranked[0]!;
        const worst = ranked.at(-1)!;
        if (best.rate === worst.rate) continue;
        const [bestLabel, worstLabel] = [channelLabel(model.channels, best.channel), channelLabel(model.channels, worst.channel)];
        const stage = stageLabel(model.stageModel, group.stage);
        reports.push(
          stageReport(
            group,
            {
              message:
                kpi === null
                  ? `In ${stage}, ${clip(group.persona)} converts best on ${bestLabel} (${rateText(best.rate, best.touchpoints)}) and worst on ${worstLabel} (${rateText(worst.rate, worst.touchpoints)})`
                  : `In ${stage}, ${clip(group.persona)}'s "${clip(kpi)}" is best on ${bestLabel} (${rateText(best.rate, best.touchpoints)}) and worst on ${worstLabel} (${rateText(worst.rate, worst.touchpoints)})`,
              fix: `shift effort toward ${bestLabel} or rework the ${worstLabel} touchpoints.`,
            },
            cellOf(best.touchpoints[0]!, 'conversion'),
            relatedCells(worst.touchpoints, 'conversion'),
          ),
        );
      }
    }
    return reports;
  },
});
