import { describe, expect, it } from 'vitest';
import { buildJourneyMap, emotionOf } from '../../src/views/map/layout.js';
import { svgGeometry } from '../../src/views/map/svg.js';
import { dayLayout } from '../../src/views/map/timeline.js';
import { forgottenTouchpoints } from '../../src/rules/forgotten-touchpoints.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { mapOf, source } from './map-helpers.js';

const JOURNEY = [
  ['P', 'Awareness', 'Blog post', 'Marketing', 'Blog', 'Ongoing', 'Inbound', 0, 'Weekly', 'delighted', '', '', '', '', 'Live', 'Sessions'],
  ['P', 'Decision', 'Demo call', 'Sales', 'Video call', 'Manual', 'Outbound', 10, 'Once', '', '', '', '10%', '', 'Live', ''],
  ['P', 'Decision', 'Contract email', 'Sales', 'Email', 'Automatic', 'Outbound', 20, 'Once', '', '', '', '', '', 'Live', ''],
  ['P', 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Manual', 'Outbound', 40, 'Once', 'frustrated', '', '', '', '50%', 'Live', ''],
  ['P', 'Onboarding', 'Welcome email', 'customer success ', 'Email', 'Automatic', 'Outbound', 41, 'Daily', '', '', '', '', '', 'Live', ''],
  ['P', 'Boarding', 'Typo stage row', 'Product', '', 'Manual', 'Outbound', 42, 'Once', '', '', '', '', '', 'Live', ''],
  ['P', 'Retention', 'Renewal call', 'Sales', 'Phone', 'Manual', 'Outbound', 300, 'Once', '', '', '', '', '', 'Planned', ''],
];

describe('journey map layout', () => {
  it('draws every stage of the model in order, marks empty ones as gaps, and adds a column for unrecognized stages', () => {
    const [persona] = mapOf(JOURNEY).personas;
    expect(persona!.stages.map((s) => s.label)).toEqual([
      'Awareness',
      'Consideration',
      'Decision',
      'Onboarding',
      'Adoption',
      'Retention',
      'Expansion',
      'Advocacy',
      'Stage not recognized',
    ]);
    expect(persona!.stages.filter((s) => s.gap).map((s) => s.id)).toEqual(['consideration', 'adoption', 'retention', 'expansion', 'advocacy']);
    expect(persona!.stages.at(-1)!.gap).toBe(false);
    const unrecognized = persona!.lanes.flatMap((lane) => lane.cells.at(-1)!).map((c) => c.name);
    expect(unrecognized).toEqual(['Typo stage row']);
    expect(mapOf(JOURNEY.slice(0, 3)).personas[0]!.stages.some((s) => s.id === null)).toBe(false);
  });

  it('has one lane per channel in vocabulary order with "No channel" last, or one per team folded', () => {
    const byChannel = mapOf(JOURNEY).personas[0]!;
    expect(byChannel.lanes.map((l) => l.label)).toEqual(['Email', 'Video call', 'Blog', 'No channel']);
    const byTeam = mapOf(JOURNEY, { lanes: 'team' }).personas[0]!;
    expect(byTeam.lanes.map((l) => l.label)).toEqual(['Marketing', 'Sales', 'Customer Success', 'Product']);
    const cs = byTeam.lanes[2]!.cells[3]!.map((c) => c.name);
    expect(cs).toEqual(['Kickoff call', 'Welcome email']);
  });

  it('leaves planned rows out of the current map and marks them on the future map', () => {
    const current = mapOf(JOURNEY).personas[0]!;
    expect(current.cards.map((c) => c.name)).not.toContain('Renewal call');
    const future = mapOf(JOURNEY, { type: 'future' }).personas[0]!;
    const renewal = future.cards.find((c) => c.name === 'Renewal call')!;
    expect(renewal.planned).toBe(true);
    expect(future.stages.find((s) => s.id === 'retention')!.gap).toBe(false);
    expect(future.cards.filter((c) => c.planned)).toHaveLength(1);
  });

  it('puts a finding on the card of its row, stage findings on the stage, the rest on the persona or the file', () => {
    const rows = [...JOURNEY, ['Q', 'Awareness', 'Ad', 'Marketing', 'Paid ads', 'Automatic', 'Outbound', 0, 'Once']];
    const map = buildJourneyMap([source(rows, {}, 'inventory.csv', [unknownValue, frictionPoint, missingStage, forgottenTouchpoints])], {
      type: 'current',
      lanes: 'channel',
      persona: 'p',
    });
    const persona = map.personas[0]!;
    expect(map.personas).toHaveLength(1);
    const typo = persona.cards.find((c) => c.name === 'Typo stage row')!;
    expect(typo.findings.map((f) => f.ruleId)).toContain('unknown-value');
    expect(typo.severity).toBe('error');
    expect(typo.findings.find((f) => f.ruleId === 'unknown-value')!.place).toBe('B7');
    const kickoff = persona.cards.find((c) => c.name === 'Kickoff call')!;
    expect(kickoff.friction).toBe(true);
    expect(persona.stages.find((s) => s.id === 'consideration')!.findings.map((f) => f.ruleId)).toContain('missing-stage');
    expect(persona.findings.every((f) => f.ruleId === 'forgotten-touchpoints')).toBe(true);
    // Persona Q is not drawn (--persona p), so its findings are not shown at all.
    expect(map.general.some((f) => f.message.includes('"Ad"'))).toBe(false);
  });

  it('gives each stage the mean emotion of its touchpoints, and null (a gap in the line) when none has data', () => {
    const [persona] = mapOf(
      [
        ['P', 'Awareness', 'A', 'M', 'Blog', '', '', 0, '', '2', '', '', '', '', '', ''],
        ['P', 'Awareness', 'B', 'M', 'Blog', '', '', 1, '', '', '-50', '', '', '', '', ''],
        ['P', 'Consideration', 'C', 'M', 'Blog', '', '', 2, '', '', '', '', '', '', '', ''],
        ['P', 'Decision', 'D', 'M', 'Blog', '', '', 3, '', '', '', '4', '', '', '', ''],
      ],
      {},
      {},
      [frictionPoint],
    ).personas;
    expect(persona!.stages[0]!.emotion).toBeCloseTo((2 + -1) / 2);
    expect(persona!.stages[1]!.emotion).toBeNull();
    expect(persona!.stages[2]!.emotion).toBeCloseTo(1);
    // NPS -50 is a friction point (friction-point's minNps is 0) even though the stage's mean is positive.
    expect(persona!.stages[0]!.friction).toBe(true);
    expect(persona!.stages[2]!.friction).toBe(false);
    expect(persona!.stages[4]!.emotion).toBeNull();
  });

  it('averages known KPIs per stage and lists KPI names', () => {
    const stages = mapOf(JOURNEY).personas[0]!.stages;
    expect(stages[0]!.kpis).toEqual({
      conversion: null,
      dropOff: null,
      nps: null,
      openRate: null,
      clickRate: null,
      csat: null,
      names: ['Sessions'],
      measured: [],
    });
    expect(stages[2]!.kpis.conversion).toBeCloseTo(0.1);
    expect(stages[3]!.kpis.dropOff).toBeCloseTo(0.5);
    expect(stages[3]!.friction).toBe(true);
  });

  it('draws the handoff into each stage, and marks a lag when teams change and the wait is over the limit', () => {
    const persona = mapOf(JOURNEY).personas[0]!;
    const onboarding = persona.stages[3]!.handoffIn!;
    expect(onboarding).toMatchObject({ fromTeam: 'Sales', toTeam: 'Customer Success', days: 20, changesTeam: true, lag: true, limit: 7 });
    expect(persona.stages[2]!.handoffIn).toMatchObject({ fromStage: 'awareness', days: 10, lag: true });
    expect(mapOf(JOURNEY, {}, { handoff: 30 }).personas[0]!.stages[3]!.handoffIn!.lag).toBe(false);
    expect(mapOf(JOURNEY, {}, { handoff: null }).personas[0]!.stages[3]!.handoffIn!.lag).toBe(false);
  });

  it('layers a blueprint: channels, then teams for manual work, then automated systems', () => {
    const persona = mapOf(JOURNEY, { type: 'blueprint' }).personas[0]!;
    expect(persona.lanes.map((l) => `${l.layer}:${l.label}`)).toEqual([
      'customer:Email',
      'customer:Video call',
      'customer:Blog',
      'customer:No channel',
      'team:Sales',
      'team:Customer Success',
      'team:Product',
      'system:Automated systems',
      'system:Always-on content and tools',
    ]);
    const sales = persona.lanes.find((l) => l.label === 'Sales')!;
    expect(sales.cells[2]!.map((c) => c.name)).toEqual(['Demo call']);
  });

  it('limits the map to one persona, matched ignoring case and spacing', () => {
    const rows = [...JOURNEY, ['Buyer Two', 'Awareness', 'Ad', 'Marketing', 'Paid ads', 'Automatic', 'Outbound', 0, 'Once']];
    expect(mapOf(rows).personas.map((p) => p.persona)).toEqual(['P', 'Buyer Two']);
    expect(mapOf(rows, { persona: ' buyer  two' }).personas.map((p) => p.persona)).toEqual(['Buyer Two']);
    expect(mapOf(rows, { persona: 'nobody' }).personas).toEqual([]);
    expect(new Set(mapOf(rows).personas.flatMap((p) => p.cards.map((c) => c.id))).size).toBe(mapOf(rows).personas.reduce((n, p) => n + p.cards.length, 0));
  });

  it('computes a touchpoint emotion from sentiment, NPS and CSAT, clamped to -2..+2', () => {
    const [t] = source([['P', 'Awareness', 'A', 'M', 'Blog', '', '', 0, '', 'delighted', '100', '5', '', '', '', '']]).model.touchpoints;
    expect(emotionOf(t!)).toBe(2);
    const [none] = source([['P', 'Awareness', 'A', 'M', 'Blog', '', '', 0, '', '', '', '', '', '', '', '']]).model.touchpoints;
    expect(emotionOf(none!)).toBeNull();
  });
});

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('day-in-the-life layout', () => {
  const crowded = Array.from({ length: 40 }, (_, i) => [
    'P',
    i < 20 ? 'Onboarding' : 'Retention',
    `Touch ${i}`,
    'CS',
    i % 3 ? 'Email' : 'Phone',
    'Automatic',
    'Outbound',
    i < 20 ? Math.floor(i / 4) : 100 + i,
    'Once',
  ]);

  it('packs marks on a lane so none overlap, however crowded the days', () => {
    const layout = dayLayout(mapOf(crowded).personas[0]!, { lanes: 'channel' });
    for (const lane of layout.lanes) {
      const boxes = lane.marks.map((m) => ({ x: m.x, y: m.y, width: layout.cardWidth, height: layout.cardHeight }));
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      for (const m of lane.marks) expect(m.y + layout.cardHeight).toBeLessThanOrEqual(lane.height);
    }
    expect(layout.lanes.reduce((n, l) => n + l.marks.length, 0)).toBe(40);
  });

  it('adds up the messages of each week as over-communication counts them, marks weeks over the limit, and shades silent stretches', () => {
    const layout = dayLayout(mapOf(crowded).personas[0]!, { lanes: 'channel' });
    // 20 touches in the first week, 7 of them phone calls: a conversation is not a message pushed at the customer.
    expect(layout.weeks[0]!.load).toBe(13);
    expect(layout.weeks[0]!.peak).toBe(true);
    expect(layout.weeks[2]!.load).toBe(0);
    expect(layout.silences).toEqual([expect.objectContaining({ from: 4, to: 120 })]);
    const daily = dayLayout(
      mapOf([
        ['P', 'Onboarding', 'Daily tip', 'CS', 'Email', 'Automatic', 'Outbound', 0, 'Daily'],
        ['P', 'Adoption', 'Check-in', 'CS', 'Email', 'Manual', 'Outbound', 21, 'Once'],
      ]).personas[0]!,
      { lanes: 'channel' },
    );
    expect(daily.weeks.map((w) => w.load)).toEqual([7, 7, 7, 1]);
    // A retargeting ad shown daily is at most one message a week, as in over-communication.
    const ad = dayLayout(
      mapOf([
        ['P', 'Awareness', 'Retargeting ads', 'Marketing', 'Paid ads', 'Automatic', 'Outbound', 0, 'Daily'],
        ['P', 'Consideration', 'Case study', 'Marketing', 'Email', 'Automatic', 'Outbound', 14, 'Once'],
      ]).personas[0]!,
      { lanes: 'channel' },
    );
    expect(ad.weeks.map((w) => w.load)).toEqual([1, 1, 1]);
    expect(dayLayout(mapOf(crowded, {}, { weekly: null }).personas[0]!, { lanes: 'channel' }).weeks.some((w) => w.peak)).toBe(false);
  });
});

describe('SVG geometry', () => {
  it('stacks cards in their cell so no two overlap and every card is inside the drawing', () => {
    const many = Array.from({ length: 30 }, (_, i) => [
      'P',
      ['Awareness', 'Decision', 'Retention'][i % 3]!,
      `T${i}`,
      `Team ${i % 4}`,
      ['Email', 'Phone'][i % 2]!,
      'Manual',
      'Outbound',
      i,
      'Once',
    ]);
    for (const type of ['current', 'blueprint'] as const) {
      const geometry = svgGeometry(mapOf(many, { type }).personas[0]!);
      const boxes = geometry.cards.map((c) => c.box);
      expect(boxes).toHaveLength(type === 'current' ? 30 : 60);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
        expect(boxes[i]!.y + boxes[i]!.height).toBeLessThanOrEqual(geometry.height);
        expect(boxes[i]!.x + boxes[i]!.width).toBeLessThanOrEqual(geometry.width);
      }
    }
  });
});
