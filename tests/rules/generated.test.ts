// What `npm run generate` writes from the code (the registry from the folder, README's rules table, the
// JSON Schemas with each rule's options) must be what is in the tree: a rule is its file and its test,
// and nobody edits these by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithRules, schemaFiles } from '../../scripts/generate/documents.js';
import { REGISTRY_FILE, registrySource, ruleIds } from '../../scripts/generate/registry.js';
import { root } from '../helpers/cli.js';

const onDisk = (path: string) => readFileSync(join(root, path), 'utf8');
const STALE = 'is out of date: run `npm run generate` and commit what it writes';

describe('the generated files', () => {
  it(`${REGISTRY_FILE} lists every rule file of src/rules`, () => {
    expect(onDisk(REGISTRY_FILE), `${REGISTRY_FILE} ${STALE}`).toBe(registrySource(ruleIds(root)));
  });

  it("README.md's rules table is written from the rules", () => {
    const readme = onDisk('README.md');
    expect(readme, `README.md's rules table ${STALE}`).toBe(readmeWithRules(readme));
  });

  it.each(Object.entries(schemaFiles()))('%s is the one the zod schemas generate', (path, text) => {
    expect(onDisk(path), `${path} ${STALE}`).toBe(text);
  });
});
