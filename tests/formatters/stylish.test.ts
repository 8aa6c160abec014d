import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/formatters/stylish.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';

const render = (...args: Parameters<typeof formatStylish>) => [...(formatStylish(...args) as Iterable<string>)].join('');
const long =
  'Marketing and Product both send similar Email touchpoints to Practitioner in Retention: "Monthly newsletter" and "お知らせ メール newsletter"; merge them under one owner or give each a distinct purpose.';

describe('stylish', () => {
  it('wraps messages under their column and never runs past the terminal width', () => {
    const out = render(resultWith([finding('warning', long, 18), finding('error', 'Short one', 20)]), { ...OPTIONS, width: 80 });
    const lines = out.split('\n');
    expect(lines[1]).toBe('inventories/team.xlsx › Practitioner');
    expect(lines[2]).toMatch(/^ {2}Cell +Severity +Rule +Message$/);
    const messageColumn = lines[2]!.indexOf('Message');
    const rows = lines.slice(3, lines.indexOf('', 3));
    expect(rows[0]).toMatch(/^ {2}Practitioner!B18 +warning +handoff-lag +Marketing and Product/);
    for (const line of rows) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // Continuation lines start at the message column, and together they hold the whole message.
    const message = rows
      .slice(0, -1)
      .map((line, i) => (i === 0 ? line.slice(messageColumn) : (expect(line.slice(0, messageColumn).trim()).toBe(''), line.slice(messageColumn))));
    expect(message.join(' ')).toBe(long);
    expect(rows.at(-1)).toMatch(/Practitioner!B20 +error +handoff-lag +Short one$/);
    expect(out).not.toMatch(/ \n/);
    expect(out.endsWith('\n✖ 2 findings: 1 error, 1 warning, 0 infos in 1 file (3 touchpoints read)\n')).toBe(true);
  });

  it('counts wide characters as two columns and cuts a word longer than a line', () => {
    const word = 'ア'.repeat(40);
    const out = render(resultWith([finding('info', `${word} end`)]), { ...OPTIONS, width: 80 });
    const lines = out.split('\n');
    const messageColumn = lines[2]!.indexOf('Message');
    const pieces = lines.slice(3, lines.indexOf('', 3)).map((line) => line.slice(messageColumn));
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // The message column is 32 wide (34 less padding): 16 wide characters fill a line.
    expect(pieces[0]).toBe('ア'.repeat(16));
    expect(pieces.join('')).toBe(`${word} end`);
  });

  it('cuts a very long word into full lines that together hold the whole word', () => {
    const word = `${'abcdefghij'.repeat(5000)}ア`;
    const out = render(resultWith([finding('info', `start ${word} end`)]), { ...OPTIONS, width: 80 });
    const lines = out.split('\n');
    const messageColumn = lines[2]!.indexOf('Message');
    const pieces = lines.slice(3, lines.indexOf('', 3)).map((line) => line.slice(messageColumn));
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(pieces[0]).toBe('start');
    expect(pieces.slice(1, -1).every((piece) => piece.length === 32)).toBe(true);
    expect(pieces.join('')).toBe(`start${word} end`);
  });

  it('shows cell text, sheet and file names without escape sequences, controls or workflow commands', () => {
    const hostile = '::error::first \u001b]0;pwned\u0007\u001b[2J bell\u0007 nul\u0000 \ud800 ##[warning]x\n::set-output name=x::y';
    const location = { file: 'x\n::error::f.csv', sheet: 'S\u001b[2J\n::notice::s', row: 2, column: 'B', cell: 'S\u001b[2J\n::notice::s!B2' };
    const out = render(
      resultWith(
        [finding('error', `${hostile} ${'::warning::w '.repeat(30)}`, 2, { location })],
        [{ file: location.file, kind: 'xlsx', sheets: [], personas: [], touchpoints: 1, error: null }],
      ),
      { ...OPTIONS, width: 60 },
    );
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|##\[/);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(out).toContain('x ::error::f.csv › S ::notice::s');
    expect(out).toContain('∶:');
    for (const shown of ['bell␇', 'nul␀', '\ufffd', '#♯[warning]x']) expect(out).toContain(shown);
  });

  it('colors only when asked', () => {
    expect(render(resultWith([finding('error', 'x')]), OPTIONS)).not.toMatch(/\u001b\[/);
    const colored = render(resultWith([finding('error', 'x')]), { ...OPTIONS, color: true });
    expect(colored).toMatch(/\u001b\[31merror\u001b\[39m/);
    // Colors do not count toward the layout: the same columns as without them.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(render(resultWith([finding('error', 'x')]), OPTIONS));
  });

  it('says so when there is nothing to report', () => {
    expect(render(resultWith([]), OPTIONS)).toBe('\n✔ No findings in 1 file (3 touchpoints read)\n');
  });
});
