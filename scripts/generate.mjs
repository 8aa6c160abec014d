#!/usr/bin/env node
// Writes what is derived from the code, so a rule is its file and its test:
//   src/rules/all.ts             the registry, from the files of src/rules/ that define a rule
//   README.md                    the rules table (id, default severity, what it finds)
//   journey*.schema.json         the JSON Schemas of the config (each rule's options), diff and measure
// usage: node scripts/generate.mjs [--root DIR]   (npm run generate; the rule scaffold runs it)
// Needs no build: the TypeScript that computes them is bundled on the fly with esbuild (scripts/import-ts.mjs).
// tests/rules/generated.test.ts fails, naming this command, when a file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTypeScript } from './import-ts.mjs';

const { values } = parseArgs({ options: { root: { type: 'string', default: resolve(import.meta.dirname, '..') } } });
const root = resolve(values.root);

/** A TypeScript module of scripts/generate/, bundled and imported. */
const load = (name) => importTypeScript(root, join('scripts/generate', `${name}.ts`));

const written = [];
function write(path, text) {
  const file = join(root, path);
  let before = null;
  try {
    before = readFileSync(file, 'utf8');
  } catch {}
  if (before === text) return;
  writeFileSync(file, text);
  written.push(path);
}

// The registry first: the documents are computed from the rules it lists.
const registry = await load('registry');
write(registry.REGISTRY_FILE, registry.registrySource(registry.ruleIds(root)));
const documents = await load('documents');
write('README.md', documents.readmeWithRules(readFileSync(join(root, 'README.md'), 'utf8')));
for (const [path, text] of Object.entries(documents.schemaFiles())) write(path, text);
process.stdout.write(written.length === 0 ? 'generate: every generated file is up to date\n' : `generate: wrote ${written.join(', ')}\n`);
