import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit.js';
import { journey } from '../helpers/cli.js';
import { OPTIONS, finding, resultWith } from '../helpers/results.js';
import { sampleCounts } from '../helpers/sample-counts.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parses XML strictly (saxes throws on anything malformed) into a small element tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser();
  const stack: Element[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => (stack.at(-1)!.text += text));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

describe('junit', () => {
  it('fails only the test cases at or above --fail-on; the others pass with their text, so a green run is green here too', () => {
    const severities = (root: Element, outcome: string) =>
      root.children.flatMap((suite) =>
        suite.children.filter((c) => c.children[0]?.name === outcome).map((c) => c.name === 'testcase' && c.children[0]!.attributes.type),
      );
    const byDefault = journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'junit']);
    expect(byDefault.code).toBe(1);
    const root = parseXml(byDefault.stdout);
    expect(root.attributes.failures).toBe('1');
    expect(severities(root, 'failure')).toEqual(['error']);
    const passed = root.children[0]!.children.filter((c) => c.children[0]?.name === 'system-out');
    expect(passed).toHaveLength(sampleCounts('fixtures/sample-inventory.xlsx').findings - 1);
    expect(passed.find((c) => c.attributes.name!.startsWith('handoff-lag'))!.children[0]!.text).toMatch(/handoff: 14 days .*\nRule: handoff-lag \(warning\)/);
    // Clean by the exit code, clean in the report.
    const never = journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'junit', '--fail-on', 'never']);
    expect(never.code).toBe(0);
    expect(parseXml(never.stdout).attributes.failures).toBe('0');
    expect(parseXml(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'junit', '--exit-zero']).stdout).attributes.failures).toBe('0');
    expect(severities(parseXml(journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'junit', '--fail-on', 'warning']).stdout), 'failure')).not.toContain(
      'info',
    );
    // Failed by --max-warnings alone: a failing test case says why.
    const tooMany = journey(['audit', 'fixtures/sample-inventory.xlsx', '-f', 'junit', '--fail-on', 'never', '--max-warnings', '5']);
    expect(tooMany.code).toBe(1);
    const suites = parseXml(tooMany.stdout);
    expect(suites.attributes.failures).toBe('1');
    expect(suites.children.at(-1)!.children[0]!.children[0]!.attributes.message).toBe(
      `${sampleCounts('fixtures/sample-inventory.xlsx').warnings} warnings, more than the maximum of 5`,
    );
  });

  it('gives one testsuite per file and, with --fail-on info, one failing testcase per finding', () => {
    const { stdout, code } = journey(['audit', 'fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv', '-f', 'junit', '--fail-on', 'info']);
    expect(code).toBe(1);
    const root = parseXml(stdout);
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attributes.name)).toEqual(['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']);
    for (const suite of root.children) {
      expect(suite.children.length).toBe(Number(suite.attributes.tests));
      expect(suite.children.every((c) => c.children[0]?.name === 'failure')).toBe(true);
      expect(new Set(suite.children.map((c) => c.attributes.name)).size).toBe(suite.children.length);
    }
    expect(Number(root.attributes.failures)).toBe(root.children.reduce((n, s) => n + s.children.length, 0));
  });

  it('gives a clean file one passing testcase and an unreadable one an error', () => {
    const xml = formatJunit(
      resultWith(
        [],
        [
          { file: 'clean.csv', kind: 'csv', sheets: [], personas: [], touchpoints: 1, error: null },
          { file: 'broken.xlsx', kind: null, sheets: [], personas: [], touchpoints: 0, error: 'broken.xlsx: is not a readable .xlsx workbook' },
        ],
      ),
      OPTIONS,
    );
    const [clean, broken] = parseXml(xml).children;
    expect(clean!.children).toHaveLength(1);
    expect(clean!.children[0]!.children).toEqual([]);
    expect(broken!.children[0]!.children[0]!.name).toBe('error');
  });

  it('escapes markup and replaces characters XML cannot hold', () => {
    const xml = formatJunit(resultWith([finding('warning', '"A & B" <tag> \u0007bell \ud800 ]]>\n::error::x', 2)]), { ...OPTIONS, failOn: 'warning' });
    const failure = parseXml(xml).children[0]!.children[0]!.children[0]!;
    expect(failure.attributes.message).toBe('"A & B" <tag> \ufffdbell \ufffd ]]>\n::error::x');
    expect(failure.text).toBe('Practitioner!B2: "A & B" <tag> \ufffdbell \ufffd ]]>\n::error::x\nRule: handoff-lag (warning)');
    // The message's line break is a character reference, so no line of the XML starts with it.
    for (const line of xml.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
