import { z } from 'zod';
import { stageLabel } from '../model/stages.js';
import { nameTokens, similarPairs } from '../model/name-tokens.js';
import type { Touchpoint } from '../model/schema.js';
import { channelLabel } from '../model/vocabulary.js';
import { defineRule, type Report } from './rule.js';

/** Groups indices into clusters given similar pairs (union-find). */
function clusters(count: number, pairs: [number, number, number][]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b] of pairs) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (const [a, b] of pairs) for (const i of [a, b]) {
    const root = find(i);
    const group = groups.get(root) ?? [];
    if (!group.includes(i)) group.push(i);
    groups.set(root, group);
  }
  return [...groups.values()].map((group) => group.sort((x, y) => x - y));
}

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
  docs: {
    why: 'Two teams sending near-identical messages to the same people at the same stage waste effort and confuse customers ("why do I get two newsletters?").',
    triggers:
      'Within one persona, stage, channel and direction, touchpoint names whose meaningful words overlap by at least `threshold` (Jaccard similarity after folding case and punctuation, singularizing, and dropping filler and channel words). Touchpoints that merely share a channel do not fire.',
    fix: 'Merge the touchpoints under one owner, or give each a distinct purpose and name.',
    example: 'Marketing and Product both send similar Email touchpoints to Practitioner in Retention: "Monthly newsletter" and "Monthly product newsletter"; merge them under one owner or give each a distinct purpose.',
  },
  check({ model, options }) {
    const blocks = new Map<string, Touchpoint[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.stage === null || touchpoint.channel === null) continue;
      const key = [touchpoint.persona, touchpoint.stage, touchpoint.channel, touchpoint.direction ?? ''].join('\u0000');
      const block = blocks.get(key);
      if (block) block.push(touchpoint);
      else blocks.set(key, [touchpoint]);
    }
    const reports: Report[] = [];
    for (const block of blocks.values()) {
      if (block.length < 2) continue;
      const pairs = similarPairs(block.map((t) => nameTokens(t.name)), options.threshold);
      for (const cluster of clusters(block.length, pairs)) {
        const members = cluster.map((i) => block[i]!);
        const first = members[0]!;
        const teams = [...new Set(members.map((t) => t.team).filter((team): team is string => team !== null))];
        const who =
          teams.length > 1 ? `${teams.slice(0, -1).join(', ')} and ${teams.at(-1)} both send` : teams.length === 1 ? `${teams[0]} sends ${members.length}` : `${members.length} touchpoints send`;
        const names = members.map((t) => `"${t.name}"`).join(', ').replace(/, ([^,]*)$/, ' and $1');
        reports.push({
          message: `${who} similar ${channelLabel(model.channels, first.channel)} touchpoints to ${first.persona} in ${stageLabel(model.stageModel, first.stage)}: ${names}; merge them under one owner or give each a distinct purpose.`,
          location: first.cells.touchpoint ?? first.row,
          related: members.slice(1).map((t) => t.cells.touchpoint ?? t.row),
          persona: first.persona,
          stage: first.stage,
          // The alphabetically first name, so the finding keeps its identity when rows are re-sorted.
          touchpoint: members.map((t) => t.name).sort()[0]!,
        });
      }
    }
    return reports;
  },
});
