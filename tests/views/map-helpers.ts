import type { Rule } from '../../src/rules/rule.js';
import { buildJourneyMap, type JourneyMap, type MapOptions, type MapSource } from '../../src/views/map/layout.js';
import { findingsOf, model } from '../helpers/inventory.js';

export const MAP_HEADER = [
  'Persona',
  'Stage',
  'Touchpoint',
  'Team',
  'Channel',
  'Mode',
  'Direction',
  'Day',
  'Frequency',
  'Sentiment',
  'NPS',
  'CSAT',
  'Conversion',
  'Drop-off',
  'Status',
  'KPI',
];

/** A map source from rows under MAP_HEADER, with the findings of `rules` (none unless given) and the default limits. */
export function source(
  rows: (string | number | null)[][],
  limits: { handoff?: number | null; weekly?: number | null } = {},
  file = 'inventory.csv',
  rules: readonly Rule[] = [],
): MapSource {
  const journeyModel = model([MAP_HEADER, ...rows], file);
  const findings = findingsOf(journeyModel, rules);
  return {
    file,
    model: journeyModel,
    findings,
    handoffLimit: limits.handoff === undefined ? 7 : limits.handoff,
    weeklyLimit: limits.weekly === undefined ? 3 : limits.weekly,
  };
}

export function mapOf(
  rows: (string | number | null)[][],
  options: Partial<MapOptions> = {},
  limits: Parameters<typeof source>[1] = {},
  rules: readonly Rule[] = [],
): JourneyMap {
  return buildJourneyMap([source(rows, limits, 'inventory.csv', rules)], { type: 'current', lanes: 'channel', persona: null, ...options });
}

/** Names no renderer may treat as markup or syntax. */
export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  'Quote " and \' apostrophe',
  'Comment --> end',
  'Back`tick` `code`',
  '%%{init: {"theme": "dark"}}%%',
  'Colon: 5: Hacker',
  'section Fake',
  'Amp &amp; entity #35; <b>bold</b>',
];
