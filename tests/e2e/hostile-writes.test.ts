// What journey writes (-o, --write-baseline, init, init --from): never through a link onto a workbook
// without --force, and whole or not at all, on a full disk or when interrupted.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  writeSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_EPOCH, journey, root } from '../helpers/cli.js';

const base = mkdtempSync(join(tmpdir(), 'journey-hostile-writes-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const SAMPLE = join(root, 'fixtures/sample-inventory.csv');
const WORKBOOK = readFileSync(join(root, 'fixtures/sample-inventory.xlsx'));
let folders = 0;
/** A fresh folder for one case. */
const folder = () => {
  const path = join(base, `case-${++folders}`);
  mkdirSync(path);
  return path;
};

describe('-o onto a device or a pipe', () => {
  // /dev/null itself is not tried: a failure would break it for every program on the machine. A FIFO takes the same path.
  it.skipIf(process.platform === 'win32')('writes into a FIFO (as into /dev/null or /dev/stdout), never renaming a file over it', async () => {
    const dir = folder();
    const fifo = join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader on the pipe, as `journey audit -o /dev/stdout | …` has.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString('utf8')));
    const closed = new Promise<number | null>((resolve) => reader.on('close', resolve));
    const run = spawn(process.execPath, [join(root, 'bin/journey.js'), 'audit', SAMPLE, '--format', 'json', '-o', fifo], {
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
    const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
    expect(code).toBe(1);
    expect(await closed).toBe(0);
    expect(JSON.parse(read).summary.touchpoints).toBeGreaterThan(0);
    // Still a pipe, and nothing left beside it.
    expect(spawnSync('test', ['-p', fifo]).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });
});

describe('-o through a link', () => {
  it('refuses a symbolic link that leads to a workbook, naming where it leads; --force writes through it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'precious.xlsx'), WORKBOOK);
    symlinkSync('precious.xlsx', join(dir, 'report.json'));
    const refused = journey(['audit', SAMPLE, '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'journey: -o report.json: already exists and leads to precious.xlsx, which is a .xlsx file journey did not write; name another file, or pass --force to replace it\n',
    );
    expect(readFileSync(join(dir, 'precious.xlsx')).equals(WORKBOOK)).toBe(true);
    const forced = journey(['audit', SAMPLE, '-f', 'json', '-o', 'report.json', '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    // The link stays a link; the file it leads to holds the report.
    expect(readFileSync(join(dir, 'precious.xlsx'), 'utf8')).toMatch(/^\{/);
    expect(readdirSync(dir).sort()).toEqual(['precious.xlsx', 'report.json']);
  });

  it('refuses a hard link to a workbook by its content; a hard link to other text keeps that text under its other name', () => {
    const dir = folder();
    writeFileSync(join(dir, 'precious.xlsx'), WORKBOOK);
    linkSync(join(dir, 'precious.xlsx'), join(dir, 'report.json'));
    const refused = journey(['audit', SAMPLE, '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'journey: -o report.json: already exists and holds a workbook or another archive, which journey never writes; name another file, or pass --force to replace it\n',
    );
    // Even with --force, only the name given is replaced: the workbook's other name keeps its bytes.
    expect(journey(['audit', SAMPLE, '-f', 'json', '-o', 'report.json', '--force'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'precious.xlsx')).equals(WORKBOOK)).toBe(true);
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    linkSync(join(dir, 'notes.txt'), join(dir, 'compact.txt'));
    expect(journey(['audit', SAMPLE, '-f', 'compact', '-o', 'compact.txt'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(dir, 'compact.txt'), 'utf8')).toContain(SAMPLE);
  });
});

/** Runs journey with a file size limit of 1 KiB (`ulimit -f`): a write past it fails with EFBIG, as on a full disk. */
const onFullDisk = (args: string[], cwd: string) => {
  const run = spawnSync('sh', ['-c', 'ulimit -f 2 && exec "$@"', 'sh', process.execPath, join(root, 'bin/journey.js'), ...args], {
    cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: run.status, stderr: run.stderr };
};

describe('a full disk', () => {
  const PREVIOUS = 'the previous version\n';
  it.each([
    ['-o', ['audit', SAMPLE, '-f', 'json', '-o', 'out.json'], 'out.json', /^journey: -o out\.json: cannot be written \(EFBIG\)\n$/],
    ['--write-baseline', ['audit', SAMPLE, '--write-baseline', 'out.json'], 'out.json', /^journey: --write-baseline out\.json: cannot be written \(EFBIG\)\n$/],
    ['map -o', ['map', SAMPLE, '-o', 'out.html', '--force'], 'out.html', /^journey: -o out\.html: cannot be written \(EFBIG\)\n$/],
    ['init', ['init', 'out.xlsx', '--force'], 'out.xlsx', /^journey: out\.xlsx: cannot be written \(EFBIG\)\n$/],
    ['init --from (CSV)', ['init', '--from', SAMPLE, 'out.csv', '--force'], 'out.csv', /^journey: out\.csv: cannot be written \(EFBIG\)\n$/],
    ['init --from (workbook)', ['init', '--from', SAMPLE, 'out.xlsx', '--force'], 'out.xlsx', /^journey: out\.xlsx: cannot be written \(EFBIG\)\n$/],
  ])('%s keeps the previous file whole and leaves no temp file', (_name, args, output, message) => {
    const dir = folder();
    writeFileSync(join(dir, output), PREVIOUS);
    const run = onFullDisk(args, dir);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, output), 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual([output]);
    // A new file is not left behind half-written either.
    rmSync(join(dir, output));
    expect(onFullDisk(args, dir).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('on a real full file system (a 64 KiB tmpfs), -o keeps the previous file', () => {
    const mountPoint = folder();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status !== 0) {
      console.log('skipped: mounting a small tmpfs needs root and a container that allows it');
      return;
    }
    try {
      writeFileSync(join(mountPoint, 'out.json'), PREVIOUS);
      // Filled up to the last few bytes: the report cannot fit, the previous file must survive.
      const filler = openSync(join(mountPoint, 'filler'), 'w');
      try {
        for (;;) writeSync(filler, Buffer.alloc(1024));
      } catch {
        // ENOSPC: full.
      } finally {
        closeSync(filler);
      }
      const run = journey(['audit', SAMPLE, '-f', 'json', '-o', join(mountPoint, 'out.json')]);
      expect(run.stderr).toMatch(/cannot be written \(ENOSPC\)\n$/);
      expect(run.code).toBe(2);
      expect(readFileSync(join(mountPoint, 'out.json'), 'utf8')).toBe(PREVIOUS);
      expect(readdirSync(mountPoint).sort()).toEqual(['filler', 'out.json']);
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });
});

describe('interrupted while writing', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes the temp file and keeps the previous one', async (signal) => {
    const dir = folder();
    const target = join(dir, 'out.json');
    writeFileSync(target, 'previous\n');
    // The writer journey's outputs use, stopped halfway: half the file written, the rest never coming.
    const script = `
      import { writeFileSync } from 'node:fs';
      const { writeAtomically } = await import(${JSON.stringify(join(root, 'dist/cli/outputs.js'))});
      await writeAtomically(${JSON.stringify(target)}, async (temporary) => {
        writeFileSync(temporary, '{ "half":');
        process.stdout.write('writing\\n');
        await new Promise(() => setInterval(() => {}, 1000));
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, received) => resolve(received)));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect(readdirSync(dir)).toHaveLength(2);
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
  });

  it('init without --force never replaces a file that appeared meanwhile', () => {
    const dir = folder();
    const run = journey(['init', 'inventory.xlsx'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'inventory.xlsx'))).toBe(true);
    expect(journey(['init', 'inventory.xlsx'], { cwd: dir }).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['inventory.xlsx']);
  });
});

describe('a closed pipe', () => {
  it('keeps the exit code the findings give (journey audit … | head), so pipefail gates work', () => {
    for (const format of ['compact', 'json']) {
      // head -c0 closes the pipe before journey writes: every write meets EPIPE.
      const run = spawnSync(
        'bash',
        ['-c', 'set -o pipefail; "$@" | head -c0', 'bash', process.execPath, join(root, 'bin/journey.js'), 'audit', SAMPLE, '-f', format],
        {
          env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
          encoding: 'utf8',
        },
      );
      expect(run.stderr, format).toBe('');
      expect(run.status, format).toBe(1);
    }
  });
});
