import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditJson } from '../helpers/results.js';
import { journey } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-e2e-md-'));

describe('journey audit on markdown (built CLI)', () => {
  it('audits a playbook: a persona per heading, findings at playbook.md:LINE › column, the fenced example left out', () => {
    const { code, stdout, stderr } = journey(['audit', 'fixtures/shapes/playbook.md', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const result = auditJson(stdout);
    expect(result.files.map((f) => [f.kind, f.personas, f.touchpoints])).toEqual([['markdown', ['Trial user', 'Paying customer'], 10]]);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.cell ?? f.location.sheet}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'unknown-value fixtures/shapes/playbook.md:15 › Channel',
        'handoff-lag fixtures/shapes/playbook.md:31 › Day',
        'missing-stage Paying customer',
      ]),
    );
    const typo = result.findings.find((f) => f.ruleId === 'unknown-value')!;
    expect(typo.location).toMatchObject({ row: 15, column: 'Channel' });
    expect(typo.fix).toMatch(/^did you mean 'Email'\? journey reads it as Email meanwhile\. Fix the spelling/);
    expect(result.findings.some((f) => f.touchpoint === 'Not a row')).toBe(false);
  });

  it('shows markdown lines in the terminal and in GitHub annotations', () => {
    const stylish = journey(['audit', 'fixtures/shapes/playbook.md', '-f', 'stylish']);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('fixtures/shapes/playbook.md › Trial user');
    expect(stylish.stdout).toMatch(/line 15 › Channel +error +unknown-value/);
    const github = journey(['audit', 'fixtures/shapes/playbook.md', '--format', 'github']);
    expect(github.stdout).toMatch(/::error file=fixtures\/shapes\/playbook\.md,line=15[,:]/);
  });

  it("reads cells with links and code as their text, and a wiki page's inventory among unrelated tables", () => {
    const linked = auditJson(journey(['audit', 'fixtures/shapes/linked-cells.md', '--format', 'json']).stdout);
    expect(linked.files[0]!.touchpoints).toBe(4);
    expect(linked.findings.some((f) => /unknown-value/.test(f.ruleId))).toBe(false);
    const wiki = auditJson(journey(['audit', 'fixtures/shapes/wiki-journey.md', '--format', 'json']).stdout);
    expect(wiki.files.map((f) => [f.personas, f.touchpoints, f.sheets.map((s) => [s.sheet, s.headerRow])])).toEqual([
      [
        ['SMB admin'],
        5,
        [
          ['Tools we use', null],
          ['SMB admin', 15],
          ['Contacts', null],
        ],
      ],
    ]);
  });

  it('audits only the inventory markdown of a folder, and says a named markdown file without one is not an inventory', () => {
    const folder = join(dir, 'docs');
    mkdirSync(join(folder, 'guides'), { recursive: true });
    writeFileSync(join(folder, 'README.md'), '# Docs\n\n| Page | Owner |\n|---|---|\n| Guides | Marketing |\n');
    writeFileSync(join(folder, 'guides', 'NOTES.markdown'), 'Nothing tabular here.\n');
    copyFileSync('fixtures/shapes/playbook.md', join(folder, 'guides', 'playbook.md'));
    const { code, stdout } = journey(['audit', folder, '--format', 'json']);
    expect(code).toBe(1);
    const result = auditJson(stdout);
    expect(result.files.map((f) => f.file)).toEqual([join(folder, 'guides', 'playbook.md')]);
    const glob = auditJson(journey(['audit', `${folder}/**/*`, '--format', 'json']).stdout);
    expect(glob.files.map((f) => f.file)).toEqual([join(folder, 'guides', 'playbook.md')]);

    const named = journey(['audit', join(folder, 'README.md')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/README\.md: is not a communication inventory: its table at line 3 under "Docs" has no touchpoint column/);
    expect(named.stderr).not.toMatch(/\n\s+at /);
    const empty = join(dir, 'only-docs');
    mkdirSync(empty);
    writeFileSync(join(empty, 'README.md'), '# Nothing\n');
    const nothing = journey(['audit', empty]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/is a folder with nothing to audit/);
  });
});
