import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadInventoryFile } from '../../src/load/index.js';
import { DEFAULT_READ_LIMITS } from '../../src/load/limits.js';
import { workbookEntries, worksheetXml, zipBytes } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-xlsx-'));

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('xlsx loader', () => {
  it('reads every sheet in order with merged cells, cached formula results, rich text, hyperlinks and dates', async () => {
    const path = await workbook('kinds.xlsx', (wb) => {
      const ws = wb.addWorksheet('Practitioner');
      ws.addRow(['Stage', 'Touchpoint', 'Day', 'When', 'Link']);
      ws.addRow([
        'Onboarding',
        { richText: [{ text: 'Kickoff ', font: { bold: true } }, { text: 'call' }] },
        { formula: '40+4', result: 44 },
        new Date(Date.UTC(2026, 2, 1)),
        { text: 'Guide', hyperlink: 'https://example.com' },
      ]);
      ws.addRow([null, 'Welcome email', { formula: 'C2+1', result: 45 }, null, null]);
      ws.mergeCells('A2:A3');
      wb.addWorksheet('Buyer').addRow(['Stage']);
    });
    const loaded = await loadInventoryFile(path);
    expect(loaded.tables.map((t) => t.sheet)).toEqual(['Practitioner', 'Buyer']);
    const rows = loaded.tables[0]!.rows;
    expect(rows[1]!.cells).toEqual(['Onboarding', 'Kickoff call', 44, new Date(Date.UTC(2026, 2, 1)), 'Guide']);
    expect(rows[2]!.cells.slice(0, 3)).toEqual(['Onboarding', 'Welcome email', 45]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    // The ranges come with the table, so the model can tell what the author wrote once.
    expect(loaded.tables[0]!.merges).toEqual([{ firstRow: 2, lastRow: 3, firstColumn: 0, lastColumn: 0 }]);
    expect(loaded.tables[1]!.merges).toBeUndefined();
  });

  it('keeps the row numbers a spreadsheet shows when rows above are blank', async () => {
    const path = await workbook('gaps.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'Title';
      ws.getCell('B20').value = 'Stage';
    });
    const rows = (await loadInventoryFile(path)).tables[0]!.rows;
    expect(rows.map((r) => r.row)).toEqual([1, 20]);
    expect(rows[1]!.cells[1]).toBe('Stage');
  });

  it('reads formula errors as errors, and skips hidden sheets unless named', async () => {
    const path = await workbook('hidden.xlsx', (wb) => {
      wb.addWorksheet('Visible').addRow([{ formula: '1/0', result: { error: '#DIV/0!' } }]);
      wb.addWorksheet('Secret', { state: 'hidden' }).addRow(['x']);
    });
    const loaded = await loadInventoryFile(path);
    expect(loaded.tables.map((t) => t.sheet)).toEqual(['Visible']);
    expect(loaded.tables[0]!.rows[0]!.cells[0]).toEqual({ error: '#DIV/0!' });
    expect(loaded.skipped[0]!.sheet).toBe('Secret');
    const named = await loadInventoryFile(path, { sheets: ['Secret'] });
    expect(named.tables.map((t) => t.sheet)).toEqual(['Secret']);
    await expect(loadInventoryFile(path, { sheets: ['Nope'] })).rejects.toThrow(/has no sheet "Nope"/);
  });

  it('reads a long non-ASCII sheet back character for character (no chunk-boundary garbling)', async () => {
    const names = Array.from({ length: 20000 }, (_, i) => `Привет ${i} — 日本語の案内 ✉️ Ünïcødé ${'é'.repeat(i % 7)}`);
    const path = await workbook('unicode.xlsx', (wb) => {
      const ws = wb.addWorksheet('Ünïcødé');
      names.forEach((name) => ws.addRow(['Awareness', name]));
    });
    const rows = (await loadInventoryFile(path)).tables[0]!.rows;
    expect(rows.map((r) => r.cells[1])).toEqual(names);
  });

  it('gives up on a workbook that takes longer than the time limit, naming the file', async () => {
    const path = await workbook('slow.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 0; i < 30000; i++) ws.addRow(['Awareness', `Touchpoint ${i}`, 'Email']);
    });
    await expect(loadInventoryFile(path, { limits: { ...DEFAULT_READ_LIMITS, readTimeoutSeconds: 0.001 } })).rejects.toThrow(
      /took longer than 0.001 s to read/,
    );
  });

  it('fills a merged range only over rows that hold data, however far the range reaches', async () => {
    // Written as the XML a spreadsheet saves (exceljs takes ~25 s to write a merge of a million cells).
    const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const rows = `<row r="1">${text('A1', 'Stage')}${text('B1', 'Touchpoint')}</row><row r="2">${text('A2', 'Onboarding')}${text('B2', 'Kickoff')}</row><row r="3">${text('B3', 'Welcome')}</row>`;
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: worksheetXml(rows, '<mergeCells count="1"><mergeCell ref="A2:A1048576"/></mergeCells>') };
    const path = join(dir, 'huge-merge.xlsx');
    writeFileSync(path, zipBytes(workbookEntries([{ name: 'S' }], [sheet])));
    const [table] = (await loadInventoryFile(path)).tables;
    const read = table!.rows;
    expect(read.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(read[2]!.cells[0]).toBe('Onboarding');
    // Clipped as it was filled: to the rows that hold data.
    expect(table!.merges).toEqual([{ firstRow: 2, lastRow: 3, firstColumn: 0, lastColumn: 0 }]);
  });

  it('turns foreign and broken files into input errors', async () => {
    const png = join(dir, 'picture.xlsx');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await expect(loadInventoryFile(png)).rejects.toThrow(/PNG image/);
    const truncated = join(dir, 'truncated.xlsx');
    const good = await workbook('good.xlsx', (wb) => wb.addWorksheet('S').addRow(['a']));
    const { readFileSync } = await import('node:fs');
    writeFileSync(truncated, readFileSync(good).subarray(0, 300));
    await expect(loadInventoryFile(truncated)).rejects.toThrow(/truncated or corrupt/);
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'Stage,Touchpoint\n');
    await expect(loadInventoryFile(text)).rejects.toThrow(/not a zip archive/);
    const legacy = join(dir, 'legacy.xls');
    writeFileSync(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await expect(loadInventoryFile(legacy)).rejects.toThrow(/legacy binary Excel file \(\.xls\); open it and save it as \.xlsx/);
    await expect(loadInventoryFile(join(dir, 'missing.xlsx'))).rejects.toThrow(/no such file/);
  });
});
