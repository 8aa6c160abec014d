import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { loadInventoryFile } from '../../src/load/index.js';
import { templateSpec } from '../../src/init/template.js';
import { writeTemplateXlsx } from '../../src/init/write-xlsx.js';
import { CHANNELS, DEFAULT_STAGE_MODEL } from '../../src/model/vocabulary.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-write-xlsx-'));
const spec = templateSpec({ stageModel: DEFAULT_STAGE_MODEL, channels: CHANNELS, columnNames: {}, teams: [], personas: ['Buyer'] });
const created = new Date('2026-11-25T08:30:00Z');

// Text a cell can hold that an .xlsx part must escape: markup, an escape Excel itself uses, controls,
// spaces at the ends, line breaks, formula-like text, astral characters.
const HOSTILE = [
  'Tom & Jerry <b>"quoted"</b> \'it\'',
  'Takes _x0041_ not A',
  'bell\u0007 and\u0001soh',
  '  padded  ',
  'two\nlines\r\nand\ttab',
  '=HYPERLINK("http://x","y")',
  '@SUM(A1)',
  'emoji 🧭 and ##[error]',
];

function rowsWith(names: string[]) {
  return [
    {
      persona: 'Buyer',
      rows: names.map((name, i) => ({
        stage: { value: 'Awareness' },
        touchpoint: { value: name },
        day: { value: i },
        conversion: { value: 0.125 },
        lastReviewed: { value: new Date('2026-06-01T00:00:00Z') },
      })),
    },
  ];
}

/** Every entry of the archive, with its bytes: yauzl checks each entry's sizes as it inflates it. */
async function entries(path: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const found = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          found.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return found;
}

describe('the workbook writer', () => {
  it('writes a zip whose every part is well-formed XML, with the parts a workbook with notes needs', async () => {
    const path = join(dir, 'parts.xlsx');
    await writeTemplateXlsx(path, spec, rowsWith(HOSTILE), created, false);
    const parts = await entries(path);
    expect([...parts.keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/comments1.xml',
        'xl/comments3.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/drawings/vmlDrawing3.vml',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/worksheets/_rels/sheet3.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
    const { DOMParser } = new (await import('jsdom')).JSDOM('').window;
    for (const [name, bytes] of parts) {
      const document = new DOMParser().parseFromString(bytes.toString('utf8'), 'application/xml');
      expect(document.getElementsByTagName('parsererror').length, name).toBe(0);
    }
    expect(parts.get('docProps/core.xml')!.toString()).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-25T08:30:00Z</dcterms:created>');
  });

  it('keeps every hostile text as typed, read back by journey and by exceljs, and formula-like text stays text', async () => {
    const path = join(dir, 'hostile.xlsx');
    await writeTemplateXlsx(path, spec, rowsWith(HOSTILE), created, false);
    const column = spec.columns.findIndex((c) => c.field === 'touchpoint');
    const loaded = await loadInventoryFile(path);
    // `_x0041_` comes back as typed (its underscore is escaped); what a workbook cannot hold (controls) as U+FFFD.
    const stored = HOSTILE.map((text) => text.replace(/[\u0001\u0007]/g, '\uFFFD'));
    expect(loaded.tables[0]!.rows.slice(1).map((row) => row.cells[column])).toEqual(stored);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Buyer')!;
    stored.forEach((text, i) => {
      const cell = sheet.getRow(i + 2).getCell(column + 1);
      expect(cell.value, text).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
    expect(sheet.getRow(7).getCell(column + 1).numFmt).toBe('@');
    const rate = sheet.getRow(2).getCell(spec.columns.findIndex((c) => c.field === 'conversion') + 1);
    expect(rate).toMatchObject({ value: 0.125, numFmt: '0.0%' });
  });

  it('is the same bytes for the same inventory and date, so a committed template does not churn', async () => {
    const [a, b] = [join(dir, 'a.xlsx'), join(dir, 'b.xlsx')];
    await writeTemplateXlsx(a, spec, rowsWith(HOSTILE), created, false);
    await writeTemplateXlsx(b, spec, rowsWith(HOSTILE), created, false);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('streams a large copy: 20,000 rows write and read back', async () => {
    const path = join(dir, 'large.xlsx');
    const names = Array.from({ length: 20_000 }, (_, i) => `Touchpoint ${i}`);
    await writeTemplateXlsx(path, { ...spec, rows: names.length + 200 }, rowsWith(names), created, false);
    const loaded = await loadInventoryFile(path);
    expect(loaded.tables[0]!.rows).toHaveLength(names.length + 1);
    expect(loaded.tables[0]!.rows.at(-1)!.cells[1]).toBe('Touchpoint 19999');
  }, 60_000);

  it('never replaces a file without overwrite, and leaves it as it was', async () => {
    const path = join(dir, 'kept.xlsx');
    writeFileSync(path, 'mine');
    await expect(writeTemplateXlsx(path, spec, [], created, false)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });
});
