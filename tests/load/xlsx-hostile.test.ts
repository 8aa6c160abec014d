import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../src/load/limits.js';
import { root } from '../helpers/cli.js';
import { type CraftedEntry, repeatedDeflate, workbookEntries, worksheetXml, zipBytes } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-hostile-'));
const SHEET = 'xl/worksheets/sheet1.xml';
const WORKSHEET_HEAD = worksheetXml('').split('</sheetData>')[0]!;
const WORKSHEET_TAIL = '</sheetData></worksheet>';
const MiB = 1024 * 1024;

function write(name: string, entries: CraftedEntry[]): string {
  const path = join(dir, name);
  writeFileSync(path, zipBytes(entries));
  return path;
}

/** A workbook with one sheet "S" whose part is `sheet` (and any other parts). */
function oneSheet(name: string, sheet: CraftedEntry, parts: CraftedEntry[] = [], extra: { styles?: boolean; sharedStrings?: boolean } = {}): string {
  return write(name, workbookEntries([{ name: 'S' }], [sheet, ...parts], extra));
}

async function inputError(path: string, limits: Partial<ReadLimits> = {}): Promise<string> {
  try {
    await loadInventoryFile(path, { limits: { ...DEFAULT_READ_LIMITS, ...limits } });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).describe();
  }
  throw new Error(`${path} loaded, but an input error was expected`);
}

/**
 * Audits `path` with the built CLI in a child process with a 512 MiB heap, so a read that would
 * exhaust memory fails (exit 134) and one that would hang is killed (null status), instead of
 * taking the test runner down with it.
 */
function auditWithSmallHeap(path: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(root, 'bin/journey.js'), 'audit', path, ...args], {
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

const SLOW = 180_000;

describe('duplicate zip entries', () => {
  it('refuses a workbook holding the same part twice instead of reading either copy', async () => {
    const sheet = (text: string) => ({ name: SHEET, data: worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`) });
    const path = write('duplicate.xlsx', [...workbookEntries([{ name: 'S' }], [sheet('first')]), sheet('second')]);
    expect(await inputError(path)).toBe(`${path}: is a damaged workbook: it holds the part ${SHEET} twice; open it in a spreadsheet program and save it again`);
  });

  it('refuses two parts whose names differ only in case', async () => {
    const path = write('case-duplicate.xlsx', [
      ...workbookEntries([{ name: 'S' }], [{ name: SHEET, data: worksheetXml('') }]),
      { name: 'XL/Worksheets/Sheet1.xml', data: worksheetXml('') },
    ]);
    expect(await inputError(path)).toContain(
      `is a damaged workbook: it holds the part ${SHEET} twice, as ${SHEET} and XL/Worksheets/Sheet1.xml (part names ignore case and slash direction)`,
    );
  });

  it('shows a hostile part name with its control characters escaped', async () => {
    const evil = 'xl/\u001b[2Jevil.xml';
    const path = write('evil-name.xlsx', [
      ...workbookEntries([{ name: 'S' }], [{ name: SHEET, data: worksheetXml('') }]),
      { name: evil, data: 'a' },
      { name: evil, data: 'b' },
    ]);
    const message = await inputError(path);
    expect(message).toContain('it holds the part xl/\\u001b[2Jevil.xml twice');
    expect(message).not.toContain('\u001b');
  });
});

describe('decompression bombs', () => {
  // 64 KiB of empty cells per repeated block: deflate packs it about 1000 to 1.
  const emptyCells = '<c/>'.repeat(16 * 1024);
  const rowOfEmptyCells = { text: `<row r="1">${emptyCells}`, times: 1 };

  it(
    'stops a worksheet that inflates to 1 GiB from about 1 MB at limits.partMiB, before inflating it',
    async () => {
      const bomb = repeatedDeflate([
        { text: WORKSHEET_HEAD },
        rowOfEmptyCells,
        { text: emptyCells, times: 16 * 1024 - 1 },
        { text: `</row>${WORKSHEET_TAIL}` },
      ]);
      expect(bomb.size).toBeGreaterThan(1024 * MiB);
      expect(bomb.bytes.length).toBeLessThan(2 * MiB);
      const path = oneSheet('bomb-sheet.xlsx', { name: SHEET, deflated: bomb });
      expect(await inputError(path)).toBe(
        `${path} [sheet "S"]: is too large to read: its part ${SHEET} holds 1024 MiB uncompressed, more than the 128 MiB one part may hold (limits.partMiB)`,
      );
      const cli = auditWithSmallHeap(path);
      expect(cli.stderr).toContain('more than the 128 MiB one part may hold (limits.partMiB)');
      expect(cli.code).toBe(2);
    },
    SLOW,
  );

  it(
    'stops a shared-strings table below the part limit but compressed 1000 to 1 at limits.compressionRatio',
    async () => {
      const strings = repeatedDeflate([
        { text: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' },
        { text: '<si><t>a</t></si>'.repeat(4096), times: 1500 },
        { text: '</sst>' },
      ]);
      expect(strings.size).toBeGreaterThan(64 * MiB);
      expect(strings.size).toBeLessThan(128 * MiB);
      const path = oneSheet(
        'bomb-strings.xlsx',
        { name: SHEET, data: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
        [{ name: 'xl/sharedStrings.xml', deflated: strings }],
        { sharedStrings: true },
      );
      const message = await inputError(path);
      expect(message).toMatch(
        new RegExp(
          `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: looks like a decompression bomb: its part xl/sharedStrings.xml inflates to \\d+ times its compressed size, more than the 200 a real workbook needs \\(limits.compressionRatio\\)$`,
        ),
      );
      const cli = auditWithSmallHeap(path);
      expect(cli.stderr).toContain('(limits.compressionRatio)');
      expect(cli.code).toBe(2);
    },
    SLOW,
  );

  it(
    'holds a part to the size its zip entry declares: a bomb declaring 100 KiB stops after 100 KiB',
    async () => {
      const bomb = repeatedDeflate([
        { text: WORKSHEET_HEAD },
        rowOfEmptyCells,
        { text: emptyCells, times: 16 * 1024 - 1 },
        { text: `</row>${WORKSHEET_TAIL}` },
      ]);
      const sheetPath = oneSheet('lying-sheet.xlsx', { name: SHEET, deflated: bomb, declaredSize: 100 * 1024 });
      expect(await inputError(sheetPath)).toBe(
        `${sheetPath} [sheet "S"]: is a damaged workbook: its part ${SHEET} inflates to more than the 102400 bytes its zip entry declares (the part is corrupt, or its size forged as in a decompression bomb); open it in a spreadsheet program and save it again`,
      );
      const cli = auditWithSmallHeap(sheetPath);
      expect(cli.stderr).toContain('inflates to more than the 102400 bytes its zip entry declares');
      expect(cli.code).toBe(2);

      const strings = repeatedDeflate([{ text: '<sst>' }, { text: '<si><t>a</t></si>'.repeat(4096), times: 30_000 }, { text: '</sst>' }]);
      const stringsPath = oneSheet(
        'lying-strings.xlsx',
        { name: SHEET, data: worksheetXml('') },
        [{ name: 'xl/sharedStrings.xml', deflated: strings, declaredSize: 1000 }],
        { sharedStrings: true },
      );
      expect(await inputError(stringsPath)).toContain('its part xl/sharedStrings.xml inflates to more than the 1000 bytes its zip entry declares');
    },
    SLOW,
  );

  it('stops when the parts read add up to more than limits.workbookMiB', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const entries = workbookEntries(
      [{ name: 'One' }, { name: 'Two' }],
      [
        { name: SHEET, data: worksheetXml(rows) },
        { name: 'xl/worksheets/sheet2.xml', data: worksheetXml(rows) },
      ],
    );
    const path = write('two-sheets.xlsx', entries);
    // One sheet alone fits in 1 MiB; with the second, the workbook does not.
    await expect(loadInventoryFile(path, { limits: { ...DEFAULT_READ_LIMITS, workbookMiB: 1 }, sheets: ['One'] })).resolves.toBeTruthy();
    expect(await inputError(path, { workbookMiB: 1 })).toMatch(
      / \[sheet "Two"\]: is too large to read: with its part xl\/worksheets\/sheet2.xml the parts read hold 1.\d MiB uncompressed, more than the 1 MiB one workbook may hold \(limits.workbookMiB\)$/,
    );
  });
});

describe('cell amplification', () => {
  const merged = (name: string, cells: string, ref: string) =>
    oneSheet(name, { name: SHEET, data: worksheetXml(cells, `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`) });

  it(
    'refuses a value past limits.columns, naming its cell (the 814-byte A2:ZZZ1048576 merge)',
    async () => {
      const path = merged('merge-zzz.xlsx', '<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="ZZZ1048576"><v>2</v></c></row>', 'A2:ZZZ1048576');
      expect(await inputError(path)).toBe(
        `${path} [sheet "S"] ZZZ1048576: row 1048576 has a value in column ZZZ, past the 16384 columns a row may reach (limits.columns)`,
      );
      const cli = auditWithSmallHeap(path);
      expect(cli.stderr).toContain('(limits.columns)');
      expect(cli.code).toBe(2);
    },
    SLOW,
  );

  it(
    'refuses a merge whose clipped area exceeds limits.mergedCells before filling any of it',
    async () => {
      const path = merged('merge-xfd.xlsx', '<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>', 'A2:XFD1048576');
      expect(await inputError(path)).toBe(
        `${path} [sheet "S"] A2:XFD1048576: the sheet's merged ranges reach more than 1000000 cells that hold data (limits.mergedCells)`,
      );
      const cli = auditWithSmallHeap(path);
      expect(cli.stderr).toContain('(limits.mergedCells)');
      expect(cli.code).toBe(2);
    },
    SLOW,
  );

  it('refuses more merged ranges than limits.mergedCells', async () => {
    const refs = Array.from({ length: 11 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const path = oneSheet('many-merges.xlsx', { name: SHEET, data: worksheetXml('', `<mergeCells>${refs}</mergeCells>`) });
    expect(await inputError(path, { mergedCells: 10 })).toBe(`${path} [sheet "S"] A21:B21: the sheet has more than 10 merged ranges (limits.mergedCells)`);
  });

  it(
    "counts the blanks before each row's last value against limits.cellsPerSheet (one value at XFD on 50k rows)",
    async () => {
      const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
      const path = oneSheet('sparse-xfd.xlsx', { name: SHEET, data: worksheetXml(rows) });
      // 610 rows of 16,384 cells fit in 10,000,000; the 611th does not.
      expect(await inputError(path)).toBe(
        `${path} [sheet "S"] XFD611: the sheet holds more than 10000000 cells, counting the blanks before each row's last value (limits.cellsPerSheet)`,
      );
      const cli = auditWithSmallHeap(path);
      expect(cli.stderr).toContain('(limits.cellsPerSheet)');
      expect(cli.code).toBe(2);
      const zzz = oneSheet('sparse-zzz.xlsx', { name: SHEET, data: worksheetXml(rows.replaceAll('"XFD', '"ZZZ')) });
      expect(await inputError(zzz)).toBe(`${zzz} [sheet "S"] ZZZ1: row 1 has a value in column ZZZ, past the 16384 columns a row may reach (limits.columns)`);
    },
    SLOW,
  );

  it('still fills merges over rows that come out of order, and keeps rows in order', async () => {
    const path = merged(
      'unordered.xlsx',
      '<row r="5"><c r="B5"><v>5</v></c></row><row r="1"><c r="A1" t="inlineStr"><is><t>Top</t></is></c></row><row r="3"><c r="B3"><v>3</v></c></row>',
      'A1:A4',
    );
    const rows = (await loadInventoryFile(path)).tables[0]!.rows;
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.cells)).toEqual([['Top'], ['Top'], ['Top', 3], ['Top'], [null, 5]]);
  });
});

describe('one part read once', () => {
  it('reads a worksheet named by 50 sheets once, and says why the others are skipped', async () => {
    const sheets = Array.from({ length: 50 }, (_, i) => ({ name: `Copy ${i + 1}`, part: SHEET }));
    const path = write('fifty.xlsx', workbookEntries(sheets, [{ name: SHEET, data: worksheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') }]));
    const loaded = await loadInventoryFile(path);
    expect(loaded.tables.map((t) => t.sheet)).toEqual(['Copy 1']);
    expect(loaded.skipped).toHaveLength(49);
    expect(loaded.skipped[0]).toEqual({
      sheet: 'Copy 2',
      reason: `it shows the same cells as sheet "Copy 1" (both name the part ${SHEET}; the workbook is damaged)`,
    });
    // Named alone, a later sheet is read.
    const named = await loadInventoryFile(path, { sheets: ['Copy 7'] });
    expect(named.tables.map((t) => t.sheet)).toEqual(['Copy 7']);
  });
});

describe('number formats', () => {
  it(
    'reads a workbook whose number format is 400,000 "[" without stalling (the format is no date)',
    async () => {
      const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(400_000)}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
      const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      const rows = `<row r="1">${text('A1', 'Stage')}${text('B1', 'Touchpoint')}${text('C1', 'Channel')}${text('D1', 'Day')}</row><row r="2">${text('A2', 'Onboarding')}${text('B2', 'Welcome')}${text('C2', 'Email')}<c r="D2" s="1"><v>3</v></c></row>`;
      const path = oneSheet('brackets.xlsx', { name: SHEET, data: worksheetXml(rows) }, [{ name: 'xl/styles.xml', data: styles }], { styles: true });
      const cli = auditWithSmallHeap(path, ['-f', 'json', '--read-timeout', '20']);
      expect(cli.stderr).toBe('');
      expect([0, 1]).toContain(cli.code);
      const loaded = await loadInventoryFile(path);
      expect(loaded.tables[0]!.rows[1]!.cells).toEqual(['Onboarding', 'Welcome', 'Email', 3]);
    },
    SLOW,
  );
});

describe('regular expressions on 1 MB hostile inputs', () => {
  it(
    'every pattern in the workbook reader stays linear (run in a child process that is killed if it stalls)',
    () => {
      const script = `
      const { formatShowsDate, unescapeOoxml, resolveTarget } = await import(${JSON.stringify(join(root, 'dist/load/xlsx/parts.js'))});
      const { partKey } = await import(${JSON.stringify(join(root, 'dist/load/xlsx/zip.js'))});
      const { cellAddress, parseCellRef } = await import(${JSON.stringify(join(root, 'dist/load/address.js'))});
      const M = 1 << 20;
      const formats = ['['.repeat(M), '[h'.repeat(M / 2), '[hhhh'.repeat(M / 5), '"'.repeat(M), '\\\\'.repeat(M), '[' + ']'.repeat(M), '[h]'.repeat(M / 3), '"a'.repeat(M / 2) + '[', '[$-409'.repeat(M / 6)];
      for (const f of formats) formatShowsDate(f);
      for (const t of ['_x'.repeat(M / 2), '_x000'.repeat(M / 5), '_x0041'.repeat(M / 6) + '_']) unescapeOoxml(t);
      for (const p of ['/'.repeat(M) + 'a', '\\\\'.repeat(M) + 'a', '/\\\\'.repeat(M / 2)]) { partKey(p); resolveTarget('xl/workbook.xml', p); }
      for (const s of ['a'.repeat(M) + '!', '_' + '.'.repeat(M) + "'", "'".repeat(M)]) cellAddress(s, 'A', 1);
      parseCellRef('A'.repeat(M)); parseCellRef('A' + '9'.repeat(M));
      process.stdout.write('done');
    `;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('done');
    },
    SLOW,
  );
});
