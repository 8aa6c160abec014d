import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

// Runs scripts/new-rule.mjs on a temporary copy of the project (a git repository of its own), gives the
// new rule an option as its author would, and runs there what CI runs on it: the typecheck, Biome, the
// rule's test and the rule, schema, docs and README meta-tests. A new rule must be its two files plus
// what the scaffold's own `npm run generate` writes.
const SLOW = 180_000;
let copy: string;

/** What the scaffold may change besides the rule's two files: what scripts/generate.mjs writes. */
const GENERATED = ['README.md', 'journey.config.schema.json', 'src/rules/all.ts'];

function run(args: string[], command = process.execPath) {
  // A clean environment for the nested vitest (it reads VITEST* variables of this run otherwise).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'FORCE_COLOR')),
    NO_COLOR: '1',
  };
  const result = spawnSync(command, args, { cwd: copy, env, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const git = (...args: string[]) => run(['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], 'git');
const scaffold = (...args: string[]) => run([join(copy, 'scripts/new-rule.mjs'), ...args]);
const node = (module: string, ...args: string[]) => run([join(root, 'node_modules', module), ...args]);
const vitest = (...args: string[]) => node('vitest/vitest.mjs', 'run', ...args);
/** Files changed since the copy was committed, as `git status` names them. */
const changed = () =>
  git('status', '--porcelain', '--untracked-files=all')
    .out.split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3))
    .sort();

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'journey-new-rule-'));
  const tree = ['src', 'tests', 'scripts', 'fixtures', 'README.md', 'tsconfig.json', 'vitest.config.ts', 'package.json', 'biome.json', '.gitignore'];
  for (const path of [...tree, 'journey.config.schema.json', 'journey-diff.schema.json', 'journey-measure.schema.json'])
    cpSync(join(root, path), join(copy, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  expect(git('init', '-q').code).toBe(0);
  expect(git('add', '-A').code).toBe(0);
  expect(git('commit', '-q', '-m', 'copy').code).toBe(0);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('scripts/new-rule.mjs', () => {
  it(
    'writes a rule and its test; with one option added, they pass the typecheck, Biome and every meta-test, and nothing else is written by hand',
    () => {
      const made = scaffold('quiet-period', '--severity', 'info', '--description', 'A stage with no touchpoint for a long time');
      expect(made.out).toContain('wrote src/rules/quiet-period.ts and tests/rules/quiet-period.test.ts');
      expect(made.code, made.out).toBe(0);

      // The author gives the rule an option, then regenerates what is derived from it.
      const rulePath = join(copy, 'src/rules/quiet-period.ts');
      const source = readFileSync(rulePath, 'utf8');
      const withOption = source.replace(
        'options: z.object({}).strict(),',
        "options: z.object({ maxDays: z.number().int().positive().default(30).describe('Longest quiet stretch, in days') }).strict(),",
      );
      expect(withOption).not.toBe(source);
      writeFileSync(rulePath, withOption);
      const generated = run([join(copy, 'scripts/generate.mjs')]);
      expect(generated.code, generated.out).toBe(0);
      expect(generated.out).toContain('journey.config.schema.json');

      const hand = changed().filter((path) => !GENERATED.includes(path));
      expect(hand).toEqual(['src/rules/quiet-period.ts', 'tests/rules/quiet-period.test.ts']);
      expect(readFileSync(join(copy, 'src/rules/all.ts'), 'utf8')).toContain("import { quietPeriod } from './quiet-period.js';\n");
      expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain('\n| `quiet-period` | info | a stage with no touchpoint for a long time |\n');
      const schema = JSON.parse(readFileSync(join(copy, 'journey.config.schema.json'), 'utf8'));
      expect(JSON.stringify(schema.properties.rules.properties['quiet-period'])).toContain('"maxDays"');

      // The typecheck of everything the rule can affect: src/rules and what it imports (the rest of src
      // sees RULES as readonly Rule[], whatever rules it holds).
      // (The config lives outside the copy, which holds only what a contributor's checkout would.)
      const rulesConfig = join(mkdtempSync(join(tmpdir(), 'journey-new-rule-tsc-')), 'tsconfig.json');
      writeFileSync(
        rulesConfig,
        JSON.stringify({
          extends: join(copy, 'tsconfig.json'),
          compilerOptions: { typeRoots: [join(copy, 'node_modules/@types')] },
          include: [join(copy, 'src/rules')],
        }),
      );
      const checked = node('typescript/bin/tsc', '-p', rulesConfig, '--noEmit');
      expect(checked.out).toBe('');
      expect(checked.code).toBe(0);
      // `npm run check`: the scaffold's files and the generated ones are formatted and lint-clean as written.
      const biome = node('@biomejs/biome/bin/biome', 'check', '.');
      expect(biome.code, biome.out).toBe(0);
      const tested = vitest(
        '--reporter=verbose',
        'tests/rules/registry.test.ts',
        'tests/rules/generated.test.ts',
        'tests/config/json-schema.test.ts',
        'tests/rules/quiet-period.test.ts',
      );
      expect(tested.code, tested.out).toBe(0);
      expect(tested.out).toMatch(/quiet-period has its own test file/);
      expect(tested.out).toMatch(/quiet-period has an explain page with every section/);
      expect(tested.out).toMatch(/journey\.config\.schema\.json is the one the zod schemas generate/);
    },
    SLOW,
  );

  it('refuses an id that exists or is not kebab-case, changing nothing', () => {
    const before = changed();
    for (const [args, message] of [
      [['handoff-lag'], /src\/rules\/handoff-lag\.ts already exists/],
      [['Handoff_Lag'], /is not a rule id/],
      [['lag', '--severity', 'fatal'], /--severity must be error, warning or info/],
    ] as const) {
      const result = scaffold(...args);
      expect(result.code).toBe(2);
      expect(result.out).toMatch(message);
    }
    expect(changed()).toEqual(before);
  });

  it(
    'leaves the meta-tests failing by name when a scaffolded rule loses its test, or its options change without npm run generate',
    () => {
      expect(scaffold('lonely-rule').code).toBe(0);
      unlinkSync(join(copy, 'tests/rules/lonely-rule.test.ts'));
      const rulePath = join(copy, 'src/rules/lonely-rule.ts');
      writeFileSync(rulePath, readFileSync(rulePath, 'utf8').replace('z.object({}).strict()', 'z.object({ limit: z.number().default(3) }).strict()'));
      const tested = vitest('tests/rules/registry.test.ts', 'tests/rules/generated.test.ts', '-t', 'the rule registry|the generated files');
      expect(tested.code).toBe(1);
      expect(tested.out).toMatch(/FAIL .*lonely-rule has its own test file/);
      expect(tested.out).toMatch(/journey\.config\.schema\.json is out of date: run `npm run generate`/);
    },
    SLOW,
  );
});
