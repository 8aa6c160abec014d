import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';

const AUDITED_IN_FOLDERS = new Set(['.xlsx', '.xlsm', '.csv', '.tsv']);

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    // Excel's lock files (~$name.xlsx) are not workbooks.
    if (entry.name.startsWith('~$')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && AUDITED_IN_FOLDERS.has(entry.name.slice(entry.name.lastIndexOf('.')).toLowerCase())) found.push(path);
  }
}

/** One entry of the expanded input list: a file to audit, or an argument that names nothing auditable. */
export type ExpandedInput = { path: string } | { failed: InputError };

/** Expands the command-line paths: files as given, folders into the inventories inside them (recursively). */
export async function expandInputs(args: string[]): Promise<ExpandedInput[]> {
  const expanded: ExpandedInput[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    expanded.push({ path });
  };
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      // Let the loader report a missing file with its usual message.
      add(arg);
      continue;
    }
    if (!info.isDirectory()) {
      add(arg);
      continue;
    }
    const found: string[] = [];
    await walk(arg, found);
    if (found.length === 0) {
      expanded.push({ failed: new InputError({ file: arg }, `is a folder with nothing to audit (no ${[...AUDITED_IN_FOLDERS].join(', ')} files inside)`) });
    }
    for (const path of found) add(path);
  }
  return expanded;
}
