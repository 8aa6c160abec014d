import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectResultSchema, type InspectResult } from '../../src/engine/inspect.js';
import { journey } from '../helpers/cli.js';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

// Tables as people outside the project write them (scripts/fixtures/reading.mjs), read through the built CLI.
const DIR = 'fixtures/shapes/reading';

/** `journey inspect FILE --format json`, parsed. */
function inspectShape(file: string): InspectResult['files'][number] {
  const { code, stdout, stderr } = journey(['inspect', `${DIR}/${file}`, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return InspectResultSchema.parse(JSON.parse(stdout)).files[0]!;
}

/** Each table's columns as `letter header → field`. */
const columnsOf = (file: InspectResult['files'][number]) => file.tables.map((table) => table.columns.map((c) => `${c.column} ${c.header} → ${c.field ?? '-'}`));
const stagesOf = (file: InspectResult['files'][number]) => [file.stageModel!.source, file.stageModel!.stages.map((s) => s.label)];

describe('reading tables by what their columns hold', () => {
  it('maps touchpoint, channel, timing, mode and team from the cells alone when no header is a known word', () => {
    const file = inspectShape('unknown-headers.csv');
    expect(columnsOf(file)).toEqual([['A Thing → touchpoint', 'B Route → channel', 'C Moment → day', 'D Style → mode', 'E Crew → team']]);
    expect(file.tables[0]!.columns.map((c) => c.by)).toEqual(['cells', 'cells', 'cells', 'cells', 'cells']);
    expect(file.tables[0]!.columns[3]!.because).toEqual(['"Automatic" ×4; 6 of 6 cells read as modes']);
    expect(file.tables[0]!.touchpoints).toBe(6);
  });

  it("reads a renewal playbook: author's headers, T-minus timings, roles as the team, a mode with a note, current and future sections", async () => {
    const file = inspectShape('renewal-playbook.md');
    expect(columnsOf(file)).toEqual([['A Touch → touchpoint', 'B Sent when → day', 'C Who owns it → team', 'D Automation → mode', 'E In or out → direction']]);
    const model = await readShape(`${DIR}/renewal-playbook.md`);
    // T-90 is the earliest touch: day 0; T+3 is 93 days later. The divider rows are no touchpoints.
    expect(model.touchpoints.map((t) => [t.name, t.day, t.mode, t.status])).toEqual([
      ['Renewal heads-up', 0, 'automatic', null],
      ['QBR invite', 30, 'manual', null],
      ['Price change notice', 60, 'automatic', null],
      ['Renewal questions inbox', 60, 'manual', null],
      ['Usage recap video', 45, 'automatic', 'planned'],
      ['Renewal thank-you', 93, 'automatic', 'planned'],
    ]);
    expect(model.files[0]!.sheets[0]!.sections).toEqual([
      { row: 7, text: 'Current state', kind: 'current' },
      { row: 12, text: 'Future state (H2 plan)', kind: 'planned' },
    ]);
    const { code, result } = auditShape(`${DIR}/renewal-playbook.md`);
    // Warnings and notes only (handoff lags between CSM, Legal/Sales and CS Ops): no value journey could not read.
    expect(code).toBe(0);
    expect(ruleIds(result!)).not.toContain('invalid-value');
  });

  it("reads a Spanish guest-message plan: stage headings are the file's stages, timings around the arrival are days", async () => {
    const file = inspectShape('mensajes-huespedes.md');
    expect(stagesOf(file)).toEqual(['file', ['Antes de la llegada', 'Estancia']]);
    expect(columnsOf(file)[0]).toEqual(['A Mensaje → touchpoint', 'B Canal → channel', 'C Momento → day', 'D Responsable → owner', 'E Tipo → mode']);
    const model = await readShape(`${DIR}/mensajes-huespedes.md`);
    expect(model.personas.map((p) => p.name)).toEqual(['mensajes-huespedes']);
    expect(model.touchpoints.map((t) => [t.stage, t.channel, t.day, t.mode])).toEqual([
      ['antes-de-la-llegada', 'email', 0, 'automatic'],
      ['antes-de-la-llegada', 'sms', 5, 'automatic'],
      ['antes-de-la-llegada', 'email', 6, 'automatic'],
      ['estancia', 'in-person', 0, 'manual'],
      ['estancia', 'email', 1, 'automatic'],
    ]);
    expect(ruleIds(auditShape(`${DIR}/mensajes-huespedes.md`).result!)).not.toContain('invalid-value');
  });

  it('reads a Portuguese journey audit with its own phases, "Ponto" as the touchpoint and "Contínuo" as timing', () => {
    const file = inspectShape('barbearia.csv');
    expect(stagesOf(file)).toEqual(['file', ['Descoberta', 'Agendamento', 'Visita', 'Pós-visita']]);
    expect(columnsOf(file)).toEqual([['A Etapa → stage', 'B Ponto → touchpoint', 'C Canal → channel', 'D Responsável → owner', 'E Quando → day']]);
    const { result } = auditShape(`${DIR}/barbearia.csv`);
    expect(ruleIds(result!)).not.toContain('invalid-value');
    expect(ruleIds(result!)).not.toContain('unknown-value');
  });

  it('reads a German release plan: offsets before and after the release, directions in German', async () => {
    const file = inspectShape('kommunikationsplan.csv');
    expect(columnsOf(file)).toEqual([
      ['A Maßnahme → touchpoint', 'B Kanal → channel', 'C Zeitpunkt → day', 'D Verantwortlich → team', 'E Richtung → direction'],
    ]);
    const model = await readShape(`${DIR}/kommunikationsplan.csv`);
    expect(model.touchpoints.map((t) => [t.channel, t.day, t.direction])).toEqual([
      ['email', 0, 'outbound'],
      ['webinar', 7, 'outbound'],
      ['blog', 14, 'outbound'],
      ['support-desk', 15, 'inbound'],
      ['survey', 28, 'outbound'],
    ]);
    expect(ruleIds(auditShape(`${DIR}/kommunikationsplan.csv`).result!)).not.toContain('invalid-value');
  });

  it('reads a French sequence ("Étape", "Point de contact", "J+1", "3 jours après")', async () => {
    expect(columnsOf(inspectShape('sequence-accueil.csv'))).toEqual([
      ['A Étape → stage', 'B Point de contact → touchpoint', 'C Canal → channel', 'D Quand → day', 'E Responsable → team'],
    ]);
    const model = await readShape(`${DIR}/sequence-accueil.csv`);
    expect(model.touchpoints.map((t) => [t.stage, t.channel, t.day])).toEqual([
      ['onboarding', 'email', 0],
      ['onboarding', 'phone', 1],
      ['adoption', 'email', 3],
      ['adoption', 'webinar', 14],
    ]);
  });

  it('reads an Italian plan with activities and channels only, and its cadences', async () => {
    expect(columnsOf(inspectShape('piano-comunicazione.md'))).toEqual([
      ['A Attività → touchpoint', 'B Canale → channel', 'C Frequenza → frequency', 'D Responsabile → owner'],
    ]);
    const model = await readShape(`${DIR}/piano-comunicazione.md`);
    expect(model.touchpoints.map((t) => t.frequency?.cadence)).toEqual(['monthly', 'daily', 'monthly']);
  });

  it('reads a Dutch plan whose "Kanaal" column names the touchpoints and whose Type is Push/Pull', async () => {
    const file = inspectShape('communicatieplan.csv');
    expect(columnsOf(file)).toEqual([
      ['A Kanaal → touchpoint', 'B Doelgroep → persona', 'C Type → direction', 'D Frequentie → frequency', 'E Eigenaar → team'],
    ]);
    const model = await readShape(`${DIR}/communicatieplan.csv`);
    expect(model.touchpoints.map((t) => [t.direction, t.frequency?.cadence])).toEqual([
      ['outbound', 'monthly'],
      ['inbound', null],
      ['outbound', 'monthly'],
      ['outbound', 'quarterly'],
    ]);
  });

  it('reads a Japanese journey-map grid: its lanes and its stages against the default lifecycle', async () => {
    const file = inspectShape('journey-map-ja.md');
    expect(file.tables[0]!.grid!.lanes.map((lane) => [lane.label, lane.readAs])).toEqual([
      ['タッチポイント', 'touchpoint'],
      ['行動', 'action'],
      ['思考・感情', 'sentiment'],
      ['問題・課題・要求', 'painPoint'],
    ]);
    const model = await readShape(`${DIR}/journey-map-ja.md`);
    expect([...new Set(model.touchpoints.map((t) => t.stage))]).toEqual(['awareness', 'consideration', 'decision', 'adoption']);
    expect(ruleIds(auditShape(`${DIR}/journey-map-ja.md`).result!)).not.toContain('unknown-value');
  });

  it("takes an airline's own phases as the stage model, though Booking and Payment resemble Decision", () => {
    const file = inspectShape('airline-phases.csv');
    expect(stagesOf(file)).toEqual(['file', ['Discovery', 'Search', 'Selection', 'Booking', 'Payment', 'Confirmation', 'Check-in', 'Boarding', 'Post-flight']]);
    expect(ruleIds(auditShape(`${DIR}/airline-phases.csv`).result!)).not.toContain('unknown-value');
  });

  it('reads a send plan of calendar dates as a dated timeline, its Audience of segments as the persona, and a merged future-state divider', async () => {
    const file = inspectShape('send-plan.xlsx');
    expect(columnsOf(file)[0]).toEqual(['A Email → touchpoint', 'B Send date → day', 'C Audience → persona', 'D Status → status']);
    const model = await readShape(`${DIR}/send-plan.xlsx`);
    const plan = model.touchpoints.filter((t) => t.place.sheet === 'Send plan');
    expect(plan.map((t) => [t.day, t.timing, t.status, t.persona])).toEqual([
      [0, '2026-03-02', 'live', 'All customers'],
      [7, '2026-03-09', 'planned', 'All customers'],
      [9, '2026-03-11', 'planned', 'Admins'],
      [15, '2026-03-17', 'planned', 'Admins'],
      [22, '2026-03-24', 'planned', 'All customers'],
    ]);
    const lifecycle = model.touchpoints.filter((t) => t.place.sheet === 'Lifecycle');
    expect(lifecycle.map((t) => [t.name, t.status])).toEqual([
      ['Welcome email', null],
      ['Kickoff call', null],
      ['In-app checklist', 'planned'],
      ['Health check call', 'planned'],
    ]);
    expect(ruleIds(auditShape(`${DIR}/send-plan.xlsx`).result!)).not.toContain('invalid-value');
  });

  it('never ends at a refusal: inspect shows the best guess per column and the columns config that reads the table', () => {
    const { code, stdout } = journey(['inspect', `${DIR}/gates.csv`, '--format', 'json']);
    expect(code).toBe(2);
    const file = InspectResultSchema.parse(JSON.parse(stdout)).files[0]!;
    expect(file.error).toMatch(/the header \(Item, Notes, Gate\) has no stage, day, channel or frequency column/);
    expect(columnsOf(file)).toEqual([['A Item → touchpoint', 'B Notes → notes', 'C Gate → -']]);
    expect(file.tables[0]!.missing).toEqual(['stage, day, channel or frequency']);
    expect(file.tables[0]!.suggestedConfig).toEqual({ columns: { stage: ['Gate'] } });
    const text = journey(['inspect', `${DIR}/gates.csv`]);
    expect(text.stdout).toContain('To read it, map columns in journey.config.json: {"columns":{"stage":["Gate"]}}');
    const audit = journey(['audit', `${DIR}/gates.csv`]);
    expect(audit.code).toBe(2);
    expect(audit.stderr.trim().split('\n')).toHaveLength(1);
    expect(audit.stderr).toMatch(
      /gates\.csv row 1: is not a communication inventory: the header \(Item, Notes, Gate\) has no stage, day, channel or frequency column/,
    );
  });

  // Issue 30's trial: tables of the shapes a new user's files had, each written again in other words and languages.
  describe('tables of the shapes met in the trial', () => {
    it('reads Yes/No as the mode only under a header that asks about automation (German)', async () => {
      const file = inspectShape('benachrichtigungen.csv');
      expect(columnsOf(file)).toEqual([
        ['A Nachricht → touchpoint', 'B Wann → day', 'C Kanal → channel', 'D Automatisiert? → mode', 'E Freigabe nötig → -', 'F Team → team'],
      ]);
      const model = await readShape(`${DIR}/benachrichtigungen.csv`);
      expect(model.touchpoints.map((t) => t.mode)).toEqual(['automatic', 'automatic', 'manual', 'manual', 'automatic']);
      const { code, result } = auditShape(`${DIR}/benachrichtigungen.csv`);
      expect(code).toBe(0);
      expect(ruleIds(result!)).not.toContain('invalid-value');
    });

    it('gives each table under a numbered stage heading its stage, with no stage column (French blueprint)', async () => {
      const file = inspectShape('parcours-etapes.md');
      expect(stagesOf(file)).toEqual(['file', ['Découverte', 'Inscription', 'Suivi']]);
      expect(file.tables.map((t) => t.touchpoints)).toEqual([2, 1, 2]);
      expect(columnsOf(file)[1]).toEqual(['A Point de contact → touchpoint', "B Action de l'adhérent → -", "C Action de l'équipe → -", 'D Outils → -']);
      const model = await readShape(`${DIR}/parcours-etapes.md`);
      expect(model.touchpoints.map((t) => t.stage)).toEqual(['decouverte', 'decouverte', 'inscription', 'suivi', 'suivi']);
      expect(auditShape(`${DIR}/parcours-etapes.md`).code).toBe(0);
    });

    it('takes numbered segment headings with a note in brackets as personas, and a bare "Persona" heading as a section (Spanish)', async () => {
      const model = await readShape(`${DIR}/segmentos.md`);
      expect(model.personas.map((p) => p.name)).toEqual(['Clientes nuevos', 'Clientes recurrentes']);
      expect(model.touchpoints.map((t) => [t.persona, t.day])).toEqual([
        ['Clientes nuevos', 0],
        ['Clientes nuevos', 2],
        ['Clientes nuevos', 7],
        ['Clientes recurrentes', 180],
        ['Clientes recurrentes', 300],
      ]);
    });

    it("knows grid lanes written in the plural (Spanish), and the grid stages as the file's own", async () => {
      const file = inspectShape('mapa-viaje.md');
      expect(file.tables[0]!.grid!.lanes.map((lane) => [lane.label, lane.readAs])).toEqual([
        ['Acciones del cliente', 'action'],
        ['Puntos de contacto', 'touchpoint'],
        ['Emociones', 'sentiment'],
        ['Puntos de dolor', 'painPoint'],
        ['Oportunidades', 'opportunity'],
      ]);
      expect(stagesOf(file)).toEqual(['file', ['Búsqueda', 'Reserva', 'Consulta', 'Seguimiento']]);
      const model = await readShape(`${DIR}/mapa-viaje.md`);
      expect(model.touchpoints.map((t) => t.name)).toEqual(['Buscador', 'Web', 'Teléfono', 'Recepción', 'Email']);
    });

    it("reads a service blueprint's Frontstage lane as its touchpoints when no lane is called so (German)", async () => {
      const file = inspectShape('blueprint-werkstatt.csv');
      expect(file.tables[0]!.grid!.lanes.map((lane) => [lane.label, lane.readAs])).toEqual([
        ['Kundenaktion', 'action'],
        ['Frontstage', 'touchpoint'],
        ['Backstage', null],
        ['Probleme', 'painPoint'],
      ]);
      const model = await readShape(`${DIR}/blueprint-werkstatt.csv`);
      expect(model.touchpoints.map((t) => [t.stage, t.name])).toEqual([
        ['termin-buchen', 'Telefon-Hotline'],
        ['auto-abgeben', 'Annahmeschalter'],
        ['reparatur', 'Statusmeldung per SMS'],
        ['abholen', 'Kasse'],
      ]);
    });

    it("takes a phase column of the file's own as the stage model though one phase resembles a default stage (Italian)", () => {
      const file = inspectShape('fasi-cliente.csv');
      expect(stagesOf(file)).toEqual(['file', ['Primi passi', 'Onboarding', 'Rinnovo']]);
      // "Contatto" is no header word: its cells, message names that start with their channel ("Email di benvenuto"), are the touchpoints.
      expect(columnsOf(file)).toEqual([['A Fase → stage', 'B Contatto → touchpoint', 'C Canale → channel', 'D Quando → day']]);
      expect(ruleIds(auditShape(`${DIR}/fasi-cliente.csv`).result!)).not.toContain('unknown-value');
    });

    it('reads a stakeholder plan: who, the information they need, and meetings named by their head word (Portuguese)', () => {
      const file = inspectShape('partes-interessadas.md');
      expect(columnsOf(file)).toEqual([
        ['A Partes interessadas → persona', 'B Informação necessária → touchpoint', 'C Canal → channel', 'D Frequência → frequency'],
      ]);
      const { code, result } = auditShape(`${DIR}/partes-interessadas.md`);
      expect(code).toBe(0);
      expect(ruleIds(result!)).not.toContain('unknown-value');
    });

    it('reads a milestone column as the stage beside the messages, and as the touchpoints when nothing else names them', () => {
      const phases = inspectShape('jalons.md');
      expect(columnsOf(phases)).toEqual([['A Jalon → stage', 'B Message → touchpoint', 'C Cible → persona', 'D Canal → channel']]);
      expect(stagesOf(phases)).toEqual(['file', ['Annonce', 'Préparation', 'Emménagement']]);
      expect(columnsOf(inspectShape('milestones.csv'))).toEqual([['A Milestone → touchpoint', 'B Channel → channel', 'C Owner → team']]);
      expect(auditShape(`${DIR}/milestones.csv`).code).toBe(0);
    });

    it('marks the rows under a merged "next quarter" divider planned (German workbook)', async () => {
      const model = await readShape(`${DIR}/versandplan.xlsx`);
      expect(model.touchpoints.map((t) => [t.name, t.status])).toEqual([
        ['Willkommensmail', null],
        ['Einrichtungshilfe', null],
        ['Funktionstipps', 'planned'],
        ['Treuebonus', 'planned'],
      ]);
      expect(model.files[0]!.sheets[0]!.sections).toEqual([{ row: 4, text: 'NÄCHSTES QUARTAL', kind: 'planned' }]);
    });

    it('reads a communication plan written in Chinese', () => {
      const file = inspectShape('gouton-jihua.md');
      expect(columnsOf(file)).toEqual([['A 沟通对象 → persona', 'B 沟通内容 → touchpoint', 'C 沟通方式 → channel', 'D 频率 → frequency', 'E 负责人 → owner']]);
      const { code, result } = auditShape(`${DIR}/gouton-jihua.md`);
      expect(code).toBe(0);
      expect(ruleIds(result!)).not.toContain('unknown-value');
    });

    it('still refuses a glossary and an audience profile, each with one line that says what is missing', () => {
      for (const [name, reason] of [
        [
          'glossar.md',
          /glossar\.md: is not a communication inventory: its table at line 3 under "Glossar" has no touchpoint column with a stage, day or channel column/,
        ],
        [
          'doelgroepprofiel.md',
          /doelgroepprofiel\.md \[sheet "Doelgroepen"\] row 3: is not a communication inventory: the header \(Doelgroep, Omvang, Kernboodschap, Toon\) has no stage, day, channel or frequency column/,
        ],
      ] as const) {
        const audit = journey(['audit', `${DIR}/${name}`]);
        expect(audit.code).toBe(2);
        expect(audit.stderr.trim().split('\n')).toHaveLength(1);
        expect(audit.stderr).toMatch(reason);
      }
    });

    it('refuses a price list, meeting notes and a changelog by what their headers say, though their cells look like an inventory', () => {
      for (const [name, reason] of [
        ['tabela-precos.csv', /tabela-precos\.csv row 1: is not a communication inventory: its headers \(Plano, Preço\) say it is a price list/],
        [
          'compte-rendu.md',
          /compte-rendu\.md \[sheet "Réunion hebdomadaire"\] row 3: is not a communication inventory: its headers \(Participants, Décision\) say it is meeting notes/,
        ],
        [
          'henkou-rireki.md',
          /henkou-rireki\.md \[sheet "変更履歴"\] row 3: is not a communication inventory: its headers \(バージョン, 変更内容\) say it is a changelog/,
        ],
      ] as const) {
        const audit = journey(['audit', `${DIR}/${name}`]);
        expect(audit.code).toBe(2);
        expect(audit.stderr.trim().split('\n')).toHaveLength(1);
        expect(audit.stderr).toMatch(reason);
        expect(audit.stderr).toContain('map its touchpoint column in journey.config.json');
      }
      // The config naming the touchpoint column reads the table as the user says it is.
      const folder = mkdtempSync(join(tmpdir(), 'journey-reading-'));
      const config = join(folder, 'journey.config.json');
      writeFileSync(config, JSON.stringify({ columns: { touchpoint: ['Plano'] } }));
      const pinned = journey(['inspect', `${DIR}/tabela-precos.csv`, '--config', config, '--format', 'json']);
      expect(pinned.code).toBe(0);
      expect(InspectResultSchema.parse(JSON.parse(pinned.stdout)).files[0]!.tables[0]!.touchpoints).toBe(3);
    });
  });
});
