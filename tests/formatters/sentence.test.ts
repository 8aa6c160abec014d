import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/formatters/github.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { findingSentence } from '../../src/model/schema.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';

const text = (output: string | Iterable<string>) => (typeof output === 'string' ? output : [...output].join(''));

describe('message and fix in text outputs', () => {
  it('joins them as one sentence, "message; fix", and prints a message alone when there is no fix', () => {
    expect(findingSentence({ message: 'Row 3 repeats row 2', fix: 'delete the copy.' })).toBe('Row 3 repeats row 2; delete the copy.');
    expect(findingSentence({ message: 'Row 3 repeats row 2', fix: '' })).toBe('Row 3 repeats row 2');
  });

  it('prints the whole sentence in every finding format', () => {
    const result = resultWith([finding('warning', 'Row 3 repeats row 2', 3, { fix: 'delete the copy.' })]);
    for (const format of [formatStylish, formatGithub, formatJunit, formatMarkdown, formatSarif]) {
      expect(text(format(result, { ...OPTIONS, width: 200 }))).toContain('Row 3 repeats row 2; delete the copy.');
    }
  });
});
