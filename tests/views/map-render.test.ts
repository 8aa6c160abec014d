import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlText as escapeHtml, markdownText as escapeMarkdown, mermaidJourneyText as escapeMermaid, htmlText as escapeXml } from '../../src/escape.js';
import { renderHtml } from '../../src/views/map/html.js';
import { REPORT_JOURNEY_LIMIT, journeyDiagrams, personaJourney, renderMermaid } from '../../src/views/map/mermaid.js';
import { DARK, LIGHT, MARK_PAIRS, TEXT_PAIRS, contrastRatio } from '../../src/views/map/palette.js';
import { renderSvg } from '../../src/views/map/svg.js';
import { overviewSvg } from '../../src/views/map/overview-svg.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { HOSTILE_NAMES, mapOf, source } from './map-helpers.js';

const hostileRows = HOSTILE_NAMES.map((name, i) => [
  'Pers<o>na "x"',
  ['Awareness', 'Decision', 'Onboarding'][i % 3]!,
  name,
  `Team ${name.slice(0, 12)}`,
  'Email',
  'Automatic',
  'Outbound',
  i * 3,
  'Once',
  'frustrated',
]);
// Friction findings quote the hostile names in their messages, and missing stages add stage notes.
const hostile = (type: 'current' | 'detail' = 'detail') => mapOf(hostileRows, { type }, {}, [frictionPoint, missingStage]);

interface MermaidApi {
  parse(text: string): Promise<unknown>;
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{
      db: { getSections(): string[]; getTasks(): { task: string; score: number; people: string[]; section: string }[]; getDiagramTitle(): string };
    }>;
  };
}
let mermaid: MermaidApi;

beforeAll(async () => {
  // mermaid's parser needs a DOM for its sanitizer, even without rendering.
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as MermaidApi;
});

/** What Mermaid shows for a label: its entity codes decoded, as its renderer does. */
const shown = (text: string) =>
  text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => `&${name};`);

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });

  it('replaces characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\u000Bc\uD800d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('tab\tline\n😀')).toBe('tab\tline\n😀');
  });

  it('keeps a cell from starting a line or a CI command, and from holding a C1 control', () => {
    expect(escapeHtml('x\n ::error::pwned\r##[warning]\u009b2J')).toBe('x\n &#58;:error::pwned\r##&#91;warning]\uFFFD2J');
    expect(escapeHtml('::set-output')).toBe('&#58;:set-output');
    expect(escapeMermaid('\u001b[31mred\u001b[0m')).toBe('red');
    expect(escapeMarkdown('\u001b]0;title\u0007heading')).toBe('heading');
  });

  it('flattens Mermaid labels to one line and codes every syntax character', () => {
    expect(escapeMermaid('a:b\nc;d')).toBe('a#58;b c#59;d');
    expect(escapeMermaid('%%{init}%%')).toBe('#37;#37;#123;init#125;#37;#37;');
    expect(escapeMermaid('  \n ')).toBe('—');
  });

  it('escapes markdown headings', () => {
    expect(escapeMarkdown('# <b>*x*</b>\n[y](z)')).toBe('\\# &lt;b&gt;\\*x\\*&lt;/b&gt; [y\\](z)');
  });
});

describe('HTML map, detailed lanes', () => {
  const html = renderHtml(hostile(), { fileLabel: (file) => `dir/${file}` });
  const { document } = new JSDOM(html).window;

  it('renders every hostile name as text, never as markup', () => {
    expect(document.querySelectorAll('script:not([type="application/json"])')).toHaveLength(1);
    expect(document.querySelector('b')).toBeNull();
    const names = [...document.querySelectorAll('.card .name')].map((n) => n.textContent);
    expect(names.sort()).toEqual([...HOSTILE_NAMES].sort());
    // The details are JSON in a data block the script reads: no "<" can end it early.
    const data = document.getElementById('data-p0')!;
    expect(data.getAttribute('type')).toBe('application/json');
    expect(data.textContent).not.toContain('<');
    const details = (JSON.parse(data.textContent!) as { n: string; f: string[][] }[]).map((d) => d.n);
    expect(details.sort()).toEqual([...HOSTILE_NAMES].sort());
    expect(document.querySelector('[role=tab]')!.textContent).toBe('Pers<o>na "x"');
    expect(document.title).toContain('Pers<o>na "x"');
  });

  it('is self-contained: a CSP that forbids every request, and no URL to fetch', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\((?!"data:image\/svg\+xml,|#)/);
  });

  it('links each card to its details and each tab to its panel', () => {
    for (const card of document.querySelectorAll('.card')) expect(document.getElementById(card.getAttribute('aria-controls')!)).not.toBeNull();
    for (const tab of document.querySelectorAll('[role=tab]'))
      expect(document.getElementById(tab.getAttribute('aria-controls')!)!.getAttribute('role')).toBe('tabpanel');
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has print CSS for one landscape page per persona and follows dark mode', () => {
    expect(html).toMatch(/@media print\{[^]*@page\{size:landscape/);
    expect(html).toMatch(/break-after:page/);
    expect(html).toContain(`@media (prefers-color-scheme:dark){:root{--background:${DARK.background}`);
  });

  it('marks gaps, the unrecognized-stage column and handoff lags as text', () => {
    const map = mapOf(
      [
        ['P', 'Decision', 'Contract', 'Sales', 'Email', 'Automatic', 'Outbound', 10, 'Once'],
        ['P', 'Onboarding', 'Kickoff', 'CS', 'Phone', 'Manual', 'Outbound', 30, 'Once'],
        ['P', 'Boarding', 'Typo', 'CS', 'Phone', 'Manual', 'Outbound', 31, 'Once'],
      ],
      { type: 'detail' },
    );
    const doc = new JSDOM(renderHtml(map, { fileLabel: (f) => f })).window.document;
    const heads = [...doc.querySelectorAll('.stagehead')];
    expect(heads.filter((h) => h.textContent!.includes('Gap: no touchpoint')).map((h) => h.firstChild!.textContent!.trim())).toEqual([
      'Awareness',
      'Consideration',
      'Adoption',
      'Retention',
      'Expansion',
      'Advocacy',
    ]);
    expect(heads.at(-1)!.textContent).toContain('Stage not recognized');
    expect(doc.querySelector('.handoff.lag')!.textContent).toContain('Sales → CS: 20 days ⚠ lag over the 7-day limit');
  });
});

describe('HTML map, overview', () => {
  const html = renderHtml(hostile('current'), { fileLabel: (file) => `dir/${file}` });
  const { document } = new JSDOM(html).window;

  it('draws each persona as one SVG page whose chips open the details of every hostile name, as text', () => {
    expect(document.querySelectorAll('script:not([type="application/json"])')).toHaveLength(1);
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelectorAll('section.persona svg.overview')).toHaveLength(1);
    const chips = [...document.querySelectorAll('.chip')];
    expect(chips.map((c) => c.getAttribute('aria-label')).sort()).toEqual([...HOSTILE_NAMES].sort());
    const data = JSON.parse(document.getElementById('data-p0')!.textContent!) as { n: string }[];
    for (const chip of chips) expect(data[Number(chip.getAttribute('data-i'))]!.n).toBe(chip.getAttribute('aria-label'));
    expect(document.getElementById('details-p0')!.hasAttribute('hidden')).toBe(true);
  });

  it('is self-contained, with unique ids, and prints one landscape page per persona', () => {
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const use of document.querySelectorAll('use')) expect(document.getElementById(use.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(html).toMatch(/@media print\{[^]*\.overview-page \.persona\{display:block!important;break-after:page/);
  });

  it('puts file-level notes above the tabs and a note about a persona’s own sheet on that persona only', () => {
    const map = mapOf([
      ['A', 'Awareness', 'Ad', 'M', 'Social'],
      ['B', 'Decision', 'Call', 'Sales', 'Phone'],
    ]);
    const sheetNote = { ruleId: 'stale-review', severity: 'info' as const, message: 'Sheet note', fix: '', place: 'B', file: 'inventory.csv' };
    map.general.push({ ...sheetNote, message: 'File note', place: 'inventory.csv' });
    map.personas[1]!.findings.push(sheetNote);
    const doc = new JSDOM(renderHtml(map, { fileLabel: (f) => f })).window.document;
    expect(doc.querySelector('header .persona-free')!.textContent).toContain('File note');
    expect(doc.querySelector('header .persona-free')!.textContent).not.toContain('Sheet note');
    expect(doc.getElementById('p1')!.textContent).toContain('Sheet note');
    expect(doc.getElementById('p0')!.textContent).not.toContain('Sheet note');
  });
});

describe('SVG overview', () => {
  it('is well-formed XML with every hostile name as text, and every cut label whole in its title', () => {
    const map = hostile('current');
    const svg = overviewSvg(map.personas[0]!, { title: 'Pers<o>na "x" -->', future: false, idPrefix: 'p0', file: 'a&b.csv' }, true);
    const parsed = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.getElementsByTagName('script')).toHaveLength(0);
    // A chip's title is its name and its channel.
    const titles = [...parsed.getElementsByTagName('title')].map((t) => t.textContent!.split('\n')[0]);
    for (const name of HOSTILE_NAMES) expect(titles).toContain(`${name} (Email)`);
    expect(parsed.getElementsByTagName('title')[0]!.textContent).toBe('Current state journey map: Pers<o>na "x" -->');
    for (const text of parsed.getElementsByTagName('text')) {
      const shownText = [...text.getElementsByTagName('tspan')].map((t) => t.textContent).join(' ');
      if (shownText.endsWith('…'))
        expect(text.getElementsByTagName('title')[0]?.textContent ?? text.parentElement?.getElementsByTagName('title')[0]?.textContent).toBeTruthy();
    }
    expect(parsed.documentElement.getAttribute('width')).toBe('1600');
  });
});

describe('SVG map', () => {
  it('says an overlap as an overlap, not as negative days, and keeps a cut stage name in its title', () => {
    const map = mapOf(
      [
        ['P', 'Decision', 'Contract', 'Sales', 'Email', 'Automatic', 'Outbound', 30, 'Once'],
        ['P', 'Onboarding', 'Kickoff', 'CS', 'Phone', 'Manual', 'Outbound', 10, 'Once'],
      ],
      { type: 'detail' },
    );
    const svg = renderSvg(map.personas[0]!, map, 'P');
    expect(svg).toContain('Sales → CS: overlap 20 d');
    expect(svg).not.toMatch(/−\d+ d|-\d+ d/);
    expect(svg).toContain('<title>Onboarding</title>');
  });

  it('is well-formed XML with every hostile name as text', () => {
    const map = hostile();
    const svg = renderSvg(map.personas[0]!, map, 'Pers<o>na "x" -->');
    const doc = new JSDOM('').window;
    const parsed = new doc.DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.getElementsByTagName('script')).toHaveLength(0);
    const titles = [...parsed.getElementsByTagName('title')].map((t) => t.textContent!.split('\n')[0]);
    for (const name of HOSTILE_NAMES) expect(titles).toContain(name);
    expect(parsed.documentElement.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  });
});

describe('Mermaid journey', () => {
  it('parses, and shows each hostile name as text in its own task, under the right section', async () => {
    const map = hostile();
    const text = personaJourney(map.personas[0]!, 'Pers<o>na "x"');
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    const tasks = db.getTasks();
    // One task per touchpoint, plus one per empty stage (a gap): nothing injected, nothing lost.
    expect(tasks).toHaveLength(HOSTILE_NAMES.length + 5);
    const names = tasks.map((t) => shown(t.task).replace(/ \(\d+ (warning|info|error)s?\)$/, ''));
    for (const name of HOSTILE_NAMES) expect(names).toContain(name);
    expect(shown(db.getDiagramTitle())).toBe('Pers<o>na "x"');
    expect(db.getSections().map(shown)).toEqual([
      'Awareness',
      'Consideration (gap: no touchpoint)',
      'Decision',
      'Onboarding',
      'Adoption (gap: no touchpoint)',
      'Retention (gap: no touchpoint)',
      'Expansion (gap: no touchpoint)',
      'Advocacy (gap: no touchpoint)',
    ]);
    const colon = tasks.find((t) => shown(t.task).startsWith('Colon'))!;
    // "frustrated" is -1 on the sentiment scale: 2 of 5.
    expect(colon.score).toBe(2);
    expect(colon.people.map(shown)).toEqual(['Team Colon: 5: Ha']);
  });

  it('scores tasks from emotion on 1–5, neutral 3 without data', async () => {
    const map = mapOf([
      ['P', 'Awareness', 'Happy', 'M', 'Blog', '', '', 0, '', 'delighted'],
      ['P', 'Awareness', 'Unknown', 'M', 'Blog', '', '', 1, '', ''],
    ]);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(personaJourney(map.personas[0]!, 'P'));
    expect(
      db
        .getTasks()
        .slice(0, 2)
        .map((t) => [t.task.replace(/ \(1 info\)$/, ''), t.score]),
    ).toEqual([
      ['Happy', 5],
      ['Unknown', 3],
    ]);
  });

  it('gives the gap report a diagram per persona, and a note instead past the limit', () => {
    const rows = Array.from({ length: REPORT_JOURNEY_LIMIT + 1 }, (_, i) => ['Big', 'Awareness', `T${i}`, 'M', 'Blog']);
    const { file, model, findings } = source([...rows, ['Small', 'Decision', 'Call', 'Sales', 'Phone']]);
    const into = new Map<string, string>();
    journeyDiagrams(file, model, findings, into);
    expect(into.get(`${file}\u0000Big`)).toBe(
      `Left out: ${REPORT_JOURNEY_LIMIT + 1} touchpoints are more than a Mermaid journey shows legibly (${REPORT_JOURNEY_LIMIT}); written with \`-o report.md\`, the report links each persona's overview, and \`journey map\` draws it.`,
    );
    expect(into.get(`${file}\u0000Small`)).toMatch(/^journey\n {2}title Small\n[^]* {4}Call( \(\d+ \w+\))?: 3: Sales\n/);
  });

  it('writes one fenced diagram per persona under an escaped heading', () => {
    const map = mapOf([...hostileRows, ['Other', 'Awareness', 'X', 'M', 'Blog']]);
    const markdown = renderMermaid(map, ['Pers<o>na "x"', 'Other']);
    expect(markdown.match(/^```mermaid$/gm)).toHaveLength(2);
    expect(markdown).toContain('## Pers&lt;o&gt;na "x"\n');
  });
});

describe('palette', () => {
  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('meets WCAG AA contrast in %s mode', (_, palette) => {
    for (const [fg, bg] of TEXT_PAIRS) expect(contrastRatio(palette[fg], palette[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    for (const [fg, bg] of MARK_PAIRS) expect(contrastRatio(palette[fg], palette[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
