import { invalidValue } from '../../src/rules/invalid-value.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row): Row => ({
  Persona: 'P',
  Stage: 'Onboarding',
  Touchpoint: 'A',
  Team: 'CS',
  Channel: 'Email',
  Mode: '',
  Direction: '',
  Day: '',
  Frequency: '',
  ...values,
});
const DAY_FIX = "write the day offset from the journey's start as a whole number of days (e.g. 14)";

ruleTester(invalidValue, {
  valid: [
    {
      name: 'values journey reads',
      rows: [
        touch({ Mode: 'automated', Direction: 'out', Day: '3', Frequency: 'weekly' }),
        touch({ Touchpoint: 'D', Day: 'Day 14' }),
        touch({ Touchpoint: 'E', Day: 'two weeks' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'days that are not whole numbers of days, at their cell',
      rows: [
        touch({ Day: 'soon' }),
        touch({ Touchpoint: 'B', Day: '-5' }),
        touch({ Touchpoint: 'C', Day: '2.5' }),
        touch({ Touchpoint: 'D', Day: 'Day 14' }),
        touch({ Touchpoint: 'E', Day: 'two weeks' }),
      ],
      expect: [
        { cell: 'Day 3', message: 'Day \'-5\' of "B" is negative', fix: DAY_FIX },
        { cell: 'Day 4', message: 'Day \'2.5\' of "C" is not a whole number', fix: DAY_FIX },
        // A word is judged once the whole column is read (a column of mostly words is timing-text's), so it comes last.
        { cell: 'Day 2', message: 'Day \'soon\' of "A" is not a number of days', fix: DAY_FIX },
      ],
    },
    {
      name: 'a mode or direction outside its set, and rows missing required values',
      rows: [touch({ Mode: 'Sometimes', Direction: 'Sideways' }), touch({ Touchpoint: '' }), touch({ Touchpoint: 'C', Channel: '' })],
      expect: [
        { cell: 'Mode 2', message: 'Mode \'Sometimes\' of "A" is not one of ongoing, automatic, manual', fix: 'write one of them' },
        { cell: 'Direction 2', messageIncludes: 'is not one of inbound, outbound' },
        { cell: 'Touchpoint 3', message: 'Row 3 has no touchpoint name', fix: 'name the touchpoint or delete the row' },
        { cell: 'Channel 4', message: '"C" has no channel', fix: 'fill in the channel it reaches the customer on' },
      ],
    },
  ],
});
