import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

const text = (output: string | Iterable<string>) => (typeof output === 'string' ? output : [...output].join(''));

describe('json', () => {
  it('streams the whole result as JSON, one finding per line', () => {
    for (const result of [
      resultWith([]),
      resultWith([finding('error', 'a "quoted" → message', 2), finding('info', 'b', 3)]),
      { ...resultWith([finding('warning', 'c')]), overviews: [] },
    ]) {
      const output = text(formatJson(result, OPTIONS));
      // The result, plus which journey wrote it: the version comes from package.json, the one place it is set.
      expect(JSON.parse(output)).toEqual({ ...result, tool: { name: manifest.name, version: manifest.version } });
      expect(output.match(/^ {4}\{"ruleId":/gm) ?? []).toHaveLength(result.findings.length);
    }
  });

  it('gives what to do as its own fix key after the message, which holds the statement only', () => {
    const output = text(formatJson(resultWith([finding('warning', 'Row 3 repeats row 2', 3, { fix: 'delete the copy.' })]), OPTIONS));
    expect(output).toContain('"message":"Row 3 repeats row 2","fix":"delete the copy.","location":');
  });
});
