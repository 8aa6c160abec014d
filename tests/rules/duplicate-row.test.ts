import { duplicateRow } from '../../src/rules/duplicate-row.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const welcome: Row = {
  Persona: 'P',
  Stage: 'Onboarding',
  Touchpoint: 'Welcome email',
  Team: 'CS',
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
  Day: 1,
  Frequency: 'Once',
};
// Days 1 and 4097 mix the same bits into the row hash (4096 × 2^20 wraps past 2^32).
const later: Row = { ...welcome, Day: 4097 };

ruleTester(duplicateRow, {
  valid: [
    { name: 'a row differing in its day', rows: [welcome, { ...welcome, Day: 8 }] },
    { name: 'a row differing in its persona', rows: [welcome, { ...welcome, Persona: 'Q' }] },
    { name: 'different rows whose values hash alike', rows: [welcome, later] },
    // Each column counts as the row says it, not only the part another field keeps.
    {
      name: 'rows differing in a timing that names no day',
      rows: [
        { ...welcome, Day: 'Q3' },
        { ...welcome, Day: 'Q4' },
      ],
    },
    { name: 'rows differing in a second channel', rows: [welcome, { ...welcome, Channel: 'Email + SMS' }] },
    {
      name: 'rows differing in the event they are measured by',
      rows: [
        { ...welcome, 'Event name': 'signup' },
        { ...welcome, 'Event name': 'welcome_open' },
      ],
    },
    {
      name: 'rows differing in a figure',
      rows: [
        { ...welcome, 'Open rate': '40%' },
        { ...welcome, 'Open rate': '45%' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a copy, at the copy, with the original related',
      rows: [welcome, { Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Tips', Team: 'CS', Channel: 'Email' }, { ...welcome }],
      expect: [{ cell: 'Touchpoint 4', message: 'Row 4 repeats row 2 ("Welcome email") in every column', fix: 'delete the copy.', related: ['Touchpoint 2'] }],
    },
    {
      name: 'spellings that read the same as the same',
      rows: [welcome, { ...welcome, Channel: 'e-mail', Mode: 'automated' }],
      expect: [{ cell: 'Touchpoint 3' }],
    },
    {
      name: 'copies of each of two rows whose values hash alike',
      rows: [welcome, later, { ...later }, { ...welcome }],
      expect: [
        { cell: 'Touchpoint 4', message: 'Row 4 repeats row 3 ("Welcome email") in every column', fix: 'delete the copy.' },
        { cell: 'Touchpoint 5', message: 'Row 5 repeats row 2 ("Welcome email") in every column', fix: 'delete the copy.' },
      ],
    },
  ],
});
