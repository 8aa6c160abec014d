import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNEY_MARKER } from '../../src/marker.js';
import { journey, root } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-written-'));
const XLSX = join(root, 'fixtures/sample-inventory.xlsx');
const CSV = join(root, 'fixtures/sample-inventory.csv');
const run = (args: string[]) => journey(args, { cwd: dir });

// Every document journey renders to a file, as the command that writes it (paths relative to `dir`).
const DOCUMENTS: [string, string[], string][] = [
  ['the map as HTML', ['map', XLSX, '-o', 'map.html'], 'map.html'],
  ['the map as SVG', ['map', XLSX, '--persona', 'Buyer', '--format', 'svg', '-o', 'map.svg'], 'map.svg'],
  ['the map as Mermaid markdown', ['map', XLSX, '--format', 'mermaid', '-o', 'map.md'], 'map.md'],
  ['the gap report', ['report', XLSX, '-o', 'gaps.md'], 'gaps.md'],
  ["audit's markdown", ['audit', XLSX, '--format', 'markdown', '-o', 'findings.md', '--exit-zero'], 'findings.md'],
  ["diff's markdown", ['diff', CSV, XLSX, '--format', 'markdown', '-o', 'diff.md'], 'diff.md'],
];

describe('files journey writes', () => {
  it.each(DOCUMENTS)('%s ends with the marker, so a second run replaces it, and says what it wrote, the same way', (_, args, file) => {
    const first = run(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    // The gap report also writes each persona's overview beside it (gaps-<persona>.svg), said first.
    const lines = first.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`journey: wrote ${file}`);
    for (const line of lines) expect(line).toMatch(/^journey: wrote \S+$/);
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.endsWith(`<!-- ${JOURNEY_MARKER} -->\n`)).toBe(true);
    // Nothing else of the document moved: it still starts as its format does.
    expect(text).toMatch(/^(<!doctype html>|<\?xml |## |# Communication inventory gap report|### journey)/);
    const second = run(args);
    expect(second.code, second.stderr).toBe(0);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
  });

  it.each([
    ['a page', 'page.html'],
    ['a drawing', 'logo.svg'],
    ['notes', 'notes.md'],
  ])('keeps %s journey did not write unless --force, whatever its extension', (_, file) => {
    writeFileSync(join(dir, file), `mine: ${file}\n`);
    const format = file.endsWith('.md') ? 'mermaid' : file.endsWith('.svg') ? 'svg' : 'html';
    const args = ['map', XLSX, '--persona', 'Buyer', '--format', format, '-o', file];
    const refused = run(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `journey: -o ${file}: already exists and is a .${file.split('.')[1]} file journey did not write; name another file, or pass --force to replace it\n`,
    );
    expect(readFileSync(join(dir, file), 'utf8')).toBe(`mine: ${file}\n`);
    expect(run([...args, '--force']).code).toBe(0);
  });

  it('a map of several personas as SVG says each file it wrote', () => {
    const svg = run(['map', XLSX, '--format', 'svg', '-o', 'personas.svg']);
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stderr).toBe('journey: wrote personas-practitioner.svg\njourney: wrote personas-buyer.svg\n');
  });

  it('audit -o, --write-baseline, init and init-config say what they wrote the same way; a baseline run prints nothing else', () => {
    copyFileSync(CSV, join(dir, 'inventory.csv'));
    expect(run(['audit', 'inventory.csv', '-f', 'sarif', '-o', 'journey.sarif', '--exit-zero']).stderr).toBe('journey: wrote journey.sarif\n');
    const baseline = run(['audit', 'inventory.csv', '--write-baseline', 'baseline.json']);
    expect(baseline.code).toBe(0);
    expect(baseline.stdout).toBe('');
    expect(baseline.stderr).toMatch(
      /^journey: wrote baseline\.json \(the baseline: \d+ findings accepted\); audit with --baseline baseline\.json to report only new ones\n$/,
    );
    // With -o the accepted findings still go where it says.
    const both = run(['audit', 'inventory.csv', '--write-baseline', 'baseline2.json', '-f', 'json', '-o', 'accepted.json']);
    expect(both.stdout).toBe('');
    expect(
      both.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ').slice(0, 3).join(' ')),
    ).toEqual(['journey: wrote baseline2.json', 'journey: wrote accepted.json']);
    expect(JSON.parse(readFileSync(join(dir, 'accepted.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(run(['init-config']).stderr).toBe('journey: wrote journey.config.json\n');
    expect(run(['init', 'starter.csv', '--csv']).stderr).toMatch(/^journey: wrote starter\.csv: an empty template\. Next: journey audit starter\.csv\n$/);
  });
});
