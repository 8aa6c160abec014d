#!/usr/bin/env node
// Scaffolds a new rule: node scripts/new-rule.mjs NAME [--severity error|warning|info] [--description TEXT] [--root DIR]
// Writes the two files a rule is, src/rules/NAME.ts and tests/rules/NAME.test.ts, then runs
// scripts/generate.mjs, which lists it in the registry (src/rules/all.ts), README's rules table and the
// config's JSON Schema, so the meta-tests pass at once; then fill in the rule's check, docs and test
// cases (and run `npm run generate` again after changing its options or description). --root works on
// another checkout (the scaffold's own test runs it on a temporary copy).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'usage: node scripts/new-rule.mjs NAME [--severity error|warning|info] [--description TEXT] [--root DIR]';

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      severity: { type: 'string', default: 'warning' },
      description: { type: 'string' },
      root: { type: 'string', default: resolve(import.meta.dirname, '..') },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail(USAGE);
const [id] = positionals;
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) fail(`"${id}" is not a rule id: lowercase words joined by hyphens, such as silent-stretch`);
if (!['error', 'warning', 'info'].includes(values.severity)) fail(`--severity must be error, warning or info, not "${values.severity}"`);

const root = resolve(values.root);
const paths = {
  rule: join(root, 'src/rules', `${id}.ts`),
  test: join(root, 'tests/rules', `${id}.test.ts`),
  generate: join(root, 'scripts/generate.mjs'),
};
for (const path of [paths.rule, paths.test]) if (existsSync(path)) fail(`${path} already exists`);
if (!existsSync(paths.generate)) fail(`${paths.generate} not found (is --root a journey checkout?)`);

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const name = camel(id);
const description = values.description ?? `What ${id} finds, in one line (fill in)`;
// Quoted for a TypeScript single-quoted string.
const quoted = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const ruleSource = `import * as z from 'zod';
import { defineRule, type Report } from './rule.js';

/** ${description}. */
export const ${name} = defineRule({
  id: '${id}',
  description: ${quoted(description)},
  defaultSeverity: '${values.severity}',
  // Every option needs a default, so that options.parse({}) gives the rule's defaults.
  options: z.object({}).strict(),
  docs: {
    why: 'Why this gap matters to customers and to the teams (fill in).',
    triggers: 'Exactly what in the inventory makes the rule fire (fill in).',
    fix: 'How to close the gap, or how to turn the rule off when it does not apply (fill in).',
    example: 'A finding as journey prints it: its message; its fix (fill in).',
  },
  check({ model }) {
    const reports: Report[] = [];
    // For each gap: reports.push(touchpointReport(touchpoint, { message, fix }, cellOf(touchpoint, field)))
    // for one touchpoint, or stageReport(group, { message, fix }, location) for a persona's stage
    // (see ./rule.ts); message says what is wrong, fix what to do.
    void model;
    return reports;
  },
});
`;

const testSource = `import { it } from 'vitest';
import { ${name} } from '../../src/rules/${id}.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

// Rows are keyed by column header; cells are named "Header ROW" (the first row is row 2).
const touch = (values: Row = {}): Row => ({
  Persona: 'P',
  Stage: 'Onboarding',
  Touchpoint: 'Welcome email',
  Team: 'Customer Success',
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
  Day: 1,
  Frequency: 'Once',
  ...values,
});

ruleTester(${name}, {
  valid: [{ name: 'an inventory without the gap', rows: [touch()] }],
  invalid: [
    // { name: 'the gap, at its cell', rows: [touch({ ... })], expect: [{ cell: 'Team 2', message: '...', fix: '...' }] },
  ],
});

it.todo('${id}: add invalid cases for every way the rule fires, and valid ones for its near misses');
`;

writeFileSync(paths.rule, ruleSource);
writeFileSync(paths.test, testSource);
const generated = spawnSync(process.execPath, [paths.generate, '--root', root], { encoding: 'utf8' });
if (generated.status !== 0) fail(`wrote the rule and its test, but npm run generate failed:\n${generated.stderr}${generated.stdout}`);
process.stdout.write(
  [
    `wrote src/rules/${id}.ts and tests/rules/${id}.test.ts`,
    generated.stdout.trimEnd(),
    'next: write check() and the docs, add invalid cases to the test, then',
    `  npm run generate        (after changing the rule's options, description or summary)`,
    `  npx vitest run tests/rules/${id}.test.ts tests/rules/registry.test.ts tests/rules/generated.test.ts`,
    '  (if the rule fires on the sample fixtures, review and update the counts with -u on registry.test.ts)',
  ].join('\n') + '\n',
);
