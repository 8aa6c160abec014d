import { nearest } from '../model/text.js';
import { RULES } from './all.js';
import type { Rule } from './rule.js';

// The registry, src/rules/all.ts, is generated from the folder by `npm run generate`: a rule is its file.
export { RULES };

/** A rule by id, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * The rule ids someone typing `word` may mean, best first: those that start with it ("handoff" →
 * handoff-lag), then those that hold it ("owner" → missing-owner), each
 * in registry order; when none does, the one closest in spelling ("handof-lag"). Case, spaces and
 * underscores are read as in an id ("Handoff Lag" → handoff-lag).
 */
export function similarRuleIds(word: string, ids: readonly string[] = RULES.map((rule) => rule.id)): string[] {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === '') return [];
  const starting = ids.filter((id) => id.startsWith(key));
  const holding = ids.filter((id) => !id.startsWith(key) && id.includes(key));
  if (starting.length + holding.length > 0) return [...starting, ...holding];
  const near = nearest(key, ids);
  return near === null ? [] : [near];
}

/** `; did you mean "handoff-lag"?` or `; did you mean one of "duplicate-effort", "duplicate-header"?`, or '' when no rule is near. */
export function ruleSuggestion(word: string, ids?: readonly string[]): string {
  const similar = similarRuleIds(word, ids);
  if (similar.length === 0) return '';
  return `; did you mean ${similar.length === 1 ? '' : 'one of '}${similar.map((id) => `"${id}"`).join(', ')}?`;
}
