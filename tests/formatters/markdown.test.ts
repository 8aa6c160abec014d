import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';
import { MARKUP_MARKER } from '../../src/marker.js';

describe('markdown', () => {
  it('gives a findings table that parses, with pipes in messages escaped', () => {
    const text = formatMarkdown(resultWith([finding('error', 'Channel "Email | SMS" is unknown; pick one'), finding('info', 'Consider it', 3)]), OPTIONS);
    expect(text.split('\n')[0]).toBe('### journey: 1 error, 0 warnings, 1 info in 1 file (3 touchpoints)');
    const table = new Lexer({ gfm: true }).lex(text).find((t): t is Tokens.Table => t.type === 'table')!;
    expect(table.header.map((h) => h.text)).toEqual(['Severity', 'Cell', 'Rule', 'Message']);
    expect(table.rows[0]![3]!.text).toBe('Channel "Email | SMS" is unknown; pick one');
    expect(table.rows[0]![1]!.text).toBe('`Practitioner!B2`');
  });

  it('says so when there are no findings, and caps long lists', () => {
    expect(formatMarkdown(resultWith([]), OPTIONS)).toBe(`### journey: no findings in 1 file (3 touchpoints)\n\n${MARKUP_MARKER}`);
    const many = formatMarkdown(resultWith(Array.from({ length: 130 }, (_, i) => finding('warning', `w${i}`, i + 2))), OPTIONS);
    expect(many.match(/^\| ⚠️ warning/gm)).toHaveLength(100);
    expect(many).toContain('…and 30 more; run `journey audit` for all of them.');
  });
});
