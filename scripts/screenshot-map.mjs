// Regenerates docs/map-screenshot.png, the README's picture of `journey map`: the sample workbook's
// current-state map in the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium), a card selected.
// Run after `npm run build`: node scripts/screenshot-map.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const html = join(mkdtempSync(join(tmpdir(), 'journey-screenshot-')), 'map.html');
execFileSync(process.execPath, ['bin/journey.js', 'map', 'fixtures/sample-inventory.xlsx', '-o', html], { stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await page.goto(pathToFileURL(html).href);
  await page.locator('.card', { hasText: 'Kickoff call' }).first().click();
  // Back to the top, the map scrolled so the onboarding handoff lag is in view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#p0 .scroll').evaluate((scroll) => (scroll.scrollLeft = 150));
  await page.screenshot({ path: 'docs/map-screenshot.png' });
} finally {
  await browser.close();
}
process.stderr.write('wrote docs/map-screenshot.png\n');
