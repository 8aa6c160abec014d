import { normalize } from '../../src/model/normalize.js';
import { blankRow } from '../../src/rules/blank-row.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Stage: string, Touchpoint: string, Channel: string): Row => ({ Stage, Touchpoint, Channel });
const blank: Row = { Stage: '', Touchpoint: '', Channel: '' };

/** A workbook sheet whose rows 3–4 and 6–8 are left out, as a workbook leaves out empty rows. */
const sparseSheet = normalize([
  {
    file: 'w.xlsx',
    kind: 'xlsx',
    skipped: [],
    tables: [
      {
        file: 'w.xlsx',
        sheet: 'P',
        rows: [
          { row: 1, cells: ['Stage', 'Touchpoint', 'Channel'] },
          { row: 2, cells: ['Awareness', 'Ad', 'Paid ads'] },
          { row: 5, cells: ['Decision', 'Demo', 'Video call'] },
          { row: 9, cells: [null, null] },
        ],
      },
    ],
  },
]);

ruleTester(blankRow, {
  valid: [
    { name: 'blank rows after the table', rows: [touch('Awareness', 'Ad', 'Paid ads'), blank, blank] },
    { name: 'a stage-only group row', rows: [touch('Awareness', '', ''), touch('', 'Ad', 'Paid ads')] },
  ],
  invalid: [
    {
      name: 'each run of blank rows inside the table, once',
      rows: [touch('Awareness', 'Ad', 'Paid ads'), blank, blank, touch('Decision', 'Demo', 'Video call'), {}, touch('Retention', 'QBR', 'Video call')],
      expect: [
        { cell: 'Stage 3', message: 'Rows 3–4 are blank inside the table', fix: 'delete them so filters, sorts and pivots see one table.' },
        { cell: 'Stage 6', message: 'Row 6 is blank inside the table', fix: 'delete it so filters, sorts and pivots see one table.' },
      ],
    },
    {
      name: 'rows a workbook leaves out count as blank, but not rows after the table',
      model: sparseSheet,
      expect: [{ cell: 'P!A3', message: 'Rows 3–4 are blank inside the table' }],
    },
  ],
});
