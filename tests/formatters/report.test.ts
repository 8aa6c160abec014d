import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  expect(run.stderr).toBe([...figures, out].map((path) => `journey: wrote ${path}\n`).join(''));
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

  it('has a summary, the most serious gaps without data hygiene, a section per persona, and every finding printed once', () => {
    const text = report(['fixtures/sample-inventory.xlsx']);
    expect(
      text.startsWith(
        `# Communication inventory gap report\n\njourney read 1 inventory (\`fixtures/sample-inventory.xlsx\`) with 2 personas (Practitioner and Buyer) and ${SAMPLE.touchpoints} touchpoints, and found ${countsText(SAMPLE)}.`,
      ),
    ).toBe(true);
    const top = text.slice(text.indexOf('## The most serious gaps'), text.indexOf('\n## Practitioner'));
    expect(top.match(/^\d\. /gm)).toHaveLength(5);
    // A typo is data hygiene, never a top gap.
    expect(top).not.toContain('Onbaording');
    expect(text.slice(text.indexOf('## Data hygiene'))).toContain("Stage 'Onbaording'");
    expect(text).toContain('\n## Practitioner\n');
    expect(text).toContain('\n## Buyer\n');
    // The coverage matrix shows only the channels the persona uses.
    expect(text).toContain('| Stage | Email | Phone | Video call | Website | Paid ads | Teams | Total |');
    expect(text).toContain('| Onboarding | · | · | · | · | · | — | **0 — gap** |');
    const items = text.match(/^(\d\.|-) .*\(`[^`]+`\)$/gm) ?? [];
    expect(items).toHaveLength(SAMPLE.findings);
    expect(new Set(items.map((line) => line.replace(/^(\d\.|-) (\*\*[^*]+\*\*: )?/, ''))).size).toBe(SAMPLE.findings);
  });

  it("renders tables that parse with the header's number of cells on every row", () => {
    const tokens = new Lexer({ gfm: true }).lex(report(['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']));
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(4);
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it("judges today's rows and says what the planned ones change; --state future judges the plan", () => {
    const today = report(['fixtures/sample-future.xlsx']);
    expect(today).toContain("It judges today's journey: the 3 planned rows are left out of every finding (see What the plan changes).");
    expect(today).toContain("\n## What the plan changes\n\nThe 3 planned rows would resolve 1 finding of today's");
    expect(today).toMatch(/Buyer has no touchpoint in Onboarding.*\*The planned rows resolve it\.\*$/m);
    // The Admin persona exists only in the plan.
    expect(today).not.toContain('\n## Admin\n');
    const out = join(dir, 'future.md');
    expect(journey(['report', 'fixtures/sample-future.xlsx', '--state', 'future', '-o', out]).code).toBe(0);
    const future = readFileSync(out, 'utf8');
    expect(future).toContain('It judges the journey as planned: live and planned rows.');
    expect(future).not.toContain('## What the plan changes');
    expect(future).toContain('\n## Admin\n');
  });

  it("leaves a stage listed in missing-stage's ignoreStages out of the coverage, not printed as a gap", () => {
    const config = join(dir, 'ignore-onboarding.json');
    writeFileSync(config, JSON.stringify({ rules: { 'missing-stage': ['warning', { ignoreStages: { Buyer: ['onboarding'] } }] } }));
    const out = join(dir, 'ignored.md');
    expect(journey(['report', 'fixtures/sample-inventory.xlsx', '-c', config, '-o', out]).code).toBe(0);
    const buyer = readFileSync(out, 'utf8').split('\n## Buyer\n')[1]!;
    expect(buyer).not.toContain('| Onboarding |');
    expect(buyer).toContain('| Adoption | · | · | · | · | · | — | **0 — gap** |');
  });

  it('written to a file, links the overview of each persona, written beside it as SVG', () => {
    const text = report(['fixtures/sample-inventory.xlsx']);
    const links = [...text.matchAll(/^!\[Journey map of ([^:]+):[^\]]*\]\(([\w-]+\.svg)\)$/gm)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['Practitioner', 'gaps-practitioner.svg'],
      ['Buyer', 'gaps-buyer.svg'],
    ]);
    for (const [persona, file] of links) {
      const svg = new new JSDOM('').window.DOMParser().parseFromString(readFileSync(join(dir, file!), 'utf8'), 'image/svg+xml');
      expect(svg.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(svg.getElementsByTagName('title')[0]!.textContent).toBe(`Current state journey map: ${persona}`);
    }
    expect(text).not.toContain('```mermaid\njourney');
  });

  it('to stdout, embeds a Mermaid journey per persona of up to 20 touchpoints that mermaid parses', async () => {
    const run = journey(['report', 'fixtures/sample-inventory.xlsx']);
    expect(run.code).toBe(0);
    const text = run.stdout;
    const journeys = [...text.matchAll(/```mermaid\n(journey[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(journeys).toHaveLength(2);
    for (const diagram of journeys) await expect(mermaid.parse(diagram)).resolves.toBeTruthy();
    expect(journeys[0]).toContain('  title Practitioner\n  section Awareness\n');
    expect(journeys[1]).toContain('  section Onboarding (gap#58; no touchpoint)\n    No touchpoint, gap: 3\n');
  });
});
