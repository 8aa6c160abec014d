import { describe, expect, it } from 'vitest';
import { duplicateEffort } from '../../src/rules/duplicate-effort.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (values: Row): Row => ({
  Persona: 'A',
  Stage: 'Retention',
  Touchpoint: 'Monthly newsletter',
  Team: 'Marketing',
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
  Day: 1,
  Frequency: '',
  ...values,
});
const tips = [
  touch({ Touchpoint: 'Weekly usage tips', Mode: '', Direction: '', Day: '' }),
  touch({ Touchpoint: 'Weekly product tips', Team: 'Product', Mode: '', Direction: '', Day: '' }),
];

ruleTester(duplicateEffort, {
  valid: [
    {
      name: 'touchpoints that merely share a channel',
      rows: [
        touch({ Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Welcome email series', Team: 'CS', Frequency: 'Daily' }),
        touch({ Persona: 'P', Stage: 'Onboarding', Touchpoint: 'Weekly usage tips email', Team: 'Product', Day: 7, Frequency: 'Weekly' }),
      ],
    },
    {
      name: 'the same name in another persona, stage, channel or direction',
      rows: [touch({}), touch({ Persona: 'B' }), touch({ Stage: 'Adoption' }), touch({ Channel: 'Blog' }), touch({ Direction: 'Inbound' })],
    },
    { name: 'names below the default threshold', rows: tips },
    {
      name: 'the same kind at different cadences, or from one team, is not a duplicate',
      rows: [
        touch({ Touchpoint: 'Monthly admin newsletter', Team: 'Content', Frequency: 'Monthly' }),
        touch({ Touchpoint: 'Weekly product updates digest', Team: 'Product', Frequency: 'Weekly' }),
        touch({ Persona: 'B', Touchpoint: 'Release notes', Team: 'Product', Frequency: 'Monthly' }),
        touch({ Persona: 'B', Touchpoint: "What's new", Team: 'Product', Frequency: 'Monthly' }),
      ],
    },
    {
      name: 'the same kind on another channel',
      rows: [
        touch({ Touchpoint: 'Monthly admin newsletter', Team: 'Content', Frequency: 'Monthly' }),
        touch({ Touchpoint: 'Product updates', Team: 'Product', Channel: 'In-app', Frequency: 'Monthly' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'two teams sending near-identical newsletters in the same stage, naming rows and teams',
      rows: [
        touch({ Persona: 'Practitioner', Day: 90, Frequency: 'Monthly' }),
        touch({ Persona: 'Practitioner', Touchpoint: 'Monthly product newsletter', Team: 'Product', Channel: 'E-mail', Day: 92, Frequency: 'Monthly' }),
      ],
      expect: [
        {
          cell: 'Touchpoint 2',
          message:
            'Marketing and Product both send similar Email touchpoints to Practitioner in Retention: "Monthly newsletter" and "Monthly product newsletter"',
          fix: 'merge them under one owner or give each a distinct purpose.',
          related: ['Touchpoint 3'],
        },
      ],
    },
    {
      name: 'three similar touchpoints in one finding',
      rows: [
        touch({ Mode: '', Direction: '', Day: '' }),
        touch({ Touchpoint: 'The monthly newsletter', Team: 'Product', Mode: '', Direction: '', Day: '' }),
        touch({ Touchpoint: 'Monthly newsletters', Team: 'Success', Mode: '', Direction: '', Day: '' }),
      ],
      expect: [{ cell: 'Touchpoint 2', messageIncludes: 'Marketing, Product and Success all send', related: ['Touchpoint 3', 'Touchpoint 4'] }],
    },
    {
      name: 'two teams sending the same kind (newsletter ≈ digest) at the same cadence, names sharing no word',
      rows: [
        touch({ Persona: 'IT admin', Stage: 'Adoption', Touchpoint: 'Monthly admin newsletter', Team: 'Content', Frequency: 'Monthly' }),
        touch({ Persona: 'IT admin', Stage: 'Adoption', Touchpoint: 'Product updates digest', Team: 'Product', Frequency: 'Monthly' }),
      ],
      expect: [
        {
          cell: 'Touchpoint 2',
          message:
            'Content and Product both send a monthly newsletter by Email to IT admin in Adoption: "Monthly admin newsletter" and "Product updates digest"',
          related: ['Touchpoint 3'],
        },
      ],
    },
    {
      name: 'webinar ≈ live session, reminder ≈ nudge',
      rows: [
        touch({ Touchpoint: 'Customer webinar', Channel: 'Webinar', Team: 'Marketing', Frequency: 'Monthly' }),
        touch({ Touchpoint: 'Live session: admin Q&A', Channel: 'Webinar', Team: 'Customer Success', Frequency: 'Monthly' }),
        touch({ Touchpoint: 'Renewal reminder', Team: 'Customer Success', Frequency: 'Once' }),
        touch({ Touchpoint: 'Contract end nudge', Team: 'Finance', Frequency: 'Once' }),
      ],
      expect: [
        { cell: 'Touchpoint 2', messageIncludes: 'a monthly webinar by Webinar' },
        { cell: 'Touchpoint 4', messageIncludes: 'Customer Success and Finance both send a reminder by Email' },
      ],
    },
    {
      name: 'a note that says a touchpoint duplicates another, on any channel',
      rows: [
        touch({ Touchpoint: "What's new in the product", Team: 'Product', Channel: 'In-app', Frequency: 'Monthly' }),
        touch({ Touchpoint: 'Feature spotlight', Team: 'Marketing', Frequency: 'Monthly', Notes: "dup of what's new?" }),
      ],
      expect: [
        {
          cell: 'Touchpoint 2',
          messageIncludes: 'Product and Marketing both send touchpoints to A in Retention that a note calls duplicates',
          related: ['Touchpoint 3'],
        },
      ],
    },
    { name: 'the threshold option', rows: tips, options: { threshold: 0.5 }, expect: [{ cell: 'Touchpoint 2' }] },
  ],
});

describe('duplicate-effort', () => {
  it('refuses a threshold that is not a number', () => {
    expect(() => duplicateEffort.options.parse({ threshold: 'high' })).toThrow();
  });
});
