import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Lexer, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { countsText, sampleCounts } from '../helpers/sample-counts.js';

const SAMPLE = sampleCounts('fixtures/sample-inventory.xlsx');

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  // mermaid's parser needs a DOM for its sanitizer, even without rendering.
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
});

const dir = mkdtempSync(join(tmpdir(), 'journey-report-'));

function report(files: string[]): string {
  const out = join(dir, 'gaps.md');
  const run = journey(['report', ...files, '-o', out]);
  // Written to a file, the report writes each persona's overview beside it, and says so.
  const text = readFileSync(out, 'utf8');
  const figures = [...text.matchAll(/^!\[[^\]]*\]\(([\w%-]+\.svg)\)$/gm)].map((m) => join(dir, decodeURIComponent(m[1]!)));
  expect(run.stderr).toBe(figures.map((figure) => `journey: wrote ${figure}\n`).join(''));
  expect(run.stdout).toBe('');
  expect(run.code).toBe(0);
  return text;
}

describe('journey report', () => {
  it('matches the committed report of the sample workbook, and a second run is byte-identical', async () => {
    const first = report(['fixtures/sample-inventory.xlsx']);
    await expect(first).toMatchFileSnapshot('__snapshots__/sample-report.md');
    expect(report(['fixtures/sample-inventory.xlsx'])).toBe(first);
  });

  it('has a summary naming the three most serious gaps, a section per persona and an action checklist', () => {
    const text = report(['fixtures/sample-inventory.xlsx']);
    expect(text.startsWith(`# Communication inventory gap report\n\njourney read 1 inventory (\`fixtures/sample-inventory.xlsx\`) with 2 personas (Practitioner and Buyer) and ${SAMPLE.touchpoints} touchpoints, and found ${countsText(SAMPLE)}.`)).toBe(true);
    expect(text).toContain('The 3 most serious gaps:\n\n1. Stage \'Onbaording\'');
    expect(text).toContain('\n## Practitioner\n');
    expect(text).toContain('\n## Buyer\n');
    expect(text).toContain('| Onboarding | · | · | · | · | · | · | · | · | · | · | · | · | **0 — gap** |');
    expect(text.match(/^- \[ \] /gm)).toHaveLength(SAMPLE.findings);
  });

  it('renders tables that parse with the header\'s number of cells on every row', () => {
    const tokens = new Lexer({ gfm: true }).lex(report(['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']));
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('draws handoff timelines mermaid parses, with lags marked', async () => {
    const text = report(['fixtures/sample-inventory.xlsx']);
    const diagrams = [...text.matchAll(/```mermaid\n(flowchart[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(diagrams).toHaveLength(2);
    for (const diagram of diagrams) await expect(mermaid.parse(diagram)).resolves.toBeTruthy();
    expect(diagrams[0]).toContain('s2 -->|"⚠ 14 days: Sales → Customer Success"| s3');
    expect(diagrams[1]).toContain('s3["Onboarding<br/>no touchpoints"]:::gap');
    await expect(mermaid.parse('flowchart LR\n  s0["a"]]]')).rejects.toThrow();
  });

  it('written to a file, links the overview of each persona, written beside it as SVG', () => {
    const text = report(['fixtures/sample-inventory.xlsx']);
    const links = [...text.matchAll(/### Journey\n[\s\S]*?^!\[Journey map of ([^:]+):[^\]]*\]\(([\w-]+\.svg)\)$/gm)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([['Practitioner', 'gaps-practitioner.svg'], ['Buyer', 'gaps-buyer.svg']]);
    for (const [persona, file] of links) {
      const svg = new (new JSDOM('').window.DOMParser)().parseFromString(readFileSync(join(dir, file!), 'utf8'), 'image/svg+xml');
      expect(svg.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(svg.getElementsByTagName('title')[0]!.textContent).toBe(`Current state journey map: ${persona}`);
    }
    expect(text).not.toContain('```mermaid\njourney');
  });

  it('to stdout, embeds a Mermaid journey per persona of up to 20 touchpoints that mermaid parses', async () => {
    const run = journey(['report', 'fixtures/sample-inventory.xlsx']);
    expect(run.code).toBe(0);
    const text = run.stdout;
    const journeys = [...text.matchAll(/### Journey\n[\s\S]*?```mermaid\n(journey[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(journeys).toHaveLength(2);
    for (const diagram of journeys) await expect(mermaid.parse(diagram)).resolves.toBeTruthy();
    expect(journeys[0]).toContain('  title Practitioner\n  section Awareness\n');
    expect(journeys[1]).toContain('  section Onboarding (gap#58; no touchpoint)\n    No touchpoint, gap: 3\n');
  });
});
