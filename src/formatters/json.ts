import type { Formatter } from './types.js';

/** The documented JSON contract: `{ version, files, findings, summary }`. */
export const formatJson: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;
