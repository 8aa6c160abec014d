import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { terminalLine } from '../../src/escape.js';
import { journey, root } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-map-'));
const XLSX = 'fixtures/sample-inventory.xlsx';
const CSV = 'fixtures/sample-inventory.csv';

describe('journey map', () => {
  it('writes one self-contained HTML file with a tab and an overview page per persona, says so, and exits 0', () => {
    const out = join(dir, 'map.html');
    const run = journey(['map', XLSX, '-o', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: `journey: wrote ${out}\n` });
    const html = readFileSync(out, 'utf8');
    const { document } = new JSDOM(html).window;
    expect([...document.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual(['Practitioner', 'Buyer']);
    expect(document.querySelectorAll('section.persona svg.overview')).toHaveLength(2);
    expect(document.querySelectorAll('.chip')).toHaveLength(25);
    // The stylesheet and the script are inlined by the build from their own files.
    expect(html).toContain('.overview-page .persona{display:block!important;break-after:page');
    expect(html).toContain("document.documentElement.classList.add('js')");
    // The Buyer has no onboarding, adoption or advocacy touchpoint: gaps in its header count.
    expect(document.querySelector('#p1 svg')!.textContent).toContain('3 gaps');
    expect(document.querySelector('#p0 .handoff.lag')!.textContent).toContain('Sales → Customer Success14 d ⚠ over 7');
  });

  it('keeps the detailed lanes as --type detail', () => {
    const out = join(dir, 'detail.html');
    expect(journey(['map', XLSX, '--type', 'detail', '-o', out]).code).toBe(0);
    const { document } = new JSDOM(readFileSync(out, 'utf8')).window;
    expect(document.querySelectorAll('.card').length).toBe(25);
    const buyerGaps = [...document.querySelectorAll('#p1 .stagehead.gap')].map((h) => h.firstChild!.textContent!.trim());
    expect(buyerGaps).toEqual(['Onboarding', 'Adoption', 'Advocacy']);
    expect(document.querySelector('#p0 .handoff.lag')!.textContent).toContain('Sales → Customer Success: 14 days ⚠ lag over the 7-day limit');
  });

  it('says every file it writes on stderr the same way, through the terminal escaper', () => {
    const folder = join(dir, 'said');
    const evil = join(folder, 'evil\u001b]0;PWNED\u0007.html');
    for (const [args, files] of [
      [['-o', evil], [evil]],
      [['--format', 'mermaid', '-o', join(folder, 'map.md')], [join(folder, 'map.md')]],
      [
        ['--format', 'svg', '-o', join(folder, 'map.svg')],
        [join(folder, 'map-practitioner.svg'), join(folder, 'map-buyer.svg')],
      ],
    ] as const) {
      const run = journey(['map', XLSX, ...args]);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('\u001b');
      expect(run.stderr).toBe(files.map((file) => `${terminalLine(`journey: wrote ${file}`)}\n`).join(''));
      for (const file of files) expect(existsSync(file)).toBe(true);
    }
  });

  it("counts the day map's weekly load, and journey diff's, with the config's over-communication options", () => {
    const folder = mkdtempSync(join(dir, 'load-'));
    const header = 'Stage,Touchpoint,Channel,Team,Direction,Day,Frequency\n';
    // One persona (the file's name) in two versions: the welcome e-mail goes from once to daily.
    for (const [version, welcome] of [
      ['before', 'Once'],
      ['after', 'Daily'],
    ]) {
      mkdirSync(join(folder, version));
      writeFileSync(
        join(folder, version, 'trial.csv'),
        `${header}Onboarding,Order confirmation email,Email,Ops,Outbound,0,Daily\nOnboarding,Welcome email,Email,CS,Outbound,1,${welcome}\n`,
      );
    }
    const load = () => {
      expect(journey(['map', 'before/trial.csv', '--type', 'day', '-o', 'day.html', '--force'], { cwd: folder }).code).toBe(0);
      const week = new JSDOM(readFileSync(join(folder, 'day.html'), 'utf8')).window.document.querySelector('.week')!.getAttribute('title');
      const diff = JSON.parse(journey(['diff', 'before/trial.csv', 'after/trial.csv', '--format', 'json'], { cwd: folder }).stdout) as {
        files: { coverage: { before: { outboundPerWeek: number }; after: { outboundPerWeek: number } }[] }[];
      };
      return { week, perWeek: diff.files[0]!.coverage.map((c) => [c.before.outboundPerWeek, c.after.outboundPerWeek]) };
    };
    // By default a receipt is not pressure: one welcome e-mail, then one a day.
    expect(load()).toEqual({ week: 'week 1: 1.0 outbound touches', perWeek: [[1, 7]] });
    // A team that counts transactional messages too sees the daily confirmation in both.
    writeFileSync(join(folder, 'journey.config.json'), JSON.stringify({ rules: { 'over-communication': ['warning', { notCounted: ['conversation'] }] } }));
    expect(load()).toEqual({ week: 'week 1: 8.0 outbound touches (over 3)', perWeek: [[8, 14]] });
  });

  it('refuses --format png and pdf without -o, and names where it looked when no browser is found', () => {
    const stdout = journey(['map', XLSX, '--format', 'png']);
    expect(stdout).toMatchObject({ code: 2, stderr: 'journey: --format png writes a file: give it with -o map.png\n' });
    const missing = journey(['map', XLSX, '--format', 'pdf', '--browser', join(dir, 'no-such-browser'), '-o', join(dir, 'x.pdf')]);
    expect(missing).toMatchObject({ code: 2, stderr: `journey: --browser ${join(dir, 'no-such-browser')}: no such file\n` });
    const none = journey(['map', XLSX, '--format', 'pdf', '-o', join(dir, 'x.pdf')], {
      env: { PATH: join(dir, 'empty-path'), CHROME_PATH: undefined, PROGRAMFILES: undefined, LOCALAPPDATA: undefined },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^journey: --format pdf draws through Chromium, Chrome or Edge, and none was found \(on the PATH as chromium, [^\n]*; install one, or give its program with --browser PATH\n$/,
    );
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('writes HTML to stdout when it is not a terminal, and refuses a terminal', () => {
    const run = journey(['map', CSV]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    const tty = spawnSync('script', ['-qec', `node bin/journey.js map ${CSV}`, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain('refusing to write HTML to a terminal; write it to a file with -o map.html');
    expect(tty.stdout).not.toContain('<!doctype');
  });

  it('draws one persona with --persona, and names the personas when there is no such one', () => {
    const out = join(dir, 'buyer.html');
    expect(journey(['map', CSV, '--persona', 'buyer', '-o', out]).code).toBe(0);
    expect(new JSDOM(readFileSync(out, 'utf8')).window.document.querySelectorAll('[role=tab]')).toHaveLength(1);
    const run = journey(['map', CSV, '--persona', 'buyr', '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('journey: --persona: no persona "buyr"; did you mean "Buyer"? (the inventory has "Practitioner", "Buyer")\n');
  });

  it('draws lanes by team', () => {
    const out = join(dir, 'teams.html');
    expect(journey(['map', CSV, '--type', 'detail', '--lanes', 'team', '--persona', 'Practitioner', '-o', out]).code).toBe(0);
    const lanes = [...new JSDOM(readFileSync(out, 'utf8')).window.document.querySelectorAll('.rowhead')].map((r) => r.textContent).slice(3);
    expect(lanes).toEqual(['Marketing', 'Sales', 'Customer Success', 'Product', 'Support', 'Finance']);
  });

  it('writes Mermaid journey diagrams, one per persona', () => {
    const run = journey(['map', CSV, '--format', 'mermaid']);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^```mermaid\njourney\n {2}title /gm)).toHaveLength(2);
    expect(run.stdout).toContain('    Kickoff call (1 warning): 5: Customer Success\n');
  });

  it('writes one SVG per persona as map-<persona>.svg, or one to stdout', () => {
    const out = join(dir, 'svg', 'map.svg');
    spawnSync('mkdir', ['-p', join(dir, 'svg')]);
    const run = journey(['map', XLSX, '--format', 'svg', '-o', out]);
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'svg')).sort()).toEqual(['map-buyer.svg', 'map-practitioner.svg']);
    const single = journey(['map', XLSX, '--format', 'svg', '--persona', 'Buyer']);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const several = journey(['map', XLSX, '--format', 'svg']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('--format svg draws one SVG per persona (2 here)');
  });

  it('refuses a type a format cannot draw yet, and unknown types, with exit 2', () => {
    const day = journey(['map', CSV, '--type', 'day', '--format', 'mermaid']);
    expect(day.code).toBe(2);
    expect(day.stderr).toBe(
      'journey: --type day is not yet supported with --format mermaid (it is with: current, future, detail; --format html draws every type)\n',
    );
    expect(journey(['map', CSV, '--type', 'someday']).code).toBe(2);
  });

  it('exits 2 for an unreadable input, and still draws the readable ones', () => {
    const out = join(dir, 'partial.html');
    const run = journey(['map', CSV, 'missing.csv', '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`journey: missing.csv: cannot be read: no such file\njourney: wrote ${out}\n`);
    expect(existsSync(out)).toBe(true);
    const none = journey(['map', 'missing.csv', '-o', join(dir, 'none.html')]);
    expect(none.code).toBe(2);
    expect(existsSync(join(dir, 'none.html'))).toBe(false);
  });

  it('renders hostile cell values as text in every format', () => {
    const file = join(dir, 'hostile.csv');
    writeFileSync(
      file,
      'Persona,Stage,Touchpoint,Team,Channel,Day\n"<img src=x onerror=alert(1)>",Awareness,"<script>alert(1)</script>","A"" --> B",Email,1\n,Decision,"`x` %%{init}%%: 9: Evil",Sales,Email,"2"\n',
    );
    const html = join(dir, 'hostile.html');
    expect(journey(['map', file, '--type', 'detail', '-o', html]).code).toBe(0);
    const { document } = new JSDOM(readFileSync(html, 'utf8')).window;
    expect(document.querySelectorAll('script:not([type="application/json"])')).toHaveLength(1);
    expect(document.querySelector('img')).toBeNull();
    expect([...document.querySelectorAll('.card .name')].map((n) => n.textContent)).toEqual(['<script>alert(1)</script>', '`x` %%{init}%%: 9: Evil']);
    const overview = join(dir, 'hostile-overview.html');
    expect(journey(['map', file, '-o', overview]).code).toBe(0);
    const page = new JSDOM(readFileSync(overview, 'utf8')).window.document;
    expect(page.querySelectorAll('script:not([type="application/json"])')).toHaveLength(1);
    expect(page.querySelector('img')).toBeNull();
    expect([...page.querySelectorAll('.chip')].map((n) => n.getAttribute('aria-label'))).toEqual(['<script>alert(1)</script>', '`x` %%{init}%%: 9: Evil']);
    const mermaid = journey(['map', file, '--format', 'mermaid']).stdout;
    expect(mermaid).toContain('    #96;x#96; #37;#37;#123;init#125;#37;#37;#58; 9#58; Evil: 3: Sales\n');
    expect(mermaid).not.toMatch(/<script|<img/);
    const svg = journey(['map', file, '--format', 'svg']).stdout;
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script|<img/);
  });
});
