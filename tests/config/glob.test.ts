import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/config/glob.js';

const PATHS = [
  'a.csv',
  'inventories/a.csv',
  'inventories/sub/b.xlsx',
  'archive/2024/old.xlsx',
  '.hidden/x.csv',
  'x.tsv',
  'drafts/a.md',
  'a/b/c/d.csv',
  'abc',
  'a-b_c.csv',
  'ab',
];
const PATTERNS = [
  '*.csv',
  '**/*.csv',
  'archive/**',
  'inventories/*',
  'inventories/**/*.xlsx',
  '*.{csv,tsv}',
  '**/[ab]*.csv',
  '**/[^a]*.xlsx',
  'a?c',
  '**',
  'a/**/d.csv',
  '.hidden/*',
  'drafts/**/*.md',
  '[a-b]*',
];

describe('globMatcher (config ignore globs)', () => {
  it.each(PATTERNS)('agrees with picomatch on %s', (pattern) => {
    const ours = globMatcher([pattern]);
    const reference = picomatch(pattern, { dot: true });
    for (const path of PATHS) expect([path, ours(path)]).toEqual([path, reference(path)]);
  });

  it('reads [!a] as a negated class, as shells do', () => {
    expect(globMatcher(['**/[!a]*.xlsx'])('inventories/sub/b.xlsx')).toBe(true);
    expect(globMatcher(['**/[!a]*.xlsx'])('inventories/sub/a.xlsx')).toBe(false);
  });

  it('matches adversarial patterns against long paths in linear-bounded time', () => {
    // picomatch compiles this to a backtracking regular expression that takes minutes on such a path.
    const pattern = `${'*a'.repeat(400)}*b`;
    const path = 'a'.repeat(1000);
    const started = Date.now();
    expect(globMatcher([pattern])(path)).toBe(false);
    expect(globMatcher([pattern])(`${path}b`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses braces that expand without bound', () => {
    expect(() => globMatcher(['{a,b}'.repeat(20)])).toThrow(/more than 256 patterns/);
  });
});
