// journey map in a real browser: the system Chromium, driven by playwright-core (which downloads nothing).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import { MAP_TYPES } from '../../src/views/map/layout.js';
import { findChromium } from '../helpers/chromium.js';
import { journey, root } from '../helpers/cli.js';

const chromiumPath = findChromium();
/** Screenshots are kept here (gitignored) as test artifacts. */
const ARTIFACTS = join(root, 'test-artifacts');
const FIXTURES = ['sample-inventory.xlsx', 'sample-inventory.csv'];
const dir = mkdtempSync(join(tmpdir(), 'journey-map-browser-'));

/** The touchpoint names of each persona of a fixture, with planned rows marked, read through the engine. */
async function touchpointNames(fixture: string): Promise<Map<string, { name: string; planned: boolean }[]>> {
  const names = new Map<string, { name: string; planned: boolean }[]>();
  await audit([{ path: join(root, 'fixtures', fixture) }], {
    onModel: (_, model) => {
      for (const t of model.touchpoints) names.set(t.persona, [...(names.get(t.persona) ?? []), { name: t.name.replace(/\s+/g, ' ').trim(), planned: t.status === 'planned' }]);
    },
  });
  return names;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe.skipIf(chromiumPath === null)('journey map in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    // The sandbox needs user namespaces that containers and root sessions often lack.
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => browser?.close());

  for (const fixture of FIXTURES) {
    for (const type of MAP_TYPES) {
      it(`${type} map of ${fixture}: no errors or requests, every name shown, no overlap, tabs and details by mouse and keyboard`, async () => {
        const output = join(dir, `map-${type}-${fixture}.html`);
        const run = journey(['map', join('fixtures', fixture), '--type', type, '-o', output]);
        expect(run.stderr).toBe(`journey: wrote ${output}\n`);
        expect(run.code).toBe(0);
        const names = await touchpointNames(fixture);

        const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('request', (request) => requests.push(request.url()));
        // Nothing may leave the machine, whatever the page asks for.
        await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
        const url = pathToFileURL(output).href;
        await page.goto(url);

        const tabs = page.getByRole('tab');
        expect(await tabs.count()).toBe(names.size);
        for (const [i, [persona, touchpoints]] of [...names].entries()) {
          const tab = tabs.nth(i);
          await tab.click();
          expect(await tab.getAttribute('aria-selected')).toBe('true');
          const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
          expect(await panel.isVisible()).toBe(true);
          expect(await page.locator('.persona:visible').count()).toBe(1);
          const text = (await panel.innerText()).replace(/\s+/g, ' ');
          expect(text).toContain(persona);
          for (const { name, planned } of touchpoints) if (type === 'future' || !planned) expect(text, `${persona}: ${name}`).toContain(name);

          const boxes = await panel.locator('.card').evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().toJSON() as Box));
          expect(boxes.length).toBeGreaterThanOrEqual(touchpoints.filter((t) => type === 'future' || !t.planned).length);
          for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) expect(overlap(boxes[a]!, boxes[b]!), `cards ${a} and ${b} overlap`).toBe(false);

          // Details by click: every field of the card, its cell.
          const card = panel.locator('.card').first();
          await card.click();
          const details = page.locator(`#${await card.getAttribute('aria-controls')}`);
          expect(await details.isVisible()).toBe(true);
          expect(await details.locator('h3').innerText()).toBe((await card.locator('.name').innerText()).trim());
          expect(await details.innerText()).toMatch(/Row at \S+/);
          expect(await card.getAttribute('aria-expanded')).toBe('true');
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

        // Details by keyboard: Tab from the tab list reaches the first card and its details show; the next Tab shows the next card's.
        for (let presses = 0; presses < 5 && !(await page.evaluate(() => document.activeElement?.classList.contains('card'))); presses++) await page.keyboard.press('Tab');
        const focusedCard = async () =>
          page.evaluate(() => ({ name: document.activeElement!.querySelector('.name')?.textContent ?? null, panel: document.activeElement!.getAttribute('aria-controls') }));
        const first = await focusedCard();
        expect(first.panel).toMatch(/^details-p\d+$/);
        const panelHeading = () => page.locator(`#${first.panel} h3`).innerText();
        expect(await panelHeading()).toBe(first.name);
        await page.keyboard.press('Tab');
        const second = await focusedCard();
        expect(second.panel).toBe(first.panel);
        expect(await panelHeading()).toBe(second.name);

        // Print: every persona shown (one landscape page each), no tabs and no details panel.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.persona:visible').count()).toBe(names.size);
        expect(await page.getByRole('tablist').isVisible()).toBe(false);
        expect(await page.locator('.details').first().isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        await page.screenshot({ path: join(ARTIFACTS, `map-${type}-${fixture.replace('.', '-')}.png`), fullPage: true });
        await page.close();
        expect(problems).toEqual([]);
        expect(requests.filter((request) => request !== url)).toEqual([]);
      }, 60_000);
    }
  }
});
