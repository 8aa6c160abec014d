import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

// The V8 code cache (src/boot/code-cache.ts) may only ever make a run faster: whatever is in the
// cache folder, the output and exit code are those of a run without it, and bad files are rebuilt.
const MAGIC = 'JRNY';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function cacheFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'journey-code-cache-'));
  folders.push(folder);
  return folder;
}

const audit = (env: Record<string, string | undefined>) => journey(['audit', 'fixtures/sample-inventory.csv', '--format', 'json'], { env });
let referenceRun: ReturnType<typeof audit> | undefined;
/** The run without the cache, made once: every run through the cache must equal it. */
const referenceAudit = () => (referenceRun ??= audit({ JOURNEY_CODE_CACHE: '0' }));
const cacheFiles = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.v8cache'))
    .sort();
const magicOf = (path: string) => readFileSync(path).subarray(0, 4).toString('latin1').split('').reverse().join('');

describe('code cache', () => {
  it('writes one cache file per chunk the run loaded, and reuses them unchanged', () => {
    const folder = cacheFolder();
    const reference = referenceAudit();
    const first = audit({ JOURNEY_CACHE_DIR: folder });
    expect(first).toEqual(reference);
    const files = cacheFiles(folder);
    expect(files).toContain(files.find((name) => name.startsWith('main-')));
    const before = files.map((name) => readFileSync(join(folder, name)));
    expect(audit({ JOURNEY_CACHE_DIR: folder })).toEqual(reference);
    // Accepted data is not written again.
    expect(cacheFiles(folder).map((name) => readFileSync(join(folder, name)))).toEqual(before);
  });

  it('ignores and rebuilds cache files that are garbage, truncated or have a flipped byte', () => {
    const folder = cacheFolder();
    const reference = referenceAudit();
    audit({ JOURNEY_CACHE_DIR: folder });
    const files = cacheFiles(folder);
    expect(files.length).toBeGreaterThan(1);
    const [garbage, truncated, flipped] = files.map((name) => join(folder, name));
    writeFileSync(garbage!, 'not a code cache at all');
    writeFileSync(truncated!, readFileSync(truncated!).subarray(0, 100));
    const data = readFileSync(flipped!);
    data[data.length >> 1] ^= 0xff;
    writeFileSync(flipped!, data);

    expect(audit({ JOURNEY_CACHE_DIR: folder })).toEqual(reference);
    for (const path of [garbage!, truncated!, flipped!]) {
      expect(magicOf(path)).toBe(MAGIC);
      expect(readFileSync(path).length).toBeGreaterThan(100);
    }
    expect(readFileSync(flipped!)).not.toEqual(data);
    expect(audit({ JOURNEY_CACHE_DIR: folder })).toEqual(reference);
  });

  it('runs normally when the cache folder cannot be made or read', () => {
    const parent = cacheFolder();
    const notAFolder = join(parent, 'file');
    writeFileSync(notAFolder, 'a file where the cache folder should be');
    const reference = referenceAudit();
    expect(audit({ JOURNEY_CACHE_DIR: notAFolder })).toEqual(reference);
    expect(audit({ JOURNEY_CACHE_DIR: join(notAFolder, 'below') })).toEqual(reference);
    expect(readFileSync(notAFolder, 'utf8')).toBe('a file where the cache folder should be');
  });

  it('removes cache files of other builds untouched for 30 days when it writes new ones', () => {
    const folder = cacheFolder();
    const old = join(folder, 'chunk-OLDBUILD-1234.v8cache');
    const recent = join(folder, 'chunk-OTHERBUILD-5678.v8cache');
    const unrelated = join(folder, 'notes.txt');
    for (const path of [old, recent, unrelated]) writeFileSync(path, 'x');
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(old, fortyDaysAgo, fortyDaysAgo);
    utimesSync(unrelated, fortyDaysAgo, fortyDaysAgo);
    audit({ JOURNEY_CACHE_DIR: folder });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });

  it('neither reads nor writes a cache folder others may write to (a planted cache file is compiled code)', () => {
    const folder = cacheFolder();
    const reference = referenceAudit();
    audit({ JOURNEY_CACHE_DIR: folder });
    const files = cacheFiles(folder);
    for (const name of files) writeFileSync(join(folder, name), 'planted');
    chmodSync(folder, 0o777);
    expect(audit({ JOURNEY_CACHE_DIR: folder })).toEqual(reference);
    // Not read (it would have been rebuilt) and not written.
    for (const name of files) expect(readFileSync(join(folder, name), 'utf8')).toBe('planted');
    chmodSync(folder, 0o700);
  });

  it('uses $XDG_CACHE_HOME/journey when no folder is named', () => {
    const home = cacheFolder();
    const reference = referenceAudit();
    expect(audit({ XDG_CACHE_HOME: home, JOURNEY_CACHE_DIR: undefined })).toEqual(reference);
    expect(cacheFiles(join(home, 'journey')).length).toBeGreaterThan(1);
  });
});
