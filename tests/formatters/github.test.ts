import { describe, expect, it } from 'vitest';
import { githubData as escapeData, githubProperty as escapeProperty } from '../../src/escape.js';
import { formatGithub } from '../../src/formatters/github.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';

describe('github', () => {
  it('escapes messages and properties as GitHub requires', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = formatGithub(
      resultWith([finding('warning', 'Drop-off 45%, then: more\nlines', 3, { location: { file: 'a,b:c.csv', sheet: null, row: 3, column: 'B', cell: 'B3' } })]),
      OPTIONS,
    );
    expect(out).toBe('::warning file=a%2Cb%3Ac.csv,line=3,title=journey handoff-lag::B3: Drop-off 45%25, then: more%0Alines\n');
  });

  it('lists errors first, caps each level at 10 and says how many were left out', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('warning', `w${i}`, i + 2)),
      ...Array.from({ length: 11 }, (_, i) => finding('info', `i${i}`, i + 20)),
      finding('error', 'e0', 40),
    ];
    const lines = formatGithub(resultWith(findings), OPTIONS).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error file=inventories\/team\.xlsx,line=40,/);
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::notice'))).toHaveLength(10);
    expect(lines.at(-1)).toBe('::notice title=journey::4 more findings not annotated (GitHub shows 10 per level); run journey audit for all of them.');
  });

  it('prints nothing for a clean result', () => {
    expect(formatGithub(resultWith([]), OPTIONS)).toBe('');
  });
});
