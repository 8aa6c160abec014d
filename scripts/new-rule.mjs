#!/usr/bin/env node
// Scaffolds a new rule: node scripts/new-rule.mjs NAME [--severity error|warning|info] [--description TEXT] [--root DIR]
// Writes src/rules/NAME.ts and tests/rules/NAME.test.ts, adds the rule to the sorted registry
// (src/rules/index.ts) and a row to README's rules table, so tests/rules/registry.test.ts passes at
// once; then fill in the rule's check, docs and test cases. --root works on another checkout (the
// scaffold's own test runs it on a temporary copy).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  index: join(root, 'src/rules/index.ts'),
  readme: join(root, 'README.md'),
};
for (const path of [paths.rule, paths.test]) if (existsSync(path)) fail(`${path} already exists`);
for (const path of [paths.index, paths.readme]) if (!existsSync(path)) fail(`${path} not found (is --root a journey checkout?)`);

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
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
  Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Welcome email', Team: 'Customer Success', Channel: 'Email', Mode: 'Automatic', Direction: 'Outbound', Day: 1, Frequency: 'Once', ...values,
});

ruleTester(${name}, {
  valid: [{ name: 'an inventory without the gap', rows: [touch()] }],
  invalid: [
    // { name: 'the gap, at its cell', rows: [touch({ ... })], expect: [{ cell: 'Team 2', message: '...', fix: '...' }] },
  ],
});

it.todo('${id}: add invalid cases for every way the rule fires, and valid ones for its near misses');
`;

/** Inserts `line` among the lines matched by `pattern` (each giving its sort key), before the first whose key sorts after `key`. */
function insertSorted(lines, pattern, key, line, where) {
  const entries = lines.map((text, i) => ({ i, match: pattern.exec(text) })).filter((e) => e.match);
  if (entries.length === 0) fail(`found no ${where} to add ${id} to`);
  if (entries.some((e) => e.match[1] === key)) fail(`${where} already has ${id}`);
  const after = entries.find((e) => e.match[1] > key);
  lines.splice(after ? after.i : entries.at(-1).i + 1, 0, line);
}

// The registry: the import, sorted by path, and the entry of RULES, sorted by id.
const index = readFileSync(paths.index, 'utf8').split('\n');
insertSorted(index, /^import (?:type )?\{ [^}]+ \} from '\.\/([a-z0-9-]+)\.js';$/, id, `import { ${name} } from './${id}.js';`, 'import in src/rules/index.ts');
const start = index.findIndex((line) => line.startsWith('export const RULES'));
const end = index.findIndex((line, i) => i > start && line.startsWith(']'));
if (start === -1 || end === -1) fail('src/rules/index.ts has no RULES array');
const entries = index.slice(start + 1, end);
insertSorted(entries, /^ {2}([a-zA-Z0-9]+),$/, name, `  ${name},`, 'RULES entry');
// Entries are camelCase; their order is their ids' order.
entries.sort((a, b) => kebab(a.trim().slice(0, -1)).localeCompare(kebab(b.trim().slice(0, -1))));
index.splice(start + 1, end - start - 1, ...entries);

// README: a row in the rules table, sorted by id.
const readme = readFileSync(paths.readme, 'utf8').split('\n');
const section = readme.indexOf('## Rules');
if (section === -1) fail('README.md has no "## Rules" section');
const next = readme.findIndex((line, i) => i > section && line.startsWith('## '));
const table = readme.slice(section, next === -1 ? readme.length : next);
insertSorted(
  table,
  /^\| `([a-z0-9-]+)` \| \w+ \| /,
  id,
  `| \`${id}\` | ${values.severity} | ${description.charAt(0).toLowerCase()}${description.slice(1)} |`,
  "row in README's rules table",
);
readme.splice(section, table.length - 1, ...table);

writeFileSync(paths.rule, ruleSource);
writeFileSync(paths.test, testSource);
writeFileSync(paths.index, index.join('\n'));
writeFileSync(paths.readme, readme.join('\n'));
process.stdout.write(
  [
    `wrote src/rules/${id}.ts and tests/rules/${id}.test.ts; added ${name} to src/rules/index.ts and a row to README.md`,
    'next: write check() and the docs, add invalid cases to the test, then',
    `  npx vitest run tests/rules/${id}.test.ts tests/rules/registry.test.ts`,
    '  (if the rule fires on the sample fixtures, review and update the counts with -u on registry.test.ts)',
  ].join('\n') + '\n',
);
