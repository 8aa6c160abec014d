// The code cache's loader on a bundle of its own (src/boot/code-cache.ts): what a cache file is
// keyed by, and what a failed write leaves behind. The whole CLI through the cache is tested in
// tests/e2e/code-cache.test.ts.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeCacheLoader } from '../../src/boot/code-cache.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'journey-loader-'));
  folders.push(path);
  return path;
}

/** A one-chunk bundle whose main.cjs exports `value`. */
function bundle(value: string): string {
  const dir = folder();
  writeFileSync(join(dir, 'main.cjs'), `module.exports = { value: ${JSON.stringify(value)} };\n`);
  return dir;
}

const run = (bundleDir: string, cacheDir: string) => {
  const loader = new CodeCacheLoader(bundleDir, cacheDir);
  const { value } = loader.load('./main.cjs') as { value: string };
  loader.flush();
  return value;
};

describe('code cache loader', () => {
  it('never runs old code after a same-length change with the modification time restored', () => {
    const cache = folder();
    const dir = bundle('first version');
    const main = join(dir, 'main.cjs');
    const time = new Date('2026-01-01T00:00:00Z');
    utimesSync(main, time, time);
    expect(run(dir, cache)).toBe('first version');
    expect(readdirSync(cache).filter((name) => name.endsWith('.v8cache'))).toHaveLength(1);
    writeFileSync(main, `module.exports = { value: ${JSON.stringify('other version')} };\n`);
    utimesSync(main, time, time);
    expect(statSync(main).mtimeMs).toBe(time.getTime());
    expect(run(dir, cache)).toBe('other version');
    // And the cache still serves each version's own data.
    expect(run(dir, cache)).toBe('other version');
  });

  it('leaves no partial file when a cache file cannot be written', () => {
    const cache = folder();
    const dir = bundle('some code');
    run(dir, cache);
    const [written] = readdirSync(cache);
    // A folder where the cache file goes: the data is written aside, and the rename onto it fails.
    rmSync(join(cache, written!));
    mkdirSync(join(cache, written!));
    expect(run(dir, cache)).toBe('some code');
    expect(readdirSync(cache)).toEqual([written]);
  });
});
