import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { normalize } from '../../src/model/normalize.js';
import { blankRow } from '../../src/rules/blank-row.js';
import { check, model } from '../helpers/inventory.js';

const header = ['Stage', 'Touchpoint', 'Channel'];

describe('blank-row', () => {
  it('reports each run of blank rows inside the table once', () => {
    const reports = check(blankRow, model([header, ['Awareness', 'Ad', 'Paid ads'], ['', '', ''], ['', '', ''], ['Decision', 'Demo', 'Video call'], [''], ['Retention', 'QBR', 'Video call']]));
    expect(reports.map((r) => findingSentence(r))).toEqual([
      'Rows 3–4 are blank inside the table; delete them so filters, sorts and pivots see one table.',
      'Row 6 is blank inside the table; delete it so filters, sorts and pivots see one table.',
    ]);
    expect(reports[0]!.location.cell).toBe('A3');
  });

  it('counts rows a workbook leaves out as blank, but not rows after the table', () => {
    const journey = normalize([{ file: 'w.xlsx', kind: 'xlsx', skipped: [], tables: [{ file: 'w.xlsx', sheet: 'P', rows: [
      { row: 1, cells: header }, { row: 2, cells: ['Awareness', 'Ad', 'Paid ads'] }, { row: 5, cells: ['Decision', 'Demo', 'Video call'] }, { row: 9, cells: [null, null] },
    ] }] }]);
    expect(check(blankRow, journey).map((r) => r.location.cell)).toEqual(['P!A3']);
    expect(check(blankRow, model([header, ['Awareness', 'Ad', 'Paid ads'], ['', '', ''], ['', '', '']]))).toEqual([]);
  });

  it('does not count a stage-only group row as blank', () => {
    expect(check(blankRow, model([header, ['Awareness', '', ''], ['', 'Ad', 'Paid ads']]))).toEqual([]);
  });
});
