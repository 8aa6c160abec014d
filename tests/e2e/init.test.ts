import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadInventoryFile } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { COLUMN_ORDER, templateSpec } from '../../src/init/template.js';
import { CHANNELS, DEFAULT_STAGE_MODEL } from '../../src/model/vocabulary.js';
import { journey, root } from '../helpers/cli.js';
import { sampleCounts } from '../helpers/sample-counts.js';

const SAMPLE = sampleCounts('fixtures/sample-inventory.xlsx');

// Each test runs the CLI several times; a busy machine needs more than the default 30 s for that.
const SLOW = 90_000;
const dir = mkdtempSync(join(tmpdir(), 'journey-init-'));
const spec = templateSpec({ stageModel: DEFAULT_STAGE_MODEL, channels: CHANNELS, columnNames: {}, teams: [], personas: [] });
const headers = spec.columns.map((column) => column.header);

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: Validations }).dataValidations.model;
const letterOf = (field: string) => String.fromCharCode(65 + spec.columns.findIndex((column) => column.field === field));

/** Findings as a team reads them, without where they sit (a clean copy moves rows and columns). */
function findingKeys(file: string): string[] {
  const { stdout } = journey(['audit', file, '-f', 'json']);
  const result = JSON.parse(stdout) as {
    findings: { ruleId: string; severity: string; persona: string | null; stage: string | null; touchpoint: string | null; message: string }[];
  };
  return result.findings.map((f) => JSON.stringify([f.ruleId, f.severity, f.persona, f.stage, f.touchpoint, f.message])).sort();
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('journey init (built CLI)', () => {
  it(
    'writes a starter workbook: a persona sheet with a bold frozen filtered header, notes, dropdowns from named lists, checks',
    async () => {
      const path = join(dir, 'inventory.xlsx');
      const run = journey(['init', path]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^journey: wrote .*inventory\.xlsx \(Persona, How to use, Lists\): an empty template\. Next: journey audit /);
      const workbook = await readBack(path);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Persona', 'How to use', 'Lists']);
      const sheet = workbook.getWorksheet('Persona')!;
      const header = sheet.getRow(1);
      expect(headers.map((_, i) => header.getCell(i + 1).value)).toEqual(headers);
      for (let i = 1; i <= headers.length; i++) {
        expect(header.getCell(i).font?.bold).toBe(true);
        const note = header.getCell(i).note;
        expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toBe(spec.columns[i - 1]!.note);
        expect(sheet.getColumn(i).width).toBe(spec.columns[i - 1]!.width);
      }
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe(`A1:${letterOf('notes')}1`);

      const model = validations(sheet);
      const stage = letterOf('stage');
      expect(model[`${stage}1`]).toBeUndefined();
      for (const row of [2, 500, 1001])
        expect(model[`${stage}${row}`]).toMatchObject({ type: 'list', formulae: ['Stages'], errorStyle: 'stop', showErrorMessage: true });
      expect(model[`${stage}1002`]).toBeUndefined();
      const lists: [string, string][] = [
        ['channel', 'Channels'],
        ['team', 'Teams'],
        ['mode', 'Modes'],
        ['direction', 'Directions'],
        ['status', 'Statuses'],
      ];
      for (const [field, name] of lists) expect(model[`${letterOf(field)}2`]).toMatchObject({ type: 'list', formulae: [name] });
      expect(model[`${letterOf('team')}2`]!.errorStyle).toBe('warning');
      expect(model[`${letterOf('day')}2`]).toMatchObject({
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: expect.stringMatching(/whole number of days/),
      });
      expect(model[`${letterOf('conversion')}2`]).toMatchObject({ type: 'decimal', formulae: [0, 1], error: expect.stringMatching(/percentage/) });
      expect(model[`${letterOf('nps')}2`]).toMatchObject({ type: 'whole', formulae: [-100, 100] });
      expect(model[`${letterOf('lastReviewed')}2`]).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
      expect(model[`${letterOf('touchpoint')}2`]).toBeUndefined();

      // The named ranges point at the Lists sheet's columns, which hold the stage model in order.
      const names = (workbook.definedNames.model as { name: string; ranges: string[] }[]).filter((n) => !n.name.startsWith('_xlnm.'));
      expect(Object.fromEntries(names.map((n) => [n.name, n.ranges]))).toEqual({
        Stages: ['Lists!$A$2:$A$9'],
        Channels: [`Lists!$B$2:$B$${CHANNELS.length + 1}`],
        Teams: ['Lists!$C$2:$C$7'],
        Modes: ['Lists!$D$2:$D$4'],
        Directions: ['Lists!$E$2:$E$4'],
        Statuses: ['Lists!$F$2:$F$4'],
      });
      const lists2 = workbook.getWorksheet('Lists')!;
      expect(lists2.getColumn(1).values.slice(2)).toEqual(DEFAULT_STAGE_MODEL.stages.map((s) => s.label));
      expect(lists2.getColumn(4).values.slice(2)).toEqual(['Ongoing', 'Automatic', 'Manual']);

      // Our own reader sees the same header and lists, and maps every header cell to its field.
      const loaded = await loadInventoryFile(path);
      expect(loaded.tables.map((t) => t.sheet)).toEqual(['Persona', 'How to use', 'Lists']);
      expect(loaded.tables[0]!.rows[0]!.cells).toEqual(headers);
      expect(loaded.tables[2]!.rows.slice(1, 9).map((r) => r.cells[0])).toEqual(DEFAULT_STAGE_MODEL.stages.map((s) => s.label));
      expect(loaded.tables[1]!.rows[0]!.cells[0]).toBe('How to use this inventory');
      const read = normalize([loaded]);
      expect(Object.keys(read.files[0]!.sheets[0]!.columns)).toEqual(COLUMN_ORDER);
      expect(read.files[0]!.sheets.slice(1).map((s) => s.skipped)).toEqual([
        expect.stringMatching(/no inventory header|has no touchpoint column/),
        expect.stringMatching(/no inventory header|has no touchpoint column/),
      ]);
    },
    SLOW,
  );

  it(
    'an empty template audits clean, with one friendly note that there are no touchpoints yet',
    () => {
      const path = join(dir, 'personas.xlsx');
      expect(journey(['init', path, '--personas', 'Practitioner, Executive']).code).toBe(0);
      const run = journey(['audit', path, '-f', 'stylish']);
      expect(run.code).toBe(0);
      const notes = run.stdout.split('\n').filter((line) => line.startsWith('note:'));
      expect(notes).toEqual([
        `note: ${path}: no touchpoints yet; add one row per communication under the header of sheets Practitioner, Executive, then audit again`,
      ]);
      expect(run.stdout).toMatch(/No findings in 1 file \(0 touchpoints read\)/);
    },
    SLOW,
  );

  it(
    'follows the config found for the new file: personas, stage model, channels, teams and column names',
    async () => {
      const folder = join(dir, 'configured');
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'journey.config.json'),
        JSON.stringify({
          stages: { replace: true, list: [{ id: 'trial', label: 'Free trial' }, { id: 'paid' }] },
          channels: [{ id: 'whatsapp', label: 'WhatsApp' }],
          columns: { team: ['Abteilung'] },
          stageOwners: { trial: ['Growth'], paid: ['Success'] },
          personas: ['Founder', 'Admin'],
        }),
      );
      const path = join(folder, 'inventory.xlsx');
      expect(journey(['init', path]).code).toBe(0);
      const workbook = await readBack(path);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Founder', 'Admin', 'How to use', 'Lists']);
      const lists = workbook.getWorksheet('Lists')!;
      expect(lists.getColumn(1).values.slice(2)).toEqual(['Free trial', 'Paid']);
      expect(lists.getColumn(2).values.at(-1)).toBe('WhatsApp');
      expect(lists.getColumn(3).values.slice(2)).toEqual(['Growth', 'Success']);
      expect(workbook.getWorksheet('Founder')!.getRow(1).getCell(letterOf('team')).value).toBe('Abteilung');
      const names = Object.fromEntries((workbook.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges]));
      expect(names.Stages).toEqual(['Lists!$A$2:$A$3']);
      const audit = journey(['audit', path, '-f', 'stylish']);
      expect(audit.code).toBe(0);
      expect(audit.stdout.split('\n').filter((line) => line.startsWith('note:'))).toHaveLength(1);
      // The personas the config expects have no rows yet: missing-persona says so, as it would for any inventory.
      expect(findingKeys(path).map((key) => JSON.parse(key).slice(0, 2))).toEqual([
        ['missing-persona', 'warning'],
        ['missing-persona', 'warning'],
      ]);
    },
    SLOW,
  );

  it(
    'never overwrites a file without --force, and says so in one line (exit 2)',
    () => {
      const path = join(dir, 'taken.xlsx');
      writeFileSync(path, 'mine');
      const run = journey(['init', path]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`journey: ${path} already exists; journey init never overwrites a file, so pass --force to replace it or name another file\n`);
      expect(readFileSync(path, 'utf8')).toBe('mine');
      expect(journey(['init', path, '--force']).code).toBe(0);
      expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    },
    SLOW,
  );

  it(
    'refuses option mistakes with one line',
    () => {
      expect(journey(['init', join(dir, 'a.xlsx'), '--example', '--from', 'x.csv'])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/--example and --from cannot be used together/),
      });
      expect(journey(['init', join(dir, 'a.xlsx'), '--csv'])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/--csv writes a CSV file, but .*a\.xlsx ends in \.xlsx/),
      });
      expect(journey(['init', join(dir, 'a.ods')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/writes \.xlsx/) });
      expect(journey(['init', join(dir, 'a.xlsx'), '--personas', ' , '])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/--personas: expected persona names/),
      });
      expect(journey(['init', join(dir, 'no/such/folder/a.xlsx')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such folder/) });
      expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
    },
    SLOW,
  );

  it(
    '--example writes the README sample, which audits to the sample’s findings without its planted blank row',
    async () => {
      const path = join(dir, 'example.xlsx');
      expect(journey(['init', path, '--example']).code).toBe(0);
      const workbook = await readBack(path);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Practitioner', 'Buyer', 'How to use', 'Lists']);
      const practitioner = workbook.getWorksheet('Practitioner')!;
      expect(practitioner.getRow(2).getCell(1).value).toBe('Awareness');
      const webinar = practitioner.getRow(4);
      expect(webinar.getCell(letterOf('conversion'))).toMatchObject({ value: 0.08, numFmt: '0.0%' });
      expect(webinar.getCell(letterOf('lastReviewed'))).toMatchObject({ value: new Date('2026-06-01T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
      // The planted typo stays visible, highlighted, with journey's suggestion in its note.
      const typo = practitioner.getCell(`${letterOf('stage')}12`);
      expect(typo.value).toBe('Onbaording');
      expect(typo.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
      expect(String(typo.note)).toMatch(/did you mean 'Onboarding'/);
      const audit = journey(['audit', path, '-f', 'stylish']);
      expect(audit.code).toBe(1);
      const expected = findingKeys(join(root, 'fixtures/sample-inventory.xlsx')).filter((key) => !key.startsWith('["blank-row"'));
      expect(findingKeys(path)).toEqual(expected);
      expect(expected).toHaveLength(SAMPLE.findings - (SAMPLE.byRule['blank-row'] ?? 0));
      expect(expected.filter((key) => key.includes('"error"'))).toEqual([
        expect.stringMatching(/^\["unknown-value","error","Practitioner",null,"Admin setup guide","Stage 'Onbaording'/),
      ]);
    },
    SLOW,
  );

  it(
    '--csv writes a CSV template with a Persona column and the same columns, which journey reads back',
    async () => {
      const path = join(dir, 'template.csv');
      expect(journey(['init', path]).code).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe(`\uFEFFPersona,${headers.join(',')}\r\n`);
      const example = join(dir, 'example.csv');
      expect(journey(['init', '--csv', '--example', example]).code).toBe(0);
      const expected = findingKeys(join(root, 'fixtures/sample-inventory.csv')).filter((key) => !key.startsWith('["blank-row"'));
      expect(findingKeys(example)).toEqual(expected);
    },
    SLOW,
  );

  it('--from copies each fixture shape into the template: same findings minus layout noise, the source untouched', async () => {
    const tsv = join(dir, 'shape.tsv');
    const csvText = readFileSync(join(root, 'fixtures/sample-inventory.csv'), 'utf8');
    writeFileSync(tsv, csvText.replace(/,/g, '\t'));
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, `Inventory export\r\n\r\n${csvText.replace(/,/g, ';')}`);
    for (const source of [join(root, 'fixtures/sample-inventory.xlsx'), join(root, 'fixtures/sample-inventory.csv'), tsv, semicolons]) {
      const before = hash(source);
      const out = join(dir, `from-${source.split('/').pop()}.xlsx`);
      const run = journey(['init', out, '--from', source]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/26 rows; 4 values normalized \(the original text is in Notes\); 1 cell journey could not read highlighted to fix/);
      expect(hash(source)).toBe(before);
      const expected = findingKeys(source).filter((key) => !key.startsWith('["blank-row"'));
      expect(findingKeys(out)).toEqual(expected);
      const workbook = await readBack(out);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Practitioner', 'Buyer', 'How to use', 'Lists']);
      const demo = workbook.getWorksheet('Practitioner')!.getRow(7);
      expect(demo.getCell(letterOf('channel')).value).toBe('Video call');
      expect(demo.getCell(letterOf('notes')).value).toBe('was: Channel "Zoom call"');
    }
  }, 180_000);

  it(
    '--from flags unknown values, writes a persona that cannot be a sheet name into a Persona column, and keeps formula-like text as text',
    async () => {
      const source = join(dir, 'messy.csv');
      const rows = [
        'Segment,Stage,Touchpoint,Channel,Day,Open rate,Owner team',
        'IT/Admin,Awareness,"=HYPERLINK(""http://x.example"",""click"")",Carrier pigeon,Day 4,12,@Ops',
        ',Activation,+Welcome call,Phone,-3,40%,-Sales',
      ];
      writeFileSync(source, rows.join('\n'));
      const out = join(dir, 'messy.xlsx');
      const run = journey(['init', out, '--from', source]);
      expect(run.code, run.stderr).toBe(0);
      const workbook = await readBack(out);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['IT Admin', 'How to use', 'Lists']);
      const sheet = workbook.getWorksheet('IT Admin')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('Persona');
      const col = (field: string) => spec.columns.findIndex((c) => c.field === field) + 2;
      const [first, second] = [sheet.getRow(2), sheet.getRow(3)];
      expect(first.getCell(1).value).toBe('IT/Admin');
      expect(first.getCell(col('touchpoint')).value).toBe('=HYPERLINK("http://x.example","click")');
      expect(first.getCell(col('touchpoint')).type).toBe(ExcelJS.ValueType.String);
      expect(first.getCell(col('touchpoint')).numFmt).toBe('@');
      expect(first.getCell(col('team')).value).toBe('@Ops');
      expect(second.getCell(col('touchpoint')).value).toBe('+Welcome call');
      expect(second.getCell(col('team')).value).toBe('-Sales');
      expect(first.getCell(col('channel')).value).toBe('Carrier pigeon');
      expect(first.getCell(col('channel')).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
      expect(String(first.getCell(col('channel')).note)).toMatch(/not a known channel/);
      expect(first.getCell(col('day')).value).toBe(4);
      expect(first.getCell(col('opens')).value).toBe(0.12);
      expect(second.getCell(col('stage')).value).toBe('Onboarding');
      expect(second.getCell(col('day')).value).toBe('-3');
      expect(String(second.getCell(col('day')).note)).toMatch(/is negative/);
      expect(first.getCell(col('notes')).value).toBe('was: Day "Day 4"');
      expect(second.getCell(col('notes')).value).toBe('was: Stage "Activation"');
      // No cell of the written sheet is a formula.
      execFileSync('unzip', ['-o', '-q', out, '-d', join(dir, 'messy-unzipped')]);
      const xml = readFileSync(join(dir, 'messy-unzipped/xl/worksheets/sheet1.xml'), 'utf8');
      expect(xml).not.toMatch(/<f[ >]/);
      // The team list offers the teams the inventory names.
      expect(workbook.getWorksheet('Lists')!.getColumn(3).values.slice(2)).toEqual(['@Ops', '-Sales']);
      // The copy audits with the persona as written.
      const { stdout } = journey(['audit', out, '-f', 'json']);
      expect((JSON.parse(stdout) as { files: { personas: string[] }[] }).files[0]!.personas).toEqual(['IT/Admin']);
    },
    SLOW,
  );

  it(
    '--from writes CSV with formula-like text made inert',
    () => {
      const source = join(dir, 'inject.csv');
      writeFileSync(source, 'Stage,Touchpoint,Channel,Sentiment\nAwareness,=1+2,Email,-1\n');
      const out = join(dir, 'inject-out.csv');
      expect(journey(['init', out, '--from', source]).code).toBe(0);
      const expected = [
        'inject',
        ...spec.columns.map((c) => ({ stage: 'Awareness', touchpoint: "'=1+2", channel: 'Email', sentiment: '-1' })[c.field as string] ?? ''),
      ];
      expect(readFileSync(out, 'utf8').split('\r\n')[1]).toBe(expected.join(','));
    },
    SLOW,
  );

  it(
    '--from never writes to its source, even through a symlink, and reports an unreadable source in one line',
    () => {
      const source = join(dir, 'mine.csv');
      copyFileSync(join(root, 'fixtures/sample-inventory.csv'), source);
      const before = hash(source);
      const same = journey(['init', source, '--from', source]);
      expect(same.code).toBe(2);
      expect(same.stderr).toMatch(/is the --from file .*; journey never writes to an input/);
      mkdirSync(join(dir, 'links'));
      const link = join(dir, 'links/out.csv');
      symlinkSync(source, link);
      expect(journey(['init', link, '--from', source, '--force']).code).toBe(2);
      expect(hash(source)).toBe(before);
      const missing = journey(['init', join(dir, 'x.xlsx'), '--from', join(dir, 'nope.csv')]);
      expect(missing).toMatchObject({ code: 2, stderr: `journey: ${join(dir, 'nope.csv')}: cannot be read: no such file\n` });
      expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    },
    SLOW,
  );
});
