// Imports a TypeScript module of the project without a build, so the scripts read what the sources say
// now rather than a dist/ that may be stale: esbuild bundles it (zod and the sources inlined, the database
// engines left to node_modules) into node_modules/.cache/journey-scripts, and Node imports the bundle.
// Used by scripts/generate.mjs and scripts/make-fixtures.mjs.
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The module `entry` (a path under `root`) of the project at `root`, bundled and imported. */
export async function importTypeScript(root, entry) {
  const cache = join(root, 'node_modules/.cache/journey-scripts');
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['@duckdb/node-api', 'chdb'],
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
