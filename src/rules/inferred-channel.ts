import * as z from 'zod';
import type { ChannelsFromNames, JourneyModel } from '../model/schema.js';
import { defineRule, reportProblems, type Words } from './rule.js';
import { clip, listAnd, plural } from './wording.js';

/** Row numbers as ranges ("2–4, 6 and 9"), and how many more there were past the listed ones. */
export function rowRanges(rows: readonly number[], total: number): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(j === i ? String(rows[i]) : j === i + 1 ? `${rows[i]}, ${rows[j]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  const more = total - rows.length;
  return listAnd(more > 0 ? [...parts, `${more} more`] : parts);
}

const label = (model: JourneyModel, id: string) => model.channels.find((channel) => channel.id === id)?.label ?? id;

type FromNames = ChannelsFromNames;

const examplesOf = (model: JourneyModel, reason: FromNames) =>
  reason.examples.map((example) => `"${clip(example.name)}" → ${label(model, example.channel)}`).join(', ');

/** A journey-map grid's touchpoints all sit in its Touchpoints lane: the names say which. */
function gridWords(model: JourneyModel, reason: FromNames): Words {
  const fix = "add a Channel lane to say each touchpoint's channel outright";
  const none = reason.none === 0 ? '' : `; ${reason.none} ${reason.none === 1 ? 'names' : 'name'} no channel (${quoted(reason.noneNames, reason.none)})`;
  if (reason.inferred === 0)
    return {
      message: `No channel lane, and no touchpoint name names a channel (${quoted(reason.noneNames, reason.none)}), so channel checks skip this map`,
      fix,
    };
  return { message: `No channel lane: read the channel from ${plural(reason.inferred, 'touchpoint name')} (e.g. ${examplesOf(model, reason)})${none}`, fix };
}

/** Names quoted, and how many more past them. */
function quoted(names: string[], total: number): string {
  const shown = names.map((name) => `"${clip(name)}"`);
  return listAnd(total > names.length ? [...shown, `${total - names.length} more`] : shown);
}

/** A table without a channel column, read by the channel words of its touchpoint names: said once per table. */
export const inferredChannel = defineRule({
  id: 'inferred-channel',
  description: 'A table with no channel column: channels were read from the touchpoint names, said once',
  defaultSeverity: 'info',
  summary: 'a table with no channel column: which rows\' channels were read from their touchpoint names ("Welcome email", "Kickoff call"), said once',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'Coverage, automation and two-way checks need each touchpoint\'s channel. Many inventories name it only in the touchpoint ("Welcome email", "Kickoff call", "SMS reminder"); journey reads it from there rather than refusing the table, and says which rows it read that way so you can check them.',
    triggers:
      'A table whose header has no channel column, or a journey-map grid with no Channel lane. Each touchpoint name is searched for channel words and phrases (the channel vocabulary and config channels: "email", "call", "webinar", "in-app tour", "retargeting ads"...); with several, the longest phrase wins, then the last ("Webinar invite email" is an email). A name with no channel word leaves the row without a channel, never an error.',
    fix: "Add a Channel column to say each touchpoint's channel outright, or check the inferred rows.",
    example:
      'No channel column: read the channel from 5 touchpoint names (rows 2–4, 6 and 8, e.g. "Welcome email" → Email, "Kickoff call" → Video call); 1 row names no channel (row 5); add a Channel column to say each touchpoint\'s channel outright',
  },
  check({ model }) {
    return reportProblems(model, 'inferred-channel', (reason) => {
      const unit = reason.lines ? 'line' : 'row';
      const where = (rows: number[], total: number) => `${rows.length === 1 && total === 1 ? unit : `${unit}s`} ${rowRanges(rows, total)}`;
      const none =
        reason.none === 0 ? '' : `; ${plural(reason.none, 'row')} ${reason.none === 1 ? 'names' : 'name'} no channel (${where(reason.noneRows, reason.none)})`;
      if (reason.grid) return gridWords(model, reason);
      const fix = "add a Channel column to say each touchpoint's channel outright";
      if (reason.inferred === 0)
        return {
          message: `No channel column, and no touchpoint name names a channel (${where(reason.noneRows, reason.none)}), so channel checks skip this table`,
          fix,
        };
      return {
        message: `No channel column: read the channel from ${plural(reason.inferred, 'touchpoint name')} (${where(reason.rows, reason.inferred)}, e.g. ${examplesOf(model, reason)})${none}`,
        fix,
      };
    });
  },
});
