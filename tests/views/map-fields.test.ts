// The map's cards and stage figures name the fields as the field catalogue does, and show every field a
// row can have: a column added to the catalogue fails here until the map shows it (or says why not).
import { describe, expect, it } from 'vitest';
import { FIELDS, type Field, METRIC_FIELDS, shortLabel } from '../../src/model/fields.js';
import { buildJourneyMap } from '../../src/views/map/layout.js';
import { buildOverview } from '../../src/views/map/overview.js';
import { model } from '../helpers/inventory.js';

/** A value each field reads, so one row fills every column of the catalogue. */
const VALUES: Record<Field, string | number> = {
  stage: 'Onboarding',
  touchpoint: 'Welcome email',
  team: 'Customer Success',
  channel: 'Email',
  mode: 'Automatic',
  direction: 'Outbound',
  day: 3,
  frequency: 'Weekly',
  persona: 'Admin',
  kpi: 'Activation',
  notes: 'Sent from the CRM',
  owner: 'Ana',
  audience: 1200,
  sent: 1100,
  opens: '42%',
  clicks: '3%',
  conversion: '8%',
  dropOff: '60%',
  unsubscribe: '0.5%',
  nps: 30,
  csat: 4,
  sentiment: 'Happy',
  painPoint: 'Too long',
  lastReviewed: '2026-06-01',
  status: 'Live',
  event: 'welcome_open',
};

/** The fields a card does not list among its details: its title, and what journey measure joins it by. */
const NOT_DETAILED: Partial<Record<Field, string>> = { touchpoint: "the card's title", event: 'read by journey measure' };

function mapOfEveryField() {
  const header = FIELDS.map((entry) => entry.headerWords[0]!);
  const row = FIELDS.map((entry) => VALUES[entry.id]);
  const journeyModel = model([header, row]);
  return buildJourneyMap([{ file: 'inventory.csv', model: journeyModel, findings: [], handoffLimit: 7, weeklyLimit: 3 }], {
    type: 'current',
    lanes: 'channel',
    persona: null,
  });
}

describe('the map and the field catalogue', () => {
  it('has a value for every field of the catalogue to test with', () => {
    for (const entry of FIELDS) expect(VALUES[entry.id], `VALUES has no value for the field "${entry.id}"`).toBeDefined();
  });

  it("lists every figure field of the catalogue among a card's figures, in catalogue order, by its short label", () => {
    const card = mapOfEveryField().personas[0]!.cards[0]!;
    expect(card.metrics.map((f) => f.label)).toEqual(METRIC_FIELDS.map((entry) => shortLabel(entry.id)));
    expect(card.metrics.find((f) => f.label === 'Conversion')?.value).toBe('8%');
    expect(card.metrics.find((f) => f.label === 'CSAT')?.value).toBe('80% (4 of 5)');
  });

  it("lists every other field among a card's details by its catalogue label, save its title and the Event column", () => {
    const card = mapOfEveryField().personas[0]!.cards[0]!;
    expect(card.name).toBe(VALUES.touchpoint);
    const labels = card.fields.map((f) => f.label);
    for (const entry of FIELDS) {
      if (entry.metric !== undefined || NOT_DETAILED[entry.id] !== undefined) continue;
      expect(labels, `the card's details lack the field "${entry.id}": add it to CARD_DETAILS in src/views/map/layout.ts`).toContain(entry.label);
    }
  });

  it("names a stage's figures by the catalogue's short labels", () => {
    const persona = mapOfEveryField().personas[0]!;
    const stage = buildOverview(persona, false).stages.find((s) => s.stage.id === 'onboarding')!;
    expect(stage.kpis.map((k) => k.label)).toEqual((['opens', 'clicks', 'conversion', 'dropOff', 'nps', 'csat'] as const).map(shortLabel));
  });
});
