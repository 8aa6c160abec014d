import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';

const text = (output: string | Iterable<string>) => (typeof output === 'string' ? output : [...output].join(''));

describe('json', () => {
  it('streams exactly what JSON.stringify(result, null, 2) prints', () => {
    for (const result of [resultWith([]), resultWith([finding('error', 'a "quoted" → message', 2), finding('info', 'b', 3)])]) {
      expect(text(formatJson(result, OPTIONS))).toBe(`${JSON.stringify(result, null, 2)}\n`);
    }
    const withOverview = { ...resultWith([finding('warning', 'c')]), overviews: [] };
    expect(text(formatJson(withOverview, OPTIONS))).toBe(`${JSON.stringify(withOverview, null, 2)}\n`);
  });
});
