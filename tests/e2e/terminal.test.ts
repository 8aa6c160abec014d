import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { defaultFormat, wrapWidth } from '../../src/cli/terminal.js';
import { describeCsvError } from '../../src/load/csv.js';
import { journey, root, TEST_EPOCH } from '../helpers/cli.js';
import { sampleCounts, severitiesText } from '../helpers/sample-counts.js';

const SAMPLE = 'fixtures/sample-inventory.csv';
const dir = mkdtempSync(join(tmpdir(), 'journey-terminal-'));
// The sample with its one error (a misspelled stage) fixed: warnings and infos only.
const warningsOnly = join(dir, 'warnings-only.csv');
writeFileSync(warningsOnly, readFileSync(join(root, SAMPLE), 'utf8').replace('Onbaording', 'Onboarding'));

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) process.stdout.write('skipped: the terminal (TTY) tests (they need util-linux `script` to run journey in a pseudo-terminal)\n');

/** Runs the built CLI in a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function inTerminal(args: string[], env: Record<string, string> = {}): string {
  const command = [
    'NO_COLOR=1',
    `SOURCE_DATE_EPOCH=${TEST_EPOCH}`,
    ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
    process.execPath,
    join(root, 'bin/journey.js'),
    ...args,
  ]
    .map((part) => `'${part}'`)
    .join(' ');
  const result = spawnSync('script', ['-qec', `env ${command}`, '/dev/null'], { cwd: root, encoding: 'utf8' });
  return result.stdout.replace(/\r\n/g, '\n');
}

describe('output shape by where it goes', () => {
  it('defaults to one line per finding when stdout is not a terminal: file:sheet!cell  severity  message  rule', () => {
    const json = JSON.parse(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'json']).stdout) as {
      findings: { ruleId: string; severity: string; message: string }[];
    };
    const { stdout, code } = journey(['audit', 'fixtures/sample-inventory.xlsx']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    // One line per finding and a count, however long the message.
    expect(lines).toHaveLength(json.findings.length + 1);
    expect(lines.at(-1)).toBe(`${json.findings.length} findings (${severitiesText(sampleCounts('fixtures/sample-inventory.xlsx'))}) in 1 file`);
    expect(lines).toContain(
      'fixtures/sample-inventory.xlsx:Practitioner!G12  warning  Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44); bring "Kickoff call" forward or bridge the gap to at most 7 days.  handoff-lag',
    );
    for (const [i, finding] of json.findings.entries())
      expect(lines[i]).toMatch(new RegExp(`^fixtures/sample-inventory\\.xlsx(:\\S+)?  ${finding.severity}  .+  ${finding.ruleId}$`));
    // Written to a file, it is the same.
    const out = join(dir, 'out.txt');
    journey(['audit', 'fixtures/sample-inventory.xlsx', '-o', out]);
    expect(readFileSync(out, 'utf8')).toBe(stdout);
  });

  it('chooses stylish only for a terminal and wraps only there, at COLUMNS when set', () => {
    expect(defaultFormat({ isTTY: true }, false)).toBe('stylish');
    expect(defaultFormat({ isTTY: true }, true)).toBe('compact');
    expect(defaultFormat({}, false)).toBe('compact');
    expect(wrapWidth({ isTTY: true, columns: 120 }, false, {})).toBe(120);
    expect(wrapWidth({ isTTY: true, columns: 120 }, false, { COLUMNS: '60' })).toBe(60);
    expect(wrapWidth({ isTTY: true, columns: 120 }, false, { COLUMNS: 'wide' })).toBe(120);
    expect(wrapWidth({ isTTY: false, columns: 120 }, false, { COLUMNS: '60' })).toBe(Infinity);
    expect(wrapWidth({ isTTY: true, columns: 120 }, true, {})).toBe(Infinity);
  });

  it('never wraps stylish that is piped', () => {
    const { stdout } = journey(['audit', SAMPLE, '-f', 'stylish'], { env: { COLUMNS: '50' } });
    expect(stdout).toContain(
      'Sales → Customer Success handoff: 14 days from "Contract signed confirmation" (Decision, day 30) to "Kickoff call" (Onboarding, day 44); bring',
    );
  });

  it.runIf(hasScript)('in a terminal: the wrapped table at COLUMNS by default, one line per finding with --format compact', () => {
    const table = inTerminal(['audit', SAMPLE], { COLUMNS: '100' });
    expect(table).toContain('Cell     Severity   Rule');
    const widths = table.split('\n').map((line) => line.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(100);
    // Wrapped: a message goes on under its column.
    expect(table).toMatch(/\n {40,}\S/);
    const wider = inTerminal(['audit', SAMPLE], { COLUMNS: '160' })
      .split('\n')
      .map((line) => line.length);
    expect(Math.max(...wider)).toBeGreaterThan(100);
    const compact = inTerminal(['audit', SAMPLE, '--format', 'compact'], { COLUMNS: '70' });
    expect(compact).toMatch(/^fixtures\/sample-inventory\.csv:H9  warning  Sales → Customer Success handoff: .* handoff-lag$/m);
  });
});

describe('summaries that say what happened', () => {
  it('--max-warnings says why it failed', () => {
    const run = journey(['audit', warningsOnly, '--max-warnings', '5']);
    expect(run.code).toBe(1);
    // Fixing the stage typo (the sample's one error) leaves its warnings as they are.
    expect(run.stderr).toContain(`journey: ${sampleCounts(SAMPLE).warnings} warnings, more than the maximum of 5 (--max-warnings)`);
    const within = journey(['audit', warningsOnly, '--max-warnings', '30']);
    expect(within.code).toBe(0);
    expect(within.stderr).not.toContain('maximum');
  });

  it('--quiet says how many findings it hid, never "No findings"', () => {
    const stylish = journey(['audit', warningsOnly, '--quiet', '-f', 'stylish']);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).not.toContain('No findings');
    const hidden = (JSON.parse(journey(['audit', warningsOnly, '-f', 'json']).stdout) as { findings: unknown[] }).findings.length;
    expect(stylish.stdout).toContain(`⚠ No errors in 1 file (25 touchpoints read; ${hidden} warnings and infos hidden by --quiet)`);
    const markdown = journey(['audit', warningsOnly, '--quiet', '-f', 'markdown']);
    expect(markdown.stdout).toMatch(/^### journey: no errors in 1 file/);
    expect(journey(['audit', warningsOnly, '--quiet']).stdout).toBe(`no errors in 1 file (${hidden} warnings and infos hidden by --quiet)\n`);
    const json = JSON.parse(journey(['audit', warningsOnly, '--quiet', '-f', 'json']).stdout) as { summary: { hidden: number } };
    expect(json.summary.hidden).toBe(hidden);
  });

  it('a file that could not be read is said to be so, not "No findings"', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Stage,Touchpoint\nAwareness,"never closed\n');
    const stylish = journey(['audit', broken, '-f', 'stylish']);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).not.toContain('No findings');
    expect(stylish.stdout).toContain('✖ 1 file could not be read (see above); nothing was audited');
    const both = journey(['audit', broken, SAMPLE, '-f', 'stylish']);
    expect(both.stdout).toMatch(/in 1 readable file \(25 touchpoints read\); 1 file could not be read\n$/);
    expect(journey(['audit', broken, '-f', 'markdown']).stdout).toMatch(/^### journey: 1 file could not be read\n/);
    expect(journey(['audit', broken]).stdout).toMatch(
      /^.*broken\.csv  error  could not be read: .*  input-error\n1 file could not be read; nothing was audited\n$/,
    );
  });
});

describe('outputs and errors', () => {
  it('-o and --write-baseline create missing folders', () => {
    const nested = join(dir, 'new', 'deeper');
    expect(journey(['audit', SAMPLE, '-f', 'json', '-o', join(nested, 'audit.json')]).code).toBe(1);
    expect(JSON.parse(readFileSync(join(nested, 'audit.json'), 'utf8')).version).toBe(1);
    expect(journey(['report', SAMPLE, '-o', join(dir, 'reports', 'gaps.md')]).code).toBe(0);
    expect(existsSync(join(dir, 'reports', 'gaps.md'))).toBe(true);
    expect(journey(['audit', SAMPLE, '--write-baseline', join(dir, 'baselines', 'b.json')]).code).toBe(0);
    expect(existsSync(join(dir, 'baselines', 'b.json'))).toBe(true);
  });

  it('puts every CSV parser error in our words, with what to do', () => {
    const unknown = new CsvError('CSV_SOMETHING_NEW' as never, 'Invalid Record: something the parser says at line 7.', {} as never);
    expect(describeCsvError(unknown)).toBe('something the parser says at line 7; open the file in a spreadsheet program and save it again as CSV (UTF-8)');
    const broken = join(dir, 'stray.csv');
    writeFileSync(broken, 'Stage,Touchpoint\nAwareness,Web"inar\n');
    const run = journey(['audit', broken]);
    expect(run.stderr).toMatch(
      /stray\.csv:2: cannot be read as CSV: a stray quote inside a field .*; double it \(""\) or quote the whole field, or save the file again from a spreadsheet program\n$/,
    );
  });
});
