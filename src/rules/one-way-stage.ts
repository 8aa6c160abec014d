import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { isInbound, isOutbound, stageGroups } from '../model/groups.js';
import type { Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { unpressuredKind } from '../model/weekly-load.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { plural, quotedNames, clip } from './wording.js';

/** Stages where the persona can be reached but cannot reach back. */
export const oneWayStage = defineRule({
  id: 'one-way-stage',
  description: 'A stage where every touchpoint is outbound and the persona has no inbound path to reach the company',
  defaultSeverity: 'warning',
  summary: 'a stage with only outbound touchpoints and no inbound path (a call or a meeting is one)',
  weight: 1,
  options: z.object({}).strict(),
  needsStages: true,
  docs: {
    why: 'When a customer has a question mid-stage and every touchpoint only talks at them, they stall, guess, or leave. Each stage needs a way back: chat, a help-center article, a support desk, a reply-able email.',
    triggers:
      'Per persona and stage, when at least one touchpoint is outbound by its Direction or Mode (a row with neither is not judged) and none is inbound (Direction inbound or both), a conversation (a call, a video call, a meeting in person) or on a channel marked as an inbound path (chat, help center, support desk, community, or channels the config marks `inbound`).',
    fix: 'Add an inbound touchpoint for the stage (a help-center article, chat, a support address in the emails) or mark a channel as an inbound path in the config when it is one.',
    example:
      'Buyer can only be reached, not reach back, in Decision: its 2 touchpoints ("Proposal email" and "Security questionnaire") are all outbound; add an inbound path such as chat, a help-center article or a support desk.',
  },
  check({ model }) {
    const inboundChannels = new Set(model.channels.filter((channel) => channel.inbound).map((channel) => channel.id));
    // Outbound as the row says it (direction, or a sending mode), not guessed from the channel: with no Direction or
    // Mode to go on, a stage is not called one-way.
    const saysOutbound = (t: Touchpoint) => (t.direction !== null || t.mode !== null) && isOutbound(t);
    const reports: Report[] = [];
    for (const group of stageGroups(model)) {
      const { touchpoints } = group;
      // A call or a meeting is a conversation: the customer speaks back in it, whatever its Direction says.
      const hasInbound = touchpoints.some(
        (t) => isInbound(t) || t.channels.some((channel) => inboundChannels.has(channel)) || unpressuredKind(t) === 'conversation',
      );
      if (hasInbound || !touchpoints.some(saysOutbound)) continue;
      const first = touchpoints[0]!;
      const only = touchpoints.length === 1;
      const what = only ? `its only touchpoint, ${quotedNames(touchpoints)},` : `its ${plural(touchpoints.length, 'touchpoint')} (${quotedNames(touchpoints)})`;
      const verdict = touchpoints.every(saysOutbound) ? (only ? 'is outbound' : 'are all outbound') : only ? 'offers no way back' : 'offer no way back';
      reports.push(
        stageReport(
          group,
          {
            message: `${clip(group.persona)} can only be reached, not reach back, in ${stageLabel(model.stageModel, group.stage)}: ${what} ${verdict}`,
            fix: 'add an inbound path such as chat, a help-center article or a support desk.',
          },
          cellOf(first, 'stage'),
          relatedCells(touchpoints.slice(1), 'touchpoint'),
        ),
      );
    }
    return reports;
  },
});
