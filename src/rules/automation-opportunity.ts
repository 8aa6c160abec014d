import * as z from 'zod';
import { touchesPerWeek } from '../model/cadence.js';
import { cellOf } from '../model/cells.js';
import { withoutAccents } from '../model/text.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
import { clip } from './wording.js';

// Touches whose worth is that a person makes them: plans built together, invitations and letters from a named person.
const PERSONAL =
  /\b(mutual (action|success) plans?|success plans?|account plans?|joint|co ?creat\w*|workshops?|advisory (board|council)|customer advisory|ceo|cfo|cto|founders?|executive|exec|personal(ly|ised|ized)?|hand ?written|handwritten|thank you (note|card|letter)s?|letters? from|1 ?(:|on|to) ?1|one ?on ?one|business reviews?|qbrs?|ebrs?|strategy (session|review)s?|roadmap (session|review)s?)\b/;

/** True when the touchpoint is personal or collaborative: automating it would take away what it is for. */
export function isPersonal(name: string): boolean {
  return PERSONAL.test(
    withoutAccents(name)
      .toLowerCase()
      .replace(/[^a-z0-9:]+/g, ' '),
  );
}

/** Recurring touchpoints done by hand on channels software can send. */
export const automationOpportunity = defineRule({
  id: 'automation-opportunity',
  description: 'A manual touchpoint that recurs on a channel that can be automated',
  defaultSeverity: 'info',
  summary: 'manual work that repeats on a channel that can be automated (not yearly, personal or collaborative touches)',
  weight: 1,
  options: z
    .object({
      channels: z
        .array(z.string())
        .optional()
        .describe(
          'Channel ids software can send on a schedule or trigger; when omitted, the channels marked automatable (email, sms, push, in-app, chat, plus any the config marks)',
        ),
    })
    .strict(),
  docs: {
    why: 'Repeating a message by hand costs a person hours every week, drifts in quality and stops when that person is away; automation keeps it on time and frees people for conversations.',
    triggers:
      'A touchpoint whose mode is manual, whose channel is automatable (marked so in the channel list, or listed in `channels`), and whose frequency repeats more often than once a year (daily, weekly, monthly, quarterly, "200 a week"). Personal or collaborative touches are left alone: a mutual action plan, an advisory-board invitation, a letter from the CEO, a business review, a thank-you note.',
    fix: 'Move the touchpoint into your automation tool as a scheduled or triggered send, and mark its mode as automatic.',
    example: '"Weekly check-in email" is sent by hand weekly on Email; automate it as a scheduled or triggered send.',
  },
  check({ model, options }) {
    const automatable = new Set(options.channels ?? model.channels.filter((channel) => channel.automatable).map((channel) => channel.id));
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const sendable = touchpoint.mode === 'manual' ? touchpoint.channels.find((id) => automatable.has(id)) : undefined;
      if (sendable === undefined || !touchpoint.frequency?.recurring) continue;
      // Once a year is not repeated work worth a workflow; a personal touch is worth the person.
      if (
        touchpoint.frequency.cadence === 'yearly' ||
        (touchesPerWeek(touchpoint.frequency) > 0 && touchesPerWeek(touchpoint.frequency) <= 1 / 52) ||
        isPersonal(touchpoint.name)
      )
        continue;
      const channel = channelLabel(model.channels, sendable);
      reports.push(
        touchpointReport(
          touchpoint,
          {
            message: `"${clip(touchpoint.name)}" is done by hand ${touchpoint.frequency.cadence === 'repeating' ? clip(touchpoint.frequency.text) : touchpoint.frequency.cadence} on ${channel}${touchpoint.team ? ` by ${clip(touchpoint.team)}` : ''}`,
            fix: 'automate it as a scheduled or triggered send.',
          },
          cellOf(touchpoint, 'mode'),
        ),
      );
    }
    return reports;
  },
});
