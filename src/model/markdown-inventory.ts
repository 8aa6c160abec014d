import { InputError, NotInventoryError } from '../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../load/limits.js';
import { loadMarkdown } from '../load/markdown.js';
import { Normalizer } from './normalize/index.js';

/**
 * What a folder or glob does with a markdown file: audit it (it holds an inventory table, or a table that
 * looks like one but cannot be read, whose error is then said), or pass over it with a note saying why
 * (docs and READMEs: no table, or tables that are no inventory). A file that cannot be read is audited,
 * so its error is said.
 */
export type MarkdownVerdict = { audit: true } | { audit: false; reason: string };

export async function markdownVerdict(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<MarkdownVerdict> {
  try {
    const loaded = await loadMarkdown(path, path, { limits });
    if (loaded.tables.length === 0) return { audit: false, reason: 'it has no markdown table' };
    new Normalizer().add(loaded);
    return { audit: true };
  } catch (error) {
    if (error instanceof NotInventoryError) return error.inventoryLike ? { audit: true } : { audit: false, reason: noteOf(error.message) };
    if (error instanceof InputError) return { audit: true };
    throw error;
  }
}

/** A refusal as a folder run's note says it: "its table at line 3 ... has no touchpoint column ...". */
function noteOf(message: string): string {
  return message
    .replace(/^is not a communication inventory( yet)?: /, 'no inventory$1: ')
    .replace(/; run journey inspect on it to see how each column was read$/, '')
    .replace(/; looked for .*$/, '');
}

/** True when a markdown file holds at least one table journey reads as an inventory, or one that looks like one. */
export async function hasInventoryTable(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<boolean> {
  return (await markdownVerdict(path, limits)).audit;
}
