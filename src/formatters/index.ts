import type { Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

/** Output formats by name, each loaded only when used so start-up stays small. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  json: async () => (await import('./json.js')).formatJson,
  stylish: async () => (await import('./stylish.js')).formatStylish,
};

/** Formats that are read by machines and must never carry color. */
export const MACHINE_FORMATS = new Set(['json']);
