import { describe, expect, it } from 'vitest';
import { SHORT_SESSION_MINUTES, buildGuide, type GuideQuestion } from '../../src/interview/guide.js';
import { inventoryLanguage, textLanguage } from '../../src/interview/language.js';
import { GOAL_STAGES, GUIDE_LANGUAGES, QUESTION_KINDS, QUESTION_TEXTS, fillTemplate } from '../../src/interview/questions.js';
import type { Finding } from '../../src/model/schema.js';
import { model } from '../helpers/inventory.js';

const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Direction', 'Day', 'Frequency', 'Sentiment', 'Drop-off'];

function finding(ruleId: string, fields: Partial<Finding> & { row?: number; related?: number[] }): Finding {
  const at = (row: number | null) => ({ file: 'inventory.csv', sheet: null, row, column: null, cell: null });
  return {
    ruleId,
    severity: fields.severity ?? 'warning',
    message: fields.message ?? `${ruleId} message`,
    fix: '',
    location: at(fields.row ?? null),
    related: (fields.related ?? []).map(at),
    persona: fields.persona ?? 'Admin',
    stage: fields.stage ?? null,
    touchpoint: fields.touchpoint ?? null,
    fingerprint: `${ruleId}-${fields.row ?? 0}`,
  };
}

const journey = model([
  HEADER,
  ['Admin', 'Decision', 'Contract signed', 'Sales', 'Email', 'Outbound', 10, 'Once', '', ''],
  ['Admin', 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Outbound', 31, 'Once', '', ''],
  ['Admin', 'Onboarding', 'Setup checklist', 'Product', 'In-app', 'Inbound', 32, 'Once', 'Confused', '40%'],
  ['Admin', 'Onboarding', 'Welcome series', 'Marketing', 'Email', 'Outbound', 31, 'Daily', 'Happy', ''],
  ['Admin', 'Adoption', 'Monthly newsletter', 'Content', 'Email', 'Outbound', 60, 'Monthly', '', ''],
  ['Admin', 'Adoption', 'Usage report', 'Product', 'Email', 'Outbound', 70, 'Weekly', '', ''],
]);

const findings = [
  finding('handoff-lag', { row: 3, related: [2], stage: 'onboarding', touchpoint: 'Kickoff call' }),
  finding('friction-point', { row: 4, stage: 'onboarding', touchpoint: 'Setup checklist', severity: 'warning' }),
  finding('over-communication', { row: 3, related: [4, 5], stage: 'onboarding' }),
  finding('missing-stage', { stage: 'retention', severity: 'warning' }),
  finding('one-way-stage', { row: 6, stage: 'adoption' }),
  finding('stale-review', { row: 2 }),
];

const all = (guide: ReturnType<typeof buildGuide>) => guide.guides[0]!.stages.flatMap((section) => section.questions);

describe('the interview guide', () => {
  it('asks, per stage in journey order, what each finding and gap needs, tied to them', () => {
    const guide = buildGuide(journey, findings, { language: 'en', minutes: 60 });
    const admin = guide.guides[0]!;
    expect(admin.persona).toBe('Admin');
    expect(admin.stages.map((section) => section.label)).toEqual(['Decision', 'Onboarding', 'Adoption', 'Retention']);
    const byKind = (kind: string) => all(guide).filter((q) => q.kind === kind);
    expect(byKind('handoff')[0]!.text).toBe('After "Contract signed", how long until someone from Customer Success got in touch? How did that feel?');
    expect(byKind('handoff')[0]!.because[0]).toMatchObject({ rule: 'handoff-lag', fingerprint: 'handoff-lag-3' });
    expect(byKind('friction')[0]!.text).toBe('Was "Setup checklist" easy? True or false: "Setup checklist" made it easy for me to get set up.');
    expect(byKind('over-communication')[0]!.text).toBe(
      'In Onboarding you got 3 messages from us ("Kickoff call", "Setup checklist" and "Welcome series"). Which did you read? Were any too many?',
    );
    expect(byKind('missing-stage')[0]).toMatchObject({
      stage: 'retention',
      text: 'During Retention you did not hear from us. What did you do then, and who or what helped you?',
    });
    expect(byKind('one-way')[0]!.stage).toBe('adoption');
    // A rule whose finding an interview cannot answer asks nothing.
    expect(all(guide).some((q) => q.because.some((b) => b.rule === 'stale-review'))).toBe(false);
    // Stages without any sentiment get the satisfaction question; Onboarding has one.
    expect(byKind('satisfaction').map((q) => q.stage)).toEqual(['decision', 'adoption']);
    expect(admin.warmUp.map((q) => q.kind)).toEqual(['warmup.role', 'warmup.help', 'warmup.category']);
    expect(admin.closing.map((q) => q.kind)).toEqual(['closing.else', 'closing.missed']);
  });

  it('asks about unmeasured touchpoints only when no other question already does', () => {
    const guide = buildGuide(journey, findings, { language: 'en', minutes: 120 });
    const unmeasured = all(guide).filter((q) => q.kind === 'unmeasured');
    // "Contract signed" is the handoff question's, "Monthly newsletter" the one-way stage's.
    expect(unmeasured.map((q) => q.touchpoints[0]!.name)).toEqual(['Usage report']);
  });

  it('keeps the session to its minutes, the highest priorities first, and lists the rest', () => {
    const guide = buildGuide(journey, findings, { language: 'en', minutes: 20 });
    const admin = guide.guides[0]!;
    expect(admin.plannedMinutes).toBeLessThanOrEqual(20);
    const kept = all(guide);
    expect(kept.length).toBeGreaterThan(0);
    expect(admin.leftOut.length).toBeGreaterThan(0);
    const lowestKept = Math.min(...kept.map((q) => q.priority));
    // Everything left out either ranks below what was kept or did not fit in the minutes left.
    for (const question of admin.leftOut) expect(question.priority <= lowestKept || question.minutes > 20 - admin.plannedMinutes).toBe(true);
    // The earlier handoff and the friction rank above the later one-way stage.
    const rank = (kind: string) => [...kept, ...admin.leftOut].find((q: GuideQuestion) => q.kind === kind)!.priority;
    expect(rank('friction')).toBeGreaterThan(rank('one-way'));
    expect(rank('handoff')).toBeGreaterThan(rank('one-way'));
  });

  it('quotes a name holding quotes with curly ones inside the straight ones', () => {
    const quoted = model([HEADER, ['Admin', 'Onboarding', 'Webinar "Zero trust" 101', 'Product', 'Webinar', 'Outbound', 3, 'Once', 'Confused', '']]);
    const guide = buildGuide(quoted, [finding('friction-point', { row: 2, stage: 'onboarding', touchpoint: 'Webinar "Zero trust" 101' })], {
      language: 'en',
      minutes: 45,
    });
    expect(all(guide).find((q) => q.kind === 'friction')!.text).toMatch(/^Was "Webinar “Zero trust” 101" easy\?/);
    // The answers are matched by the name as written.
    expect(all(guide).find((q) => q.kind === 'friction')!.touchpoints[0]!.name).toBe('Webinar "Zero trust" 101');
  });

  it('gives a short session to the questions the map needs: one warm-up and one closing question', () => {
    const short = buildGuide(journey, findings, { language: 'en', minutes: SHORT_SESSION_MINUTES - 1 }).guides[0]!;
    expect(short.warmUp.map((q) => q.kind)).toEqual(['warmup.role']);
    expect(short.closing.map((q) => q.kind)).toEqual(['closing.else']);
    expect(short.stages.flatMap((section) => section.questions.map((q) => q.kind))).toContain('handoff');
    const full = buildGuide(journey, findings, { language: 'en', minutes: SHORT_SESSION_MINUTES }).guides[0]!;
    expect(full.warmUp).toHaveLength(3);
    expect(full.closing).toHaveLength(2);
  });

  it('takes each further question of one kind down, so the guide does not repeat one question per stage', () => {
    const many = ['awareness', 'consideration', 'decision', 'onboarding'].map((stage, i) => finding('one-way-stage', { stage, row: i + 2 }));
    const rows = [
      HEADER,
      ...['Awareness', 'Consideration', 'Decision', 'Onboarding'].map((stage, i) => [
        'Admin',
        stage,
        `Touch ${i}`,
        'Sales',
        'Email',
        'Outbound',
        i * 10,
        'Once',
        'Fine',
        '1%',
      ]),
    ];
    const guide = buildGuide(model(rows), [...many, finding('friction-point', { row: 5, stage: 'onboarding', touchpoint: 'Touch 3' })], {
      language: 'en',
      minutes: 60,
    });
    const priorities = all(guide)
      .filter((q) => q.kind === 'one-way')
      .map((q) => q.priority);
    expect(priorities).toHaveLength(4);
    // Awareness, asked first, keeps its weight; Consideration, next, is taken down.
    expect(priorities[1]!).toBeLessThan(priorities[0]! * 0.8);
  });

  it('writes a guide only for the persona asked for, matching its name without case', () => {
    const two = model([
      HEADER,
      ['Admin', 'Decision', 'Demo', 'Sales', 'Email', 'Outbound', 1, 'Once', '', ''],
      ['Buyer', 'Decision', 'Proposal', 'Sales', 'Email', 'Outbound', 1, 'Once', '', ''],
    ]);
    expect(buildGuide(two, [], { language: 'en', minutes: 45 }).guides.map((g) => g.persona)).toEqual(['Admin', 'Buyer']);
    expect(buildGuide(two, [], { language: 'en', minutes: 45, persona: 'buyer' }).guides.map((g) => g.persona)).toEqual(['Buyer']);
  });

  it("uses the config's templates and the team's own questions, asked first in their stage", () => {
    const guide = buildGuide(journey, findings, {
      language: 'en',
      minutes: 60,
      templates: { 'missing-stage': 'Nothing from us in {stage} — what did you do?' },
      questions: [
        { text: 'How did the contract feel?', stage: 'decision', minutes: 2 },
        { text: 'What is your team size?', minutes: 1 },
      ],
    });
    expect(all(guide).find((q) => q.kind === 'missing-stage')!.text).toBe('Nothing from us in Retention — what did you do?');
    expect(guide.guides[0]!.stages[0]!.questions[0]).toMatchObject({ kind: 'own', text: 'How did the contract feel?' });
    expect(guide.guides[0]!.warmUp.at(-1)).toMatchObject({ kind: 'own', text: 'What is your team size?' });
  });

  it('writes every language with the same questions', () => {
    for (const language of GUIDE_LANGUAGES) {
      const guide = buildGuide(journey, findings, { language, minutes: 60 });
      expect(all(guide).map((q) => q.kind)).toEqual(all(buildGuide(journey, findings, { language: 'en', minutes: 60 })).map((q) => q.kind));
      // No placeholder is left unfilled.
      for (const question of all(guide)) expect(question.text, `${language}: ${question.text}`).not.toMatch(/\{[a-z]+\}/);
    }
  });
});

describe('a timeline (days, no stages)', () => {
  const timeline = model([
    ['Touchpoint', 'Team', 'Channel', 'Day'],
    ['Welcome email', 'Marketing', 'Email', 0],
    ['Activation SMS', 'Marketing', 'SMS', 1],
    ['First-week recap', 'Marketing', 'Email', 6],
    ['Check-in call', 'Customer Success', 'Phone', 45],
  ]);
  const persona = timeline.personas[0]!.name;
  const waits = [
    finding('handoff-lag', { persona, row: 5, related: [4] }),
    finding('silent-stretch', { persona, row: 5, related: [4], severity: 'info' }),
    finding('over-communication', { persona, row: 2, related: [3, 4] }),
  ];

  it('names the days a question is about, and asks about one wait once, for both findings', () => {
    const guide = buildGuide(timeline, waits, { language: 'en', minutes: 60 });
    const section = guide.guides[0]!.stages;
    expect(section.map((s) => s.label)).toEqual(['Along the journey']);
    const questions = section[0]!.questions;
    expect(questions.find((q) => q.kind === 'over-communication')!.text).toBe(
      'In days 0–6 you got 3 messages from us ("Welcome email", "Activation SMS" and "First-week recap"). Which did you read? Were any too many?',
    );
    expect(questions.filter((q) => q.kind === 'handoff' || q.kind === 'silence')).toHaveLength(1);
    expect(questions.find((q) => q.kind === 'handoff')!.because.map((b) => b.rule)).toEqual(['handoff-lag', 'silent-stretch']);
    expect(
      buildGuide(timeline, waits, { language: 'ja', minutes: 60 }).guides[0]!.stages[0]!.questions.find((q) => q.kind === 'over-communication')!.text,
    ).toContain('0〜6日目の間に私たちから3件のメッセージ（「Welcome email」、「Activation SMS」、「First-week recap」）');
  });
});

describe('hostile cells', () => {
  it('quotes a touchpoint name of a megabyte at the length every output quotes names, and keeps it whole in the data', () => {
    const long = 'x'.repeat(1_000_000);
    const guide = buildGuide(model([HEADER, ['Admin', 'Adoption', long, 'Product', 'Email', 'Outbound', 70, 'Weekly', '', '']]), [], {
      language: 'en',
      minutes: 60,
    });
    const question = all(guide).find((q) => q.kind === 'unmeasured')!;
    expect(question.text.length).toBeLessThan(400);
    expect(question.text).toContain('…');
    expect(question.because[0]!.message.length).toBeLessThan(400);
    expect(question.touchpoints[0]!.name).toBe(long);
  });
});

describe('question templates', () => {
  it('every language has every kind and every stage goal, with the same placeholders as English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]).sort();
    for (const language of GUIDE_LANGUAGES) {
      for (const kind of QUESTION_KINDS) {
        expect(QUESTION_TEXTS[language][kind], `${language} ${kind}`).toBeTruthy();
        expect(placeholders(QUESTION_TEXTS[language][kind]), `${language} ${kind}`).toEqual(placeholders(QUESTION_TEXTS.en[kind]));
      }
      for (const stage of GOAL_STAGES) expect(QUESTION_TEXTS[language][`goal.${stage}`]).toBeTruthy();
    }
  });

  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fillTemplate('{stage} for {persona} {nope}', { stage: 'Onboarding', persona: 'Admin' })).toBe('Onboarding for Admin {nope}');
  });
});

describe("the inventory's language", () => {
  it('reads it from touchpoint names and notes', () => {
    expect(textLanguage('Correo de bienvenida\nLlamada de seguimiento para el cliente\nEncuesta después de la llegada')).toBe('es');
    expect(textLanguage('E-mail de boas-vindas\nLigação para o cliente depois da visita\nPesquisa de satisfação')).toBe('pt');
    expect(textLanguage('Willkommens-E-Mail für den Kunden\nErinnerung vor dem Termin\nUmfrage nach der Lieferung')).toBe('de');
    expect(textLanguage('E-mail de bienvenue\nAppel de suivi avec le client\nRappel avant le rendez-vous')).toBe('fr');
    expect(textLanguage('Email di benvenuto\nChiamata di verifica dopo la consegna\nPromemoria prima della visita')).toBe('it');
    expect(textLanguage('Welkom e-mail voor de klant\nHerinnering na het gesprek\nEnquête van de dienst')).toBe('nl');
    expect(textLanguage('ウェルカムメール\n初回オンボーディング面談\n契約更新のお知らせ')).toBe('ja');
    expect(textLanguage('Welcome email\nKickoff call with your CSM\nRenewal reminder for the account')).toBe('en');
    // Too little to tell: English, the default.
    expect(textLanguage('NPS\nQBR')).toBe('en');
  });

  it("reads a model's language", () => {
    const spanish = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Decision', 'Correo de bienvenida para el cliente', 'Email'],
      ['Onboarding', 'Llamada de seguimiento después de la reserva', 'Phone'],
    ]);
    expect(inventoryLanguage(spanish)).toBe('es');
  });
});
