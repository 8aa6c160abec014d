import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm package journey is published as; the command stays `journey`. */
export const PACKAGE_NAME = 'journey-audit';

let cached: string | undefined;

/**
 * journey's version, read from its package.json, the one place it is written (--version, SARIF and JSON
 * use it). This module runs from src/ (tests), dist/ (tsc) or dist/bundle/ (the CLI), so the file is
 * found by walking up from here rather than by a fixed relative path.
 */
export function journeyVersion(): string {
  if (cached !== undefined) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return (cached = manifest.version);
    } catch {
      // No package.json here (or not ours): look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return (cached = '0.0.0-unknown');
    folder = parent;
  }
}
