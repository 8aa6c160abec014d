// journey map in a real browser: the system Chromium, driven by playwright-core (which downloads nothing).
// The overview is checked on its geometry as drawn: it fits a 1600×900 window, no two texts overlap, no
// chip's name spills out of it, every touchpoint with a sentiment is a point of the curve, lanes without
// data are left out, it prints one landscape page per persona, and the PNG and PDF exports have the pages
// and sizes they should.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import type { Finding, Touchpoint } from '../../src/model/schema.js';
import { emotionOf } from '../../src/views/map/layout.js';
import { findChromium } from '../helpers/chromium.js';
import { journey, root } from '../helpers/cli.js';

const chromiumPath = findChromium();
/** Screenshots are kept here (gitignored) as test artifacts. */
const ARTIFACTS = join(root, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'journey-map-browser-'));
const WINDOW = { width: 1600, height: 900 };

/** Each persona's touchpoints and findings, read through the engine. */
async function inventory(fixture: string, state: 'current' | 'future' = 'current'): Promise<Map<string, { touchpoints: Touchpoint[]; findings: Finding[] }>> {
  const personas = new Map<string, { touchpoints: Touchpoint[]; findings: Finding[] }>();
  // The future map judges live and planned rows; every other map today's live rows.
  await audit([{ path: join(root, fixture) }], {
    state,
    onModel: (_, model, findings) => {
      for (const p of model.personas) personas.set(p.name, { touchpoints: [], findings: [] });
      for (const t of model.touchpoints) personas.get(t.persona)!.touchpoints.push(t);
      for (const f of findings) if (f.persona !== null) personas.get(f.persona)?.findings.push(f);
    },
  });
  return personas;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Opens a written map with every request refused; console errors and requests are collected. */
async function open(browser: Browser, file: string, viewport = WINDOW) {
  const page: Page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  // Nothing may leave the machine, whatever the page asks for.
  await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  const url = pathToFileURL(file).href;
  await page.goto(url);
  return { page, done: () => ({ problems, requests: requests.filter((r) => r !== url) }) };
}

/** Pages and page sizes (points) of a PDF, read from its page objects. */
function pdfPages(file: string): { width: number; height: number }[] {
  const text = readFileSync(file).toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page(?![s\w])[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** A PNG's size from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// A4 and Letter, landscape, in points.
const PAPER = [
  { width: 842, height: 595 },
  { width: 792, height: 612 },
];

describe.skipIf(chromiumPath === null)('journey map in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    // The sandbox needs user namespaces that containers and root sessions often lack.
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => browser?.close());

  // The sample (two personas of 18 and 7) and a trial-sized workbook (three of 42 to 50, one of them 53 with its plans).
  for (const fixture of ['fixtures/sample-inventory.xlsx', 'fixtures/map-trial.xlsx']) {
    for (const type of ['current', 'future'] as const) {
      it(`${type} overview of ${fixture}: fits 1600×900, no overlap or spill, a point per felt touchpoint, lanes only with data, one printed page per persona`, async () => {
        const output = join(dir, `overview-${type}-${fixture.replace(/\W/g, '-')}.html`);
        const run = journey(['map', fixture, '--type', type, '-o', output]);
        expect(run.code).toBe(0);
        const personas = await inventory(fixture, type);
        const { page, done } = await open(browser, output);
        const tabs = page.getByRole('tab');
        expect(await tabs.count()).toBe(personas.size);

        for (const [i, [persona, { touchpoints, findings }]] of [...personas].entries()) {
          await tabs.nth(i).click();
          const panel = page.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`);
          expect(await page.locator('.persona:visible').count()).toBe(1);
          const drawn = touchpoints.filter((t) => type === 'future' || t.status !== 'planned');
          const geometry = await panel.evaluate((section) => {
            const svg = section.querySelector('svg.overview')!;
            const box = (e: Element) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number };
            return {
              page: box(svg),
              scroll: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
              texts: [...svg.querySelectorAll('text')].map((t) => ({
                box: box(t),
                text: t.textContent ?? '',
                size: parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width),
              })),
              chips: [...svg.querySelectorAll('.chip')].map((g) => ({
                name: g.getAttribute('aria-label')!,
                rect: box(g.querySelector('rect')!),
                text: box(g.querySelector('text')!),
              })),
              points: [...svg.querySelectorAll('circle.point')].map((c) => c.getAttribute('data-name')!),
              planPoints: [...svg.querySelectorAll('circle.point-plan')].map((c) => c.getAttribute('data-name')!),
              lanes: [...svg.querySelectorAll('text.lane-label')].map((t) => t.textContent),
              title: svg.querySelector('title')!.textContent,
            };
          });
          const where = `${fixture} ${type} ${persona}`;

          // The page fits the window: nothing to scroll, the drawing inside it.
          expect(geometry.scroll, where).toEqual({ width: WINDOW.width, height: WINDOW.height });
          expect(geometry.page.x, where).toBeGreaterThanOrEqual(0);
          expect(geometry.page.y + geometry.page.height, where).toBeLessThanOrEqual(WINDOW.height);
          expect(geometry.page.x + geometry.page.width, where).toBeLessThanOrEqual(WINDOW.width);
          expect(geometry.title).toContain(persona);

          // No two texts overlap, and none is too small to read on the screen.
          const texts = geometry.texts.filter((t) => t.box.width > 0);
          expect(texts.length, where).toBeGreaterThan(drawn.length);
          const overlapping: string[] = [];
          for (let a = 0; a < texts.length; a++)
            for (let b = a + 1; b < texts.length; b++)
              if (overlap(texts[a]!.box, texts[b]!.box)) overlapping.push(`"${texts[a]!.text}" overlaps "${texts[b]!.text}"`);
          expect(overlapping, where).toEqual([]);
          const tiny = texts.filter((t) => t.size < 7.5).map((t) => `"${t.text}" at ${t.size.toFixed(1)} px`);
          expect(tiny, where).toEqual([]);

          // Every touchpoint drawn is a chip, its name inside it.
          expect(geometry.chips.map((c) => flat(c.name)).sort(), where).toEqual(drawn.map((t) => flat(t.name)).sort());
          const inside = (t: Box, r: Box) =>
            t.x >= r.x - 0.5 && t.x + t.width <= r.x + r.width + 0.5 && t.y >= r.y - 0.5 && t.y + t.height <= r.y + r.height + 0.5;
          expect(
            geometry.chips.filter((c) => !inside(c.text, c.rect)).map((c) => `"${c.name}" spills out of its chip`),
            where,
          ).toEqual([]);

          // Every touchpoint with a sentiment (or NPS, CSAT) is a point of the as-is curve; on the future map, each planned one of the to-be curve.
          const felt = (list: Touchpoint[]) =>
            list
              .filter((t) => emotionOf(t) !== null)
              .map((t) => flat(t.name))
              .sort();
          expect(geometry.points.map(flat).sort(), where).toEqual(felt(drawn.filter((t) => t.status !== 'planned')));
          if (type === 'future') expect(geometry.planPoints.map(flat).sort(), where).toEqual(felt(drawn.filter((t) => t.status === 'planned')));
          else expect(geometry.planPoints).toEqual([]);

          // A lane is drawn when, and only when, there is something to put in it.
          const lanes = new Set(geometry.lanes);
          expect(lanes.has('Touchpoints'), where).toBe(drawn.length > 0);
          expect(lanes.has('Emotion'), where).toBe(drawn.some((t) => emotionOf(t) !== null));
          const m = (t: Touchpoint) => t.metrics;
          expect(lanes.has('KPIs'), where).toBe(
            drawn.some((t) => [m(t).openRate, m(t).clickRate, m(t).conversionRate, m(t).dropOffRate, m(t).nps, m(t).csat].some((v) => v !== null)),
          );
          expect(lanes.has('Pain points'), where).toBe(
            drawn.some((t) => t.painPoint !== null) || findings.some((f) => f.ruleId === 'friction-point' && drawn.some((t) => t.name === f.touchpoint)),
          );

          // A chip opens its details in an overlay; Escape closes it and gives the focus back.
          const chip = panel.locator('.chip').first();
          await chip.click();
          const details = panel.locator('.details');
          expect(await details.isVisible()).toBe(true);
          expect(flat(await details.locator('h3').innerText())).toBe(flat((await chip.getAttribute('aria-label'))!));
          expect(await details.innerText()).toMatch(/Row at \S+/);
          await page.keyboard.press('Escape');
          expect(await details.isVisible()).toBe(false);
          expect(await page.evaluate(() => document.activeElement?.getAttribute('data-i'))).not.toBeNull();
          // And by keyboard: Enter on a focused chip.
          await panel.locator('.chip').nth(1).focus();
          await page.keyboard.press('Enter');
          expect(await details.isVisible()).toBe(true);
          await page.keyboard.press('Escape');
          await page.screenshot({ path: join(ARTIFACTS, `overview-${type}-${fixture.replace(/\W/g, '-')}-${i}.png`) });
        }

        // Printed: one landscape page per persona, nothing else.
        const pdf = join(dir, `print-${type}-${fixture.replace(/\W/g, '-')}.pdf`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.persona:visible').count()).toBe(personas.size);
        await page.pdf({ path: pdf, preferCSSPageSize: true });
        const pages = pdfPages(pdf);
        expect(pages).toHaveLength(personas.size);
        for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
        await page.close();
        expect(done()).toEqual({ problems: [], requests: [] });
      }, 120_000);
    }
  }

  it('leaves out every lane an inventory has no data for', async () => {
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, 'Stage,Touchpoint,Channel,Team\nAwareness,Blog post,Blog,Marketing\nDecision,Demo call,Video call,Sales\n');
    const output = join(dir, 'bare.html');
    expect(journey(['map', bare, '-o', output]).code).toBe(0);
    const { page, done } = await open(browser, output);
    const lanes = await page.locator('svg.overview text.lane-label').allTextContents();
    expect(lanes.filter((l) => l !== 'Opportunities')).toEqual(['Touchpoints']);
    expect(await page.locator('svg.overview circle.point').count()).toBe(0);
    await page.close();
    expect(done()).toEqual({ problems: [], requests: [] });
  });

  it('draws what interviewees felt (--answers) beside the curve, counted, and their quotes in the touchpoint details', async () => {
    const fixture = 'fixtures/map-trial.xlsx';
    const sheet = join(dir, 'trial-answers.csv');
    expect(journey(['interview', fixture, '--template', sheet]).code).toBe(0);
    const [header, ...rows] = readFileSync(sheet, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Every touchpoint question answered by one to three interviewees, feelings across the scale; one quote tries to be markup.
    const answered: string[] = [];
    const expected = new Map<string, Map<string, number>>();
    rows
      .filter((row) => /^[^,]*,,[^,]+,[^,]+,/.test(row))
      .forEach((row, i) => {
        const [persona, , , touchpoint] = row.split(',') as [string, string, string, string];
        const people = 1 + (i % 3);
        for (let k = 0; k < people; k++) {
          const quote = k === 0 && i === 0 ? '</script><b>lost</b> after signing' : `Answer ${i}.${k}`;
          answered.push(row.replace(/^([^,]*),,/, `$1,P${k + 1},`).replace(/,,,$/, `,${quote},${((i + k) % 5) - 2},2026-11-2${k}`));
        }
        if (!expected.has(persona)) expected.set(persona, new Map());
        expected.get(persona)!.set(flat(touchpoint), people);
      });
    writeFileSync(sheet, [header, ...answered].join('\r\n'));
    const output = join(dir, 'trial-heard.html');
    expect(journey(['map', fixture, '--answers', sheet, '-o', output]).code).toBe(0);
    const { page, done } = await open(browser, output);
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      const panel = page.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`);
      const persona = flat(await tabs.nth(i).innerText()).replace(/\s*\d+$/, '');
      const geometry = await panel.evaluate((section) => {
        const svg = section.querySelector('svg.overview')!;
        const box = (e: Element) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number };
        return {
          heard: [...svg.querySelectorAll('path.point-heard')].map((p) => [p.getAttribute('data-name')!, Number(p.getAttribute('data-interviewees'))] as const),
          counts: svg.querySelectorAll('text.heard-count').length,
          texts: [...svg.querySelectorAll('text')].map((t) => ({ box: box(t), text: t.textContent ?? '' })).filter((t) => t.box.width > 0),
          scroll: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
        };
      });
      const where = `${fixture} ${persona}`;
      const mine = [...expected].find(([name]) => persona.startsWith(flat(name)))?.[1];
      expect(mine, where).toBeDefined();
      // One diamond per answered touchpoint, with its interviewees' count; most counts fit beside their point.
      expect(new Map(geometry.heard.map(([name, n]) => [flat(name), n])), where).toEqual(mine);
      expect(geometry.counts, where).toBeGreaterThan(0);
      expect(geometry.scroll, where).toEqual({ width: WINDOW.width, height: WINDOW.height });
      const overlapping: string[] = [];
      for (let a = 0; a < geometry.texts.length; a++)
        for (let b = a + 1; b < geometry.texts.length; b++)
          if (overlap(geometry.texts[a]!.box, geometry.texts[b]!.box)) overlapping.push(`"${geometry.texts[a]!.text}" overlaps "${geometry.texts[b]!.text}"`);
      expect(overlapping, where).toEqual([]);
    }
    // The details of an answered touchpoint quote its interviewees as text, the markup one included.
    await tabs.first().click();
    const first = page.locator('.persona:visible');
    const name = [...expected.values()][0]!.keys().next().value!;
    await first.locator(`.chip[aria-label="${name}"]`).first().click();
    const details = await first.locator('.details').innerText();
    expect(details).toContain('Interviewees said');
    expect(details).toMatch(/1 interviewee, mean feeling -2\.0 \(interview answers, not the inventory\)/);
    expect(details).toContain('</script><b>lost</b> after signing');
    expect(await first.locator('.details b').count()).toBe(0);
    await page.close();
    expect(done()).toEqual({ problems: [], requests: [] });
  }, 120_000);

  it('exports one 1600×900 PNG per persona (at 2×) and one PDF of one landscape page per persona, through the Chromium command line', () => {
    const out = join(dir, 'export');
    const png = journey(['map', 'fixtures/map-trial.xlsx', '--format', 'png', '--browser', chromiumPath!, '-o', join(out, 'trial.png')]);
    expect(png.code).toBe(0);
    const files = readdirSync(out)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(files).toEqual(['trial-economic-buyer.png', 'trial-it-admin.png', 'trial-practitioner.png']);
    expect(png.stderr.split('\n').filter(Boolean)).toHaveLength(3);
    for (const file of files) expect(pngSize(join(out, file))).toEqual({ width: 3200, height: 1800 });

    const pdf = journey(['map', 'fixtures/map-trial.xlsx', '--type', 'future', '--format', 'pdf', '--browser', chromiumPath!, '-o', join(out, 'trial.pdf')]);
    expect(pdf).toMatchObject({ code: 0, stderr: `journey: wrote ${join(out, 'trial.pdf')}\n` });
    const pages = pdfPages(join(out, 'trial.pdf'));
    expect(pages).toHaveLength(3);
    for (const p of pages)
      expect(
        PAPER.some((paper) => Math.abs(paper.width - p.width) < 2 && Math.abs(paper.height - p.height) < 2),
        JSON.stringify(p),
      ).toBe(true);

    const one = journey([
      'map',
      'fixtures/sample-inventory.xlsx',
      '--format',
      'png',
      '--persona',
      'Buyer',
      '--browser',
      chromiumPath!,
      '-o',
      join(out, 'buyer.png'),
    ]);
    expect(one.code).toBe(0);
    expect(pngSize(join(out, 'buyer.png'))).toEqual({ width: 3200, height: 1800 });
  }, 120_000);

  // The detailed views keep their lane grid: every name shown, no two cards overlapping, tabs and details by mouse and keyboard.
  for (const fixture of ['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']) {
    for (const type of ['detail', 'blueprint', 'day'] as const) {
      it(`${type} map of ${fixture}: no errors or requests, every name shown, no overlap, tabs and details by mouse and keyboard`, async () => {
        const output = join(dir, `map-${type}-${fixture.replace(/\W/g, '-')}.html`);
        const run = journey(['map', fixture, '--type', type, '-o', output]);
        expect(run.code).toBe(0);
        const personas = await inventory(fixture);
        const { page, done } = await open(browser, output, { width: 1400, height: 900 });
        const tabs = page.getByRole('tab');
        expect(await tabs.count()).toBe(personas.size);
        for (const [i, [persona, { touchpoints }]] of [...personas].entries()) {
          const tab = tabs.nth(i);
          await tab.click();
          expect(await tab.getAttribute('aria-selected')).toBe('true');
          const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
          expect(await page.locator('.persona:visible').count()).toBe(1);
          const text = flat(await panel.innerText());
          expect(text).toContain(persona);
          const live = touchpoints.filter((t) => t.status !== 'planned');
          for (const t of live) expect(text, `${persona}: ${t.name}`).toContain(flat(t.name));
          const boxes = await panel.locator('.card').evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().toJSON() as Box));
          expect(boxes.length).toBeGreaterThanOrEqual(live.length);
          for (let a = 0; a < boxes.length; a++)
            for (let b = a + 1; b < boxes.length; b++) expect(overlap(boxes[a]!, boxes[b]!), `cards ${a} and ${b} overlap`).toBe(false);

          // Details by click, in an overlay: every field of the card, its cell; closed by its button.
          const card = panel.locator('.card').first();
          await card.click();
          const details = page.locator(`#${await card.getAttribute('aria-controls')}`);
          expect(await details.isVisible()).toBe(true);
          expect(await details.locator('h3').innerText()).toBe((await card.locator('.name').innerText()).trim());
          expect(await details.innerText()).toMatch(/Row at \S+/);
          expect(await card.getAttribute('aria-expanded')).toBe('true');
          await details.locator('.close').click();
          expect(await details.isVisible()).toBe(false);
          expect(await card.getAttribute('aria-expanded')).toBe('false');
        }

        // Tabs by keyboard: arrows move the selection and the focus.
        await tabs.first().click();
        await tabs.first().focus();
        await page.keyboard.press('ArrowRight');
        expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
        expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('false');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
        await page.keyboard.press('Home');
        expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');

        // Details by keyboard: Tab from the tab list reaches a card, Enter opens its details, Escape closes them.
        for (let presses = 0; presses < 5 && !(await page.evaluate(() => document.activeElement?.classList.contains('card'))); presses++)
          await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => ({
          name: document.activeElement!.querySelector('.name')?.textContent ?? null,
          panel: document.activeElement!.getAttribute('aria-controls'),
        }));
        expect(focused.panel).toMatch(/^details-p\d+$/);
        await page.keyboard.press('Enter');
        expect(await page.locator(`#${focused.panel} h3`).innerText()).toBe(focused.name);
        await page.keyboard.press('Escape');
        expect(await page.locator(`#${focused.panel}`).isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('card'))).toBe(true);

        // Print: every persona shown, no tabs and no details panel.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.persona:visible').count()).toBe(personas.size);
        expect(await page.getByRole('tablist').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        await page.screenshot({ path: join(ARTIFACTS, `map-${type}-${fixture.replace(/\W/g, '-')}.png`), fullPage: true });
        await page.close();
        expect(done()).toEqual({ problems: [], requests: [] });
      }, 60_000);
    }
  }
});
