#!/usr/bin/env node
// The CLI is a CommonJS bundle run through a V8 code cache (src/boot/code-cache.ts).
// `journey --version` alone is answered from package.json: it is what scripts and editors run to
// find journey, and loading the CLI for it would take twice Node's own start-up.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { bundleDirFrom, runBundle } = await import('../dist/boot/code-cache.js');
  runBundle(bundleDirFrom(import.meta.url));
}
