import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { stageGroups } from '../model/groups.js';
import { duplicateNote, kindLabel, touchpointKind } from '../model/kinds.js';
import { stageLabel } from '../model/stages.js';
import { NameIndex, nameTokens, similarGroups } from '../model/name-tokens.js';
import type { JourneyModel, Touchpoint } from '../model/schema.js';
import { foldKey } from '../model/text.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report } from './rule.js';
import { listAnd, quotedNames, clip } from './wording.js';

const cadenceKey = (t: Touchpoint) =>
  t.frequency === null ? '' : t.frequency.cadence !== null && t.frequency.cadence !== 'repeating' ? t.frequency.cadence : foldKey(t.frequency.text);
const teamsOf = (members: readonly Touchpoint[]) => [...new Set(members.map((t) => t.team).filter((team): team is string => team !== null))];

/** How a group of duplicates was found: similar names, the same kind and cadence from different teams, or a note that says so. */
type Why = { by: 'name' } | { by: 'kind'; kind: string } | { by: 'note' };

function duplicateReport(model: JourneyModel, members: Touchpoint[], why: Why): Report {
  const first = members[0]!;
  const teams = teamsOf(members);
  const who =
    teams.length > 1
      ? `${listAnd(teams)} ${teams.length === 2 ? 'both' : 'all'} send`
      : teams.length === 1
        ? `${teams[0]} sends ${members.length}`
        : `${members.length} touchpoints send`;
  const channel = channelLabel(model.channels, first.channel);
  const where = `to ${clip(first.persona)} in ${stageLabel(model.stageModel, first.stage)}`;
  const what =
    why.by === 'kind'
      ? `${first.frequency?.recurring ? `a ${clip(first.frequency.cadence === 'repeating' ? first.frequency.text.toLowerCase() : first.frequency.cadence!)} ` : 'a '}${kindLabel(why.kind)} by ${channel} ${where}`
      : why.by === 'note'
        ? `touchpoints ${where} that a note calls duplicates`
        : `similar ${channel} touchpoints ${where}`;
  return {
    message: `${who} ${what}: ${quotedNames(members)}`,
    fix: 'merge them under one owner or give each a distinct purpose.',
    location: cellOf(first, 'touchpoint'),
    related: relatedCells(members.slice(1), 'touchpoint'),
    persona: first.persona,
    stage: first.stage,
    // The alphabetically first name, so the finding keeps its identity when rows are re-sorted.
    touchpoint: members.map((t) => t.name).sort()[0]!,
    // Not the message: its team list and count change when a team or a similar touchpoint joins.
    identity:
      why.by === 'name' ? `similar ${first.channel} ${first.direction ?? ''}` : why.by === 'kind' ? `kind ${why.kind} ${first.channel}` : 'noted duplicate',
  };
}

/** Touchpoints in the same persona, stage, channel and direction that say the same thing. */
export const duplicateEffort = defineRule({
  id: 'duplicate-effort',
  description: 'Two or more touchpoints in one persona and stage, on the same channel and direction, that say the same thing',
  defaultSeverity: 'warning',
  summary:
    'touchpoints in one persona, stage, channel and direction that say the same thing: similar names, the same kind at the same cadence from two teams (newsletter ≈ digest ≈ what\'s new ≈ release notes, webinar ≈ live session, reminder ≈ nudge), or a note saying "dup of"',
  options: z
    .object({
      threshold: z.number().min(0.1).max(1).default(0.6).describe('Share of meaningful words two names must have in common (Jaccard similarity, 0.1–1)'),
    })
    .strict(),
  needsStages: true,
  docs: {
    why: 'Two teams sending near-identical messages to the same people at the same stage waste effort and confuse customers ("why do I get two newsletters?").',
    triggers:
      'Within one persona, stage, channel and direction: touchpoint names whose meaningful words overlap by at least `threshold` (Jaccard similarity after folding case and punctuation, singularizing, and dropping filler and channel words); or touchpoints of the same kind (newsletter ≈ digest ≈ what\'s new ≈ product updates ≈ release notes; webinar ≈ live session; reminder ≈ nudge; survey; check-in; usage report) with the same cadence from different teams, even when their names share no word. Also, within one persona and stage, a touchpoint whose Notes say it duplicates another ("dup of what\'s new?", "same as the digest") and the touchpoint they name. Touchpoints that merely share a channel do not fire.',
    fix: 'Merge the touchpoints under one owner, or give each a distinct purpose and name.',
    example:
      'Content and Product both send a monthly newsletter by Email to IT admin in Adoption: "Monthly admin newsletter" and "Product updates digest"; merge them under one owner or give each a distinct purpose.',
  },
  check({ model, options }) {
    // Blocks: each persona and stage split by channel and direction, by a number (channel × 4 + direction), not a key string.
    const channelIndex = new Map<string, number>();
    const blocks: Touchpoint[][] = [];
    for (const group of stageGroups(model)) {
      const byChannel: Touchpoint[][] = [];
      for (const touchpoint of group.touchpoints) {
        if (touchpoint.channel === null) continue;
        let channel = channelIndex.get(touchpoint.channel);
        if (channel === undefined) channelIndex.set(touchpoint.channel, (channel = channelIndex.size));
        const slot = channel * 4 + (touchpoint.direction === null ? 0 : touchpoint.direction === 'inbound' ? 1 : touchpoint.direction === 'outbound' ? 2 : 3);
        const block = byChannel[slot];
        if (block) block.push(touchpoint);
        else byChannel[slot] = [touchpoint];
      }
      for (const block of byChannel) if (block && block.length > 1) blocks.push(block);
    }
    const reports: Report[] = [];
    // A group is reported once, by the first way it was found.
    const reported = new Set<Touchpoint>();
    const add = (members: Touchpoint[], why: Why) => {
      if (members.every((t) => reported.has(t))) return;
      for (const t of members) reported.add(t);
      reports.push(duplicateReport(model, members, why));
    };
    // Names repeat across blocks; each is tokenized once.
    const names = new NameIndex();
    for (const block of blocks) {
      for (const group of similarGroups(
        block.map((t) => names.keyOf(t.name)),
        options.threshold,
        names,
      ))
        add(
          group.map((i) => block[i]!),
          { by: 'name' },
        );
      // The same kind at the same cadence from different teams.
      const byKind = new Map<string, Touchpoint[]>();
      for (const t of block) {
        if (reported.has(t)) continue;
        const kind = touchpointKind(t.name);
        if (kind === null) continue;
        const key = `${kind}\u0000${cadenceKey(t)}`;
        const list = byKind.get(key);
        if (list) list.push(t);
        else byKind.set(key, [t]);
      }
      for (const [key, members] of byKind) {
        if (members.length < 2 || teamsOf(members).length < 2) continue;
        add(members, { by: 'kind', kind: key.slice(0, key.indexOf('\u0000')) });
      }
    }
    // Notes that say a touchpoint duplicates another: the one they name in the same persona and stage, on any channel.
    for (const group of stageGroups(model)) {
      for (const t of group.touchpoints) {
        const named = duplicateNote(t.notes);
        if (named === null || reported.has(t)) continue;
        const words = nameTokens(named);
        const kind = touchpointKind(named);
        const other = group.touchpoints.find(
          (u) => u !== t && ((kind !== null && touchpointKind(u.name) === kind) || (words.length > 0 && words.every((w) => nameTokens(u.name).includes(w)))),
        );
        if (other)
          add(
            [other, t].sort((a, b) => a.index - b.index),
            { by: 'note' },
          );
      }
    }
    return reports;
  },
});
