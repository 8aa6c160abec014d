import { blankHeader } from '../../src/rules/blank-header.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(blankHeader, {
  valid: [{ name: 'a blank header cell over an empty column', rows: [{ Stage: 'Awareness', '': '', Touchpoint: 'Ad', Channel: 'Paid ads' }] }],
  invalid: [
    {
      name: 'a blank header cell over a column that holds data',
      rows: [{ Stage: 'Awareness', Touchpoint: 'Ad', Channel: 'Paid ads', '': '42%' }],
      expect: [{ cell: ' 1', message: 'Column D holds data but its header cell is blank', fix: 'name the column so its values are read' }],
    },
  ],
});
