// Bundles the compiled CLI into dist/bundle/ (run by npm run build, after tsc).
// One ESM bundle parses in a fraction of the time of ~100 module files (zod alone is dozens), which is
// most of a small audit's start-up; formatters and the workbook reader stay separate chunks, loaded
// only when used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes; clear the last build's so none go stale.
rmSync('dist/bundle', { recursive: true, force: true });
rmSync('dist/lib', { recursive: true, force: true });

// The CLI's bundle and the programmatic API's (package.json "exports": dist/lib/index.js) are built
// apart: the CLI's is shaped for start-up alone, the API's stays a plain ES module a user imports.
const shared = {
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
};
await build({ ...shared, entryPoints: ['dist/cli/main.js'], outdir: 'dist/bundle' });
await build({ ...shared, entryPoints: ['dist/index.js'], outdir: 'dist/lib' });
