import { listAnd } from '../english.js';
import { shorten } from '../escape.js';
import type { Touchpoint } from '../model/schema.js';

export { listAnd, plural } from '../english.js';

/** Most characters of one cell's text a message quotes; a longer value is cut with an ellipsis. */
export const MAX_QUOTED = 200;

/** A cell's text as a message quotes it: whole, or its first MAX_QUOTED characters and an ellipsis (shorten, the one clip). */
export function clip(text: string): string {
  return shorten(text, MAX_QUOTED + 1);
}

/** Quoted touchpoint names, at most `max` of them and a count of the rest. */
export function quotedNames(touchpoints: readonly Touchpoint[], max = 3): string {
  const shown = touchpoints.slice(0, max).map((t) => `"${clip(t.name)}"`);
  const rest = touchpoints.length - shown.length;
  return listAnd(rest > 0 ? [...shown, `${rest} more`] : shown);
}

/** A rate as a percentage with at most one decimal: 0.125 → "12.5%". */
export function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

export { FIELD_LABEL } from '../model/columns.js';

/**
 * A table as a message names it: `Sheet "Buyer"`, a markdown table by the heading above it, or "This file"
 * for a CSV (the finding's location names the file; a path in the words would change with the folder).
 */
export function tableName(table: { sheet: string | null; markdown: boolean }): string {
  if (table.sheet === null) return 'This file';
  return table.markdown ? `The table under "${clip(table.sheet)}"` : `Sheet "${clip(table.sheet)}"`;
}
