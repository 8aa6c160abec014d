import { open, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { INPUT_FORMATS, auditedInFolders, formatOfName } from '../load/formats.js';
import type { ReadableInput } from './pipeline.js';
import { answerColumnOf } from '../model/answer-columns.js';

// Markdown found in folders and globs is audited only when it holds an inventory table: most is docs.
const ALWAYS = INPUT_FORMATS.filter((format) => format.inFolders === 'always');
const WHEN_INVENTORY = INPUT_FORMATS.filter((format) => format.inFolders === 'when-inventory');
// Never audited: dependencies, and Excel's lock files (~$name.xlsx) which are not workbooks.
const ALWAYS_IGNORED = ['**/node_modules/**', '**/~$*'];
// Characters that can make an argument a glob; only then is the glob library loaded.
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

/** One entry of the expanded input list: a file to audit, or an argument that names nothing auditable. */
export type ExpandedInput = { path: string } | { failed: InputError };

/** One thing to audit: a path, a stream (stdin) with the name locations should use, or an argument that named nothing readable. */
export type AuditInput = ReadableInput | ExpandedInput;

/** What a command or the API is given to audit: paths, folders and globs, or a stream with its name. */
export type AuditTarget = string | { stream: Readable; name: string };

/** True when `path` is `folder` or inside it (both real paths). */
const within = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The inventories inside a folder, recursively, without dot-entries, node_modules or Excel lock files.
 * Links are never followed out of the folder (a pull request could point one at a secret, or at `/`):
 * a link to a file inside it is audited, a link to a folder is not walked (its files, being inside, are
 * walked anyway, and no loop can form), and a link pointing outside is skipped with a note.
 */
async function walkFolder(folder: string, notes: string[]): Promise<string[]> {
  const top = await realpath(folder);
  const found: string[] = [];
  const pending = [folder];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) {
        if (auditedInFolders(entry.name)) found.push(path);
      } else if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => null);
        if (target === null) continue;
        if (!within(target, top)) {
          if (
            auditedInFolders(entry.name) ||
            (await stat(target).then(
              (s) => s.isDirectory(),
              () => false,
            ))
          )
            notes.push(`skipped ${path}: it is a link to ${target}, outside ${folder}; journey does not follow links out of the folder it is given`);
          continue;
        }
        if (
          auditedInFolders(entry.name) &&
          (await stat(target).then(
            (s) => s.isFile(),
            () => false,
          ))
        )
          found.push(path);
      }
    }
  }
  return found;
}

/** picomatch, loaded only when a `!pattern` is given: most runs name a file or two, and start-up is most of a small audit. */
async function loadPicomatch(): Promise<typeof import('picomatch')> {
  // A CommonJS module: imported, its function is the default export.
  const loaded = (await import('picomatch')) as unknown as { default: typeof import('picomatch') };
  return loaded.default;
}

/**
 * Expands command-line arguments: files as given; folders into the inventories inside them,
 * recursively, without dot-folders or node_modules; quoted globs; `!pattern` removes matches from
 * folders and globs. A folder or glob that yields nothing is an input error.
 */
export async function expandInputs(args: string[], notes: string[] = []): Promise<ExpandedInput[]> {
  const negations = args.filter((arg) => arg.startsWith('!')).map((arg) => arg.slice(1));
  // Negations are matched against paths as they will be shown, so they apply to folders and globs alike.
  const excluded = negations.length > 0 ? (await loadPicomatch())(negations, { dot: true }) : () => false;
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
    const options = { ignore: ALWAYS_IGNORED, dot: false, onlyFiles: true, expandDirectories: false, caseSensitiveMatch: true, followSymbolicLinks: false };
    // A glob matches no link at all (followSymbolicLinks: false), so it cannot be led out of its folder either.
    const matched = folder ? await walkFolder(arg, notes) : await glob(arg, { ...options, absolute: isAbsolute(arg) });
    const skipped: string[] = [];
    const found = await withoutAnswerSheets(await withoutPlainMarkdown(matched.filter((path) => !excluded(path)).sort(), skipped), skipped);
    for (const text of skipped) notes.push(text);
    if (found.length === 0) {
      const reason = folder
        ? `is a folder with nothing to audit (${nothingToAudit()} inside${negations.length ? ' that the ! patterns leave' : ''})`
        : 'is a pattern that matches no file';
      expanded.push({ failed: new InputError({ file: arg }, reason) });
      continue;
    }
    found.sort();
    for (const path of found) add(path);
  }
  return expanded;
}

/** Expands targets into inputs: streams as given (first, in their order), then the paths, folders and globs as expandInputs does. */
export async function expandTargets(targets: readonly AuditTarget[], notes: string[] = []): Promise<AuditInput[]> {
  const inputs: AuditInput[] = targets.flatMap((target) => (typeof target === 'string' ? [] : [target]));
  for (const input of await expandInputs(
    targets.filter((target): target is string => typeof target === 'string'),
    notes,
  ))
    inputs.push(input);
  return inputs;
}

/** What a folder held none of: "no .xlsx, .xlsm, .csv, .tsv files, nor .md files with an inventory table". */
export function nothingToAudit(): string {
  return `no ${ALWAYS.flatMap((format) => format.extensions).join(', ')} files, nor ${WHEN_INVENTORY.map((format) => format.extensions[0]).join(', ')} files with an inventory table,`;
}

/**
 * The paths without the markdown files that hold no inventory table (READMEs, docs), each passed over
 * with a note in `notes` saying why; a markdown table that looks like an inventory but cannot be read
 * stays, so its error is said and the run fails.
 */
export async function withoutPlainMarkdown(paths: string[], notes: string[] = []): Promise<string[]> {
  const checked = (path: string) => formatOfName(path)?.inFolders === 'when-inventory';
  if (!paths.some(checked)) return paths;
  const { markdownVerdict } = await import('../model/markdown-inventory.js');
  const kept: string[] = [];
  for (const path of paths) {
    if (!checked(path)) {
      kept.push(path);
      continue;
    }
    const verdict = await markdownVerdict(path);
    if (verdict.audit) kept.push(path);
    else notes.push(`skipped ${path}: ${verdict.reason}`);
  }
  return kept;
}

/** True when a CSV or TSV file's first line is the header of journey interview's answers sheet. */
async function isAnswerSheet(path: string): Promise<boolean> {
  const extension = path.slice(path.lastIndexOf('.')).toLowerCase();
  if (extension !== '.csv' && extension !== '.tsv') return false;
  const file = await open(path).catch(() => null);
  if (file === null) return false;
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(4096), position: 0 });
    const line =
      buffer
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const columns = new Set(
      line
        .split(extension === '.tsv' ? '\t' : /[,;]/)
        .map((cell) => answerColumnOf(cell.replace(/^"|"$/g, '').trim()))
        .filter((column) => column !== undefined),
    );
    return columns.has('interviewee') && (columns.has('quote') || columns.has('feeling')) && columns.size >= 4;
  } finally {
    await file.close();
  }
}

/**
 * The paths without the interview answers sheets a folder holds beside its inventories (journey
 * interview --template writes them there), each passed over with a note: they go with --answers.
 */
export async function withoutAnswerSheets(paths: string[], notes: string[] = []): Promise<string[]> {
  const kept: string[] = [];
  for (const path of paths) {
    if (await isAnswerSheet(path)) notes.push(`skipped ${path}: an interview answers sheet (journey interview --template); give it with --answers`);
    else kept.push(path);
  }
  return kept;
}
