import type { Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

/** Output formats of `journey audit` by name, each loaded only when used so start-up stays small. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  compact: async () => (await import('./compact.js')).formatCompact,
  github: async () => (await import('./github.js')).formatGithub,
  json: async () => (await import('./json.js')).formatJson,
  junit: async () => (await import('./junit.js')).formatJunit,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  stylish: async () => (await import('./stylish.js')).formatStylish,
};

/** The gap report of `journey report`. */
export const loadReportFormatter = async (): Promise<Formatter> => (await import('./report.js')).formatReport;

/** Formats that are read by machines and must never carry color. */
export const MACHINE_FORMATS = new Set(['compact', 'github', 'json', 'junit', 'markdown', 'sarif']);
