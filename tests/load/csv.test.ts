import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/load/csv.js';
import { InputError } from '../../src/errors.js';
import { loadInventoryFile } from '../../src/load/index.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-csv-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const cells = async (path: string) => (await loadInventoryFile(path)).tables[0]!.rows.map((r) => r.cells);

describe('csv loader', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1;"2,5";3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('detects %j as the delimiter', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('strips a UTF-8 BOM, reads CRLF and quoted newlines, and numbers rows as a spreadsheet does', async () => {
    const path = write('bom.csv', '\uFEFFStage,Touchpoint\r\nAwareness,"Line one\r\nline two"\r\n\r\nDecision,Demo\r\n');
    const table = (await loadInventoryFile(path)).tables[0]!;
    expect(table.rows[0]!.cells).toEqual(['Stage', 'Touchpoint']);
    expect(table.rows[1]!.cells[1]).toBe('Line one\r\nline two');
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(table.rows[3]!.cells).toEqual(['Decision', 'Demo']);
  });

  it('reads UTF-16 LE and BE with a BOM (Excel "Unicode text")', async () => {
    const text = 'Stage\tTouchpoint\nOnboarding\tCafé kickoff ☕\n';
    const le = write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le').swap16();
    const bePath = write('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect((await cells(le))[1]).toEqual(['Onboarding', 'Café kickoff ☕']);
    expect((await cells(bePath))[1]).toEqual(['Onboarding', 'Café kickoff ☕']);
  });

  it('reads a long non-ASCII inventory back character for character', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Привет ${i} — 日本語の案内 ✉️ Ünïcødé`);
    const path = write('long.csv', ['Stage,Touchpoint', ...names.map((n) => `Awareness,${n}`)].join('\n'));
    const rows = await cells(path);
    expect(rows.slice(1).map((r) => r[1])).toEqual(names);
  });

  it('rejects undecodable bytes, unbalanced quotes and empty files with an InputError naming the file', async () => {
    const latin1 = write('latin1.csv', Buffer.from('Stage,Touchpoint\nAwareness,Caf\xe9\n', 'latin1'));
    await expect(loadInventoryFile(latin1)).rejects.toThrow(/not valid UTF-8/);
    const quote = write('quote.csv', 'Stage,Touchpoint\nAwareness,"never closed\nDecision,Demo\n');
    const error = await loadInventoryFile(quote).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/quote\.csv:\d+: cannot be read as CSV: a quoted field is never closed/);
    const stray = write('stray.csv', 'Stage,Touchpoint\nAwareness,The "best" demo\n');
    await expect(loadInventoryFile(stray)).rejects.toThrow(/stray quote|quote/);
    await expect(loadInventoryFile(write('empty.csv', ''))).rejects.toThrow(/is empty \(0 bytes\)/);
    await expect(loadInventoryFile(write('blank.csv', '\n\n ,\n'))).rejects.toThrow(/is empty/);
  });
});
