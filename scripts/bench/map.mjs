// journey map at 1,000 and 2,000 touchpoints of one persona: how long `journey map` takes, how the file
// grows, and how long the system Chromium takes to show it (navigation start to the load event and to the
// first contentful paint). Run by `npm run bench` when Chromium is there, or alone after `npm run build`:
// node scripts/bench/map.mjs. Nothing here is asserted by the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HEADER, inventoryRows } from './generate.mjs';

const root = new URL('../..', import.meta.url).pathname;
const data = join(root, 'bench-data');
const RUNS = 3;
const SIZES = [1000, 2000];
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quote = (value) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

mkdirSync(data, { recursive: true });
const results = [];
for (const size of SIZES) {
  // Every row on one persona: the map's worst case is one tab holding all of them.
  const csv = join(data, `map-${size}.csv`);
  const rows = [...inventoryRows(size, 20261125)].map((row) => ['Practitioner', ...row.slice(1)]);
  writeFileSync(csv, `${HEADER.join(',')}\n${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`);
  const html = join(data, `map-${size}.html`);
  const cli = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [join(root, 'bin/journey.js'), 'map', csv, '-o', html]);
    cli.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  results.push({ size, csv, html, cli: median(cli), bytes: statSync(html).size });
}

if (chromiumPath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  for (const result of results) {
    const loads = [];
    const paints = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(result.html).href, { waitUntil: 'load' });
      const timing = await page.evaluate(() => ({
        load: performance.getEntriesByType('navigation')[0].loadEventEnd,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      }));
      loads.push(timing.load / 1000);
      if (timing.paint !== null) paints.push(timing.paint / 1000);
      await page.close();
    }
    result.load = median(loads);
    result.paint = paints.length ? median(paints) : null;
  }
  await browser.close();
} else {
  process.stderr.write('bench: no Chromium (apt-get install chromium, or CHROMIUM_PATH): browser times left out\n');
}

console.log('\njourney map, one persona (median of %d runs)', RUNS);
console.log('touchpoints | journey map | HTML size | bytes / touchpoint | Chromium load | first paint');
for (const r of results) {
  const seconds = (s) => (s == null ? '—' : `${s.toFixed(2)} s`);
  console.log(
    `${String(r.size).padStart(11)} | ${seconds(r.cli).padStart(11)} | ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(9)} | ${String(Math.round(r.bytes / r.size)).padStart(18)} | ${seconds(r.load).padStart(13)} | ${seconds(r.paint)}`,
  );
}
const [small, large] = results;
console.log(
  `file growth from ${small.size} to ${large.size} touchpoints: ×${(large.bytes / small.bytes).toFixed(2)} (linear is ×${(large.size / small.size).toFixed(2)})`,
);
const verdict = (value, bound) => (value == null ? 'not measured' : value < bound ? 'met' : 'not met');
console.log(
  `targets at ${large.size}: HTML written in under 1 s: ${large.cli.toFixed(2)} s, ${verdict(large.cli, 1)}; shown by Chromium in under 2 s: ${large.load == null ? '—' : `${large.load.toFixed(2)} s`}, ${verdict(large.load, 2)}`,
);
