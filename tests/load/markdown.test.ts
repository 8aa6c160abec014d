import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { DEFAULT_READ_LIMITS } from '../../src/load/limits.js';
import { markdownTables } from '../../src/load/markdown.js';
import { hasInventoryTable } from '../../src/model/markdown-inventory.js';
import { DEFAULT_NORMALIZE_SETTINGS, normalize } from '../../src/model/normalize.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-md-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const tables = (text: string) => markdownTables(text, 'doc.md');
/** The tables of a markdown text that the model reads as inventories. */
const inventories = (text: string) =>
  normalize([{ file: 'doc.md', kind: 'markdown', skipped: [], tables: tables(text) }]).files[0]!.sheets.filter((sheet) => sheet.headerRow !== null);
const read = async (path: string, settings?: Parameters<typeof normalize>[1]) => normalize([await loadInventoryFile(path)], settings);

describe('markdown loader', () => {
  it('reads each inventory table with its rows numbered by line and named by the nearest heading', async () => {
    const path = write(
      'playbook.md',
      [
        '# Playbook', // 1
        '', // 2
        '## Trial user', // 3
        '', // 4
        '| Stage | Touchpoint | Channel |', // 5
        '|---|---|---|', // 6
        '| Onboarding | Welcome email | Email |', // 7
        '| Adoption | Tips | Email |', // 8
        '', // 9
        'Paying customer', // 10
        '---------------', // 11
        '', // 12
        '> Stage | Touchpoint | Channel', // 13
        '> :-- | :-: | --:', // 14
        '> Retention | Newsletter | Email', // 15
      ].join('\n'),
    );
    const loaded = await loadInventoryFile(path);
    expect(loaded.kind).toBe('markdown');
    expect(loaded.tables.map((t) => [t.sheet, t.lines, t.rows.map((r) => r.row)])).toEqual([
      ['Trial user', true, [5, 7, 8]],
      ['Paying customer', true, [13, 15]],
    ]);
    expect(loaded.tables[1]!.rows[1]!.cells).toEqual(['Retention', 'Newsletter', 'Email']);
  });

  it('reduces inline markdown in cells to the text a reader sees', () => {
    const [table] = tables(
      [
        '| **Stage** | Touchpoint | Channel | Notes |',
        '|---|---|---|---|',
        '| _Onboarding_ | [Welcome email](https://example.com/a "t") | `Email` | one \\| two<br>three<br/>four &amp; <b>five</b> |',
        '| Adoption | ![Tour](tour.png) | Email |  |',
      ].join('\n'),
    );
    expect(table!.rows.map((r) => r.cells)).toEqual([
      ['Stage', 'Touchpoint', 'Channel', 'Notes'],
      ['Onboarding', 'Welcome email', 'Email', 'one | two\nthree\nfour & five'],
      ['Adoption', 'Tour', 'Email', null],
    ]);
  });

  it('hands on every table, skipping tables in fenced code and a header whose delimiter line has another width; the model reads the inventories', () => {
    const found = [
      '| Tool | Used for |',
      '|---|---|',
      '| HubSpot | Email |',
      '',
      '```md',
      '| Stage | Touchpoint | Channel |',
      '|---|---|---|',
      '| Onboarding | Not a row | Email |',
      '```',
      '',
      '| Stage | Touchpoint | Channel |',
      '|---|---|',
      '| Onboarding | Not a table | Email |',
      '',
      '~~~~',
      '~~~',
      '| Stage | Touchpoint | Channel |',
      '|---|---|---|',
      '~~~~',
      'Stage | Touchpoint | Channel',
      '--- | --- | ---',
      'Onboarding | Welcome | Email',
    ].join('\n');
    expect(tables(found).map((t) => [t.sheet, t.rows.map((r) => r.row)])).toEqual([
      [null, [1, 3]],
      [null, [20, 22]],
    ]);
    expect(inventories(found).map((sheet) => sheet.headerRow)).toEqual([20]);
  });

  it('ends a table at a blank line or a line without a pipe, and keeps rows with missing cells', () => {
    const [table] = tables('Stage|Touchpoint|Channel\n-|-|-\nOnboarding|Welcome\nAdoption|Tips|Email|extra\nprose after\n| Retention | x | y |\n');
    expect(table!.rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['Stage', 'Touchpoint', 'Channel']],
      [3, ['Onboarding', 'Welcome']],
      [4, ['Adoption', 'Tips', 'Email']],
    ]);
  });

  it('numbers rows by line in a table of thousands of rows read in slices, with CRLF line ends', () => {
    const body = Array.from({ length: 1200 }, (_, i) => `| Onboarding | Step ${i} | Email |`);
    const [table] = tables(['# Big', '| Stage | Touchpoint | Channel |', '|---|---|---|', ...body].join('\r\n'));
    expect(table!.rows).toHaveLength(1201);
    expect(table!.rows.at(-1)).toEqual({ row: 1203, cells: ['Onboarding', 'Step 1199', 'Email'] });
    expect(table!.rows[501]).toEqual({ row: 504, cells: ['Onboarding', 'Step 500', 'Email'] });
  });

  it('is an input error when it holds no inventory table, is not UTF-8, or is larger than limits.inputMiB', async () => {
    const readme = write('README.md', '# Project\n\n| Option | Default |\n|---|---|\n| a | b |\n');
    await expect(read(readme)).rejects.toThrow(/is not a communication inventory: its table at line 3 under "Project" has no touchpoint column/);
    await expect(read(write('prose.md', '# Notes\n\nNo tables here.\n'))).rejects.toThrow(/is not a communication inventory: it has no markdown table/);
    await expect(
      loadInventoryFile(write('latin1.md', Buffer.from('| Stage | Touchpoint | Channel |\n|-|-|-|\n| caf\xe9 | a | b |\n', 'latin1'))),
    ).rejects.toThrow(/not valid UTF-8/);
    const inventory = write('inventory.markdown', '| Stage | Touchpoint | Channel |\n|-|-|-|\n| Onboarding | a | Email |\n');
    const error = await loadInventoryFile(inventory, { limits: { ...DEFAULT_READ_LIMITS, inputMiB: 0.00001 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/inventory\.markdown: is .* MiB, more than the 0\.00001 MiB .*limits\.inputMiB/);
    expect(await hasInventoryTable(inventory)).toBe(true);
    expect(await hasInventoryTable(readme)).toBe(false);
  });

  it("reads a column by the config's extra column names", async () => {
    const path = write('custom.md', '| Tollgate | Touchpoint | Channel |\n|-|-|-|\n| Gate 1 | a | Email |\n| Gate 2 | b | Chat |\n');
    expect((await read(path)).files[0]!.sheets[0]!.columns.stage).toBeUndefined();
    const settings = { ...DEFAULT_NORMALIZE_SETTINGS, columns: { stage: ['Tollgate'] } };
    expect((await read(path, settings)).files[0]!.sheets[0]!.columns).toMatchObject({ stage: 'A', touchpoint: 'B', channel: 'C' });
  });

  it.each([
    ['pipes', '|'],
    ['backticks', '`'],
    ['brackets', '['],
    ['emphasis', '*a'],
    ['nested emphasis', '*_'],
  ])('reads 1 MB of %s outside tables without parsing it, and 24 KB in a cell without going super-linear', (_, unit) => {
    const hostile = unit.repeat((1 << 20) / unit.length);
    expect(tables(hostile)).toEqual([]);
    expect(tables(`# ${hostile}\n\n${hostile}\n`)).toEqual([]);
    const text = unit.repeat((24 * 1024) / unit.length);
    const [table] = tables(`| Stage | Touchpoint | Channel |\n|---|---|---|\n| Onboarding | ${text.replace(/\|/g, '\\|')} | Email |\n`);
    expect(table!.rows[1]!.cells[0]).toBe('Onboarding');
    // So many markers are read literally (escaped before parsing), never resolved as emphasis or links.
    expect(table!.rows[1]!.cells[1]).toBe(text);
    expect(table!.rows[1]!.cells[2]).toBe('Email');
  });

  it('refuses a table row longer than 64 KiB, naming its line', () => {
    const error = (() => {
      try {
        return inventories(`| Stage | Touchpoint | Channel |\n|---|---|---|\n| Onboarding | ${'*a'.repeat(1 << 19)} | Email |\n`);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/^doc\.md:3: is a table row of 1025 KiB, longer than the 64 KiB/);
    // Not in a table that is no inventory, nor under a header too long to be one: those are skipped.
    expect(() => inventories(`| Tool | Use |\n|---|---|\n| ${'x'.repeat(1 << 17)} | y |\n`)).toThrow(/not a communication inventory/);
    expect(tables(`| Stage | Touchpoint | ${'x'.repeat(1 << 17)} |\n|---|---|---|\n| a | b | c |\n`)).toEqual([]);
  });

  it('gives normalize locations at file.md:LINE and column names, and the heading as persona', () => {
    const file = 'docs/playbook.md';
    const text = '## Trial user\n\n| Stage | Touchpoint | Channel |\n|---|---|---|\n| Onbaording | Welcome | Email |\n| | | |\n| Adoption | Tips | Email |\n';
    const model = normalize([{ file, kind: 'markdown', tables: markdownTables(text, file), skipped: [] }]);
    expect(model.personas.map((p) => p.name)).toEqual(['Trial user']);
    expect(model.touchpoints.map((t) => t.row)).toEqual([5, 7]);
    expect(model.problems.map((p) => [p.kind, p.location.cell, p.location.row, p.location.column])).toEqual([
      ['unknown-value', 'docs/playbook.md:5 › Stage', 5, 'Stage'],
      ['blank-row', 'docs/playbook.md:6 › Stage', 6, 'Stage'],
    ]);
  });
});
