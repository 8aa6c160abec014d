import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';

const AUDITED_EXTENSIONS = ['xlsx', 'xlsm', 'csv', 'tsv'];
// Never audited: dependencies, and Excel's lock files (~$name.xlsx) which are not workbooks.
const ALWAYS_IGNORED = ['**/node_modules/**', '**/~$*'];
// Characters that can make an argument a glob; only then is the glob library loaded.
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

/** One entry of the expanded input list: a file to audit, or an argument that names nothing auditable. */
export type ExpandedInput = { path: string } | { failed: InputError };

/**
 * Expands command-line arguments: files as given; folders into the inventories inside them,
 * recursively, without dot-folders or node_modules; quoted globs; `!pattern` removes matches from
 * folders and globs. A folder or glob that yields nothing is an input error.
 */
export async function expandInputs(args: string[]): Promise<ExpandedInput[]> {
  const negations = args.filter((arg) => arg.startsWith('!')).map((arg) => arg.slice(1));
  // Negations are matched against paths as they will be shown, so they apply to folders and globs alike.
  const excluded = negations.length > 0 ? picomatch(negations, { dot: true }) : () => false;
  const expanded: ExpandedInput[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    expanded.push({ path });
  };
  for (const arg of args) {
    if (arg.startsWith('!')) continue;
    const info = await stat(arg).catch(() => null);
    if ((info && !info.isDirectory()) || (!info && !GLOB_CHARACTERS.test(arg))) {
      // A missing literal path, a pipe or a device is read or refused by the loader with its usual message.
      add(arg);
      continue;
    }
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!info && !isDynamicPattern(arg)) {
      add(arg);
      continue;
    }
    const folder = info?.isDirectory() === true;
    const options = { ignore: ALWAYS_IGNORED, dot: false, onlyFiles: true, expandDirectories: false, caseSensitiveMatch: true };
    const matched = folder
      ? (await glob(`**/*.{${AUDITED_EXTENSIONS.join(',')}}`, { ...options, cwd: arg })).map((path) => join(arg, path))
      : await glob(arg, { ...options, absolute: isAbsolute(arg) });
    const found = matched.filter((path) => !excluded(path));
    if (found.length === 0) {
      const reason = folder
        ? `is a folder with nothing to audit (no ${AUDITED_EXTENSIONS.map((e) => `.${e}`).join(', ')} files inside${negations.length ? ' that the ! patterns leave' : ''})`
        : 'is a pattern that matches no file';
      expanded.push({ failed: new InputError({ file: arg }, reason) });
      continue;
    }
    found.sort();
    for (const path of found) add(path);
  }
  return expanded;
}
