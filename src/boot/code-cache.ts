/**
 * Runs the bundled CLI (CommonJS chunks in dist/bundle/) with a V8 code cache, the technique of the
 * v8-compile-cache package: Node 20 has no compile cache of its own for our code, and compiling the
 * bundle's functions is a large part of a small audit. Each chunk is compiled through vm.Script with
 * the cachedData a previous run left in a per-user cache folder; chunks without usable data are
 * compiled from source and their data written when the process exits, so the next run starts warm.
 *
 * The cache can only make a run faster: any problem reading, checking or writing it is ignored and
 * the chunk compiled from source. Cache files are checked before V8 sees them (release builds of V8
 * do not verify code-cache checksums, and corrupt data must never reach the deserializer).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/** Bumped when the cache file layout changes. */
const FORMAT = 1;
/** File header: magic, format, payload length, payload CRC-32, key hash. */
const MAGIC = 0x4a524e59; // "JRNY"
const HEADER_BYTES = 20;
/** Cache files untouched this long are removed when new ones are written (other versions' chunks). */
const STALE_MS = 30 * 86_400_000;

interface Loaded {
  exports: unknown;
}

interface Pending {
  script: Script;
  file: string;
}

/** The per-user cache folder: $JOURNEY_CACHE_DIR, else $XDG_CACHE_HOME/journey, else ~/.cache/journey, else the temp folder; null when JOURNEY_CODE_CACHE=0 turns the cache off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.JOURNEY_CODE_CACHE === '0') return null;
  if (env.JOURNEY_CACHE_DIR) return env.JOURNEY_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'journey');
  try {
    const home = homedir();
    if (home) return join(home, '.cache', 'journey');
  } catch {
    // No home folder (a locked-down service account): fall through to the temp folder.
  }
  return join(tmpdir(), `journey-cache-${process.getuid?.() ?? 'user'}`);
}

/** FNV-1a over a short string: names a cache file after what its data depends on. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class CodeCacheLoader {
  private readonly modules = new Map<string, Loaded>();
  private readonly pending: Pending[] = [];
  private readonly nodeRequire: NodeJS.Require;
  private readonly folder: string | null;
  /** What every chunk's data depends on besides its own file: Node, V8, the platform and V8's flags. */
  private readonly runtime: string;

  constructor(
    private readonly bundleDir: string,
    folder: string | null = cacheFolder(),
  ) {
    this.nodeRequire = createRequire(join(bundleDir, 'main.cjs'));
    this.folder = folder;
    this.runtime = `${FORMAT}|${process.version}|${process.versions.v8}|${process.arch}|${process.execArgv.join(' ')}`;
    if (folder !== null) process.once('exit', () => this.flush());
  }

  /** Loads a chunk by its bundle-relative name (./main.cjs) and returns its exports. */
  load(name: string): unknown {
    const file = join(this.bundleDir, name);
    const known = this.modules.get(file);
    if (known) return known.exports;
    const source = readFileSync(file, 'utf8');
    const cacheFile = this.cacheFileFor(file, name, source);
    const cached = cacheFile === null ? undefined : this.readCache(cacheFile);
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapped, { filename: file, cachedData: cached });
    if (cacheFile !== null && (cached === undefined || script.cachedDataRejected === true)) this.pending.push({ script, file: cacheFile });
    const module: Loaded = { exports: {} };
    this.modules.set(file, module);
    const chunkRequire = (id: string) => (id.startsWith('./') ? this.load(id) : this.nodeRequire(id));
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, chunkRequire, module, file, this.bundleDir);
    return module.exports;
  }

  /**
   * The cache file for a chunk, named after its content and the runtime. Content, not size and
   * modification time: V8 checks only the source's length, so data kept for a same-length change
   * (an edit, a patch with its time restored) would run the old code.
   */
  private cacheFileFor(file: string, name: string, source: string): string | null {
    if (this.folder === null) return null;
    const key = hashText(`${this.runtime}|${file}|${source.length}|${crc32(source)}`);
    return join(this.folder, `${name.replace(/^\.\//, '').replace(/\.cjs$/, '')}-${key.toString(16)}.v8cache`);
  }

  /** Whether the folder is this user's alone, checked once: a cache file is compiled code, and in a shared temp folder another user could have planted one. */
  private folderTrusted: boolean | undefined;

  private trusted(): boolean {
    if (this.folderTrusted !== undefined) return this.folderTrusted;
    try {
      const stat = statSync(this.folder!);
      const uid = process.getuid?.();
      this.folderTrusted = stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
    } catch {
      this.folderTrusted = false;
    }
    return this.folderTrusted;
  }

  /** The cached data in a cache file, or undefined when it is missing, from another layout, or fails its length or checksum. */
  private readCache(cacheFile: string): Buffer | undefined {
    if (!this.trusted()) return undefined;
    try {
      const data = readFileSync(cacheFile);
      if (data.length < HEADER_BYTES || data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== FORMAT) return undefined;
      const length = data.readUInt32LE(8);
      if (data.length !== HEADER_BYTES + length) return undefined;
      const payload = data.subarray(HEADER_BYTES);
      if (crc32(payload) !== data.readUInt32LE(12)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }

  /** Writes the data of chunks compiled from source; at exit, so it holds every function the run compiled. */
  flush(): void {
    if (this.folder === null || this.pending.length === 0) return;
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    } catch {
      return;
    }
    this.folderTrusted = undefined;
    if (!this.trusted()) return;
    for (const { script, file } of this.pending.splice(0)) {
      let temporary: string | undefined;
      try {
        const payload = script.createCachedData();
        const header = Buffer.alloc(HEADER_BYTES);
        header.writeUInt32LE(MAGIC, 0);
        header.writeUInt32LE(FORMAT, 4);
        header.writeUInt32LE(payload.length, 8);
        header.writeUInt32LE(crc32(payload), 12);
        header.writeUInt32LE(hashText(this.runtime), 16);
        // Written aside and renamed, so a concurrent run never reads half a file.
        temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.concat([header, payload]), { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        // A read-only or full disk: the next run compiles from source again, and no partial file stays.
        if (temporary !== undefined) {
          try {
            unlinkSync(temporary);
          } catch {
            // Never created, or already gone.
          }
        }
      }
    }
    this.prune();
  }

  /**
   * Removes cache files not written for STALE_MS (chunks of other builds accumulate as journey is
   * upgraded). Runs only when new data was written, which is rare; a file still in use that is
   * removed is simply rebuilt by the next run.
   */
  private prune(): void {
    try {
      const now = Date.now();
      for (const name of readdirSync(this.folder!)) {
        if (!name.endsWith('.v8cache') && !name.endsWith('.tmp')) continue;
        const path = join(this.folder!, name);
        if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
      }
    } catch {
      // Another run pruning at the same time, or an unreadable folder: nothing to do.
    }
  }
}

/** Runs dist/bundle/main.cjs with the code cache; falls back to plain require when vm itself fails. */
export function runBundle(bundleDir: string): void {
  // V8 rejects code-cache data made under other flags, and the CLI sets this one as it starts (main.ts,
  // see there why); set before anything is compiled, the data is made and used under the same flags.
  setFlagsFromString('--heap-growing-percent=30');
  let loader: CodeCacheLoader;
  try {
    loader = new CodeCacheLoader(bundleDir);
  } catch {
    createRequire(join(bundleDir, 'main.cjs'))('./main.cjs');
    return;
  }
  loader.load('./main.cjs');
}

/** dist/bundle/ beside the bin/ folder of a bin script's URL. */
export const bundleDirFrom = (binUrl: string) => join(dirname(fileURLToPath(binUrl)), '..', 'dist', 'bundle');
