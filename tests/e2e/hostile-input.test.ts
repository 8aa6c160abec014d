import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, linkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey, root } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-hostile-'));
const INVENTORY = 'Stage,Touchpoint,Channel,Team\nAwareness,Blog post,Blog,Marketing\nOnboarding,Welcome email,Email,Success\n';

/** A fresh folder holding one inventory CSV, its path and its bytes. */
function workspace(name: string) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const csv = join(folder, 'inventory.csv');
  writeFileSync(csv, INVENTORY);
  return { folder, csv };
}

describe('outputs never replace inputs', () => {
  it.each([
    ['audit -o', (csv: string) => ['audit', csv, '-o', csv]],
    ['audit --write-baseline', (csv: string) => ['audit', csv, '--write-baseline', csv]],
    ['report -o', (csv: string) => ['report', csv, '-o', csv]],
  ])('%s naming the inventory is refused with exit 2 and the file untouched', (_, args) => {
    const { csv } = workspace(`same-${Math.random().toString(36).slice(2)}`);
    const run = journey(args(csv));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is an input of this run; journey never writes over what it reads/);
    expect(readFileSync(csv, 'utf8')).toBe(INVENTORY);
  });

  it('sees through a relative path, a symlink and a hard link to the input', () => {
    const { folder, csv } = workspace('aliases');
    symlinkSync(csv, join(folder, 'link.csv'));
    linkSync(csv, join(folder, 'hard.csv'));
    mkdirSync(join(folder, 'sub'));
    for (const output of ['sub/../inventory.csv', 'link.csv', 'hard.csv']) {
      const run = journey(['audit', 'inventory.csv', '-o', output], { cwd: folder });
      expect([output, run.code]).toEqual([output, 2]);
      expect(run.stderr).toMatch(/the input inventory\.csv of this run|is an input of this run/);
    }
    expect(readFileSync(csv, 'utf8')).toBe(INVENTORY);
  });

  it('refuses the config and the baseline being read as outputs', () => {
    const { folder, csv } = workspace('config-out');
    const config = join(folder, 'journey.config.json');
    writeFileSync(config, '{}');
    expect(journey(['audit', csv, '-o', config]).stderr).toMatch(/is the input .*journey\.config\.json of this run|is an input of this run/);
    expect(readFileSync(config, 'utf8')).toBe('{}');
    const baseline = join(folder, 'baseline.json');
    expect(journey(['audit', csv, '--write-baseline', baseline]).code).toBe(0);
    const before = readFileSync(baseline, 'utf8');
    const run = journey(['audit', csv, '--baseline', baseline, '-f', 'json', '-o', baseline]);
    expect(run.code).toBe(2);
    expect(readFileSync(baseline, 'utf8')).toBe(before);
  });

  it('replaces an existing spreadsheet or CSV only with --force, and rewrites its own markdown freely', () => {
    const { folder, csv } = workspace('force');
    const other = join(folder, 'other.xlsx');
    copyFileSync(join(root, 'fixtures/sample-inventory.xlsx'), other);
    const refused = journey(['audit', csv, '-f', 'json', '-o', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists and is a \.xlsx file journey did not write; name another file, or pass --force/);
    expect(statSync(other).size).toBe(statSync(join(root, 'fixtures/sample-inventory.xlsx')).size);
    expect(journey(['audit', csv, '-f', 'json', '-o', other, '--force']).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/^\{/);

    const notes = join(folder, 'notes.md');
    writeFileSync(notes, '# Our notes\n');
    expect(journey(['report', csv, '-o', notes]).code).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('# Our notes\n');
    const gaps = join(folder, 'gaps.md');
    expect(journey(['report', csv, '-o', gaps]).code).toBe(0);
    expect(journey(['report', csv, '-o', gaps]).code).toBe(0);
    expect(journey(['report', csv, '--force', '-o', notes]).code).toBe(0);
  });
});

describe('folders: links are not followed out of the folder given', () => {
  it('audits a link to a file inside, skips a link to a secret outside with a note, and survives loops and a link to /', () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.csv'), 'Stage,Touchpoint,Channel\nAwareness,TOP-SECRET-VALUE,Blog\n');
    const { folder } = workspace('links');
    symlinkSync(join(outside, 'secret.csv'), join(folder, 'secret.csv'));
    symlinkSync(join(folder, 'inventory.csv'), join(folder, 'alias.csv'));
    mkdirSync(join(folder, 'sub'));
    symlinkSync(folder, join(folder, 'sub', 'loop'));
    symlinkSync('/', join(folder, 'root'));
    symlinkSync(outside, join(folder, 'outside-folder'));
    const run = journey(['audit', folder, '-f', 'json']);
    const result = JSON.parse(run.stdout);
    expect(result.files.map((f: { file: string }) => f.file.slice(folder.length + 1)).sort()).toEqual(['alias.csv', 'inventory.csv']);
    expect(run.stdout).not.toContain('TOP-SECRET-VALUE');
    expect(run.stderr).toMatch(/note: skipped .*secret\.csv: it is a link to .*outside .*journey does not follow links out of the folder/);
    expect(run.stderr).toMatch(/note: skipped .*root: it is a link to \//);
  });

  it('matches no link with a glob, so a glob cannot be led outside either', () => {
    const { folder } = workspace('glob-links');
    symlinkSync(join(dir, 'outside', 'secret.csv'), join(folder, 'secret2.csv'));
    symlinkSync('/', join(folder, 'root'));
    const run = journey(['audit', `${folder}/**/*.csv`, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files).toHaveLength(1);
    expect(run.stdout).not.toContain('TOP-SECRET-VALUE');
  });
});

describe('config and baseline are refused by size and kind before parsing', () => {
  it('refuses a config that is huge, a device or a named pipe, quickly', () => {
    const { folder, csv } = workspace('configs');
    const big = join(folder, 'big.json');
    writeFileSync(big, `{"personas": [${'"x",'.repeat(400_000)}"y"]}`);
    expect(journey(['audit', csv, '-c', big]).stderr).toMatch(/big\.json: is 1\.\d MiB, more than the 1\.0 MiB journey reads/);
    expect(journey(['audit', csv, '-c', '/dev/zero']).stderr).toMatch(/\/dev\/zero: is not a regular file/);
    const fifo = join(folder, 'fifo.json');
    spawnSync('mkfifo', [fifo]);
    const run = journey(['audit', csv, '-c', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fifo\.json: is not a regular file \(a pipe or a device\)/);
  });

  it('refuses a baseline over limits.baselineMiB', () => {
    const { folder, csv } = workspace('baselines');
    const baseline = join(folder, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ version: 1, findings: [] }).padEnd(2 * 1024 * 1024, ' '));
    writeFileSync(join(folder, 'journey.config.json'), '{ "limits": { "baselineMiB": 1 } }');
    const run = journey(['audit', 'inventory.csv', '--baseline', 'baseline.json'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('journey: --baseline baseline.json: is 2.0 MiB, more than the 1.0 MiB journey reads (limits.baselineMiB raises it)\n');
  });

  it('bounds ignore globs from a config: a catastrophic pattern still finishes, an endless brace is refused', () => {
    const { folder } = workspace('globs');
    writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ ignore: [{ files: [`${'*a'.repeat(300)}*b`], reason: 'test' }] }));
    const name = `${'a'.repeat(200)}.csv`;
    writeFileSync(join(folder, name), INVENTORY);
    expect(journey(['audit', name, '-f', 'json'], { cwd: folder }).code).toBe(0);
    writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ ignore: [{ files: ['{a,b}'.repeat(12)], reason: 'test' }] }));
    const run = journey(['audit', name], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ignore\[0\]\.files\[0\]: its \{…\} alternatives expand to more than 256 patterns/);
    writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ ignore: [{ files: ['a'.repeat(2000)], reason: 'test' }] }));
    expect(journey(['audit', name], { cwd: folder }).stderr).toMatch(/ignore\[0\]\.files\[0\]/);
  });
});

describe('file names reach stderr through the terminal escaper, in every command', () => {
  // A file name is as untrusted as a cell: this one would retitle the terminal, and the link's note names it too.
  const evil = 'evil\u001b]0;PWNED\u0007.csv';
  const folder = join(dir, 'names');
  mkdirSync(join(folder, 'linked'), { recursive: true });
  const empty = join(folder, evil);
  writeFileSync(empty, '');
  const { csv } = workspace('names-good');
  symlinkSync(csv, join(folder, 'linked', evil));

  it.each([
    ['audit', ['audit', empty]],
    ['report', ['report', empty]],
    ['map', ['map', '--format', 'mermaid', empty]],
    ['inspect', ['inspect', empty]],
    ['diff, a file', ['diff', empty, csv]],
    ['diff --planned', ['diff', '--planned', empty]],
    ['init --from', ['init', '--from', empty, join(folder, 'copy.csv')]],
    ['map, a link note', ['map', '--format', 'mermaid', join(folder, 'linked')]],
    ['inspect, a link note', ['inspect', join(folder, 'linked')]],
  ])('%s', (_, args) => {
    const run = journey(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('evil');
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
  });
});
