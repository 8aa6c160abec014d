// Regenerates the README's pictures of `journey map` in the system Chromium (CHROMIUM_PATH, else
// /usr/bin/chromium), as a 1600×900 screen shows them:
//   docs/map-overview.png  the sample workbook's current-state overview (Practitioner)
//   docs/map-future.png    the trial workbook's future state: as-is beside to-be, planned rows marked
//   docs/map-detail.png    the sample's detailed lanes (--type detail), a card's details open
// Run after `npm run build` (and `node scripts/make-fixtures.mjs` for the trial workbook):
//   node scripts/screenshot-map.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'journey-screenshot-'));
function draw(name, args) {
  const html = join(dir, `${name}.html`);
  execFileSync(process.execPath, ['bin/journey.js', 'map', ...args, '-o', html], { stdio: ['ignore', 'ignore', 'inherit'] });
  return pathToFileURL(html).href;
}

const shots = [
  { file: 'docs/map-overview.png', url: draw('overview', ['fixtures/sample-inventory.xlsx']) },
  { file: 'docs/map-future.png', url: draw('future', ['fixtures/map-trial.xlsx', '--type', 'future', '--persona', 'Practitioner']) },
  {
    file: 'docs/map-detail.png',
    url: draw('detail', ['fixtures/sample-inventory.xlsx', '--type', 'detail']),
    // A card's details open in the overlay, the page back at its top.
    prepare: async (page) => {
      await page.locator('.card', { hasText: 'Kickoff call' }).first().click();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, colorScheme: 'light' });
    await page.goto(shot.url);
    await shot.prepare?.(page);
    await page.screenshot({ path: shot.file });
    await page.close();
    process.stderr.write(`wrote ${shot.file}\n`);
  }
} finally {
  await browser.close();
}
