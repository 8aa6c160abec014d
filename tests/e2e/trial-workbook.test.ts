// The trial workbook (scripts/fixtures/trial.mjs) audits to exactly the gaps its author, a CX lead, lists,
// judged on today's rows; its planned rows change what the plan would fix; its report reads in two pages.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/schema.js';
import { journey } from '../helpers/cli.js';

const FILE = 'acme-cloud.xlsx';
const CWD = 'fixtures/trial';

function audit(args: string[] = []): Finding[] {
  const run = journey(['audit', FILE, '-f', 'json', ...args], { cwd: CWD });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).findings as Finding[];
}

/** A finding as the lead would write it down: persona, rule, and the words that say which gap. */
const gap = (f: Finding) => `${f.persona ?? '(file)'} · ${f.ruleId} · ${f.message}`;

// The lead's list, written before journey was made to agree with it (scripts/fixtures/trial.mjs says why each is a gap).
const EXPECTED: [persona: string, rule: string, words: string][] = [
  ['(file)', 'forgotten-touchpoints', 'This inventory (a software product) has no error page'],
  ['IT admin', 'stale-review', '7 touchpoints of IT admin were last reviewed more than 12 months ago'],
  ['IT admin', 'handoff-lag', 'Sales → Customer Success handoff: 21 days from "Contract signed confirmation" (Decision, day 30)'],
  ['IT admin', 'friction-point', '"SCIM provisioning guide" is a friction point'],
  [
    'IT admin',
    'duplicate-effort',
    'Content and Product both send a monthly newsletter by Email to IT admin in Adoption: "Monthly admin newsletter" and "Product updates digest"',
  ],
  ['IT admin', 'automation-opportunity', '"Weekly usage report" is done by hand weekly'],
  ['Economic buyer', 'missing-stage', 'Economic buyer has no touchpoint in Adoption'],
  ['Economic buyer', 'stale-review', '8 touchpoints of Economic buyer were last reviewed'],
  ['End user', 'friction-point', 'End user meets 2 friction points in Onboarding: "SSO login"'],
  ['End user', 'over-communication', 'End user receives about 13 messages a week in Onboarding'],
  ['End user', 'unknown-value', "Stage 'Onbaording'"],
  [
    'End user',
    'duplicate-effort',
    `Product and Marketing both send touchpoints to End user in Adoption that a note calls duplicates: "What's new email" and "Feature spotlight"`,
  ],
  ['End user', 'automation-opportunity', '"We miss you email" is done by hand weekly'],
];

describe('the trial workbook', () => {
  it("audits today's journey to exactly the gaps the CX lead lists, each once", () => {
    const findings = audit();
    expect(findings.map(gap)).toHaveLength(EXPECTED.length);
    EXPECTED.forEach(([persona, rule, words], i) => {
      const f = findings[i]!;
      expect(`${f.persona ?? '(file)'} · ${f.ruleId}`, gap(f)).toBe(`${persona} · ${rule}`);
      expect(f.message).toContain(words);
    });
  });

  it('stays silent on what only looks like a gap', () => {
    const text = audit().map(gap).join('\n');
    // A daily retargeting ad and the decision week's receipts and e-signatures are not over-communication.
    expect(text).not.toMatch(/over-communication · (IT admin|Economic buyer) receives/);
    // Monthly contact across Adoption and Expansion offers before the renewal are no handoff waits, and no gap has negative days.
    expect(text.match(/handoff-lag/g)).toHaveLength(1);
    expect(text).not.toMatch(/-\d+ days|Finance in between/);
    // A call or a meeting is a way back; yearly, personal and collaborative touches done by hand are left alone.
    expect(text).not.toContain('one-way-stage');
    expect(text).not.toMatch(/Mutual action plan|Letter from the CEO|advisory board invite" is done by hand/);
    // Rates of different figures are not ranked; webinars at other cadences are no duplicates; Decision is not a gap for end users.
    expect(text).not.toContain('channel-effectiveness');
    expect(text).not.toMatch(/webinar/i);
    expect(text).not.toContain('End user has no touchpoint in Decision');
  });

  it("--state future judges the planned journey: the planned rows close the handoff wait and the buyer's Adoption gap", () => {
    const future = audit(['--state', 'future']).map(gap).join('\n');
    expect(future).not.toContain('handoff-lag');
    expect(future).not.toContain('Economic buyer has no touchpoint in Adoption');
    expect(future).toContain('Economic buyer can only be reached, not reach back, in Adoption');
  });

  it('map --type current draws the rows audit judges; --type future adds the planned ones', () => {
    const current = journey(['map', FILE, '--format', 'mermaid', '--persona', 'IT admin'], { cwd: CWD });
    expect(current.code).toBe(0);
    expect(current.stdout).toContain('Admin kickoff call');
    expect(current.stdout).not.toContain('Admin welcome call');
    const future = journey(['map', FILE, '--format', 'mermaid', '--persona', 'IT admin', '--type', 'future'], { cwd: CWD });
    expect(future.stdout).toContain('Admin welcome call #91;planned#93;');
    // Retired rows are in neither.
    expect(`${current.stdout}${future.stdout}`).not.toContain('Printed admin guide');
  });

  it("reads in about two printed pages, today's gaps first, the plan's effect beside them, hygiene apart, each finding once", () => {
    const run = journey(['report', FILE], { cwd: CWD });
    expect(run.stderr).toBe('');
    const report = run.stdout;
    expect(report.split('\n').length).toBeLessThanOrEqual(120);
    const top = report.slice(report.indexOf('## The most serious gaps'), report.indexOf('## What the plan changes'));
    expect(top).toMatch(/^1\. \*\*IT admin\*\*: Sales → Customer Success handoff: 21 days/m);
    expect(top).toMatch(/^2\. \*\*Economic buyer\*\*: Economic buyer has no touchpoint in Adoption/m);
    expect(top).not.toContain('Onbaording');
    expect(report).toContain("The 3 planned rows would resolve 2 findings of today's");
    expect(report.match(/\) \*The planned rows resolve it\.\*$/gm)).toHaveLength(2);
    const hygiene = report.slice(report.indexOf('## Data hygiene'));
    expect(hygiene).toContain("Stage 'Onbaording'");
    for (const [, , words] of EXPECTED) expect(report.split(words.replace(/&/g, '&amp;')).length - 1, words).toBe(1);
    // Coverage shows the channels each persona uses; the buyer's empty Adoption is a gap, the end user's Decision (ignoreStages) is not printed.
    const endUser = report.slice(report.indexOf('## End user'), report.indexOf('## Whole inventory'));
    expect(endUser).not.toContain('| Decision |');
    expect(report).toContain('| Adoption | · | · | · | · | · | · | · | · | · | — | **0 — gap** |');
    // A persona with more than about 20 touchpoints gets no illegible Mermaid journey.
    expect(report).not.toContain('```mermaid');
  });
});
