import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/load/address.js';
import type { NormalizeSettings } from '../../src/model/normalize.js';
import type { InterviewAnswer, JourneyModel, Location } from '../../src/model/schema.js';
import type { JourneySettings, Report, Rule } from '../../src/rules/rule.js';
import { check, model } from './inventory.js';

/** One inventory row, keyed by column header: a test never depends on where a column sits. */
export type Row = Record<string, string | number | null>;

/** An inventory to run a rule on, with the rule's options and the settings a config would give. */
export interface RuleCase {
  /** The test's name; by default the case's number. */
  name?: string;
  /** Rows under a header made of their keys, in the order they first appear (row 1 is the header, the first row is row 2). */
  rows?: Row[];
  /** A model built some other way (a workbook's sheets, say); its cells are named as "B2" or "Sheet!B2". */
  model?: JourneyModel;
  file?: string;
  /** Vocabulary settings for normalize (channels, stage model). */
  normalize?: NormalizeSettings;
  options?: Record<string, unknown>;
  settings?: Partial<JourneySettings>;
  /** YYYY-MM-DD; 2026-11-25 unless given. */
  today?: string;
  /** The running rules that need stages, as the engine passes them (no-stage-column names them). */
  stageRules?: string[];
  /** Interview answers about the inventory, as --answers reads them into its model. */
  interviews?: InterviewAnswer[];
}

/**
 * A finding the rule must report. `cell` is "Column header ROW" ("Team 2": the Team cell of the
 * first row; "Medium 1": that header cell), or null for a finding about the file or sheet.
 */
export interface ExpectedFinding {
  cell: string | null;
  /** The exact statement, or words it holds. */
  message?: string;
  messageIncludes?: string | string[];
  /** The exact fix, or words it holds. */
  fix?: string;
  fixIncludes?: string | string[];
  /** The related cells, named like `cell`, in order. */
  related?: string[];
  persona?: string | null;
  stage?: string | null;
}

export interface InvalidCase extends RuleCase {
  /** Every finding the rule reports, in its order: a finding more or less fails the case. */
  expect: ExpectedFinding[];
}

/** The header of object rows: every key, in the order keys first appear. */
function headerOf(rows: Row[]): string[] {
  const header: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  return header;
}

interface Built {
  model: JourneyModel;
  /** "Team 2" → "D2"; literal cell names for a case given as a model. */
  cell: (name: string) => string;
}

function build(testCase: RuleCase): Built {
  if (testCase.model) {
    if (testCase.rows) throw new Error('a rule case has rows or a model, not both');
    return { model: testCase.model, cell: (name) => name };
  }
  const rows = testCase.rows ?? [];
  const header = headerOf(rows);
  const table = [header, ...rows.map((row) => header.map((key) => row[key] ?? ''))];
  const read = model(table, testCase.file, testCase.normalize);
  if (testCase.interviews) read.interviews = testCase.interviews;
  return {
    model: read,
    cell(name) {
      // An answers sheet's cell is named as it is ("F2").
      if (/^[A-Z]+\d+$/.test(name)) return name;
      const match = /^(.*) (\d+)$/.exec(name);
      const column = match ? header.indexOf(match[1]!) : -1;
      if (!match || column === -1)
        throw new Error(`"${name}" names no cell: write "Column header ROW" with one of ${header.map((h) => JSON.stringify(h)).join(', ')}`);
      return `${columnLetter(column)}${match[2]}`;
    },
  };
}

function run(rule: Rule, testCase: RuleCase, built: Built): Report[] {
  return check(rule, built.model, testCase.options, { settings: testCase.settings, today: testCase.today, stageRules: testCase.stageRules });
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const cellOf = (location: Location) => location.cell;

/** Checks one report against what the case expects of it. */
function expectFinding(report: Report, expected: ExpectedFinding, built: Built, where: string): void {
  expect(cellOf(report.location), `${where}: cell`).toBe(expected.cell === null ? null : built.cell(expected.cell));
  if (expected.message !== undefined) expect(report.message, `${where}: message`).toBe(expected.message);
  for (const words of list(expected.messageIncludes)) expect(report.message, `${where}: message`).toContain(words);
  if (expected.fix !== undefined) expect(report.fix, `${where}: fix`).toBe(expected.fix);
  for (const words of list(expected.fixIncludes)) expect(report.fix, `${where}: fix`).toContain(words);
  if (expected.related !== undefined) expect(report.related.map(cellOf), `${where}: related`).toEqual(expected.related.map(built.cell));
  if (expected.persona !== undefined) expect(report.persona, `${where}: persona`).toBe(expected.persona);
  if (expected.stage !== undefined) expect(report.stage, `${where}: stage`).toBe(expected.stage);
}

/**
 * Tests a rule on small inventories, the way ESLint's RuleTester does: each valid case must give no
 * finding, each invalid case exactly the findings it lists, in order. Every finding must also have a
 * statement and a fix.
 */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} (rule tester)`, () => {
    // An empty list gets no suite (vitest fails a suite without tests): a new rule starts with valid cases only.
    if (cases.valid.length > 0)
      describe('valid', () => {
        cases.valid.forEach((testCase, i) => {
          it(testCase.name ?? `valid #${i + 1}`, () => {
            expect(run(rule, testCase, build(testCase))).toEqual([]);
          });
        });
      });
    if (cases.invalid.length > 0)
      describe('invalid', () => {
        cases.invalid.forEach((testCase, i) => {
          const name = testCase.name ?? `invalid #${i + 1}`;
          it(name, () => {
            const built = build(testCase);
            const reports = run(rule, testCase, built);
            expect(
              reports.map((r) => `${r.location.cell ?? '(no cell)'} ${r.message}`),
              `${name}: findings`,
            ).toHaveLength(testCase.expect.length);
            reports.forEach((report, j) => {
              expect(report.message.trim(), `${name}: finding ${j + 1} has a statement`).not.toBe('');
              expect(report.fix.trim(), `${name}: finding ${j + 1} has a fix`).not.toBe('');
              expectFinding(report, testCase.expect[j]!, built, `${name}, finding ${j + 1}`);
            });
          });
        });
      });
  });
}
