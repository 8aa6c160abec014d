// Bundles the compiled CLI into dist/bundle/ (run by npm run build, after tsc).
// One bundle parses in a fraction of the time of ~100 module files (zod alone is dozens), which is
// most of a small audit's start-up; formatters, commands and the workbook reader stay separate
// chunks, loaded only when used.
//
// esbuild splits ESM only, and Node 20 caches compiled code only for scripts (vm.Script cachedData),
// so the ESM chunks are then turned into CommonJS scripts (.cjs, dynamic imports become requires) that
// bin/journey.js runs through src/boot/code-cache.ts.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, transform } from 'esbuild';

// `import text from './file.css?raw'` (the map's stylesheet and script, real files under src/): tsc
// leaves the import as written in dist/, so it is resolved back to the file under src/ and inlined as text.
const rawText = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve('src', relative(resolve('dist'), args.resolveDir), args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const out = 'dist/bundle';
const esm = 'dist/bundle-esm';
// Chunk names carry content hashes; clear the last build's so none go stale.
rmSync(out, { recursive: true, force: true });
rmSync(esm, { recursive: true, force: true });

const cli = await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: esm,
  // Which modules each chunk holds and imports, for tests/e2e/bundle-graph.test.ts (not shipped).
  metafile: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build that bundles badly; its "module" build is plain ESM.
  mainFields: ['module', 'main'],
  // DuckDB (journey measure only) ships a native binary: it stays in node_modules, required when measure runs;
  // chdb, ClickHouse in process, is the user's own optional install; @clickhouse/client (--clickhouse-url)
  // is required from node_modules as it is, when a measurement runs on a server.
  external: ['@duckdb/node-api', 'chdb', '@clickhouse/client'],
  plugins: [rawText],
  logLevel: 'warning',
});

mkdirSync(out, { recursive: true });
for (const name of readdirSync(esm)) {
  if (!name.endsWith('.js')) continue;
  const source = readFileSync(join(esm, name), 'utf8');
  // esbuild gives CommonJS dependencies a require made from import.meta.url; a script has __filename.
  const usesUrl = source.includes('import.meta.url');
  const result = await transform(source, {
    ...(usesUrl
      ? { define: { 'import.meta.url': '__journeyChunkUrl' }, banner: 'var __journeyChunkUrl = require("node:url").pathToFileURL(__filename).href;' }
      : {}),
    format: 'cjs',
    target: 'node20',
    loader: 'js',
    // import("./chunk.js") becomes a require of the chunk, so every chunk goes through the code cache.
    supported: { 'dynamic-import': false },
    sourcefile: name,
    logLevel: 'warning',
  });
  if (/import\.meta|import_meta/.test(result.code) || result.warnings.length > 0)
    throw new Error(`bundle: ${name} uses import.meta, which a CommonJS chunk cannot`);
  const code = result.code.replace(/require\("\.\/([\w-]+)\.js"\)/g, 'require("./$1.cjs")');
  writeFileSync(join(out, name.replace(/\.js$/, '.cjs')), code);
}
rmSync(esm, { recursive: true, force: true });
writeFileSync('dist/bundle-graph.json', `${JSON.stringify(chunkGraph(cli.metafile))}\n`);

/** Each chunk (by its .cjs name) with the modules it holds and the chunks it imports, statically or on use. */
function chunkGraph(metafile) {
  const name = (path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.js$/, '.cjs');
  const chunks = {};
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    chunks[name(path)] = {
      modules: Object.keys(output.inputs),
      imports: output.imports.filter((entry) => !entry.external && entry.kind === 'import-statement').map((entry) => name(entry.path)),
      dynamicImports: output.imports.filter((entry) => !entry.external && entry.kind === 'dynamic-import').map((entry) => name(entry.path)),
    };
  }
  return { entry: 'main.cjs', chunks };
}

// The programmatic API (package.json "exports": dist/lib/index.js) is bundled apart, as the plain ES
// module a user imports: the CLI's bundle above is shaped for start-up alone.
rmSync('dist/lib', { recursive: true, force: true });
await build({
  entryPoints: ['dist/index.js'],
  outdir: 'dist/lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // The CommonJS dependencies (yauzl and its helpers) call require for Node's built-ins.
  banner: { js: "import { createRequire as journeyCreateRequire } from 'node:module'; const require = journeyCreateRequire(import.meta.url);" },
  external: ['@duckdb/node-api', 'chdb', '@clickhouse/client'],
  plugins: [rawText],
  logLevel: 'warning',
});
