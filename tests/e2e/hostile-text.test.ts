// Text from files, names and the config that reaches the terminal or the GitHub runner through the
// surfaces added after the first round: diff, map, init, explain, and bidi controls in every format.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const base = mkdtempSync(join(tmpdir(), 'journey-hostile-text-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Output no terminal acts on and no runner reads as a command: no ESC, BEL or C1 control, no line starting with `::`. */
function expectInert(text: string, what: string): void {
  expect(text, what).not.toMatch(/[\u0007\u001b\u0080-\u009f]/);
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029\u0085]/)) expect(line.trimStart().startsWith('::'), `${what}: ${JSON.stringify(line)}`).toBe(false);
}

const HEADER = 'Persona,Stage,Touchpoint,Team,Channel,Mode,Direction,Day,Frequency';
const INJECTED = 'bad\n::error file=x::PWNED\n::add-mask::y';

describe('messages of diff, map and init quoting a file name', () => {
  const dir = join(base, 'names');
  mkdirSync(dir);
  // An empty file is an input error whose message names the file.
  const broken = `${INJECTED}.csv`;
  writeFileSync(join(dir, broken), '');
  writeFileSync(join(dir, 'good.csv'), `${HEADER}\nPractitioner,Decision,Contract signed,Sales,Email,Automatic,Outbound,30,Once\n`);

  it.each([
    ['diff', ['diff', broken, 'good.csv']],
    ['map', ['map', broken, 'good.csv', '-o', 'map.html']],
    ['init --from', ['init', '--from', broken, 'copy.csv']],
  ])('%s prints the name through the terminal escaper', (_name, args) => {
    const run = journey(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PWNED');
    expectInert(run.stderr, 'stderr');
  });

  it("init's wrote line with persona names holding escapes is inert", () => {
    const run = journey(['init', 'personas.xlsx', '--personas', 'Admin\u001b]0;owned\u0007,Buyer\n::error::PWNED'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^journey: wrote personas\.xlsx/);
    expectInert(run.stderr, 'stderr');
  });
});

describe('journey explain with stage labels and teams from the config', () => {
  it.each(['missing-stage', 'team-fit'])('%s prints them inert', (rule) => {
    const dir = join(base, `explain-${rule}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'journey.config.json'),
      JSON.stringify({
        stages: { list: [{ id: 'evil', label: 'Evil\u001b]0;t\u0007\n::error file=x::PWNED' }] },
        stageOwners: { evil: ['Team\u001b[2J\n::add-mask::y'] },
      }),
    );
    const run = journey(['explain', rule], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PWNED');
    expectInert(run.stdout, 'stdout');
  });
});

describe('bidi controls in cells', () => {
  const dir = join(base, 'bidi');
  mkdirSync(dir);
  // A touchpoint name that reads "Welcome email" but holds a right-to-left override and isolates.
  const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  writeFileSync(join(dir, 'bidi.csv'), `${HEADER}\nPractitioner,Onboardng,Welcome ${BIDI.join('')}liame,Sales\u202e,Email,Manual,Outbound,1,Once\n`);

  it.each([['compact'], ['stylish'], ['github'], ['markdown']])('never reach %s output raw: each shows as U+FFFD', (format) => {
    const run = journey(['audit', 'bidi.csv', '-f', format], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('\ufffd');
  });

  it('never reach the report raw', () => {
    const run = journey(['report', 'bidi.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('\ufffd');
  });
});

describe('init --from with characters a workbook cannot hold', () => {
  it('replaces noncharacters (U+FFFE, U+FFFF, U+FDD0, U+1FFFF) and stray controls, so its own reader reads the copy', () => {
    const dir = join(base, 'nonchars');
    mkdirSync(dir);
    const odd = 'Welcome\ufffe \uffff \ufdd0 \u{1ffff} \u0001email';
    writeFileSync(join(dir, 'odd.csv'), `${HEADER}\nPractitioner\uffff,Onboarding,${odd},Sales\ufffe,Email,Manual,Outbound,1,Once\n`);
    for (const copy of ['copy.xlsx', 'copy.csv']) {
      const run = journey(['init', '--from', 'odd.csv', copy], { cwd: dir });
      expect(run.stderr).toMatch(/^journey: wrote /);
      expect(run.code).toBe(0);
      const audited = journey(['audit', copy, '-f', 'json', '--exit-zero'], { cwd: dir });
      expect(audited.code, audited.stderr).toBe(0);
      const result = JSON.parse(audited.stdout);
      expect(result.summary.inputErrors).toBe(0);
      expect(result.files[0].touchpoints).toBe(1);
      expect(audited.stdout).not.toMatch(/\\uffff|\\ufffe|\ufffe|\uffff|\ufdd0/i);
    }
  });
});
