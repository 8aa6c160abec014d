import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { compareInventories, summarizeDiff, type DiffSide } from '../../src/views/diff/compare.js';
import { markdownText, terminalLine as terminalText } from '../../src/escape.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffStylish } from '../../src/views/diff/render.js';
import { DiffResultSchema, type DiffResult } from '../../src/views/diff/schema.js';
import { model } from '../helpers/inventory.js';

const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency'];
const HOSTILE =
  'Evil | <img src=x onerror=alert(1)> [link](https://evil.example) ![i](x.png) `code` **b** @octocat #12 www.evil.example \u001b[31mred\u001b[0m\nnext';

const side = (rows: (string | number)[][]): DiffSide => ({ file: 'x.csv', model: model([HEADER, ...rows]), findings: [] });

function hostileDiff(): DiffResult {
  const before = side([['Practitioner', 'Onboarding', 'Kickoff call', 'Sales', 'Email', 'Manual', 'Outbound', 3, 'Once']]);
  const after = side([
    ['Practitioner', 'Onboarding', 'Kickoff call', HOSTILE, 'Email', 'Automatic', 'Outbound', 1, 'Once'],
    [HOSTILE, 'Onboarding', HOSTILE, 'Support', 'Chat', 'Ongoing', 'Inbound', 2, ''],
  ]);
  const files = [compareInventories(before, after)];
  return { version: 1, before: 'before | `x`.csv', after: 'after.csv', files, summary: summarizeDiff(files) };
}

describe('diff renderers', () => {
  it('escape markdown: no HTML, link, image, mention or stray table column from cell text', () => {
    const markdown = formatDiffMarkdown(hostileDiff());
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).not.toMatch(/<img|<a |<code>|<strong>b|onerror=alert\(1\)>/);
    expect(html).not.toContain('\u001b');
    // The hostile team is one cell: every coverage row keeps its 7 columns.
    for (const row of markdown.split('\n').filter((line) => line.startsWith('| ') && line.includes('Onboarding'))) {
      expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    }
    expect(markdown).toContain('@\u200b');
    expect(markdown).toMatch(/^### journey diff: before \\\| \\`x\\`\.csv → after\.csv$/m);
    // An issue reference is broken as a mention is: GitHub links both after parsing.
    expect(markdown).toContain('\\#\u200b12');
  });

  it('escape the terminal: control characters and line breaks never reach it', () => {
    const text = formatDiffStylish(hostileDiff(), { color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('ownership passed from Sales to Evil | <img');
    expect(text).toContain('automated (manual → automatic); timing moved 2 days earlier (day 3 → 1)');
  });

  it('markdown says the verdict first, then collapsible sections', () => {
    const markdown = formatDiffMarkdown(hostileDiff());
    const lines = markdown.split('\n');
    expect(lines[2]).toBe('✅ No new findings; resolves no finding; touchpoints 1 added, 1 changed.');
    expect(markdown.match(/<summary>[^<]*/g)).toEqual([
      '<summary>Touchpoints: 1 added, 0 removed, 0 renamed, 1 changed, 0 unchanged',
      '<summary>Coverage: 1 stage gained, 0 lost',
    ]);
    expect(markdown).toContain('<summary>Touchpoints: 1 added, 0 removed, 0 renamed, 1 changed, 0 unchanged</summary>');
  });

  it('json is the DiffResult, valid against its schema', () => {
    const result = hostileDiff();
    expect(DiffResultSchema.parse(JSON.parse(formatDiffJson(result)))).toEqual(result);
  });

  it('escapers', () => {
    expect(terminalText('a\u001b[2Jb\u202ec\r\nd')).toBe('ab\uFFFDc d');
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('<b>')).toBe('&lt;b&gt;');
  });
});
