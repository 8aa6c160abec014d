import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { stageGroups } from '../model/groups.js';
import { stageLabel } from '../model/stages.js';
import { NameIndex, similarGroups } from '../model/name-tokens.js';
import type { Touchpoint } from '../model/schema.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, relatedCells, type Report } from './rule.js';
import { listAnd, quotedNames, clip } from './wording.js';

/** Touchpoints in the same persona, stage, channel and direction whose names say the same thing. */
export const duplicateEffort = defineRule({
  id: 'duplicate-effort',
  description: 'Two or more touchpoints in one persona and stage, on the same channel and direction, that say the same thing',
  defaultSeverity: 'warning',
  options: z
    .object({
      threshold: z.number().min(0.1).max(1).default(0.6).describe('Share of meaningful words two names must have in common (Jaccard similarity, 0.1–1)'),
    })
    .strict(),
  needsStages: true,
  docs: {
    why: 'Two teams sending near-identical messages to the same people at the same stage waste effort and confuse customers ("why do I get two newsletters?").',
    triggers:
      'Within one persona, stage, channel and direction, touchpoint names whose meaningful words overlap by at least `threshold` (Jaccard similarity after folding case and punctuation, singularizing, and dropping filler and channel words). Touchpoints that merely share a channel do not fire.',
    fix: 'Merge the touchpoints under one owner, or give each a distinct purpose and name.',
    example: 'Marketing and Product both send similar Email touchpoints to Practitioner in Retention: "Monthly newsletter" and "Monthly product newsletter"; merge them under one owner or give each a distinct purpose.',
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
    // Names repeat across blocks; each is tokenized once.
    const names = new NameIndex();
    for (const block of blocks) {
      for (const group of similarGroups(block.map((t) => names.keyOf(t.name)), options.threshold, names)) {
        const members = group.map((i) => block[i]!);
        const first = members[0]!;
        const teams = [...new Set(members.map((t) => t.team).filter((team): team is string => team !== null))];
        const who =
          teams.length > 1 ? `${listAnd(teams)} ${teams.length === 2 ? 'both' : 'all'} send` : teams.length === 1 ? `${teams[0]} sends ${members.length}` : `${members.length} touchpoints send`;
        const names = quotedNames(members);
        reports.push({
          message: `${who} similar ${channelLabel(model.channels, first.channel)} touchpoints to ${clip(first.persona)} in ${stageLabel(model.stageModel, first.stage)}: ${names}`,
          fix: 'merge them under one owner or give each a distinct purpose.',
          location: cellOf(first, 'touchpoint'),
          related: relatedCells(members.slice(1), 'touchpoint'),
          persona: first.persona,
          stage: first.stage,
          // The alphabetically first name, so the finding keeps its identity when rows are re-sorted.
          touchpoint: members.map((t) => t.name).sort()[0]!,
          // Not the message: its team list and count change when a team or a similar touchpoint joins.
          identity: `similar ${first.channel} ${first.direction ?? ''}`,
        });
      }
    }
    return reports;
  },
});
