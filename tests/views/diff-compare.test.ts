import { describe, expect, it } from 'vitest';
import { automationOpportunity } from '../../src/rules/automation-opportunity.js';
import { handoffLag } from '../../src/rules/handoff-lag.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { oneWayStage } from '../../src/rules/one-way-stage.js';
import { DIFF_FIELDS } from '../../src/model/fields.js';
import { DIFF_READERS, compareInventories, matchTouchpoints, summarizeDiff, type DiffSide } from '../../src/views/diff/compare.js';
import { DiffResultSchema } from '../../src/views/diff/schema.js';
import { findingsOf, model } from '../helpers/inventory.js';

// The rules whose findings the diff's cases move, resolve and introduce.
const RULES = [automationOpportunity, handoffLag, missingStage, oneWayStage];

const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency', 'Conversion rate', 'NPS', 'Status'];
type Row = (string | number | null)[];

async function side(rows: Row[], file = 'inventory.csv'): Promise<DiffSide> {
  const journey = model([HEADER, ...rows], file);
  return { file, model: journey, findings: findingsOf(journey, RULES) };
}

const BEFORE: Row[] = [
  ['Practitioner', 'Decision', 'Contract signed', 'Sales', 'Email', 'Automatic', 'Outbound', 30, 'Once', '', '', ''],
  ['Practitioner', 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Manual', 'Outbound', 44, 'Once', '20%', 10, ''],
  ['Practitioner', 'Onboarding', 'Weekly usage tips email', 'Product', 'Email', 'Manual', 'Outbound', 50, 'Weekly', '', '', ''],
  ['Practitioner', 'Adoption', 'Help center', 'Support', 'Help center', 'Ongoing', 'Inbound', 60, '', '', '', ''],
  ['Buyer', 'Decision', 'Proposal call', 'Sales', 'Phone', 'Manual', 'Outbound', 12, 'Once', '', '', ''],
];

describe('compareInventories', () => {
  it('matches renamed and reordered rows and lists every changed field', async () => {
    const after: Row[] = [
      // Reordered, and a row inserted above.
      ['Practitioner', 'Awareness', 'Launch post', 'Marketing', 'Social', 'Manual', 'Outbound', 0, 'Once', '', '', ''],
      ['Practitioner', 'Adoption', 'Help center', 'Support', 'Help center', 'Ongoing', 'Inbound', 60, '', '', '', ''],
      ['Practitioner', 'Onboarding', 'Weekly product tips email', 'Product', 'Email', 'Automatic', 'Outbound', 50, 'Weekly', '', '', ''],
      ['Practitioner', 'Onboarding', 'KICKOFF call', 'Onboarding team', 'Phone', 'Manual', 'Inbound', 33, 'Monthly', '25%', 30, 'Live'],
      ['Practitioner', 'Decision', 'Contract signed', 'Sales', 'Email', 'Automatic', 'Outbound', 30, 'Once', '', '', ''],
      ['Buyer', 'Decision', 'Proposal call', 'Sales', 'Phone', 'Manual', 'Outbound', 12, 'Once', '', '', ''],
    ];
    const diff = compareInventories(await side(BEFORE), await side(after));
    expect(diff.unchangedTouchpoints).toBe(3);
    expect(diff.touchpoints).toEqual([
      {
        kind: 'renamed',
        persona: 'Practitioner',
        before: { name: 'Weekly usage tips email', stage: 'Onboarding', cell: 'C4' },
        after: { name: 'Weekly product tips email', stage: 'Onboarding', cell: 'C4' },
        changes: [{ field: 'mode', before: 'manual', after: 'automatic', delta: null }],
      },
      {
        kind: 'renamed',
        persona: 'Practitioner',
        before: { name: 'Kickoff call', stage: 'Onboarding', cell: 'C3' },
        after: { name: 'KICKOFF call', stage: 'Onboarding', cell: 'C5' },
        changes: [
          { field: 'channel', before: 'Video call', after: 'Phone', delta: null },
          { field: 'team', before: 'Customer Success', after: 'Onboarding team', delta: null },
          { field: 'direction', before: 'outbound', after: 'inbound', delta: null },
          { field: 'day', before: 44, after: 33, delta: -11 },
          { field: 'frequency', before: 'Once', after: 'Monthly', delta: null },
          { field: 'conversion', before: 0.2, after: 0.25, delta: 0.05 },
          { field: 'nps', before: 10, after: 30, delta: 20 },
        ],
      },
      { kind: 'added', persona: 'Practitioner', before: null, after: { name: 'Launch post', stage: 'Awareness', cell: 'C2' }, changes: [] },
    ]);
  });

  it('tells a touchpoint moved to another stage from a new one, and keeps its findings', async () => {
    const after = BEFORE.map((row) => (row[2] === 'Weekly usage tips email' ? ['Practitioner', 'Adoption', ...row.slice(2)] : row));
    const diff = compareInventories(await side(BEFORE), await side(after));
    expect(diff.touchpoints).toEqual([
      expect.objectContaining({ kind: 'changed', changes: [{ field: 'stage', before: 'Onboarding', after: 'Adoption', delta: null }] }),
    ]);
    // automation-opportunity follows the touchpoint into its new stage: neither resolved nor introduced.
    expect([...diff.findings.resolved, ...diff.findings.introduced].map((f) => f.ruleId)).not.toContain('automation-opportunity');
  });

  it('does not rename across stages or personas, nor names with too little in common', () => {
    const t = (persona: string, stage: string, name: string) => ({ persona, stage, name }) as never;
    const { pairs, added, removed } = matchTouchpoints(
      [t('A', 'onboarding', 'Welcome email series'), t('A', 'adoption', 'Usage tips'), t('B', 'onboarding', 'Setup guide')],
      [t('A', 'onboarding', 'Welcome onboarding webinar'), t('A', 'retention', 'Usage tips digest'), t('C', 'onboarding', 'Setup guide')],
    );
    expect(pairs).toEqual([]);
    expect(added).toEqual([0, 1, 2]);
    expect(removed).toEqual([0, 1, 2]);
  });

  it('reports a persona present in only one version, its coverage gained or lost, and handoff lags before → after', async () => {
    const after: Row[] = [
      ...BEFORE.filter((row) => row[0] === 'Practitioner').map((row) => (row[2] === 'Kickoff call' ? [...row.slice(0, 7), 33, ...row.slice(8)] : row)),
      ['Admin', 'Onboarding', 'Admin console tour', 'Product', 'In-app', 'Automatic', 'Outbound', 1, 'Once', '', '', 'Planned'],
    ];
    const diff = compareInventories(await side(BEFORE), await side(after));
    expect(diff.personas).toEqual({ added: ['Admin'], removed: ['Buyer'] });
    expect(diff.coverage.filter((c) => c.status !== 'same').map((c) => [c.persona, c.stage, c.status])).toEqual([
      ['Admin', 'Onboarding', 'gained'],
      ['Buyer', 'Decision', 'lost'],
    ]);
    const onboarding = diff.coverage.find((c) => c.persona === 'Practitioner' && c.stage === 'Onboarding')!;
    expect(onboarding.before).toEqual({ touchpoints: 2, channels: ['Email', 'Video call'], outboundPerWeek: 1, inboundPaths: 0 });
    expect(diff.handoffs).toContainEqual({
      persona: 'Practitioner',
      fromStage: 'Decision',
      toStage: 'Onboarding',
      before: { fromTeam: 'Sales', toTeam: 'Customer Success', fromTouchpoint: 'Contract signed', toTouchpoint: 'Kickoff call', days: 14 },
      after: { fromTeam: 'Sales', toTeam: 'Customer Success', fromTouchpoint: 'Contract signed', toTouchpoint: 'Kickoff call', days: 3 },
    });
    // The lag fixed resolves the handoff-lag finding; Admin's missing stages are introduced.
    expect(diff.findings.resolved.map((f) => f.ruleId)).toContain('handoff-lag');
    expect(diff.findings.introduced.filter((f) => f.persona === 'Admin' && f.ruleId === 'missing-stage')).toHaveLength(7);
    expect(diff.findings.introduced.some((f) => f.persona === 'Practitioner')).toBe(false);
  });

  it('matches findings by fingerprint whatever the two files are called, and counts them', async () => {
    const diff = compareInventories(await side(BEFORE, 'a/current.csv'), await side([...BEFORE].reverse(), 'b/future.csv'));
    expect(diff.touchpoints).toEqual([]);
    expect(diff.findings.resolved).toEqual([]);
    expect(diff.findings.introduced).toEqual([]);
    expect(diff.findings.unchanged).toBeGreaterThan(5);
    const summary = summarizeDiff([diff]);
    expect(summary).toMatchObject({ added: 0, removed: 0, renamed: 0, changed: 0, unchanged: 5, findingsResolved: 0, findingsIntroduced: 0 });
    expect(DiffResultSchema.parse({ version: 1, before: 'a', after: 'b', files: [diff], summary })).toBeTruthy();
  });

  it('compares a file present on one side only (folders) as all added or all removed', async () => {
    const diff = compareInventories(null, await side(BEFORE));
    expect(diff.before).toBeNull();
    expect(diff.touchpoints.map((t) => t.kind)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(diff.findings.resolved).toEqual([]);
    expect(diff.findings.introduced.length).toBeGreaterThan(0);
  });
});

describe('the compared fields', () => {
  it("are the field catalogue's diff entries, each with a reader", () => {
    expect(Object.keys(DIFF_READERS).sort()).toEqual(DIFF_FIELDS.map((entry) => entry.field).sort());
  });
});
