import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
import { clip } from './wording.js';

/** Recurring touchpoints done by hand on channels software can send. */
export const automationOpportunity = defineRule({
  id: 'automation-opportunity',
  description: 'A manual touchpoint that recurs on a channel that can be automated',
  defaultSeverity: 'info',
  options: z
    .object({
      channels: z
        .array(z.string())
        .optional()
        .describe('Channel ids software can send on a schedule or trigger; when omitted, the channels marked automatable (email, sms, push, in-app, chat, plus any the config marks)'),
    })
    .strict(),
  docs: {
    why: 'Repeating a message by hand costs a person hours every week, drifts in quality and stops when that person is away; automation keeps it on time and frees people for conversations.',
    triggers: 'A touchpoint whose mode is manual, whose channel is automatable (marked so in the channel list, or listed in `channels`), and whose frequency is a recurring cadence (daily, weekly, monthly, ...).',
    fix: 'Move the touchpoint into your automation tool as a scheduled or triggered send, and mark its mode as automatic.',
    example: '"Weekly check-in email" is sent by hand weekly on Email; automate it as a scheduled or triggered send.',
  },
  check({ model, options }) {
    const automatable = new Set(options.channels ?? model.channels.filter((channel) => channel.automatable).map((channel) => channel.id));
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const sendable = touchpoint.mode === 'manual' ? touchpoint.channels.find((id) => automatable.has(id)) : undefined;
      if (sendable === undefined || !touchpoint.frequency?.recurring) continue;
      const channel = channelLabel(model.channels, sendable);
      reports.push(touchpointReport(touchpoint, { message: `"${clip(touchpoint.name)}" is done by hand ${touchpoint.frequency.cadence === 'repeating' ? clip(touchpoint.frequency.text) : touchpoint.frequency.cadence} on ${channel}${touchpoint.team ? ` by ${clip(touchpoint.team)}` : ''}`, fix: 'automate it as a scheduled or triggered send.' }, cellOf(touchpoint, 'mode')));
    }
    return reports;
  },
});
