import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffResult } from '../../src/views/diff/schema.js';
import { journey, root } from '../helpers/cli.js';
import { SAMPLE_COUNTS } from '../helpers/sample-counts.js';

const published = JSON.parse(readFileSync(join(root, 'journey-diff.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(published);
const SAMPLE = 'fixtures/sample-inventory.xlsx';
const FUTURE = 'fixtures/sample-future.xlsx';
const COUNTS = SAMPLE_COUNTS.diff;
/** "1 error, 8 warnings", leaving out severities with none. */
const severities = (counts: Record<'error' | 'warning' | 'info', number>) =>
  (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
    .join(', ');
const VERDICT = `Introduces ${COUNTS.introduced} findings (${severities(COUNTS.introducedBySeverity)}) and resolves ${COUNTS.resolved} findings (${severities(COUNTS.resolvedBySeverity)}); touchpoints 4 added, 2 removed, 2 renamed, 7 changed.`;

function diffJson(args: string[], cwd?: string): DiffResult {
  const run = journey(['diff', ...args, '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const result = JSON.parse(run.stdout);
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  return result;
}

/** A touchpoint change as one compact line, for exact comparison. */
const compact = (result: DiffResult) =>
  result.files.flatMap((file) =>
    file.touchpoints.map((t) => [
      t.kind,
      t.persona,
      t.before?.name ?? null,
      t.after?.name ?? null,
      t.changes.map((c) => [c.field, c.before, c.after, c.delta]),
    ]),
  );

describe('journey diff: current state against the future state', () => {
  it('reports every planted change of the future sample, exactly', () => {
    const result = diffJson([SAMPLE, FUTURE]);
    expect(compact(result)).toEqual([
      ['changed', 'Practitioner', 'LinkedIn thought-leadership posts', 'LinkedIn thought-leadership posts', [['frequency', 'Weekly', 'Daily', null]]],
      [
        'changed',
        'Practitioner',
        'Pricing page',
        'Pricing page',
        [
          ['conversion', 0.03, 0.05, 0.02],
          ['dropOff', 0.62, 0.4, -0.22],
        ],
      ],
      [
        'changed',
        'Practitioner',
        'Kickoff call',
        'Kickoff call',
        [
          ['day', 44, 33, -11],
          ['nps', null, 40, null],
        ],
      ],
      ['renamed', 'Practitioner', 'Weekly usage tips email', 'Weekly product tips email', []],
      // The current sample's 'Onbaording' is a confident typo, read as Onboarding: fixing it changes no stage.
      ['changed', 'Practitioner', 'Weekly check-in email', 'Weekly check-in email', [['mode', 'manual', 'automatic', null]]],
      ['changed', 'Practitioner', 'In-app chatbot', 'In-app chatbot', [['stage', 'Adoption', 'Onboarding', null]]],
      ['renamed', 'Practitioner', 'Renewal reminder', 'Renewal reminder email', [['day', 330, 300, -30]]],
      ['changed', 'Practitioner', 'Renewal invoice email', 'Renewal invoice email', [['team', 'Finance', 'Customer Success', null]]],
      [
        'changed',
        'Practitioner',
        'Upgrade offer',
        'Upgrade offer',
        [
          ['channel', 'In-app', 'Email', null],
          ['direction', 'outbound', 'inbound', null],
        ],
      ],
      ['added', 'Practitioner', null, 'Product Hunt launch', []],
      ['added', 'Buyer', null, 'Executive onboarding call', []],
      ['added', 'Admin', null, 'Admin console tour', []],
      ['added', 'Admin', null, 'Admin help center', []],
      ['removed', 'Practitioner', 'Monthly product newsletter', null, []],
      ['removed', 'Practitioner', 'G2 review request', null, []],
    ]);
    const [file] = result.files;
    // The row inserted above and the re-sorted Buyer sheet leave the other 13 rows matched and unchanged.
    expect(file!.unchangedTouchpoints).toBe(14);
    expect(file!.personas).toEqual({ added: ['Admin'], removed: [] });
    expect(file!.coverage.filter((c) => c.status === 'gained' || c.status === 'lost').map((c) => `${c.persona} ${c.stage} ${c.status}`)).toEqual([
      'Practitioner Advocacy lost',
      'Buyer Onboarding gained',
      'Admin Onboarding gained',
    ]);
    expect(file!.handoffs.find((h) => h.persona === 'Practitioner' && h.fromStage === 'Decision')).toMatchObject({ before: { days: 14 }, after: { days: 3 } });
    // The gaps the future state closes: the stage typo, the handoff lag, the duplicate newsletter, the manual check-in...
    expect(file!.findings.resolved.map((f) => `${f.ruleId} ${f.location.cell ?? f.location.sheet}`)).toEqual([
      'handoff-lag Practitioner!G12',
      'unknown-value Practitioner!A15',
      'automation-opportunity Practitioner!E16',
      'duplicate-effort Practitioner!B18',
      'one-way-stage Practitioner!A22',
      'one-way-stage Practitioner!A23',
      'handoff-lag Practitioner!G23',
      'missing-stage Buyer',
    ]);
    // ...and the ones it opens: Advocacy left empty, the new Admin persona's missing stages.
    expect(file!.findings.introduced.filter((f) => f.persona === 'Practitioner').map((f) => f.ruleId)).toEqual(['missing-stage', 'one-way-stage']);
    expect(result.summary).toEqual({
      added: 4,
      removed: 2,
      renamed: 2,
      changed: 7,
      unchanged: 14,
      stagesGained: 2,
      stagesLost: 1,
      findingsResolved: COUNTS.resolved,
      findingsIntroduced: COUNTS.introduced,
      findingsUnchanged: COUNTS.unchanged,
      resolvedBySeverity: COUNTS.resolvedBySeverity,
      introducedBySeverity: COUNTS.introducedBySeverity,
    });
    expect(result.files[0]!.findings.introduced.every((f) => f.location.file === FUTURE)).toBe(true);
  });

  it('gates a pull request with --fail-on-new, and renders stylish and markdown', () => {
    expect(journey(['diff', SAMPLE, FUTURE, '--fail-on-new', 'warning']).code).toBe(1);
    expect(journey(['diff', SAMPLE, FUTURE, '--fail-on-new', 'error']).code).toBe(0);
    expect(journey(['diff', SAMPLE, SAMPLE, '--fail-on-new', 'info']).code).toBe(0);
    const stylish = journey(['diff', SAMPLE, FUTURE]);
    expect(stylish.stdout).toContain('    ~ changed "Weekly check-in email" (Adoption): automated (manual → automatic)\n');
    expect(stylish.stdout).toContain('    ~ changed "Renewal invoice email" (Retention): ownership passed from Finance to Customer Success\n');
    expect(stylish.stdout.trimEnd().split('\n').at(-1)).toBe(`✗ ${VERDICT}`);
    const markdown = journey(['diff', SAMPLE, FUTURE, '--format', 'markdown']).stdout;
    expect(markdown.split('\n').slice(0, 3)).toEqual(['### journey diff: fixtures/sample-inventory.xlsx → fixtures/sample-future.xlsx', '', `⚠️ ${VERDICT}`]);
    expect(markdown).toContain(`<summary>Findings: ${COUNTS.resolved} resolved, ${COUNTS.introduced} introduced, ${COUNTS.unchanged} unchanged</summary>`);
  });

  it('--planned compares the live rows with live + planned rows of one inventory', () => {
    const result = diffJson(['--planned', FUTURE]);
    expect(result.before).toBe(`${FUTURE} (live)`);
    expect(compact(result)).toEqual([
      ['added', 'Buyer', null, 'Executive onboarding call', []],
      ['added', 'Admin', null, 'Admin console tour', []],
      ['added', 'Admin', null, 'Admin help center', []],
    ]);
    expect(result.files[0]!.personas).toEqual({ added: ['Admin'], removed: [] });
    // The same two states audit and report judge (src/model/state.ts): the planned onboarding call fills the Buyer's Onboarding.
    expect(result.files[0]!.findings.resolved.map((f) => `${f.ruleId} ${f.persona}`)).toEqual(['missing-stage Buyer']);
  });

  it('--planned checks the live rows as an audit does: a finding a journey-ignore note silences is not "resolved"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-diff-planned-'));
    const file = join(dir, 'planned.csv');
    writeFileSync(
      file,
      [
        'Persona,Stage,Touchpoint,Team,Channel,Mode,Direction,Day,Status,Notes',
        'Buyer,Awareness,Webinar,Marketing,Event,Manual,Outbound,0,Live,',
        'Buyer,Consideration,Pricing page,,Website,Ongoing,Inbound,7,Live,journey-ignore: missing-owner',
        'Buyer,Decision,Contract call,Sales,Phone,Manual,Outbound,14,Live,',
        'Buyer,Onboarding,Welcome email,Customer Success,Email,Automatic,Outbound,21,Planned,',
      ].join('\n'),
    );
    const audited = JSON.parse(journey(['audit', file, '-f', 'json']).stdout) as { findings: { ruleId: string }[]; summary: { ignored: number } };
    expect(audited.findings.map((f) => f.ruleId)).not.toContain('missing-owner');
    expect(audited.summary.ignored).toBe(1);
    const result = diffJson(['--planned', file]);
    const findings = result.files[0]!.findings;
    expect(findings.resolved.map((f) => f.ruleId)).toEqual(['missing-stage']);
    expect(findings.introduced.map((f) => f.ruleId)).toEqual(['one-way-stage']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('journey diff: usage and input errors exit 2 with one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journey-diff-usage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const noStatus = join(dir, 'no-status.csv');
  writeFileSync(noStatus, 'Stage,Touchpoint,Channel\nOnboarding,Welcome,Email\n');

  it('pairs two folders by relative path; a file in only one folder is all added or all removed', () => {
    const csv = 'Stage,Touchpoint,Channel\nOnboarding,Welcome,Email\n';
    for (const [folder, files] of [
      ['v1', ['a/same.csv', 'gone.csv']],
      ['v2', ['a/same.csv', 'new.csv']],
    ] as const) {
      for (const file of files) {
        mkdirSync(join(dir, folder, 'a'), { recursive: true });
        writeFileSync(join(dir, folder, file), csv);
      }
    }
    const result = diffJson([join(dir, 'v1'), join(dir, 'v2')]);
    expect(result.files.map((f) => [f.before === null, f.after === null, f.touchpoints.map((t) => t.kind)])).toEqual([
      [false, false, []],
      [false, true, ['removed']],
      [true, false, ['added']],
    ]);
  });

  it.each([
    [['diff', SAMPLE], /needs <before> and <after>/],
    [['diff', SAMPLE, join(dir, 'missing.xlsx')], /missing\.xlsx: no such file, folder or REVISION:path/],
    [['diff', SAMPLE, 'fixtures'], /compares a file with a file or a folder with a folder/],
    [['diff', '--planned', noStatus], /needs a status column/],
    [['diff', SAMPLE, FUTURE, '--fail-on-new', 'sometimes'], /invalid/],
  ])('%j', (args, message) => {
    const run = journey(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('journey diff: git revisions', () => {
  const repo = mkdtempSync(join(tmpdir(), 'journey-diff-git-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => {
    const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout;
  };
  const HEADER = 'Persona,Stage,Touchpoint,Team,Channel,Mode,Direction,Day,Frequency';
  const V1 = [
    HEADER,
    'Practitioner,Decision,Contract signed,Sales,Email,Automatic,Outbound,30,Once',
    'Practitioner,Onboarding,Kickoff call,Customer Success,Video call,Manual,Outbound,44,Once',
  ];
  mkdirSync(join(repo, 'inventories'));
  git('init', '-q');
  writeFileSync(join(repo, 'inventories/acme.csv'), `${V1.join('\n')}\n`);
  writeFileSync(join(repo, 'inventories/beta.csv'), `${V1.join('\n')}\n`);
  // Markdown in a folder counts when it holds an inventory table, at a revision as in the working tree.
  writeFileSync(
    join(repo, 'inventories/wiki.md'),
    '# Wiki journey\n\n| Stage | Touchpoint | Channel |\n|---|---|---|\n| Onboarding | Welcome email | Email |\n',
  );
  writeFileSync(join(repo, 'inventories/README.md'), '# Inventories\n\nOne file per product line.\n');
  // The first commit's config turns missing-stage off; the second drops it, so its findings appear.
  writeFileSync(join(repo, 'journey.config.json'), '{ "rules": { "missing-stage": "off" } }\n');
  git('add', '.');
  git('commit', '-q', '-m', 'one');
  writeFileSync(
    join(repo, 'inventories/acme.csv'),
    `${[V1[0], V1[2]!.replace(',44,', ',33,'), 'Practitioner,Onboarding,Help center,Support,Help center,Ongoing,Inbound,33,', V1[1]].join('\n')}\n`,
  );
  rmSync(join(repo, 'journey.config.json'));
  git('add', '-A');
  git('commit', '-q', '-m', 'two');

  it('reads REVISION:path with git, each with the config of its revision, and writes nothing into the repository', () => {
    const result = diffJson(['HEAD~1:inventories/acme.csv', 'HEAD:inventories/acme.csv'], repo);
    expect(compact(result)).toEqual([
      ['changed', 'Practitioner', 'Kickoff call', 'Kickoff call', [['day', 44, 33, -11]]],
      ['added', 'Practitioner', null, 'Help center', []],
    ]);
    const [file] = result.files;
    expect(file!.before).toBe('HEAD~1:inventories/acme.csv');
    expect(file!.findings.resolved.map((f) => f.ruleId)).toEqual(['handoff-lag']);
    expect(file!.findings.introduced.map((f) => f.ruleId)).toContain('missing-stage');
    expect(file!.findings.introduced.every((f) => f.location.file === 'HEAD:inventories/acme.csv')).toBe(true);
    expect(git('status', '--porcelain', '--ignored')).toBe('');
  });

  it('compares a revision with the working copy, a folder at two revisions, and ./paths from a subfolder', () => {
    expect(compact(diffJson(['HEAD~1:inventories/acme.csv', 'inventories/acme.csv'], repo))).toHaveLength(2);
    const folders = diffJson(['HEAD~1:inventories', 'HEAD:inventories'], repo);
    expect(folders.files.map((f) => [f.before, f.after, f.touchpoints.length])).toEqual([
      ['HEAD~1:inventories/acme.csv', 'HEAD:inventories/acme.csv', 2],
      ['HEAD~1:inventories/beta.csv', 'HEAD:inventories/beta.csv', 0],
      ['HEAD~1:inventories/wiki.md', 'HEAD:inventories/wiki.md', 0],
    ]);
    const againstCheckout = diffJson(['HEAD:inventories', 'inventories'], repo);
    expect(againstCheckout.files.map((f) => [f.before, f.after])).toEqual([
      ['HEAD:inventories/acme.csv', join('inventories', 'acme.csv')],
      ['HEAD:inventories/beta.csv', join('inventories', 'beta.csv')],
      ['HEAD:inventories/wiki.md', join('inventories', 'wiki.md')],
    ]);
    expect(compact(diffJson(['HEAD~1:./acme.csv', 'HEAD:./acme.csv'], join(repo, 'inventories')))).toHaveLength(2);
  });

  it('a bad revision, a path missing at it, or no git: exit 2 with one line naming the argument', () => {
    for (const [args, message] of [
      [['nope:inventories/acme.csv', 'inventories/acme.csv'], /^journey: nope:inventories\/acme\.csv: git cannot read it: .+\n$/],
      [['HEAD~1:inventories/gone.csv', 'inventories/acme.csv'], /^journey: HEAD~1:inventories\/gone\.csv: git cannot read it: .+\n$/],
    ] as const) {
      const run = journey(['diff', ...args], { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const noGit = journey(['diff', 'HEAD~1:inventories/acme.csv', 'inventories/acme.csv'], { cwd: repo, env: { PATH: join(repo, 'no-bin') } });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toBe('journey: HEAD~1:inventories/acme.csv: reading a git revision needs git, which is not installed or not on PATH\n');
  });
});
