import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import { CONFIG_FILE_NAME, ConfigResolver, MAX_CONFIG_BYTES } from '../../config/load.js';
import { audit } from '../../engine/audit.js';
import { fingerprintOf, identityOf, sameIdentity } from '../../engine/fingerprint.js';
import { expandInputs, nothingToAudit, withoutPlainMarkdown } from '../../engine/inputs.js';
import { checkState, readInventory } from '../../engine/pipeline.js';
import { today } from '../../engine/run.js';
import { ConfigError, InputError } from '../../errors.js';
import { auditedInFolders } from '../../load/formats.js';
import type { Finding, Location, Severity } from '../../model/schema.js';
import type { DiffSide } from '../../views/diff/compare.js';
import { loadOptions } from '../../engine/load-options.js';
import type { DiffResult } from '../../views/diff/schema.js';
import type { FailOn } from '../../vocab/severity.js';
import { shouldColor } from '../color.js';
import { EXIT, exitCode } from '../exit.js';
import { failOnOption } from '../flags.js';
import { removeOnInterrupt } from '../interrupt.js';
import { checkOutputs, emit } from '../outputs.js';
import { outputOf } from '../prologue.js';
import { note, say } from '../say.js';

const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;

interface DiffFlags {
  format: (typeof DIFF_FORMATS)[number];
  output?: string;
  failOnNew: FailOn;
  config?: string;
  planned?: string;
}

/** One inventory of a side: where it is read from, how it is shown, the path its fingerprints use, and its key for pairing folders. */
interface SideFile {
  path: string;
  display: string;
  fingerprintPath: string;
  pairKey: string;
}

/** One side of the diff: a file, a folder, or a git revision of either. */
interface Side {
  arg: string;
  /** A folder or tree: its files pair with the other side's by relative path. */
  many: boolean;
  files: SideFile[];
}

/** Runs git in the working folder; its failure becomes a one-line input error about `arg`. */
function git(args: string[], arg: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(new InputError({ file: arg }, 'reading a git revision needs git, which is not installed or not on PATH'));
      const reason =
        stderr
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.replace(/^fatal: /, '') ?? error.message;
      reject(new InputError({ file: arg }, `git cannot read it: ${reason}`));
    });
  });
}

/** Writes a blob, by object id, as a new file (no textconv or filters: the workbook's own bytes). */
async function writeBlob(object: string, target: string, arg: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const child = spawn('git', ['cat-file', 'blob', object], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  // 'wx': a name written twice (a tree git would not check out) fails rather than replaces.
  await pipeline(child.stdout, createWriteStream(target, { flags: 'wx' }));
  const code = await exited.catch(() => 1);
  if (code !== 0) throw new InputError({ file: arg }, `git cat-file failed: ${stderr.split('\n')[0]?.replace(/^fatal: /, '') ?? code}`);
}

/**
 * Where a path of a git tree is written under `root`, or why it is refused. A tree made with git mktree
 * (or a hostile repository) may hold entries named `..`, `.`, with a backslash or empty, which git itself
 * never checks out; written as they come they would land outside the temp folder.
 */
function placeOf(root: string, path: string): string | null {
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) return null;
  const target = resolve(root, ...parts);
  return target.startsWith(root + sep) ? target : null;
}

const MiB = 1024 * 1024;
const sizeText = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** One file listed in a git tree: its path from the repository root, object id and size in bytes. */
interface TreeFile {
  path: string;
  object: string;
  size: number;
}

/**
 * A REVISION:path argument read from git into `workdir` (outside the repository): the blob, or each
 * inventory of a tree, at its repository path, with the journey.config.json files that applied to it
 * at that revision, so the config walk and its ignore globs work as in a checkout. Every argument
 * reaches git after --end-of-options or as an object id, never as an option; every size is known
 * before anything is written, and refused past the input limit of the working tree's config.
 */
async function readRevision(arg: string, root: string, workdir: string, withConfigs: boolean, configs: ConfigResolver, notes: string[]): Promise<Side> {
  const colon = arg.indexOf(':');
  const revision = arg.slice(0, colon);
  const given = arg.slice(colon + 1);
  // No git revision starts with "-" (git check-ref-format): such an argument is a mistyped option.
  if (revision.startsWith('-'))
    throw new InputError(
      { file: arg },
      `is not a revision: "${revision}" starts with "-" (write the option before the arguments, or name a branch, tag or commit)`,
    );
  // git reads REVISION:path from the repository root, and ./path or ../path from the working folder.
  const prefix = (await git(['rev-parse', '--show-prefix'], arg)).trim();
  const repoPath = posix
    .normalize(/^\.\.?(\/|$)/.test(given) ? posix.join(prefix, given) : given)
    .replace(/\/$/, '')
    .replace(/^\.$/, '');
  if (repoPath.startsWith('../') || repoPath === '..') throw new InputError({ file: arg }, 'is outside the git repository');
  const spec = `${revision}:${repoPath}`;
  const type = (await git(['cat-file', '-t', '--end-of-options', spec], arg)).trim();
  if (type !== 'blob' && type !== 'tree') throw new InputError({ file: arg }, `is a ${type}, not an inventory file or folder`);
  const object = (await git(['rev-parse', '--verify', '--end-of-options', spec], arg)).trim();
  const listed: TreeFile[] = [];
  if (type === 'blob') listed.push({ path: repoPath, object, size: Number((await git(['cat-file', '-s', object], arg)).trim()) });
  else {
    // "<mode> <type> <object> <size>\t<path>", paths relative to the tree; submodules are commits, links mode 120000.
    for (const entry of (await git(['ls-tree', '-r', '-z', '-l', object], arg)).split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([^]*)$/.exec(entry);
      if (!match) continue;
      const [, mode, kind, id, size, path] = match as unknown as [string, string, string, string, string, string];
      if (!auditedInFolders(path)) continue;
      const full = repoPath === '' ? path : `${repoPath}/${path}`;
      if (kind === 'commit') notes.push(`${revision}:${full}: is a git submodule, not a file; skipped`);
      else if (mode === '120000') notes.push(`${revision}:${full}: is a symbolic link in git, not a file; skipped`);
      else if (kind === 'blob') listed.push({ path: full, object: id, size: Number(size) });
    }
    if (listed.length === 0) throw new InputError({ file: arg }, folderWithNothing(revision));
  }
  const files: SideFile[] = [];
  const configFiles = new Set<string>();
  for (const { path, object: blob, size } of listed) {
    const display = `${revision}:${path}`;
    const target = placeOf(workdir, path);
    if (target === null)
      throw new InputError(
        { file: arg },
        `holds a path git would not check out (${JSON.stringify(path)}: an empty, "." or ".." part, or a backslash); refused`,
      );
    const checkout = join(root, ...path.split('/'));
    const { inputMiB } = (await configs.forFile(checkout)).limits;
    if (size > inputMiB * MiB)
      throw new InputError(
        { file: display },
        `is ${sizeText(size)}, more than the ${inputMiB} MiB journey reads from one file (limits.inputMiB); raise the limit if the file is genuine`,
      );
    await writeBlob(blob, target, display);
    files.push({
      path: target,
      display,
      fingerprintPath: relative(process.cwd(), checkout),
      pairKey: type === 'blob' ? basename(path) : posix.relative(repoPath, path),
    });
    if (withConfigs)
      for (let folder = posix.dirname(path); ; folder = posix.dirname(folder)) {
        configFiles.add(folder === '.' ? CONFIG_FILE_NAME : `${folder}/${CONFIG_FILE_NAME}`);
        if (folder === '.' || folder === '/') break;
      }
  }
  for (const config of configFiles) {
    const size = await git(['cat-file', '-s', '--end-of-options', `${revision}:${config}`], arg).then(
      (text) => Number(text.trim()),
      () => null,
    );
    if (size === null) continue;
    const display = `${revision}:${config}`;
    if (size > MAX_CONFIG_BYTES)
      throw new InputError({ file: display }, `is ${sizeText(size)}, more than the ${sizeText(MAX_CONFIG_BYTES)} journey reads from a config`);
    const blob = (await git(['rev-parse', '--verify', '--end-of-options', display], arg)).trim();
    await writeBlob(blob, placeOf(workdir, config)!, display);
  }
  if (type === 'blob') return { arg, many: false, files };
  // As in a folder of the working tree, markdown counts only when it holds an inventory table (most is docs).
  const kept = new Set(await withoutPlainMarkdown(files.map((file) => file.path)));
  if (kept.size === 0) throw new InputError({ file: arg }, folderWithNothing(revision));
  return { arg, many: true, files: files.filter((file) => kept.has(file.path)) };
}

const folderWithNothing = (revision: string) => `is a folder with nothing to audit at ${revision} (${nothingToAudit()} inside)`;

/** A side given as a file, a folder, or REVISION:path (the revision may hold slashes: origin/main:path). */
async function readSide(arg: string, workdir: string, withConfigs: boolean, configs: ConfigResolver, notes: string[]): Promise<Side> {
  const info = await stat(arg).catch(() => null);
  if (info?.isDirectory()) {
    const expanded = await expandInputs([arg]);
    const files: SideFile[] = [];
    for (const entry of expanded) {
      if ('failed' in entry) throw entry.failed;
      files.push({ path: entry.path, display: entry.path, fingerprintPath: entry.path, pairKey: relative(arg, entry.path).split(sep).join('/') });
    }
    return { arg, many: true, files };
  }
  if (!info && /^[^:\\]+:/.test(arg) && !/^[a-zA-Z]:[\\/]/.test(arg)) {
    // The copy stands for the repository's root: configs are looked for in it, then in the working tree.
    await mkdir(workdir, { recursive: true });
    const root = (await git(['rev-parse', '--show-toplevel'], arg)).trim();
    configs.copyOf(workdir, root);
    return readRevision(arg, root, workdir, withConfigs, configs, notes);
  }
  if (!info) throw new InputError({ file: arg }, 'no such file, folder or REVISION:path');
  return { arg, many: false, files: [{ path: arg, display: arg, fingerprintPath: arg, pairKey: basename(arg) }] };
}

/** A finding as the user's version names it: its file shown as given (REVISION:path), its fingerprint that of the path in a checkout. */
function relabel(finding: Finding, file: SideFile): Finding {
  const at = (location: Location): Location => ({ ...location, file: file.display });
  const shown = { ...finding, location: at(finding.location), related: finding.related.map(at) };
  return sameIdentity(
    { ...shown, fingerprint: fingerprintOf({ ...finding, location: { ...finding.location, file: file.fingerprintPath } }, undefined, identityOf(finding)) },
    finding,
  );
}

/** Audits every file of a side with the config that applies to it; input errors are collected, named as the user gave the file. */
async function auditSide(side: Side, configs: ConfigResolver, errors: string[]): Promise<Map<string, DiffSide>> {
  const byPath = new Map(side.files.map((file) => [file.path, file]));
  const models = new Map<string, DiffSide>();
  const result = await audit(
    side.files.map((file) => ({ path: file.path })),
    {
      configs,
      // Two versions are compared row for row as written: a row going from planned to live is a change.
      state: 'future',
      onModel: (path, model, findings) => {
        const file = byPath.get(path)!;
        models.set(file.pairKey, { file: file.display, model, findings: findings.map((finding) => relabel(finding, file)) });
      },
    },
  );
  // The weekly load of each file is counted with its own config's over-communication options.
  for (const [path, file] of byPath) {
    const side = models.get(file.pairKey);
    if (side) side.loadOptions = loadOptions(await configs.forFile(path));
  }
  for (const file of result.files) {
    if (file.error === null) continue;
    const source = byPath.get(file.file);
    errors.push(source ? file.error.split(source.path).join(source.display) : file.error);
  }
  return models;
}

/** --planned: today's journey (live rows) against the planned one (live and planned rows), the two states audit and report judge (checkState). */
async function plannedSides(path: string, configPath: string | null): Promise<[DiffSide, DiffSide]> {
  const config = await new ConfigResolver(configPath).forFile(path);
  const { model: whole } = await readInventory({ path }, config);
  if (!whole.files.some((file) => file.sheets.some((sheet) => sheet.columns.status !== undefined))) {
    throw new InputError({ file: path }, "--planned needs a status column (live / planned) to tell the future rows from today's");
  }
  const date = today();
  const live = checkState(whole, 'current', config, date);
  const planned = checkState(whole, 'future', config, date);
  return [
    { file: `${path} (live)`, model: live.model, findings: live.findings, loadOptions: loadOptions(config) },
    { file: `${path} (live + planned)`, model: planned.model, findings: planned.findings, loadOptions: loadOptions(config) },
  ];
}

async function runDiff(beforeArg: string | undefined, afterArg: string | undefined, flags: DiffFlags): Promise<number> {
  const { compareInventories, summarizeDiff } = await import('../../views/diff/compare.js');
  const configPath = flags.config ?? null;
  let result: DiffResult;
  if (flags.planned !== undefined) {
    if (beforeArg !== undefined)
      throw new ConfigError('--planned takes one inventory and compares its live rows with live + planned: give no <before> <after>');
    const [before, after] = await plannedSides(flags.planned, configPath);
    const files = [compareInventories(before, after)];
    result = { version: 1, before: before.file, after: after.file, files, summary: summarizeDiff(files) };
  } else {
    if (beforeArg === undefined || afterArg === undefined)
      throw new ConfigError('journey diff needs <before> and <after> (files, folders or REVISION:path), or --planned FILE');
    const workdir = await mkdtemp(join(tmpdir(), 'journey-diff-'));
    // The copies of revisions go with the run, also when it is interrupted.
    const release = removeOnInterrupt(workdir);
    try {
      const configs = new ConfigResolver(configPath);
      const notes: string[] = [];
      const before = await readSide(beforeArg, join(workdir, 'before'), configPath === null, configs, notes);
      const after = await readSide(afterArg, join(workdir, 'after'), configPath === null, configs, notes);
      for (const text of notes) note(text);
      if (before.many !== after.many)
        throw new ConfigError(
          `journey diff compares a file with a file or a folder with a folder; ${before.many ? beforeArg : afterArg} is a folder and ${before.many ? afterArg : beforeArg} is not`,
        );
      const errors: string[] = [];
      const beforeModels = await auditSide(before, configs, errors);
      const afterModels = await auditSide(after, configs, errors);
      if (errors.length > 0) {
        for (const error of errors) say(error);
        return EXIT.usage;
      }
      // Two files pair whatever their names; folders pair by relative path.
      const keys = before.many ? [...new Set([...afterModels.keys(), ...beforeModels.keys()])].sort() : null;
      const files =
        keys === null
          ? [compareInventories([...beforeModels.values()][0]!, [...afterModels.values()][0]!)]
          : keys.map((key) => compareInventories(beforeModels.get(key) ?? null, afterModels.get(key) ?? null));
      result = { version: 1, before: beforeArg, after: afterArg, files, summary: summarizeDiff(files) };
    } finally {
      await rm(workdir, { recursive: true, force: true });
      release();
    }
  }
  // The inputs named as paths (not REVISION:path) are never written over.
  const read = [beforeArg, afterArg, flags.planned].filter((arg): arg is string => arg !== undefined);
  await checkOutputs(outputOf(flags), read, false);
  const render = await import('../../views/diff/render.js');
  const output =
    flags.format === 'json'
      ? render.formatDiffJson(result)
      : flags.format === 'markdown'
        ? render.formatDiffMarkdown(result)
        : render.formatDiffStylish(result, { color: flags.output === undefined && shouldColor(process.stdout) });
  await emit(output, flags.output);
  const introduced = result.summary.introducedBySeverity;
  return exitCode(
    { inputErrors: 0, severities: (Object.keys(introduced) as Severity[]).filter((severity) => introduced[severity] > 0) },
    { failOn: flags.failOnNew },
  );
}

/** Adds the `journey diff` command to the program (inheriting its exit and output settings). */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of an inventory (files, folders or REVISION:path): touchpoints, coverage, handoffs, findings resolved and introduced')
    .argument('[before]', 'the earlier or current-state inventory: a file, a folder, or REVISION:path (HEAD~1:inventories/acme.xlsx)')
    .argument('[after]', 'the later or future-state inventory, given the same way')
    .addOption(new Option('-f, --format <name>', 'output format').choices(DIFF_FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .addOption(failOnOption('--fail-on-new', 'exit 1 when the after version introduces findings at or above this severity', 'never'))
    .option('-c, --config <file>', 'use this config for both versions instead of the journey.config.json each one finds')
    .option('--planned <file>', "compare one inventory's live rows (before) with its live and planned rows (after)")
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (before: string | undefined, after: string | undefined, flags: DiffFlags) => {
      process.exitCode = await runDiff(before, after, flags);
    });
}
