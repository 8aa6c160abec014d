// PNG and PDF exports of the map through a Chromium-family browser already on the machine, driven by its
// own command line (--headless --screenshot / --print-to-pdf): no browser is downloaded and no driver
// library ships with journey (playwright-core alone is 14 MB, for two flags Chromium has built in).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';

/** Program names looked up on the PATH, most likely first. */
const NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
  'brave-browser',
];

/** Where browsers install outside the PATH. */
function usualPlaces(): string[] {
  const places = [
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ];
  for (const root of [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]) {
    if (!root) continue;
    places.push(
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    );
  }
  return places;
}

/** The browser to draw with: --browser, else $CHROME_PATH, else the first Chromium, Chrome or Edge found; a usage error naming where it looked when none is. */
export function findBrowser(explicit: string | undefined, format: string): string {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new ConfigError(`--browser ${explicit}: no such file`);
    return explicit;
  }
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const folder of onPath) {
      const candidate = join(folder, process.platform === 'win32' ? `${name}.exe` : name);
      if (existsSync(candidate)) return candidate;
    }
  }
  const found = usualPlaces().find((place) => existsSync(place));
  if (found) return found;
  throw new ConfigError(
    `--format ${format} draws through Chromium, Chrome or Edge, and none was found (on the PATH as ${NAMES.slice(0, 4).join(', ')}..., or in the usual install folders); install one, or give its program with --browser PATH`,
  );
}

const TIMEOUT_MS = 120_000;

function run(browser: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(browser, args, { timeout: TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) {
        const last = String(stderr).trim().split('\n').filter(Boolean).at(-1) ?? error.message;
        reject(
          new ConfigError(`--browser ${browser}: could not draw the map (${error.killed ? `no answer in ${TIMEOUT_MS / 1000} s` : last.slice(0, 200)})`, {
            cause: error,
          }),
        );
      } else resolve();
    });
  });
}

/** What every run passes: headless, its own empty profile (so a browser the user has open is not disturbed), nothing fetched. */
function baseArgs(profile: string): string[] {
  const args = [
    '--headless',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-gpu',
    '--hide-scrollbars',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, CI); the page is journey's own, with a CSP that allows no request.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** A PNG of the page at the window size (CSS pixels) and scale. */
export async function screenshot(browser: string, html: string, window: { width: number; height: number; scale: number }): Promise<Buffer> {
  return withFolder(async (folder) => {
    const page = join(folder, 'page.html');
    const output = join(folder, 'page.png');
    await writeFile(page, html);
    await run(browser, [
      ...baseArgs(join(folder, 'profile')),
      `--window-size=${window.width},${window.height}`,
      `--force-device-scale-factor=${window.scale}`,
      `--screenshot=${output}`,
      pathToFileURL(page).href,
    ]);
    return written(output, browser);
  });
}

/** The document printed to PDF (its print stylesheet makes the pages). */
export async function printPdf(browser: string, html: string): Promise<Buffer> {
  return withFolder(async (folder) => {
    const page = join(folder, 'page.html');
    const output = join(folder, 'page.pdf');
    await writeFile(page, html);
    // --no-pdf-header-footer since Chrome 112, --print-to-pdf-no-header before it: each ignores the other.
    await run(browser, [
      ...baseArgs(join(folder, 'profile')),
      '--no-pdf-header-footer',
      '--print-to-pdf-no-header',
      `--print-to-pdf=${output}`,
      pathToFileURL(page).href,
    ]);
    return written(output, browser);
  });
}

/** What the browser wrote, read back (the caller writes it to its place whole, or not at all). */
async function written(file: string, browser: string): Promise<Buffer> {
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null || bytes.length === 0) throw new ConfigError(`--browser ${browser}: ran, but drew nothing`);
  return bytes;
}

async function withFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'journey-map-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
