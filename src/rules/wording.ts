import type { Touchpoint } from '../model/schema.js';

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listAnd(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Quoted touchpoint names, at most `max` of them and a count of the rest. */
export function quotedNames(touchpoints: readonly Touchpoint[], max = 3): string {
  const shown = touchpoints.slice(0, max).map((t) => `"${t.name}"`);
  const rest = touchpoints.length - shown.length;
  return listAnd(rest > 0 ? [...shown, `${rest} more`] : shown);
}

/** A rate as a percentage with at most one decimal: 0.125 → "12.5%". */
export function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** "1 touchpoint", "3 touchpoints". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
