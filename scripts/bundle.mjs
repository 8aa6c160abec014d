// Bundles the compiled CLI into dist/bundle/ (run by npm run build, after tsc).
// One ESM bundle parses in a fraction of the time of ~100 module files (zod alone is dozens), which is
// most of a small audit's start-up; formatters and the workbook reader stay separate chunks, loaded
// only when used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes; clear the last build's so none go stale.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // main: the CLI; index: the programmatic API (package.json exports), sharing the CLI's chunks.
  entryPoints: ['dist/cli/main.js', 'dist/index.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build that bundles badly; its "module" build is plain ESM.
  mainFields: ['module', 'main'],
  // The CommonJS dependencies (yauzl, csv-parse's helpers) call require for Node's built-ins.
  banner: { js: "import { createRequire as journeyCreateRequire } from 'node:module'; const require = journeyCreateRequire(import.meta.url);" },
  // exceljs (journey init only) stays in node_modules, loaded by the init chunk's dynamic import: bundling its
  // CommonJS tree would add megabytes for one command and gain nothing at audit start-up.
  external: ['exceljs'],
  logLevel: 'warning',
});
