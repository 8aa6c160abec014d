import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey, root } from '../helpers/cli.js';

const SAMPLE = 'fixtures/sample-inventory.xlsx';
const TRIAL = 'fixtures/trial/acme-cloud.xlsx';
const TRIAL_CONFIG = 'fixtures/trial/journey.config.json';
const dir = mkdtempSync(join(tmpdir(), 'journey-interview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface GuideJson {
  version: number;
  language: string;
  guides: {
    persona: string;
    plannedMinutes: number;
    minutes: number;
    stages: { questions: { kind: string; because: { rule: string | null; fingerprint: string | null; location: { row: number | null } }[] }[] }[];
  }[];
}

describe('journey interview', () => {
  it('writes the guide for the sample inventory', async () => {
    const run = journey(['interview', SAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/sample-interview-guide.md');
  });

  it('writes the guide for a trial-sized workbook of three personas', async () => {
    const run = journey(['interview', TRIAL, '-c', TRIAL_CONFIG]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/trial-interview-guide.md');
  });

  it.each([
    [SAMPLE, [], ['Practitioner', 'Buyer']],
    [TRIAL, ['-c', TRIAL_CONFIG], ['IT admin', 'Economic buyer', 'End user']],
  ])('ties every question of %s to a finding of the audit or to a row of the inventory, and keeps to the minutes', (file, config, personas) => {
    const guide = JSON.parse(journey(['interview', file, ...config, '--format', 'json', '--minutes', '30']).stdout) as GuideJson;
    const audit = JSON.parse(journey(['audit', file, ...config, '--format', 'json']).stdout) as { findings: { fingerprint: string }[] };
    const fingerprints = new Set(audit.findings.map((finding) => finding.fingerprint));
    expect(guide.guides.map((g) => g.persona)).toEqual(personas);
    for (const persona of guide.guides) {
      expect(persona.plannedMinutes).toBeLessThanOrEqual(30);
      const questions = persona.stages.flatMap((stage) => stage.questions);
      expect(questions.length).toBeGreaterThan(0);
      for (const question of questions) {
        expect(question.because.length).toBeGreaterThan(0);
        for (const because of question.because) {
          if (because.rule === null) expect(because.location.row).toBeGreaterThan(0);
          else expect(fingerprints.has(because.fingerprint!)).toBe(true);
        }
      }
    }
  });

  it("writes the answers sheet with the guide's questions, and never replaces a filled-in one", () => {
    const sheet = join(dir, 'answers.csv');
    const run = journey(['interview', SAMPLE, '--persona', 'buyer', '--template', sheet, '-o', join(dir, 'guide.md')]);
    expect(run.code).toBe(0);
    // Each file said once.
    expect(run.stderr).toBe(
      `journey: wrote ${sheet}; the answers sheet: fill in one row per answer, then pass it with --answers\njourney: wrote ${join(dir, 'guide.md')}\n`,
    );
    const lines = readFileSync(sheet, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Persona,Interviewee,Stage,Touchpoint,Question,Quote,Feeling,Date');
    expect(lines.slice(1).every((line) => line.startsWith('Buyer,'))).toBe(true);
    expect(lines.some((line) => line.includes('Security review') || line.includes('Quarterly business review'))).toBe(true);
    expect(readFileSync(join(dir, 'guide.md'), 'utf8')).toContain('## Buyer');
    // journey wrote the guide, so it may replace it; never the answers sheet someone fills in.
    expect(journey(['interview', SAMPLE, '--persona', 'buyer', '-o', join(dir, 'guide.md')]).code).toBe(0);
    const again = journey(['interview', SAMPLE, '--template', sheet, '--force']);
    expect(again).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `journey: --template ${sheet}: already exists, and journey never replaces an answers sheet (it may hold answers); name another file\n`,
    });
  });

  it('writes the answers sheet as CSV or TSV, which journey reads back, and refuses any other kind before any work', () => {
    const tsv = join(dir, 'answers.tsv');
    expect(journey(['interview', SAMPLE, '--persona', 'Buyer', '--template', tsv]).code).toBe(0);
    const [header, first] = readFileSync(tsv, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toBe('Persona\tInterviewee\tStage\tTouchpoint\tQuestion\tQuote\tFeeling\tDate');
    expect(first!.split('\t')).toHaveLength(8);
    writeFileSync(tsv, readFileSync(tsv, 'utf8').replace(/\r\nBuyer\t\t([^\t\r][^\r]*)\t\t\t\r\n/, '\r\nBuyer\tB1\t$1\t"Too slow, ""really"""\t-2\t\r\n'));
    // A quote holding quotes, as a spreadsheet saves it.
    const report = journey(['report', SAMPLE, '--answers', tsv]);
    expect(report.stderr).toBe('');
    expect(report.stdout).toContain('“Too slow, "really"” (B1');
    const workbook = journey(['interview', SAMPLE, '--template', join(dir, 'answers.xlsx')]);
    expect(workbook).toMatchObject({ code: 2, stdout: '' });
    expect(workbook.stderr).toMatch(/^journey: --template .*answers\.xlsx: journey writes the answers sheet as \.csv or \.tsv/);
  });

  it("checks the team's own templates and questions: an unknown placeholder is a config error, a question for no persona a note", () => {
    const folder = mkdtempSync(join(dir, 'config-'));
    copyFileSync(join(root, SAMPLE), join(folder, 'inventory.xlsx'));
    const config = (interview: object) => writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ interview }));
    config({ templates: { en: { friction: 'Was {touchpont} easy?' } } });
    const typo = journey(['interview', 'inventory.xlsx'], { cwd: folder });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown placeholder {touchpont}; journey fills {persona}, {stage}, {touchpoint}');
    config({ questions: [{ text: 'What made you switch?', persona: 'Practitionner', stage: 'decision' }] });
    const persona = journey(['interview', 'inventory.xlsx'], { cwd: folder });
    expect(persona.code).toBe(0);
    expect(persona.stderr).toBe(
      'journey: note: interview.questions[0]: persona "Practitionner" is not in inventory.xlsx, so the question is not asked; did you mean "Practitioner"?\n',
    );
    expect(persona.stdout).not.toContain('What made you switch?');
  });

  it("writes the guide in the language asked for, or the inventory's own", () => {
    const german = journey(['interview', SAMPLE, '--lang', 'de', '--persona', 'Practitioner']);
    expect(german.stdout).toContain('### Zum Einstieg');
    const spanish = join(dir, 'es.csv');
    writeFileSync(
      spanish,
      'Persona,Stage,Touchpoint,Channel,Day\nHuésped,Decision,Correo de confirmación de la reserva,Email,0\nHuésped,Onboarding,Llamada de bienvenida después de la llegada,Phone,3\nHuésped,Retention,Encuesta de satisfacción para el cliente,Email,10\n',
    );
    expect(journey(['interview', spanish]).stdout).toContain('### Para empezar');
  });

  it('refuses an unknown persona, a folder of several inventories and an unreadable file, in one line, exit 2', () => {
    const persona = journey(['interview', SAMPLE, '--persona', 'Nobody']);
    expect(persona.code).toBe(2);
    expect(persona.stderr).toBe(`journey: --persona: no persona "Nobody" in ${SAMPLE} (its personas: Practitioner, Buyer)\n`);
    const folder = journey(['interview', 'fixtures']);
    expect(folder.code).toBe(2);
    // The folder's markdown files that hold no inventory are each noted first (a folder run lists every file it passes over).
    const lines = folder.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^journey: fixtures: names \d+ inventories; journey interview writes the guide for one inventory file$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^journey: note: skipped fixtures\/\S+\.md: /);
    const missing = journey(['interview', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const minutes = journey(['interview', SAMPLE, '--minutes', '5']);
    expect(minutes.code).toBe(2);
    expect(minutes.stderr).toContain('--minutes: expected a whole number of minutes from 10 to 480');
  });

  it('reads --answers against the inventory, and names every row it cannot read in its own line, exit 2', () => {
    const answers = join(dir, 'bad-answers.csv');
    writeFileSync(
      answers,
      'Persona,Interviewee,Stage,Touchpoint,Question,Quote,Feeling,Date\nPractitioner,P1,Onbaording,,,Lost,-2,\nPractitioner,P2,,Pricing pag,,Hm,-1,\nPractitioner,P3,,Pricing page,,Fine,1,2026-11-02\nNobody,P4,,,,x,0,\n',
    );
    for (const command of ['audit', 'report', 'map']) {
      const run = journey([command, SAMPLE, '--answers', answers, ...(command === 'map' ? ['-o', join(dir, 'map.html')] : [])]);
      expect(run.code, command).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `journey: ${answers} C2: stage "Onbaording" is not a stage of the inventory's model; did you mean "Onboarding"? (Awareness, Consideration, Decision, Onboarding, Adoption, Retention, Expansion, Advocacy)`,
        `journey: ${answers} D3: touchpoint "Pricing pag" is not one of Practitioner's in the inventory; did you mean "Pricing page"?`,
        `journey: ${answers} A5: persona "Nobody" is not in the inventory (Practitioner, Buyer)`,
      ]);
    }
    const two = journey(['audit', SAMPLE, 'fixtures/sample-inventory.csv', '--answers', answers]);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('journey: --answers: goes with one inventory file, not 2\n');
  });

  it('passes over an answers sheet kept beside the inventory in a folder run, and refuses it named as an inventory', () => {
    const folder = mkdtempSync(join(dir, 'beside-'));
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'inventory.csv'));
    expect(journey(['interview', 'inventory.csv', '--template', 'answers.csv'], { cwd: folder }).code).toBe(0);
    const alone = journey(['audit', 'inventory.csv', '--format', 'json'], { cwd: folder });
    const both = journey(['audit', '.', '--format', 'json'], { cwd: folder });
    expect(both.code).toBe(alone.code);
    expect(both.stderr).toBe('journey: note: skipped answers.csv: an interview answers sheet (journey interview --template); give it with --answers\n');
    expect(JSON.parse(both.stdout).summary).toEqual(JSON.parse(alone.stdout).summary);
    const named = journey(['audit', 'answers.csv'], { cwd: folder });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^journey: answers\.csv: looks like an interview answers sheet .*--answers, beside the inventory it is about/);
  });

  it('never writes over the answers sheet it reads', () => {
    const answers = join(dir, 'answers-kept.csv');
    writeFileSync(answers, 'Persona,Interviewee,Stage,Touchpoint,Question,Quote,Feeling,Date\nPractitioner,P1,Onboarding,,,Lost,-2,\n');
    const run = journey(['audit', SAMPLE, '--answers', answers, '-o', answers, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is .*input.* of this run/);
    expect(readFileSync(answers, 'utf8')).toContain('Lost');
  });

  it('round-trips the answers sheet: the template filled in becomes friction in the audit and quotes in the report', () => {
    const sheet = join(dir, 'round-trip.csv');
    expect(journey(['interview', SAMPLE, '--persona', 'Practitioner', '--template', sheet]).code).toBe(0);
    const [header, ...rows] = readFileSync(sheet, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Two interviewees answer the handoff question about the kickoff call; one of them the pricing page too.
    const kickoff = rows.find((row) => row.includes(',Kickoff call,'))!;
    const answered = [
      kickoff.replace(/^Practitioner,,/, 'Practitioner,P1,').replace(/,,,$/, ',Nobody called for two weeks,-2,2026-11-20'),
      kickoff.replace(/^Practitioner,,/, 'Practitioner,P2,').replace(/,,,$/, ',I felt lost after signing,frustrated,2026-11-21'),
      kickoff.replace(/^Practitioner,,/, 'Practitioner,P3,').replace(/,,,$/, ',It was fine,1,2026-11-22'),
      // A quote without a feeling: an interviewee of the stage, not of its mean.
      kickoff.replace(/^Practitioner,,/, 'Practitioner,P4,').replace(/,,,$/, ',Which call?,,2026-11-23'),
    ];
    writeFileSync(sheet, [header, ...answered, ...rows].join('\r\n'));
    const audit = JSON.parse(journey(['audit', SAMPLE, '--answers', sheet, '--format', 'json']).stdout) as {
      findings: { ruleId: string; message: string; stage: string | null }[];
    };
    const heard = audit.findings.filter((finding) => finding.ruleId === 'friction-point' && finding.message.includes('interviewees'));
    expect(heard).toEqual([
      expect.objectContaining({
        stage: 'onboarding',
        message: '2 of 3 interviewees (Practitioner) felt negative in Onboarding: "Nobody called for two weeks" and "I felt lost after signing"',
      }),
    ]);
    const report = journey(['report', SAMPLE, '--answers', sheet]).stdout;
    expect(report).toContain('### What interviewees said');
    expect(report).toContain('- **Onboarding**: 4 interviewees (3 gave a feeling), 2 negative');
    // Three quotes a stage; the fourth is counted.
    expect(report).toContain('  - and 1 more quote in the answers sheet');
    expect(report).toContain('“Nobody called for two weeks” (P1, Kickoff call)');
    expect(journey(['report', SAMPLE]).stdout).not.toContain('What interviewees said');
  });
});
