// Meta-tests: what every rule must have, checked for all of them, so a rule missing a piece fails here
// by name. A new rule (scripts/new-rule.mjs NAME writes its pieces) passes them right away.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainText } from '../../src/cli/rule-help.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Finding } from '../../src/model/schema.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { journey, root } from '../helpers/cli.js';
import type { FixtureCounts, SampleCounts } from '../helpers/sample-counts.js';

const ids = RULES.map((rule) => rule.id);
const each = it.each(RULES.map((rule) => [rule.id, rule] as [string, Rule]));

/** The README's rules table: id → default severity, in the order written. */
function readmeRows(): [string, string][] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Rules\n'), readme.indexOf('\n## ', readme.indexOf('\n## Rules\n') + 1));
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| /gm)].map((match) => [match[1]!, match[2]!]);
}

/** Audits a fixture with the built CLI, as a user would. */
function auditJson(fixture: string): { findings: Finding[]; summary: { errors: number; warnings: number; infos: number; touchpoints: number } } {
  const run = journey(['audit', fixture, '-f', 'json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

const SAMPLES = ['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv', 'fixtures/sample-future.xlsx'];

describe('the rule registry', () => {
  it('lists each rule once, sorted by id', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every rule defined in src/rules', () => {
    const defined = readdirSync(join(root, 'src/rules'))
      .filter((name) => name.endsWith('.ts') && readFileSync(join(root, 'src/rules', name), 'utf8').includes('defineRule({'))
      .map((name) => name.slice(0, -3));
    expect(defined.sort()).toEqual(ids);
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

  it("has a README row for every rule, in registry order, with the rule's default severity", () => {
    expect(readmeRows()).toEqual(RULES.map((rule) => [rule.id, rule.defaultSeverity]));
  });
});

describe('the sample fixtures', () => {
  const runs = new Map<string, ReturnType<typeof auditJson>>();
  beforeAll(() => {
    for (const fixture of SAMPLES) runs.set(fixture, auditJson(fixture));
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
    const counts: SampleCounts = { fixtures: {}, diff: {} as SampleCounts['diff'] };
    for (const [fixture, result] of runs) {
      const byRule: Record<string, number> = {};
      for (const id of ids) {
        const n = result.findings.filter((f) => f.ruleId === id).length;
        if (n > 0) byRule[id] = n;
      }
      const { errors, warnings, infos, touchpoints } = result.summary;
      counts.fixtures[fixture] = { findings: result.findings.length, errors, warnings, infos, touchpoints, byRule } satisfies FixtureCounts;
    }
    const diff = JSON.parse(journey(['diff', SAMPLES[0]!, SAMPLES[2]!, '--format', 'json']).stdout).summary;
    counts.diff = {
      resolved: diff.findingsResolved,
      introduced: diff.findingsIntroduced,
      unchanged: diff.findingsUnchanged,
      resolvedBySeverity: diff.resolvedBySeverity,
      introducedBySeverity: diff.introducedBySeverity,
    };
    // Updated with `npx vitest run tests/rules/registry.test.ts -u`; tests/helpers/sample-counts.ts reads it.
    await expect(`${JSON.stringify(counts, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/sample-counts.json');
  });
});
