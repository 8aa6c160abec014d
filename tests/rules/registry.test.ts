// Meta-tests: what every rule must have, checked for all of them, so a rule missing a piece fails here
// by name. A new rule (scripts/new-rule.mjs NAME writes its pieces) passes them right away.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainText } from '../../src/cli/rule-help.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AuditResult } from '../../src/engine/result.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { ruleIds } from '../../scripts/generate/registry.js';
import { root } from '../helpers/cli.js';
import { auditSample, SAMPLE_COUNTS, SAMPLES } from '../helpers/sample-counts.js';

const ids = RULES.map((rule) => rule.id);
const each = it.each(RULES.map((rule) => [rule.id, rule] as [string, Rule]));

describe('the rule registry', () => {
  it('lists each rule once, sorted by id', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every rule defined in src/rules (the registry is generated: npm run generate)', () => {
    expect(ruleIds(root)).toEqual(ids);
  });

  each('%s lives in src/rules/<id>.ts, which exports it', async (id, rule) => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const module: Record<string, unknown> = await import(/* @vite-ignore */ pathToFileURL(join(root, 'src/rules', `${id}.ts`)).href);
    expect(Object.values(module)).toContain(rule);
  });

  each('%s has its own test file, tests/rules/<id>.test.ts, that runs it', (id) => {
    const path = join(root, 'tests/rules', `${id}.test.ts`);
    expect(existsSync(path), `${path} is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`src/rules/${id}.js`);
  });

  each('%s has a description, a default severity and every docs field filled', (_, rule) => {
    expect(rule.description.trim()).not.toBe('');
    expect(['error', 'warning', 'info']).toContain(rule.defaultSeverity);
    for (const field of ['why', 'triggers', 'fix', 'example'] as const) expect(rule.docs[field]?.trim(), `docs.${field}`).toBeTruthy();
  });

  each('%s has options that parse from {} (its defaults)', (_, rule) => {
    expect(rule.options.safeParse({}).success).toBe(true);
  });

  each('%s has an explain page with every section', (id, rule) => {
    const text = explainText(rule, resolveConfig());
    expect(text.startsWith(`${id}: ${rule.description}\n`)).toBe(true);
    for (const title of ['Why it matters', 'What triggers it', 'Options', 'How to fix', 'Example', 'Configure (journey.config.json)'])
      expect(text).toContain(`\n${title}\n  `);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });
});

describe('the sample fixtures', () => {
  // Audited in process from the sources, as tests/helpers/sample-counts.ts counts them; the end-to-end
  // tests check the built CLI prints the same.
  const runs = new Map<string, AuditResult>();
  beforeAll(async () => {
    for (const fixture of SAMPLES) runs.set(fixture, await auditSample(fixture));
  });

  it('give every finding a statement and a fix, worded to be joined as "message; fix"', () => {
    for (const [fixture, result] of runs) {
      for (const finding of result.findings) {
        const where = `${fixture} ${finding.ruleId} ${finding.location.cell}`;
        expect(finding.message, where).toMatch(/^\S(.*\S)?$/s);
        expect(finding.message, where).not.toMatch(/[.;]$/);
        expect(finding.fix, where).toMatch(/^[^A-Z\s](.*\S)?$/s);
      }
    }
  });

  it('have the finding counts recorded in the one counts snapshot', async () => {
    // Updated with `npx vitest run tests/rules/registry.test.ts -u`: review the diff.
    await expect(`${JSON.stringify(SAMPLE_COUNTS, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/sample-counts.json');
  });
});
