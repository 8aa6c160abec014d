import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/schema.js';
import { answersOf } from '../helpers/answers.js';
import { buildJourneyMap } from '../../src/views/map/layout.js';
import { LOW_POINTS_LABELLED, NOTES_SHOWN, buildOverview, handoffOpportunity, opportunityOf } from '../../src/views/map/overview.js';
import { PAGE, overviewSvg } from '../../src/views/map/overview-svg.js';
import { textWidth, wrapText } from '../../src/views/map/text-fit.js';
import { automationOpportunity } from '../../src/rules/automation-opportunity.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { missingKpi } from '../../src/rules/missing-kpi.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { overCommunication } from '../../src/rules/over-communication.js';
import { singleChannelStage } from '../../src/rules/single-channel-stage.js';
import { mapOf, source } from './map-helpers.js';

// The rules whose findings the overview turns into pains and opportunities.
const DRAWN = [frictionPoint, missingStage, automationOpportunity];

// Persona, Stage, Touchpoint, Team, Channel, Mode, Direction, Day, Frequency, Sentiment, NPS, CSAT, Conversion, Drop-off, Status, KPI
const ROWS = [
  ['P', 'Awareness', 'Blog post', 'Marketing', 'Blog', 'Ongoing', 'Inbound', 0, 'Weekly', 'delighted'],
  ['P', 'Awareness', 'Ads', 'Marketing', 'Paid ads', 'Automatic', 'Outbound', 1, 'Daily', 'annoyed'],
  ['P', 'Awareness', 'Newsletter', 'Marketing', 'Email', 'Automatic', 'Outbound', 2, 'Monthly', ''],
  ['P', 'Decision', 'Demo call', 'Sales', 'Video call', 'Manual', 'Outbound', 10, 'Once', 'happy', '', '', '10%'],
  ['P', 'Decision', 'Contract email', 'Sales', 'Email', 'Automatic', 'Outbound', 20, 'Once', 'furious'],
  ['P', 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Manual', 'Outbound', 40, 'Once', 'frustrated', '', '', '', '50%'],
  ['P', 'Onboarding', 'Welcome email', 'Customer Success', 'Email', 'Automatic', 'Outbound', 41, 'Daily', '', '-20'],
  ['P', 'Adoption', 'Support portal', 'Support', 'Support desk', 'Ongoing', 'Inbound', 50, '', 'angry'],
  ['P', 'Retention', 'Renewal call', 'Sales', 'Phone', 'Manual', 'Outbound', 300, 'Once', 'happy', '', '', '', '', 'Planned'],
];

describe('overview', () => {
  const persona = mapOf(ROWS, {}, {}, DRAWN).personas[0]!;
  const overview = buildOverview(persona, false);

  it('groups each stage’s touchpoints by channel, in the order they happen', () => {
    const awareness = overview.stages[0]!;
    expect(awareness.groups.map((g) => [g.label, g.icon, g.cards.map((c) => c.name)])).toEqual([
      ['Blog', 'doc', ['Blog post']],
      ['Paid ads', 'ads', ['Ads']],
      ['Email', 'email', ['Newsletter']],
    ]);
    expect(overview.stages[1]!.groups.map((g) => g.label)).toEqual([]);
  });

  it('puts every touchpoint with a sentiment (or NPS, CSAT) on the curve, ordered in its stage, the lowest labelled', () => {
    const felt = persona.cards.filter((c) => c.emotion !== null).map((c) => c.name);
    expect(overview.curve.map((p) => p.card.name)).toEqual(felt);
    expect(felt).toContain('Welcome email');
    const awareness = overview.curve.filter((p) => p.stage === 0);
    expect(awareness.map((p) => p.position)).toEqual([0.25, 0.75]);
    const labelled = overview.curve.filter((p) => p.labelled);
    expect(labelled).toHaveLength(LOW_POINTS_LABELLED);
    const lowest = Math.max(...labelled.map((p) => p.emotion));
    expect(overview.curve.filter((p) => !p.labelled).every((p) => p.emotion >= lowest)).toBe(true);
    expect(overview.planCurve).toEqual([]);
  });

  it('puts what interviewees felt beside the curve: at the inventory point’s place across, counted, and nothing without answers', () => {
    const heardSource = source(ROWS);
    const answer = answersOf('P');
    heardSource.model.interviews = [
      answer('A', 'onboarding', 'Kickoff call', -2, 'Nobody called'),
      answer('B', 'onboarding', 'Kickoff call', -1, null),
      answer('B', 'onboarding', 'Kickoff call', 0, 'It got better'),
      // Per interviewee first (B: -1 and 0 make -0.5), then across them: -1.25, rounded to -1.2.
      // A touchpoint without a sentiment of its own gets a place on the lane too; a quote without a feeling adds no point.
      answer('A', 'awareness', 'Newsletter', 1, null),
      answer('C', 'adoption', 'Support portal', null, 'Slow'),
      // About the stage as a whole: the report's, not a touchpoint's point.
      answer('A', 'decision', null, -2, 'Too long'),
    ];
    const heardPersona = buildJourneyMap([heardSource], { type: 'current', lanes: 'channel', persona: null }).personas[0]!;
    const heard = buildOverview(heardPersona, false);
    expect(heard.heard.map((p) => [p.card.name, p.score, p.interviewees])).toEqual([
      ['Newsletter', 1, 1],
      ['Kickoff call', -1.2, 2],
    ]);
    const kickoff = heard.heard[1]!;
    expect(heard.curve.find((p) => p.card === kickoff.card)!.position).toBe(kickoff.position);
    // Awareness now places three touchpoints: the two felt ones and the newsletter interviewees felt.
    expect(heard.curve.filter((p) => p.stage === 0).map((p) => p.position)).toEqual([1 / 6, 0.5]);
    expect(kickoff.card.heard!.quotes.map((q) => q.quote)).toEqual(['Nobody called', 'It got better']);
    expect(heardPersona.cards.find((c) => c.name === 'Support portal')!.heard).toMatchObject({ interviewees: 0, score: null, quotes: [{ quote: 'Slow' }] });
    expect(overview.heard).toEqual([]);
    expect(persona.cards.every((c) => c.heard === null)).toBe(true);
    const svg = overviewSvg(heardPersona, { title: 'P', future: false, idPrefix: 'h', file: 'inventory.csv' });
    expect(svg.match(/class="point-heard"/g)).toHaveLength(2);
    expect(svg).toContain('Kickoff call: interviewees -1.2 (2 interviewees; the inventory: ');
    expect(svg).toContain('◆ interviews');
    expect(overviewSvg(persona, { title: 'P', future: false, idPrefix: 'h', file: 'inventory.csv' })).not.toContain('interview');
  });

  it('turns findings into opportunities and a lag into "Bridge the gap", keeps pains, and counts the rest', () => {
    const onboarding = overview.stages[3]!;
    expect(onboarding.opportunities[0]!.text).toBe('Bridge the 20-day Sales → Customer Success gap');
    expect(onboarding.pains.some((p) => p.text.startsWith('Kickoff call: '))).toBe(true);
    expect(opportunityOf({ ruleId: 'x', severity: 'info', message: 'm', fix: 'add a touchpoint for the stage, or list it in ignoreStages', place: 'A1' })).toBe(
      'Add a touchpoint for the stage',
    );
    expect(opportunityOf({ ruleId: 'x', severity: 'info', message: 'm', fix: '', place: 'A1' })).toBeNull();
    expect(handoffOpportunity({ ...onboarding.handoffIn!, fromTeam: null })).toBe('Bridge the 20-day unknown team → Customer Success gap');
    expect(overview.stages.every((s) => new Set(s.opportunities.map((o) => o.text.toLowerCase())).size === s.opportunities.length)).toBe(true);
  });

  it('takes a friction finding about a whole stage as a pain in its own words', () => {
    const map = mapOf(ROWS);
    const adoption = map.personas[0]!.stages[4]!;
    adoption.findings.push({ ruleId: 'friction-point', severity: 'warning', message: 'Adoption has 2 friction points', fix: '', place: 'B9' });
    expect(buildOverview(map.personas[0]!, false).stages[4]!.pains.map((p) => p.text)).toContain('Adoption has 2 friction points');
  });

  it('on the future map, draws the to-be curve with the planned rows and ticks a gap the plan fills', () => {
    const future = buildOverview(mapOf(ROWS, { type: 'future' }).personas[0]!, true);
    expect(future.planCurve.map((p) => p.card.name)).toContain('Renewal call');
    expect(future.curve.map((p) => p.card.name)).not.toContain('Renewal call');
    expect(future.stages[5]!.filledByPlan).toBe(true);
    expect(future.planned).toBe(1);
  });

  it('does not draw a stage missing-stage ignores for the persona as a gap', () => {
    const ignoring = { ...source(ROWS), ignoredStages: (name: string) => new Set(name === 'P' ? ['consideration'] : []) };
    const stages = buildJourneyMap([ignoring], { type: 'current', lanes: 'channel', persona: null }).personas[0]!.stages;
    expect(stages[1]).toMatchObject({ id: 'consideration', gap: false, ignored: true });
    expect(stages[4]).toMatchObject({ id: 'adoption', gap: false });
    expect(stages[6]).toMatchObject({ id: 'expansion', gap: true, ignored: false });
  });

  it('shows at most NOTES_SHOWN notes a stage in the SVG and counts the rest', () => {
    const many = Array.from({ length: NOTES_SHOWN + 2 }, (_, i) => [
      'P',
      'Adoption',
      `Tool ${i}`,
      'Support',
      'Chat',
      'Manual',
      'Outbound',
      50 + i,
      'Weekly',
      '',
    ]);
    // Four rules with a note about the stage, one with a note on each of its touchpoints.
    const notes = [automationOpportunity, singleChannelStage, overCommunication, missingKpi];
    const svg = overviewSvg(mapOf(many, {}, {}, notes).personas[0]!, { title: 'P', future: false, idPrefix: 'p0', file: 'x.csv' }, true);
    expect(svg).toMatch(/\+\d+ more/);
  });

  it('keeps a persona too large for one page on one page: each stage shows the chips that fit and counts the rest', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      'P',
      ['Awareness', 'Decision', 'Onboarding', 'Retention'][i % 4]!,
      `Touchpoint number ${i}`,
      'Team',
      ['Email', 'Phone', 'Chat'][i % 3]!,
      'Manual',
      'Outbound',
      i,
      'Once',
      i % 5 === 0 ? 'happy' : '',
    ]);
    const svg = overviewSvg(mapOf(rows).personas[0]!, { title: 'P', future: false, idPrefix: 'p0', file: 'x.csv' }, true);
    const height = Number(/viewBox="0 0 1600 (\d+)"/.exec(svg)![1]);
    expect(height).toBeLessThanOrEqual(PAGE.targetHeight + 40);
    const shown = (svg.match(/<title>Touchpoint number \d+ \(/g) ?? []).length;
    const hidden = [...svg.matchAll(/>\+(\d+) more touchpoints</g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(shown).toBeGreaterThan(20);
    expect(shown + hidden).toBe(400);
    // Every felt touchpoint is still a point of the curve.
    expect((svg.match(/<circle class="point"/g) ?? []).length).toBe(80);
  });

  it('leaves out the lanes it has no data for', () => {
    const bare = mapOf([['P', 'Awareness', 'Blog post', 'Marketing', 'Blog']]).personas[0]!;
    const svg = overviewSvg(bare, { title: 'P', future: false, idPrefix: 'p0', file: 'x.csv' }, true);
    expect(svg).toContain('>Touchpoints<');
    for (const lane of ['Emotion', 'KPIs']) expect(svg).not.toContain(`>${lane}<`);
    const full = overviewSvg(persona, { title: 'P', future: false, idPrefix: 'p0', file: 'x.csv' }, true);
    for (const lane of ['Touchpoints', 'Emotion', 'Pain points', 'Opportunities', 'KPIs']) expect(full).toContain(`>${lane}<`);
    expect(full).toMatch(new RegExp(`^<\\?xml[^]*<svg [^>]*width="${PAGE.width}"`));
  });
});

describe('text fitting', () => {
  it('measures Arial widths, wider for bold and for characters it does not know', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10));
    expect(textWidth('Team', 10, true)).toBeGreaterThan(textWidth('Team', 10));
    expect(textWidth('日本', 10)).toBeGreaterThanOrEqual(20);
  });

  it('wraps at spaces within the width, breaks a word longer than a line, and cuts past the last line with …', () => {
    const text = 'Security questionnaire review with the procurement team';
    const wrapped = wrapText(text, 120, 11, 5);
    expect(wrapped.cut).toBe(false);
    expect(wrapped.lines.join(' ')).toBe(text);
    for (const line of wrapped.lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(120);
    const long = wrapText('x'.repeat(80), 100, 10, 10);
    expect(long.lines.join('')).toBe('x'.repeat(80));
    const cut = wrapText(text, 120, 11, 1);
    expect(cut).toMatchObject({ cut: true });
    expect(cut.lines).toHaveLength(1);
    expect(cut.lines[0]).toMatch(/…$/);
    expect(textWidth(cut.lines[0]!, 11)).toBeLessThanOrEqual(120);
  });

  it('stops once the lines are full, so a hostile cell of any length costs one pass', () => {
    const hostile = wrapText(`${'w'.repeat(200_000)} ${'word '.repeat(100_000)}`, 150, 11, 2);
    expect(hostile.lines).toHaveLength(2);
    expect(hostile.cut).toBe(true);
  });
});

describe('findings about a sheet', () => {
  it('go on the tab of the persona whose sheet it is; findings naming no sheet stay with the whole file', () => {
    const inventory = source([...ROWS, ['Q', 'Awareness', 'Ad', 'Marketing', 'Paid ads', 'Automatic', 'Outbound', 0, 'Once']], {}, 'book.xlsx');
    // As an xlsx reads: each persona on its own sheet.
    inventory.model.personas = inventory.model.personas.map((p) => ({ ...p, location: { ...p.location, sheet: `${p.name} sheet` } }));
    const note = (sheet: string | null, message: string): Finding => ({
      ruleId: 'invalid-value',
      severity: 'warning',
      message,
      fix: '',
      location: { file: 'book.xlsx', sheet, row: null, column: null, cell: null },
      related: [],
      persona: null,
      stage: null,
      touchpoint: null,
      fingerprint: message,
    });
    inventory.findings.push(note('Q sheet', 'About Q’s sheet'), note(null, 'About the file'), note('Notes', 'About a sheet of no persona'));
    const map = buildJourneyMap([inventory], { type: 'current', lanes: 'channel', persona: null });
    const notes = (list: { ruleId: string; message: string }[]) => list.filter((f) => f.ruleId === 'invalid-value').map((f) => f.message);
    expect(notes(map.general)).toEqual(['About the file', 'About a sheet of no persona']);
    expect(map.personas[1]!.findings.map((f) => f.message)).toContain('About Q’s sheet');
    expect(map.personas[0]!.findings.map((f) => f.message)).not.toContain('About Q’s sheet');
    // Drawing P alone, Q's sheet note is not shown at all.
    const onlyP = buildJourneyMap([inventory], { type: 'current', lanes: 'channel', persona: 'P' });
    expect(notes(onlyP.general)).toEqual(['About the file', 'About a sheet of no persona']);
  });
});
