import { listAnd } from '../english.js';
import type { Touchpoint } from '../model/schema.js';

export { listAnd, plural } from '../english.js';

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
