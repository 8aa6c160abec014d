import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { journey } from '../helpers/cli.js';

// Cell text that tries to drive a terminal, a CI runner, a markdown or HTML renderer.
const ESCAPES = '\u001b[31mred\u001b[0m \u001b]0;pwned title\u0007 \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2J';
const COMMAND = 'line one\n::error file=evil.yml::pwned';
const COMMAND_AT_START = '::warning::from a cell';
const LEGACY = 'legacy ##[error]pwned';
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const MARKDOWN = '[click](https://evil.example) ![img](https://evil.example/x.png) **bold** | pipe `code`';
const BIDI = '\u202eevil\u202c bidi \u2066isolate\u2069';

const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency', 'KPI', 'Sentiment', 'Pain point'];
const ROWS = [
  // A benign persona, so the one-persona SVG map can be drawn; its cells are hostile.
  ['Plain', 'Decision', HTML, ESCAPES, 'Email', 'Manual', 'Outbound', 10, 'Weekly', MARKDOWN, 'Frustrated', LEGACY],
  ['Plain', 'Onboarding', COMMAND, COMMAND_AT_START, 'Email', 'Manual', 'Outbound', 60, 'Once', '', '', ''],
  ['Plain', 'Onboarding', BIDI, '', MARKDOWN, 'Manual', 'Outbound', 61, 'Once', '', '', ''],
  [ESCAPES, COMMAND_AT_START, LEGACY, HTML, 'Email', 'Manual', 'Outbound', 1, 'Weekly', '', '', ''],
  [COMMAND, 'Retention', MARKDOWN, BIDI, HTML, 'Manual', 'Outbound', 5, 'Daily', '', '-2', COMMAND],
  [HTML, 'Adoption', ESCAPES, LEGACY, 'Email', 'Manual', 'Outbound', 9, 'Monthly', '', '', HTML],
];
const csv = (rows: (string | number)[][]) => rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n');

const dir = mkdtempSync(join(tmpdir(), 'journey-hostile-cells-'));
const inventory = join(dir, 'hostile.csv');
const changed = join(dir, 'hostile-changed.csv');
writeFileSync(inventory, `${csv([HEADER, ...ROWS])}\r\n`);
writeFileSync(changed, `${csv([HEADER, ...ROWS.slice(1), [...ROWS[0]!.slice(0, 2), `${HTML} v2`, ...ROWS[0]!.slice(3)]])}\r\n`);

/** Every output of every command on the hostile inventory, by a name for failure messages. */
function outputs(): [string, { code: number | null; stdout: string; stderr: string }][] {
  return [
    ...Object.keys(FORMATTERS).map((format) => [`audit --format ${format}`, journey(['audit', inventory, '--format', format])] as const),
    ['report', journey(['report', inventory])],
    ['map --format html', journey(['map', inventory])],
    ['map --format svg', journey(['map', inventory, '--format', 'svg', '--persona', 'Plain'])],
    ['map --format mermaid', journey(['map', inventory, '--format', 'mermaid'])],
    ['inspect', journey(['inspect', inventory])],
    ['inspect --format json', journey(['inspect', inventory, '--format', 'json'])],
    ...['stylish', 'markdown', 'json'].map((format) => [`diff --format ${format}`, journey(['diff', inventory, changed, '--format', format])] as const),
  ];
}

const MARKDOWN_OUTPUTS = new Set(['audit --format markdown', 'report', 'map --format mermaid', 'diff --format markdown']);

describe('hostile cell text in every output (built CLI)', () => {
  const runs = outputs();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every command to its normal end, with findings that quote the cells', () => {
    for (const [name, run] of runs) {
      expect(run.stderr, name).not.toMatch(/Error:|at .*\.js:\d+/);
      expect([0, 1], name).toContain(run.code);
      expect(run.stdout.length, name).toBeGreaterThan(0);
    }
    const json = JSON.parse(runs.find(([name]) => name === 'audit --format json')![1].stdout);
    const messages = json.findings.map((f: { message: string; fix: string }) => `${f.message}; ${f.fix}`).join('\n');
    for (const text of ['<script>alert(1)</script>', '::error file=evil.yml::pwned', '##[error]pwned', '[click](https://evil.example)', '\u202eevil']) {
      expect(messages).toContain(text);
    }
  });

  it('never prints an escape sequence or a C1 control, on stdout or stderr', () => {
    for (const [name, run] of runs) {
      for (const stream of [run.stdout, run.stderr]) {
        expect(stream.includes('\u001b'), `${name}: ESC`).toBe(false);
        expect(stream.includes('\u009b'), `${name}: CSI`).toBe(false);
      }
    }
  });

  it("prints no line the GitHub runner reads as a workflow command, but the github format's own annotations", () => {
    for (const [name, run] of runs) {
      for (const stream of [run.stdout, run.stderr]) {
        // The runner reads "##[" anywhere in a line as the legacy command form, unless the line is a "::" command.
        if (!(name === 'audit --format github' && stream === run.stdout)) expect(stream.includes('##['), `${name}: ##[`).toBe(false);
        // The runner splits lines on any line break .NET knows and trims white space before looking for "::".
        for (const line of stream.split(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/)) {
          if (name === 'audit --format github' && stream === run.stdout) expect(line, name).toMatch(/^(::(error|warning|notice) [^\n]*::[^\n]*)?$/);
          else expect(line.trimStart().startsWith('::'), `${name}: ${JSON.stringify(line)}`).toBe(false);
        }
      }
    }
    const github = runs.find(([name]) => name === 'audit --format github')![1].stdout;
    // Each line is one of journey's annotations: its properties hold no ":" (a cell's is %3A), so the
    // command and its properties are journey's and the cell text is data after them.
    for (const line of github.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
    expect(github).toContain("Stage '::warning::from a cell'");
  });

  it('leaves no raw HTML or markdown link from a cell in markdown, HTML or SVG', () => {
    for (const [name, run] of runs) {
      if (MARKDOWN_OUTPUTS.has(name)) {
        // A backslash-escaped "<" is text.
        expect(run.stdout, name).not.toMatch(/(?<!\\)<(script|img)/i);
        // A link or image needs "](" unescaped.
        expect(run.stdout, name).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
      }
      if (name === 'map --format svg') expect(run.stdout, name).not.toMatch(/<script|<img/i);
      if (name === 'map --format html') {
        // Only the map's own scripts: its code, and each persona's data as JSON (where < is \u003c).
        for (const tag of run.stdout.match(/<script[^>]*>/gi) ?? []) expect(tag, name).toMatch(/^<script( type="application\/json" id="data-p\d+")?>$/);
        expect(run.stdout, name).not.toMatch(/<img|<script>alert|<\/script><img/i);
      }
    }
  });
});
