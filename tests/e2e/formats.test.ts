import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey, root } from '../helpers/cli.js';
import { sampleCounts, severitiesText } from '../helpers/sample-counts.js';

const SAMPLE = sampleCounts('fixtures/sample-inventory.xlsx');
const SAMPLE_CSV = sampleCounts('fixtures/sample-inventory.csv');

const dir = mkdtempSync(join(tmpdir(), 'journey-formats-'));
const FORMATS = ['github', 'json', 'junit', 'markdown', 'sarif', 'stylish'];

describe('journey audit output options (built CLI)', () => {
  it.each(FORMATS)('audits both fixtures as %s: report on stdout only, no color, exit 1', (format) => {
    for (const file of ['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']) {
      const run = journey(['audit', file, '-f', format], { env: { FORCE_COLOR: format === 'stylish' ? undefined : '1' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout.length).toBeGreaterThan(100);
      expect(run.stdout).not.toMatch(/\u001b\[/);
    }
  });

  it('writes to -o instead of stdout, and appends the markdown summary to GITHUB_STEP_SUMMARY', () => {
    const out = join(dir, 'out.sarif');
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const run = journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'sarif', '-o', out], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    // SARIF is for code scanning: it leaves the summary to the annotations step, unless asked.
    expect(readFileSync(summary, 'utf8')).toBe('# Earlier step\n');
    journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'sarif', '-o', out, '--step-summary'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8').startsWith(`# Earlier step\n### journey: ${severitiesText(SAMPLE)} in 1 file`)).toBe(true);
  });

  it('appends to GITHUB_STEP_SUMMARY with --format github by default, never with --no-step-summary', () => {
    const summary = join(dir, 'github-summary.md');
    writeFileSync(summary, '');
    journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8').match(/^### journey:/gm)).toHaveLength(1);
    journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'github', '--no-step-summary'], { env: { GITHUB_STEP_SUMMARY: summary } });
    journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8').match(/^### journey:/gm)).toHaveLength(1);
  });

  it('answers an -o path that cannot be written with one line and exit 2', () => {
    // A missing folder is created (tests/e2e/terminal.test.ts); one that cannot be, because a file has its name, is refused.
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const command of ['audit', 'report']) {
      const run = journey([command, 'fixtures/sample-inventory.csv', '-o', join(file, 'out.txt')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^journey: -o .*a-file\/out\.txt: its folder cannot be created \((EEXIST|ENOTDIR)\)\n$/);
    }
  });

  it('--quiet shows errors only; --max-warnings and --exit-zero set the exit code', () => {
    const quiet = JSON.parse(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'json', '--quiet']).stdout);
    expect(quiet.findings.map((f: { severity: string }) => f.severity)).toEqual(['error']);
    const warnings = join(dir, 'warnings.csv');
    writeFileSync(warnings, 'Stage,Touchpoint,Team,Channel\nAwareness,Ad,Marketing,Paid ads\n');
    expect(journey(['audit', warnings]).code).toBe(0);
    expect(journey(['audit', warnings, '--max-warnings', '20']).code).toBe(0);
    expect(journey(['audit', warnings, '--max-warnings', '0']).code).toBe(1);
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '--exit-zero']).code).toBe(0);
    expect(journey(['audit', join(dir, 'missing.csv'), '--exit-zero']).code).toBe(2);
    const bad = journey(['audit', warnings, '--max-warnings', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings: expected a whole number ≥ 0, got "lots"/);
  });

  it('adopts journey with a baseline: only new findings fail, and gone ones are counted', () => {
    const inventory = join(dir, 'inventory.csv');
    const baseline = join(dir, 'baseline.json');
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), inventory);
    const write = journey(['audit', inventory, '--write-baseline', baseline, '-f', 'json']);
    expect(write.code).toBe(0);
    // Only the one line saying what was written: no report of the findings it accepted.
    expect(write.stdout).toBe('');
    expect(write.stderr).toBe(
      `journey: wrote ${baseline} (the baseline: ${SAMPLE_CSV.findings} findings accepted); audit with --baseline ${baseline} to report only new ones\n`,
    );
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings).toHaveLength(SAMPLE_CSV.findings);

    const clean = journey(['audit', inventory, '--baseline', baseline, '-f', 'json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).summary).toMatchObject({ errors: 0, warnings: 0, infos: 0, baselined: SAMPLE_CSV.findings, fixed: 0 });

    // Fix the stage typo (one finding gone) and plant a new unknown channel (one new finding).
    const text = readFileSync(inventory, 'utf8').replace('Onbaording', 'Onboarding').replace('Knowledge base', 'Carrier pigeon');
    writeFileSync(inventory, text);
    const after = journey(['audit', inventory, '--baseline', baseline, '-f', 'json']);
    expect(after.code).toBe(1);
    const result = JSON.parse(after.stdout);
    expect(result.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('unknown-value');
    expect(result.findings.every((f: { message: string }) => !f.message.includes('Onbaording'))).toBe(true);
    expect(result.summary.fixed).toBeGreaterThanOrEqual(1);
    expect(after.stderr).toMatch(/baselined findings are gone \(fixed or changed\)/);

    const missing = journey(['audit', inventory, '--baseline', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--baseline .*nope\.json: no such file \(write one with --write-baseline\)/);
  });
});
