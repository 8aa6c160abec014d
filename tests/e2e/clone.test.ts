import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { SHARED, sharedSkipLine } from '../helpers/shared.js';
import { BUILD_TOOLS, missingBuildTools } from '../../scripts/build-tools.mjs';

// A plain .mjs script of the build, without declarations.
const missing = missingBuildTools as (folder: string) => string[];

describe('a clone', () => {
  it("npm ci's prepare finds the build tools npm ci installed, so it builds without a second install", () => {
    // This checkout is a clone after npm ci: every build tool is there.
    expect(missing(root)).toEqual([]);
    // The probe it replaced asked for commander/package.json, which commander's exports map does not allow.
    expect(() => createRequire(join(root, 'package.json')).resolve('commander/package.json')).toThrow();
  });

  it('finds a build tool whose exports map hides its package.json, and names the ones that are not installed', () => {
    const folder = mkdtempSync(join(tmpdir(), 'journey-clone-'));
    writeFileSync(join(folder, 'package.json'), '{"name":"clone","private":true}');
    const [present, ...absent] = BUILD_TOOLS as string[];
    mkdirSync(join(folder, 'node_modules', present!), { recursive: true });
    writeFileSync(join(folder, 'node_modules', present!, 'package.json'), JSON.stringify({ name: present, main: 'index.js', exports: { '.': './index.js' } }));
    writeFileSync(join(folder, 'node_modules', present!, 'index.js'), '');
    expect(missing(folder)).toEqual(absent);
  });

  it('the tests that need the shared test data say what it is when they skip, and that a clone does not need it', () => {
    const line = sharedSkipLine('the workbook robustness corpus tests');
    expect(line).toContain(SHARED);
    expect(line).toMatch(/^skipped: the workbook robustness corpus tests \(it reads the project's shared test data, .*; a clone does not need it/);
  });
});
