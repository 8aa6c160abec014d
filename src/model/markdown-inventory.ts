import { InputError, NotInventoryError } from '../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../load/limits.js';
import { loadMarkdown } from '../load/markdown.js';
import { Normalizer } from './normalize/index.js';

/**
 * True when a markdown file holds at least one table journey reads as an inventory (folders and globs
 * leave other markdown out). A file that cannot be read is kept, so its error is said when it is audited.
 */
export async function hasInventoryTable(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<boolean> {
  try {
    new Normalizer().add(await loadMarkdown(path, path, { limits }));
    return true;
  } catch (error) {
    if (error instanceof NotInventoryError) return false;
    if (error instanceof InputError) return true;
    throw error;
  }
}
