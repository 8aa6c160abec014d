import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { stageGroups } from '../model/groups.js';
import { stageLabel } from '../model/stages.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { plural, clip } from './wording.js';

/** Stages that reach a persona through a single channel. */
export const singleChannelStage = defineRule({
  id: 'single-channel-stage',
  description: 'A stage served by one channel only',
  defaultSeverity: 'info',
  summary: 'a stage served by one channel only',
  weight: 1,
  options: z
    .object({
      minTouchpoints: z.number().int().positive().default(2).describe('Fewest touchpoints a stage must have before one channel for all of them is reported'),
    })
    .strict(),
  needsStages: true,
  docs: {
    why: 'A customer who ignores that one channel (filters the emails, never opens the app) misses the whole stage; a second channel makes the stage resilient.',
    triggers: 'Per persona and stage with at least `minTouchpoints` touchpoints whose channel is known, when all of them use the same channel.',
    fix: 'Carry the most important message of the stage on a second channel (in-app, phone, community, direct mail), or accept the finding by raising `minTouchpoints` or turning the rule off.',
    example: 'Practitioner meets Retention on Email only (3 touchpoints); add a second channel so customers who ignore Email still hear from you.',
  },
  check({ model, options }) {
    const reports: Report[] = [];
    for (const group of stageGroups(model)) {
      const known = group.touchpoints.filter((t) => t.channel !== null);
      if (known.length < options.minTouchpoints || new Set(known.flatMap((t) => t.channels)).size !== 1) continue;
      const channel = channelLabel(model.channels, known[0]!.channel);
      reports.push(
        stageReport(
          group,
          {
            message: `${clip(group.persona)} meets ${stageLabel(model.stageModel, group.stage)} on ${channel} only (${plural(known.length, 'touchpoint')})`,
            fix: `add a second channel so customers who ignore ${channel} still hear from you.`,
          },
          cellOf(known[0]!, 'channel'),
          relatedCells(known.slice(1), 'channel'),
        ),
      );
    }
    return reports;
  },
});
