import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditJson } from '../helpers/results.js';
import { journey, root } from '../helpers/cli.js';
import { sharedAvailable } from '../helpers/shared.js';
import { countsText, sampleCounts } from '../helpers/sample-counts.js';

const SAMPLE = sampleCounts('fixtures/sample-inventory.xlsx');

const dir = mkdtempSync(join(tmpdir(), 'journey-e2e-'));

describe('journey audit (built CLI)', () => {
  it('audits the sample workbook: planted gaps found at their cells, exit 1 for the error', () => {
    const { code, stdout, stderr } = journey(['audit', 'fixtures/sample-inventory.xlsx', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const result = auditJson(stdout);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.cell ?? f.location.sheet ?? f.location.file}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'unknown-value Practitioner!A15',
        'handoff-lag Practitioner!G12',
        'duplicate-effort Practitioner!B18',
        'automation-opportunity Practitioner!E16',
        'over-communication Practitioner!H13',
        'friction-point Practitioner!N9',
        'stale-review Practitioner!P15',
        'single-channel-stage Practitioner!D18',
        'one-way-stage Buyer!A11',
        'missing-owner Buyer!C7',
        'blank-row Buyer!A9',
        'missing-stage Buyer',
        'forgotten-touchpoints fixtures/sample-inventory.xlsx',
      ]),
    );
    // Registrations and demo requests are different figures: no channel is said to convert best. The Buyer's Decision calls are a way back.
    expect(found.some((f) => f.startsWith('channel-effectiveness'))).toBe(false);
    expect(found).not.toContain('one-way-stage Buyer!A7');
    // The retired brochure row is left out; the G2 review request covers Practitioner's advocacy stage and review site.
    expect(result.findings.some((f) => f.touchpoint === 'Printed product brochure')).toBe(false);
    expect(found).not.toContain('missing-stage Practitioner');
    expect(result.files[0]!.sheets[0]!.retired).toBe(1);
    expect(result.findings.find((f) => f.ruleId === 'unknown-value')!.fix).toMatch(
      /^did you mean 'Onboarding'\? journey reads it as Onboarding meanwhile\. Fix the spelling/,
    );
    expect(result.findings.find((f) => f.ruleId === 'handoff-lag')!.message).toContain(
      'Sales → Customer Success handoff: 14 days from "Contract signed confirmation"',
    );
    expect(result.files[0]!.sheets.find((s) => s.sheet === 'Notes')!.skipped).toMatch(/no inventory header/);
    expect(result.summary).toMatchObject({ files: 1, touchpoints: SAMPLE.touchpoints, personas: 2, errors: SAMPLE.errors });
  });

  it('finds the same gaps in the csv version as in the workbook', () => {
    const fromXlsx = JSON.parse(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'json']).stdout);
    const fromCsv = JSON.parse(journey(['audit', 'fixtures/sample-inventory.csv', '-f', 'json']).stdout);
    // Row numbers differ (the csv has no title rows); everything else must match.
    const summary = (r: { findings: { ruleId: string; message: string }[] }) =>
      r.findings.map((f) => `${f.ruleId}: ${f.message.replace(/Row \d+/, 'Row N')}`).sort();
    expect(summary(fromCsv)).toEqual(summary(fromXlsx));
  });

  it('prints a stylish report grouped by sheet, colored only when asked', () => {
    const plain = journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'stylish']);
    expect(plain.stdout).toContain('fixtures/sample-inventory.xlsx › Practitioner');
    expect(plain.stdout).toContain('Practitioner!A15');
    expect(plain.stdout).toContain(`✖ ${countsText(SAMPLE)} in 1 file (${SAMPLE.touchpoints} touchpoints read)`);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'stylish'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'stylish'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('uses --fail-on for the exit code', () => {
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '--fail-on', 'never']).code).toBe(0);
    const clean = join(dir, 'clean.csv');
    writeFileSync(
      clean,
      'Stage,Touchpoint,Channel\nAwareness,Ad,Paid ads\nConsideration,Webinar,Webinar\nDecision,Demo,Video call\nOnboarding,Welcome,Email\nAdoption,Tips,In-app\nRetention,Renewal,Email\nExpansion,Upsell,Email\nAdvocacy,Referral program,Email\n',
    );
    expect(journey(['audit', clean]).code).toBe(0);
    const warningOnly = join(dir, 'warn.csv');
    writeFileSync(warningOnly, 'Stage,Touchpoint,Channel\nAwareness,Ad,Paid ads\n');
    expect(journey(['audit', warningOnly]).code).toBe(0);
    expect(journey(['audit', warningOnly, '--fail-on', 'warning']).code).toBe(1);
  });

  it('reads CSV from stdin named by --stdin-filename', () => {
    const { code, stdout } = journey(['audit', '-', '--stdin-filename', 'team.csv', '-f', 'json', '--fail-on', 'never'], {
      input: 'Stage,Touchpoint,Channel\nOnbaording,Welcome,Email\n',
    });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.findings.find((f: { ruleId: string }) => f.ruleId === 'unknown-value').location).toEqual({
      file: 'team.csv',
      sheet: null,
      row: 2,
      column: 'A',
      cell: 'A2',
    });
  });

  it.each([
    ['a missing file', ['nope.xlsx'], /nope\.xlsx: cannot be read: no such file/],
    ['a picture renamed to .xlsx', ['picture.xlsx'], /picture\.xlsx: is not a workbook: it is a PNG image/],
    [
      'a file with no header',
      ['noheader.csv'],
      /noheader\.csv: is not a communication inventory: .*Looked for stage \(this, or day or channel or frequency\).*touchpoint \(required\)/,
    ],
    ['an empty folder', ['empty-folder'], /empty-folder: is a folder with nothing to audit/],
    ...(sharedAvailable('the encrypted corpus workbook end-to-end')
      ? [['the encrypted corpus workbook', ['../shared/corpus/calamine/pass_protected.xlsx'], /password-protected/] as [string, string[], RegExp]]
      : []),
  ])('answers %s with one line on stderr and exit 2', (_, args, message) => {
    writeFileSync(join(dir, 'picture.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'noheader.csv'), 'hello,world\n1,2\n');
    mkdirSync(join(dir, 'empty-folder'), { recursive: true });
    const path = args[0]!.startsWith('../') ? resolve(root, args[0]!) : join(dir, args[0]!);
    const { code, stdout, stderr } = journey(['audit', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toContain('Error:');
  });

  it('audits the rest when one file among several is bad, and exits 2', () => {
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'not a zip');
    const { code, stdout, stderr } = journey(['audit', bad, 'fixtures/sample-inventory.xlsx', '-f', 'json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.xlsx: is not a readable \.xlsx workbook/);
    const result = JSON.parse(stdout);
    expect(result.files.map((f: { error: string | null }) => f.error === null)).toEqual([false, true]);
    expect(result.findings.length).toBe(sampleCounts('fixtures/sample-inventory.xlsx').findings);
  });

  it('audits every inventory inside a folder, and never modifies an input', () => {
    const folder = join(dir, 'inventories');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    mkdirSync(join(folder, 'node_modules'), { recursive: true });
    copyFileSync(join(root, 'fixtures/sample-inventory.xlsx'), join(folder, 'a.xlsx'));
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'nested/b.csv'));
    writeFileSync(join(folder, 'node_modules/ignored.csv'), 'x');
    const before = readFileSync(join(folder, 'a.xlsx'));
    const result = JSON.parse(journey(['audit', folder, '-f', 'json']).stdout);
    expect(result.files.map((f: { file: string }) => f.file)).toEqual([join(folder, 'a.xlsx'), join(folder, 'nested/b.csv')]);
    expect(readFileSync(join(folder, 'a.xlsx')).equals(before)).toBe(true);
  });

  it('expands quoted globs with ! negation, and fails a glob that matches nothing', () => {
    const folder = join(dir, 'globbed');
    mkdirSync(join(folder, 'drafts'), { recursive: true });
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'live.csv'));
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'drafts/old.csv'));
    const files = (args: string[]) => JSON.parse(journey(['audit', ...args, '-f', 'json']).stdout).files.map((f: { file: string }) => f.file);
    expect(files([`${folder}/**/*.csv`])).toEqual([join(folder, 'drafts/old.csv'), join(folder, 'live.csv')]);
    expect(files([`${folder}/**/*.csv`, `!${folder}/drafts/**`])).toEqual([join(folder, 'live.csv')]);
    expect(files([folder, `!**/drafts/**`])).toEqual([join(folder, 'live.csv')]);
    const none = journey(['audit', `${folder}/**/*.xlsx`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/is a pattern that matches no file/);
  });

  it('rejects unknown options and formats as usage errors (exit 2)', () => {
    expect(journey(['audit', 'fixtures/sample-inventory.xlsx', '--format', 'yaml']).code).toBe(2);
    expect(journey(['audit']).code).toBe(2);
    expect(journey(['frobnicate']).code).toBe(2);
    expect(journey(['--help']).code).toBe(0);
  });
});
