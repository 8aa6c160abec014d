import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey, root, TEST_EPOCH } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-hostile-'));
/** A folder whose journey.config.json sets `limits`, for stdin runs started in it. */
const withLimits = (name: string, limits: Record<string, number>) => {
  const folder = join(dir, name);
  execFileSync('mkdir', ['-p', folder]);
  writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ limits }));
  return folder;
};

/**
 * Runs the built CLI with stdin from a file descriptor, or fed by `feed` until the CLI exits (an
 * endless producer), and resolves when it exits.
 */
function run(
  args: string[],
  options: { stdin?: number; feed?: (write: (text: string) => boolean) => void; cwd?: string } = {},
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/journey.js'), ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH },
      stdio: [options.stdin ?? 'pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    let exited = false;
    if (options.feed && child.stdin) {
      // Writes after the CLI stopped reading fail with EPIPE; that is the point.
      child.stdin.on('error', () => undefined);
      options.feed((text) => !exited && child.stdin!.write(text));
    }
    child.on('close', (code) => {
      exited = true;
      resolve({ code, stderr });
    });
  });
}

/** Writes `text` as fast as the pipe takes it, forever. */
const flood = (text: string) => (write: (text: string) => boolean) => {
  const pump = () => {
    const ok = write(text);
    if (ok !== false) setImmediate(pump);
    else setTimeout(pump, 1);
  };
  pump();
};

describe('hostile input on the command line', () => {
  it('reads every row of a CSV with mixed line endings from stdin', () => {
    const { code, stdout, stderr } = journey(['audit', '-', '-f', 'json', '--fail-on', 'never'], {
      input: 'Stage,Touchpoint,Channel\r\nAwareness,A,Blog\nDecision,B,Email\r\nAdoption,C,Phone\rRetention,D,Chat\n',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].touchpoints).toBe(4);
  });

  it('reads UTF-16 text without a byte-order mark from stdin', () => {
    const file = join(dir, 'utf16.csv');
    writeFileSync(file, Buffer.from('Stage,Touchpoint,Channel\nAwareness,Café launch,Blog\n', 'utf16le'));
    const fd = openSync(file, 'r');
    // Bytes as they are (journey() sends its input as UTF-8 text).
    const stdout = execFileSync(process.execPath, [join(root, 'bin/journey.js'), 'audit', '-', '-f', 'json', '--fail-on', 'never'], {
      stdio: [fd, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(JSON.parse(stdout).files[0].touchpoints).toBe(1);
  });

  it('refuses stdin from /dev/zero as binary at once (exit 2)', async () => {
    const fd = openSync('/dev/zero', 'r');
    const { code, stderr } = await run(['audit', '-'], { stdin: fd });
    closeSync(fd);
    expect(code).toBe(2);
    expect(stderr).toContain('journey: stdin.csv: is not a text file: it holds NUL bytes (a binary file?)');
  }, 30_000);

  it('stops an endless text stream on stdin at limits.inputMiB (exit 2)', async () => {
    const cwd = withLimits('input-1mib', { inputMiB: 1 });
    const { code, stderr } = await run(['audit', '-'], { cwd, feed: flood('Stage,Touchpoint,Channel\nAwareness,A,Blog\n'.repeat(500)) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/journey: stdin\.csv: is larger than 1 MiB \(limits\.inputMiB\) \(stopped at line \d+\); raise the limit if the file is genuine/);
  }, 60_000);

  it('stops a stream that trickles on stdin at --read-timeout (exit 2)', async () => {
    const { code, stderr } = await run(['audit', '-', '--read-timeout', '1'], {
      feed: (write) => {
        // Enough to start the parser (it guesses the delimiter from 64 KB), then a line every 50 ms.
        write(`Stage,Touchpoint,Channel\n${'Awareness,A,Blog\n'.repeat(5000)}`);
        const timer = setInterval(() => write('Awareness,A,Blog\n') || clearInterval(timer), 50);
      },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/journey: stdin\.csv: took longer than 1 s to read \(stopped at line \d+\); .*\(limits\.readTimeoutSeconds, --read-timeout\)/);
  }, 60_000);

  it('stops a record longer than limits.csvRecordKiB, naming its line (exit 2)', () => {
    const cwd = withLimits('record-1kib', { csvRecordKiB: 1 });
    const { code, stderr } = journey(['audit', '-'], { cwd, input: `Stage,Touchpoint,Channel\nAwareness,${'x'.repeat(5000)},Blog\n` });
    expect(code).toBe(2);
    expect(stderr).toContain('journey: stdin.csv:2: cannot be read as CSV: a record is longer than 1 KiB (limits.csvRecordKiB)');
  });

  it('refuses a character device given as a path (exit 2)', () => {
    const { code, stderr } = journey(['audit', '/dev/zero']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'journey: /dev/zero: is a character device (a terminal, or a device such as /dev/zero), not a file; give a file, or pipe a CSV to "journey audit -"',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'reads a named pipe, and ends at --read-timeout when nothing writes to it',
    async () => {
      const fifo = join(dir, 'inventory.csv');
      execFileSync('mkfifo', [fifo]);
      const silent = await run(['audit', fifo, '--read-timeout', '1']);
      expect(silent.code).toBe(2);
      expect(silent.stderr).toContain(`journey: ${fifo}: took longer than 1 s to read`);

      const reading = run(['audit', fifo, '--fail-on', 'never']);
      // The writer blocks in open() until journey opens the pipe for reading.
      execFileSync('sh', ['-c', `printf 'Stage,Touchpoint,Channel\\nAwareness,A,Blog\\n' > '${fifo}'`], { timeout: 20_000 });
      const { code, stderr } = await reading;
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
    60_000,
  );
});
