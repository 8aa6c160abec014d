import { describe, expect, it } from 'vitest';
import { InspectResultSchema, type InspectResult } from '../../src/engine/inspect.js';
import { journey } from '../helpers/cli.js';
import { auditShape, readShape } from '../helpers/shapes.js';

// Names and values as people write them (scripts/fixtures/reading-values.mjs), read through the built CLI.
const DIR = 'fixtures/shapes/reading';

function inspectShape(file: string): InspectResult['files'][number] {
  const { code, stdout, stderr } = journey(['inspect', `${DIR}/${file}`, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return InspectResultSchema.parse(JSON.parse(stdout)).files[0]!;
}

const columnsOf = (file: InspectResult['files'][number]) => file.tables.map((table) => table.columns.map((c) => `${c.column} ${c.header} → ${c.field ?? '-'}`));

/** Findings per rule of an audit, for the rules named. */
function counts(file: string, rules: string[]): Record<string, number> {
  const { result } = auditShape(`${DIR}/${file}`);
  return Object.fromEntries(rules.map((rule) => [rule, result!.findings.filter((f) => f.ruleId === rule).length]));
}

describe('one team written several ways', () => {
  it('is one team-variants finding per team, in English and in Portuguese, with the teams entry that merges them', () => {
    const { result } = auditShape(`${DIR}/launch-teams.md`);
    const variants = result!.findings.filter((f) => f.ruleId === 'team-variants');
    expect(variants.map((f) => `${f.message}; ${f.fix}`)).toEqual([
      'One team is written 3 ways: \'Product Marketing\' (line 6), \'PMM\' (line 5) and \'Product Mktg\' (line 7); write one name, or merge them in journey.config.json: "teams": { "Product Marketing": ["PMM", "Product Mktg"] }.',
      'One team is written 3 ways: \'Customer Success\' (line 9), \'CS\' (line 8) and \'customer success\' (line 10); write one name, or merge them in journey.config.json: "teams": { "Customer Success": ["CS", "customer success"] }.',
    ]);
    // Sales and Sales Ops stay two teams; CS and Customer Success make a handoff that is no handoff.
    expect(result!.findings.filter((f) => f.ruleId === 'handoff-lag').map((f) => f.message.split(' handoff')[0])).toEqual([
      'CS → Customer Success',
      'customer success → Sales',
      'Sales → Sales Ops',
    ]);
    expect(counts('barbearia-equipes.csv', ['team-variants'])).toEqual({ 'team-variants': 1 });
    expect(auditShape(`${DIR}/barbearia-equipes.csv`).result!.findings.find((f) => f.ruleId === 'team-variants')!.message).toBe(
      "One team is written 3 ways: 'Equipe de Marketing' (D6), 'Mkt' (D2) and 'Marketing' (D3)",
    );
  });
});

describe('a confident typo', () => {
  it('is reported and read as the value it misspells, so no stage goes missing; a word that is no typo stays unknown', async () => {
    const file = inspectShape('typo-stages.csv');
    const stages = file.tables[0]!.values.stage!.listed.filter((v) => ['Onbording', 'Retension', 'Boarding'].includes(v.text));
    expect(stages.map((v) => [v.text, v.read, v.typo ?? false])).toEqual([
      ['Boarding', [], false],
      ['Onbording', ['Onboarding'], true],
      ['Retension', ['Retention'], true],
    ]);
    const model = await readShape(`${DIR}/typo-stages.csv`);
    expect(model.touchpoints.find((t) => t.name === 'Welcome email')).toMatchObject({ stage: 'onboarding', channel: 'email', mode: 'automatic' });
    expect(counts('typo-stages.csv', ['unknown-value', 'invalid-value', 'missing-stage'])).toEqual({
      'unknown-value': 4,
      'invalid-value': 1,
      'missing-stage': 0,
    });
  });

  it("of one of the file's own stages is no stage of its own (Spanish)", () => {
    const file = inspectShape('etapas-erratas.csv');
    expect(file.stageModel!.stages.map((s) => s.label)).toEqual(['Búsqueda', 'Reserva', 'Llegada', 'Estancia', 'Salida']);
    const { result } = auditShape(`${DIR}/etapas-erratas.csv`);
    expect(result!.findings.filter((f) => f.ruleId === 'unknown-value').map((f) => f.message)).toEqual([
      'Stage \'Reseva\' of "Recordatorio de pago" is not a known stage',
      'Channel \'Emial\' of "Recordatorio de pago" is not a known channel',
    ]);
  });
});

describe('a date column per cohort', () => {
  it('is one timing with several schedules: no duplicate headers, the first places the touchpoints, inspect shows them', async () => {
    const file = inspectShape('cohort-dates.csv');
    expect(columnsOf(file)[0]).toEqual([
      'A Touchpoint → touchpoint',
      'B Channel → channel',
      'C Team → team',
      'D Direction → direction',
      'E When Batch 1 → day',
      'F When Batch 2 → -',
      'G When Batch 3 → -',
      'H When Batch 4 → -',
      'I When Batch 5 → -',
      'J When Batch 6 → -',
    ]);
    expect(file.tables[0]!.schedules!.map((s) => `${s.column} ${s.header}`)).toEqual([
      'E When Batch 1',
      'F When Batch 2',
      'G When Batch 3',
      'H When Batch 4',
      'I When Batch 5',
      'J When Batch 6',
    ]);
    const text = journey(['inspect', `${DIR}/cohort-dates.csv`]).stdout;
    expect(text).toContain('F  "When Batch 2" → day (schedule 2 of 6)');
    const model = await readShape(`${DIR}/cohort-dates.csv`);
    expect(model.touchpoints.map((t) => t.day)).toEqual([0, 3, 7, 14, 21]);
    expect(model.touchpoints.map((t) => t.schedules![2]!.day)).toEqual([0, 1, 2, 4, 6]);
    expect(model.touchpoints[0]!.schedules![0]).toEqual({ label: 'When Batch 2', date: '2026-02-02', day: 0 });
  });

  it('is checked for over-communication on every schedule: the squeezed batch is the one reported (English, German)', () => {
    const { result } = auditShape(`${DIR}/cohort-dates.csv`);
    expect(result!.findings.filter((f) => f.ruleId === 'duplicate-header')).toEqual([]);
    expect(result!.findings.filter((f) => f.ruleId === 'over-communication').map((f) => f.message)).toEqual([
      'cohort-dates receives about 5 messages a week in days 0–6 on the "When Batch 4" schedule (Email from Lifecycle, Customer Success and Product), above the limit of 3',
    ]);
    expect(auditShape(`${DIR}/release-wellen.csv`).result!.findings.find((f) => f.ruleId === 'over-communication')!.message).toBe(
      'release-wellen receives about 5 messages a week in days 0–6 on the "Datum Welle 2" schedule (Email), above the limit of 3',
    );
  });
});

describe('a workbook', () => {
  it('reads every send plan and says in one line per sheet why the others were not read', () => {
    const file = inspectShape('lifecycle-workbook.xlsx');
    expect(file.tables.map((t) => [t.sheet, t.headerRow, t.touchpoints, t.skipped])).toEqual([
      ['Send plan', 1, 4, null],
      ['Win-back', 1, 3, null],
      ['Notes', null, 0, 'skipped: no inventory header in the first 30 rows'],
      [
        'Lookup',
        null,
        0,
        'skipped: a reference sheet (its name "Lookup" says it holds lists, notes or settings), not touchpoints; another sheet is the inventory',
      ],
    ]);
    expect(counts('lifecycle-workbook.xlsx', ['unknown-value', 'invalid-value', 'missing-stage'])).toEqual({
      'unknown-value': 0,
      'invalid-value': 0,
      'missing-stage': 0,
    });
  });
});
