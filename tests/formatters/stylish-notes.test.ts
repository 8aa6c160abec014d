import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { AuditResult } from '../../src/engine/result.js';
import { OPTIONS, resultWith } from '../helpers/results.js';

const render = (result: AuditResult) => [...(formatStylish(result, OPTIONS) as Iterable<string>)].join('');
const notes = (result: AuditResult) =>
  render(result)
    .split('\n')
    .filter((line) => line.startsWith('note:'));
type Sheet = AuditResult['files'][number]['sheets'][number];
const sheet = (name: string | null, over: Partial<Sheet> = {}): Sheet => ({
  sheet: name,
  headerRow: 1,
  touchpoints: 0,
  retired: 0,
  skipped: null,
  columns: { stage: 'A', touchpoint: 'B', channel: 'C' },
  ...over,
});
const skipped = (name: string): Sheet => sheet(name, { headerRow: null, skipped: 'skipped: no inventory header in the first 30 rows', columns: {} });
const file = (sheets: Sheet[], touchpoints: number) => resultWith([], [{ file: 'team.xlsx', kind: 'xlsx', sheets, personas: [], touchpoints, error: null }]);

describe('stylish notes under a file', () => {
  it('says once that an inventory with a header has no touchpoints yet, instead of a note per helper sheet', () => {
    expect(notes(file([sheet('Practitioner'), sheet('Executive'), skipped('How to use'), skipped('Lists')], 0))).toEqual([
      'note: team.xlsx: no touchpoints yet; add one row per communication under the header of sheets Practitioner, Executive, then audit again',
    ]);
    expect(notes(resultWith([], [{ file: 'a.csv', kind: 'csv', sheets: [sheet(null)], personas: [], touchpoints: 0, error: null }]))).toEqual([
      'note: a.csv: no touchpoints yet; add one row per communication under the header, then audit again',
    ]);
  });

  it('names each skipped sheet when the file has touchpoints, or only retired rows', () => {
    expect(notes(file([sheet('Practitioner', { touchpoints: 3 }), skipped('Notes')], 3))).toEqual([
      'note: team.xlsx › Notes: skipped: no inventory header in the first 30 rows',
    ]);
    expect(notes(file([sheet('Practitioner', { retired: 2 }), skipped('Notes')], 0))).toEqual([
      'note: team.xlsx › Notes: skipped: no inventory header in the first 30 rows',
    ]);
  });
});
