import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The system Chromium (Debian's `chromium` package; CHROMIUM_PATH overrides), or null. Without it the
 * browser tests are skipped with one visible line, except under CI=true, where its absence is a failure:
 * .ci/run installs it, so CI never passes by skipping them.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim());
  } catch {
    // Not on the PATH.
  }
  const found = candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
  if (found) return found;
  if (process.env.CI === 'true') throw new Error('Chromium is missing: CI needs it for the browser tests (.ci/run installs the chromium package)');
  process.stdout.write('skipped: browser tests of journey map (no Chromium found; apt-get install chromium, or set CHROMIUM_PATH)\n');
  return null;
}
