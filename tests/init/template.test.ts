import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { ColumnMatcher } from '../../src/model/columns.js';
import { CHANNELS, DEFAULT_STAGE_MODEL } from '../../src/model/vocabulary.js';
import {
  COLUMN_ORDER,
  DEFAULT_TEAMS,
  fitMessage,
  howToLines,
  parsePersonas,
  personaSheets,
  templateSpec,
  type TemplateOptions,
} from '../../src/init/template.js';

const defaults: TemplateOptions = { stageModel: DEFAULT_STAGE_MODEL, channels: CHANNELS, columnNames: {}, teams: [], personas: [] };

describe('templateSpec', () => {
  it('lays out the canonical columns in working order, each header one journey reads back as its field', () => {
    const spec = templateSpec(defaults);
    expect(spec.columns.map((c) => c.field)).toEqual(COLUMN_ORDER);
    expect(spec.columns.slice(0, 9).map((c) => c.header)).toEqual(['Stage', 'Touchpoint', 'Channel', 'Team', 'Mode', 'Direction', 'Day', 'Frequency', 'KPI']);
    const matcher = new ColumnMatcher();
    for (const column of spec.columns) expect(matcher.fieldFor(column.header)).toBe(column.field);
    for (const column of spec.columns) {
      expect(column.note.length).toBeGreaterThan(10);
      expect(column.width).toBeGreaterThanOrEqual(column.header.length);
    }
    expect(spec.sheets).toEqual([{ persona: 'Persona', sheet: 'Persona' }]);
  });

  it('gives the dropdown columns their lists and the figures their checks, each with a message saying what is allowed', () => {
    const spec = templateSpec(defaults);
    const by = Object.fromEntries(spec.columns.map((c) => [c.field, c]));
    expect(by.stage!.validation).toEqual({ kind: 'list', list: 'Stages', strict: true });
    expect(by.channel!.validation).toEqual({ kind: 'list', list: 'Channels', strict: true });
    expect(by.team!.validation).toEqual({ kind: 'list', list: 'Teams', strict: false });
    expect(by.mode!.validation).toEqual({ kind: 'list', list: 'Modes', strict: true });
    expect(by.direction!.validation).toEqual({ kind: 'list', list: 'Directions', strict: true });
    expect(by.status!.validation).toEqual({ kind: 'list', list: 'Statuses', strict: true });
    expect(by.day!.validation).toEqual({ kind: 'whole', min: 0, max: null });
    expect(by.nps!.validation).toEqual({ kind: 'whole', min: -100, max: 100 });
    for (const field of ['opens', 'clicks', 'conversion', 'dropOff', 'unsubscribe']) {
      expect(by[field]!.validation).toEqual({ kind: 'decimal', min: 0, max: 1 });
      expect(by[field]!.numFmt).toBe('0.0%');
    }
    expect(by.lastReviewed!.validation).toEqual({ kind: 'date', min: '2000-01-01' });
    for (const field of ['touchpoint', 'kpi', 'notes', 'sentiment', 'frequency']) expect(by[field]!.validation).toBeNull();
    expect(by.stage!.error).toBe('Pick a stage from the list: Awareness, Consideration, Decision, Onboarding, Adoption, Retention, Expansion, Advocacy');
    expect(by.day!.error).toMatch(/whole number of days/);
    for (const column of spec.columns) if (column.validation) expect(column.error.length).toBeGreaterThan(0);
    expect(spec.lists.map((l) => l.name)).toEqual(['Stages', 'Channels', 'Teams', 'Modes', 'Directions', 'Statuses']);
    expect(spec.lists[0]!.values).toEqual(DEFAULT_STAGE_MODEL.stages.map((s) => s.label));
    expect(spec.lists[2]!.values).toEqual(DEFAULT_TEAMS);
    expect(spec.rows).toBe(1000);
  });

  it('follows the config: its stage model in order, its channels, its column names and its teams', () => {
    const config = resolveConfig(
      ConfigSchema.parse({
        stages: { replace: true, list: [{ id: 'trial', label: 'Free trial' }, { id: 'paid' }, { id: 'churned' }] },
        channels: [{ id: 'whatsapp', label: 'WhatsApp' }],
        columns: { team: ['Abteilung'], stage: ['Phase'] },
        stageOwners: { trial: ['Growth', 'Sales'], paid: ['Success', 'growth'] },
      }),
    );
    const teams = Object.values(config.settings.stageOwners).flat();
    const spec = templateSpec({
      ...defaults,
      stageModel: config.normalize.stageModel,
      channels: config.normalize.channels,
      columnNames: config.normalize.columns,
      teams,
    });
    expect(spec.lists[0]!.values).toEqual(['Free trial', 'Paid', 'Churned']);
    expect(spec.lists[1]!.values.at(-1)).toBe('WhatsApp');
    expect(spec.lists[2]!.values).toEqual(['Growth', 'Sales', 'Success']);
    expect(spec.columns.find((c) => c.field === 'team')!.header).toBe('Abteilung');
    expect(spec.columns.find((c) => c.field === 'stage')!.header).toBe('Phase');
    expect(new ColumnMatcher(config.normalize.columns).fieldFor('Abteilung')).toBe('team');
  });

  it('covers more rows than a copied inventory has, and adds a Persona column only when asked', () => {
    expect(templateSpec({ ...defaults, dataRows: 5000 }).rows).toBe(5200);
    expect(templateSpec({ ...defaults, personaColumn: true }).columns[0]!.field).toBe('persona');
  });
});

describe('fitMessage', () => {
  it("keeps a message within Excel's 255 characters, cutting at a whole choice and pointing at the Lists sheet", () => {
    const many = Array.from({ length: 60 }, (_, i) => `Channel number ${i}`);
    const message = fitMessage('Pick a channel from the list: ', many);
    expect(message.length).toBeLessThanOrEqual(255);
    expect(message).toMatch(/^Pick a channel from the list: Channel number 0, Channel number 1, .*Channel number \d+, … \(see the Lists sheet\)$/);
    expect(fitMessage('Pick: ', ['A', 'B'])).toBe('Pick: A, B');
    const channels = templateSpec(defaults).columns.find((c) => c.field === 'channel')!.error;
    expect(channels.length).toBeLessThanOrEqual(255);
  });
});

describe('personaSheets and parsePersonas', () => {
  it('makes legal, unique sheet names that never take the template’s own sheets', () => {
    const sheets = personaSheets([
      'Practitioner',
      'IT/Admin [EU]',
      'practitioner',
      'Lists',
      'A very long persona name that Excel cannot hold',
      "'Quoted'",
      '***',
    ]);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Practitioner',
      'IT Admin EU',
      'practitioner (2)',
      'Lists (2)',
      'A very long persona name that E',
      'Quoted',
      'Persona',
    ]);
    for (const { sheet } of sheets) {
      expect(sheet.length).toBeLessThanOrEqual(31);
      expect(sheet).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('splits --personas on commas, trimming, dropping blanks and repeats', () => {
    expect(parsePersonas(' Practitioner, Executive ,,practitioner')).toEqual(['Practitioner', 'Executive']);
    expect(parsePersonas(' , ')).toEqual([]);
  });

  it('writes the how-to steps naming the persona sheets', () => {
    const lines = howToLines(templateSpec({ ...defaults, personas: ['Practitioner', 'Executive'] }));
    expect(lines[0]).toBe('How to use this inventory');
    expect(lines.join('\n')).toMatch(/here: Practitioner, Executive/);
    expect(lines.join('\n')).toMatch(/journey audit/);
  });
});
