// The fixed sets a touchpoint's mode, direction and status come from, written once: the model's types,
// the config's zod schemas and the vocabulary's words all derive from these lists. Pure data.

/** Whether a touchpoint runs by itself, is sent by automation, or is done by hand. */
export const MODES = ['ongoing', 'automatic', 'manual'] as const;
export type Mode = (typeof MODES)[number];

/** Inbound: the customer comes to us; outbound: we reach out; both: a two-way touchpoint (a call, a chat either side starts). */
export const DIRECTIONS = ['inbound', 'outbound', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Whether a touchpoint runs today, is planned, or was retired (retired rows are left out of analysis). */
export const STATUSES = ['live', 'planned', 'retired'] as const;
export type Status = (typeof STATUSES)[number];
