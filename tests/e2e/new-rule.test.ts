import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

// Runs scripts/new-rule.mjs on a temporary copy of the sources, tests and README, then the
// typecheck and the meta-tests there: a scaffolded rule must pass them as written.
const SLOW = 180_000;
let copy: string;

function run(args: string[]) {
  // A clean environment for the nested vitest (it reads VITEST* variables of this run otherwise).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'FORCE_COLOR')),
    NO_COLOR: '1',
  };
  const result = spawnSync(process.execPath, args, { cwd: copy, env, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const scaffold = (...args: string[]) => run([join(copy, 'scripts/new-rule.mjs'), ...args]);
const typecheck = () => run([join(root, 'node_modules/typescript/bin/tsc'), '-p', join(copy, 'tsconfig.json'), '--noEmit']);
/** The registry's meta-tests (not the sample run, which needs a build) and the new rule's own test file. */
const metaTests = (id: string) =>
  run([
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=verbose',
    'tests/rules/registry.test.ts',
    `tests/rules/${id}.test.ts`,
    '-t',
    `the rule registry|${id}`,
  ]);

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'journey-new-rule-'));
  for (const path of ['src', 'tests', 'scripts/new-rule.mjs', 'README.md', 'tsconfig.json', 'vitest.config.ts', 'package.json'])
    cpSync(join(root, path), join(copy, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('scripts/new-rule.mjs', () => {
  it(
    'writes a rule, its test, its registry line and README row that typecheck and pass the meta-tests',
    () => {
      const made = scaffold('quiet-period', '--severity', 'info', '--description', 'A stage with no touchpoint for a long time');
      expect(made.out).toContain('wrote src/rules/quiet-period.ts and tests/rules/quiet-period.test.ts');
      expect(made.code).toBe(0);
      const index = readFileSync(join(copy, 'src/rules/index.ts'), 'utf8');
      expect(index).toContain("import { quietPeriod } from './quiet-period.js';\n");
      expect(index).toContain('\n  quietPeriod,\n');
      expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain('\n| `quiet-period` | info | a stage with no touchpoint for a long time |\n');

      const checked = typecheck();
      expect(checked.out).toBe('');
      expect(checked.code).toBe(0);
      const tested = metaTests('quiet-period');
      expect(tested.code, tested.out).toBe(0);
      expect(tested.out).toMatch(/quiet-period has its own test file/);
    },
    SLOW,
  );

  it('refuses an id that exists or is not kebab-case, changing nothing', () => {
    const before = readFileSync(join(copy, 'src/rules/index.ts'), 'utf8');
    for (const [args, message] of [
      [['handoff-lag'], /src\/rules\/handoff-lag\.ts already exists/],
      [['Handoff_Lag'], /is not a rule id/],
      [['lag', '--severity', 'fatal'], /--severity must be error, warning or info/],
    ] as const) {
      const result = scaffold(...args);
      expect(result.code).toBe(2);
      expect(result.out).toMatch(message);
    }
    expect(readFileSync(join(copy, 'src/rules/index.ts'), 'utf8')).toBe(before);
  });

  it(
    'leaves the meta-tests failing by name when a scaffolded rule loses its test file',
    () => {
      expect(scaffold('lonely-rule').code).toBe(0);
      unlinkSync(join(copy, 'tests/rules/lonely-rule.test.ts'));
      const tested = run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/rules/registry.test.ts', '-t', 'the rule registry']);
      expect(tested.code).toBe(1);
      expect(tested.out).toMatch(/FAIL .*lonely-rule has its own test file/);
    },
    SLOW,
  );
});
