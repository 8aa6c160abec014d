// journey diff over git revisions a hostile repository (or a shared temp folder) controls: trees git
// would never check out, configs planted around the temp folder, huge blobs, revisions that look like
// options, submodules and links. Every tree is built at test time with git hash-object and git mktree.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffResult } from '../../src/views/diff/schema.js';
import { TEST_EPOCH, journey, root } from '../helpers/cli.js';

const base = mkdtempSync(join(tmpdir(), 'journey-hostile-git-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const repo = join(base, 'repo');
/** The TMPDIR of every run: the temp folder's parent, where an attacker could plant files. */
const runTmp = join(base, 'tmp');
mkdirSync(repo);
mkdirSync(runTmp);

function git(args: string[], input?: string | Buffer): string {
  const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}
const blob = (content: string | Buffer) => git(['hash-object', '-w', '--stdin'], content);
/** A tree from entries [mode, type, object, name]; git mktree takes names git itself would refuse to check out. */
const tree = (entries: [string, string, string, string][]) =>
  git(['mktree'], entries.map(([mode, type, object, name]) => `${mode} ${type} ${object}\t${name}\n`).join(''));
const commit = (treeId: string, message: string) => git(['commit-tree', treeId, '-m', message]);

const HEADER = 'Persona,Stage,Touchpoint,Team,Channel,Mode,Direction,Day,Frequency';
// Findings under the default config (missing stages, a one-way stage, a manual touchpoint...).
const INVENTORY = `${HEADER}\nPractitioner,Decision,Contract signed,Sales,Email,Automatic,Outbound,30,Once\nPractitioner,Onboarding,Kickoff call,Customer Success,Video call,Manual,Outbound,44,Once\n`;

git(['init', '-q']);
mkdirSync(join(repo, 'inv'));
writeFileSync(join(repo, 'inv/a.csv'), INVENTORY);
git(['add', '.']);
git(['commit', '-q', '-m', 'one']);
git(['branch', 'feature/x']);

const run = (args: string[], env: Record<string, string> = {}) => journey(args, { cwd: repo, env: { TMPDIR: runTmp, ...env } });
const diffJson = (args: string[]) => {
  const result = run(['diff', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as DiffResult;
};
/** Every file under a folder, as paths relative to it. */
const filesUnder = (folder: string): string[] =>
  (readdirSync(folder, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1));

describe('journey diff REVISION:folder: a tree git would not check out', () => {
  it('refuses a tree whose entries named ".." would write outside the temp folder, and writes nothing anywhere', () => {
    const payload = blob(`${HEADER}\npwned,pwned,pwned,,,,,,\n`);
    let climb = tree([
      ['100644', 'blob', payload, 'pwned.csv'],
      ['100644', 'blob', blob('{ "rules": {} }\n'), 'journey.config.json'],
    ]);
    for (let i = 0; i < 4; i++) climb = tree([['040000', 'tree', climb, '..']]);
    const inv = tree([
      ['100644', 'blob', blob(INVENTORY), 'a.csv'],
      ['040000', 'tree', climb, '..'],
    ]);
    const evil = commit(tree([['040000', 'tree', inv, 'inv']]), 'evil');
    git(['tag', '-f', 'evil', evil]);
    const result = run(['diff', 'evil:inv', 'evil:inv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^journey: evil:inv: holds a path git would not check out \("inv\/\.\.\/\.\.\/.*pwned\.csv": an empty, "\." or "\.\." part, or a backslash\); refused\n$/,
    );
    expect(filesUnder(runTmp)).toEqual([]);
    expect(existsSync(join(base, 'pwned.csv'))).toBe(false);
    expect(filesUnder(base).filter((path) => path.endsWith('pwned.csv'))).toEqual([]);
  });

  it('refuses entries with a backslash or named "." the same way', () => {
    for (const name of ['..\\..\\x.csv', '.']) {
      const entry: [string, string, string, string] =
        name === '.' ? ['040000', 'tree', tree([['100644', 'blob', blob(INVENTORY), 'b.csv']]), name] : ['100644', 'blob', blob(INVENTORY), name];
      const bad = commit(tree([['040000', 'tree', tree([['100644', 'blob', blob(INVENTORY), 'a.csv'], entry]), 'inv']]), 'bad');
      const result = run(['diff', `${bad}:inv`, `${bad}:inv`]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toMatch(/holds a path git would not check out/);
    }
    expect(filesUnder(runTmp)).toEqual([]);
  });
});

describe('journey diff REVISION:path: the config of the revision side', () => {
  it("never takes a config planted above the temp folder; uses the working tree's", () => {
    // A config in TMPDIR turning every finding off would make identical files "introduce" findings.
    writeFileSync(
      join(runTmp, 'journey.config.json'),
      '{ "rules": { "missing-stage": "off", "one-way-stage": "off", "automation-opportunity": "off", "handoff-lag": "off" } }\n',
    );
    try {
      const clean = diffJson(['HEAD:inv/a.csv', 'inv/a.csv']);
      expect(clean.summary.findingsUnchanged).toBeGreaterThan(0);
      expect([clean.summary.findingsIntroduced, clean.summary.findingsResolved]).toEqual([0, 0]);
      // A config only in the working tree (not committed) applies to both sides alike.
      writeFileSync(join(repo, 'inv/journey.config.json'), '{ "rules": { "missing-stage": "off" } }\n');
      const configured = diffJson(['HEAD:inv/a.csv', 'inv/a.csv']);
      expect([configured.summary.findingsIntroduced, configured.summary.findingsResolved]).toEqual([0, 0]);
      expect(configured.summary.findingsUnchanged).toBeLessThan(clean.summary.findingsUnchanged);
    } finally {
      rmSync(join(runTmp, 'journey.config.json'));
      rmSync(join(repo, 'inv/journey.config.json'), { force: true });
    }
  });
});

describe('journey diff REVISION:path: sizes, option-like revisions, slashes, submodules, links', () => {
  it('refuses a blob past limits.inputMiB by its size in git, before writing any of it', () => {
    const big = commit(tree([['040000', 'tree', tree([['100644', 'blob', blob(Buffer.alloc(3 << 20, 0x30)), 'big.csv']]), 'inv']]), 'big');
    writeFileSync(join(repo, 'journey.config.json'), '{ "limits": { "inputMiB": 1 } }\n');
    try {
      const result = run(['diff', `${big}:inv/big.csv`, 'inv/a.csv']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `journey: ${big}:inv/big.csv: is 3.0 MiB, more than the 1 MiB journey reads from one file (limits.inputMiB); raise the limit if the file is genuine\n`,
      );
      expect(filesUnder(runTmp)).toEqual([]);
    } finally {
      rmSync(join(repo, 'journey.config.json'));
    }
  });

  it('never passes a revision to git as an option, and reads revisions with slashes', () => {
    for (const arg of ['-p:inv/a.csv', '--output=x:inv/a.csv']) {
      const result = run(['diff', '--', arg, 'inv/a.csv']);
      expect(result.code, arg).toBe(2);
      expect(result.stderr).toMatch(/^journey: -[^:]*:inv\/a\.csv: is not a revision: "-.*" starts with "-"/);
    }
    expect(existsSync(join(repo, 'x'))).toBe(false);
    const slashed = diffJson(['feature/x:inv/a.csv', 'inv/a.csv']);
    expect(slashed.files[0]!.before).toBe('feature/x:inv/a.csv');
    expect(slashed.summary.unchanged).toBe(2);
  });

  it('skips a submodule and a symbolic link named *.csv in a folder diff, each with a note', () => {
    const head = git(['rev-parse', 'HEAD']);
    const inv = tree([
      ['100644', 'blob', blob(INVENTORY), 'a.csv'],
      ['160000', 'commit', head, 'sub.csv'],
      ['120000', 'blob', blob('/etc/passwd'), 'link.csv'],
    ]);
    const withSub = commit(tree([['040000', 'tree', inv, 'inv']]), 'sub');
    const result = run(['diff', `${withSub}:inv`, 'HEAD:inv', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `journey: note: ${withSub}:inv/link.csv: is a symbolic link in git, not a file; skipped\njourney: note: ${withSub}:inv/sub.csv: is a git submodule, not a file; skipped\n`,
    );
    expect((JSON.parse(result.stdout) as DiffResult).files.map((file) => file.before)).toEqual([`${withSub}:inv/a.csv`]);
  });
});

describe('journey diff: interrupted', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('removes its temp folder on %s', async (signal) => {
    // The after side is a named pipe nobody writes to: the run waits there, with the revision written out.
    const fifo = join(base, `wait-${signal}.csv`);
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      console.log('skipped: mkfifo is not available to make a run wait');
      return;
    }
    const child = spawn(process.execPath, [join(root, 'bin/journey.js'), 'diff', 'HEAD:inv/a.csv', fifo], {
      cwd: repo,
      env: { ...process.env, TMPDIR: runTmp, SOURCE_DATE_EPOCH: TEST_EPOCH, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, received) => resolve(received)));
    for (let i = 0; i < 200 && filesUnder(runTmp).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(filesUnder(runTmp)).toEqual([expect.stringMatching(/^journey-diff-\w+\/before\/inv\/a\.csv$/)]);
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(readdirSync(runTmp)).toEqual([]);
  });
});
