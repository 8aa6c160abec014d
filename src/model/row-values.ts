// What a touchpoint's row says in each column of the field catalogue, as journey read it: two rows that
// say the same thing have equal values (duplicate-row compares rows by them). A figure is read from
// `metrics` by its catalogue key; every other field names its reader here.
import { FIELDS, type Field } from './fields.js';
import type { Touchpoint } from './schema.js';

/** The value of one column: text, a number, or nothing (null and undefined alike). */
export type RowValue = string | number | null | undefined;

type Reader = (t: Touchpoint) => RowValue;

/** The readers of the fields that are no figure. */
const READERS: Partial<Record<Field, Reader>> = {
  stage: (t) => t.stage,
  touchpoint: (t) => t.name,
  team: (t) => t.team,
  // Every channel a cell names ("Email + SMS"), not only the first.
  channel: (t) => (t.channels.length > 1 ? t.channels.join('+') : t.channel),
  mode: (t) => t.mode,
  direction: (t) => t.direction,
  // The timing as written ("Q3") when the cell names no day.
  day: (t) => t.day ?? t.timing,
  frequency: (t) => t.frequency?.text,
  persona: (t) => t.persona,
  kpi: (t) => t.kpi,
  notes: (t) => t.notes,
  owner: (t) => t.owner,
  sentiment: (t) => t.sentiment?.text,
  painPoint: (t) => t.painPoint,
  lastReviewed: (t) => t.lastReviewed,
  status: (t) => t.status,
  event: (t) => t.event,
};

/** Every field of the catalogue with its reader, in catalogue order. */
export const ROW_VALUES: readonly { field: Field; read: Reader }[] = FIELDS.map((entry) => {
  const { metric } = entry;
  const read: Reader | undefined = metric === undefined ? READERS[entry.id] : (t) => t.metrics[metric];
  // A new field of the catalogue needs its reader here: the first test that loads the rules says so.
  if (read === undefined) throw new Error(`src/model/row-values.ts: the field "${entry.id}" has no reader`);
  return { field: entry.id, read };
});
