import { noStageColumn } from '../../src/rules/no-stage-column.js';
import { ruleTester } from '../helpers/rule-tester.js';

const stageRules = ['missing-stage', 'one-way-stage'];

ruleTester(noStageColumn, {
  valid: [
    { name: 'a table with a stage column', rows: [{ Stage: 'Onboarding', Touchpoint: 'Welcome', Channel: 'Email' }], stageRules },
    { name: 'a timeline when no rule that needs stages runs', rows: [{ Day: 0, Touchpoint: 'Welcome', Channel: 'Email' }], stageRules: [] },
  ],
  invalid: [
    {
      name: 'a timeline: once, naming the stage checks that skipped how many touchpoints',
      rows: [
        { Day: 0, Touchpoint: 'Welcome', Channel: 'Email' },
        { Day: 3, Touchpoint: 'Tips', Channel: 'Email' },
      ],
      stageRules,
      expect: [
        {
          cell: null,
          message: 'This file has no stage column, so it is read as a timeline: missing-stage and one-way-stage skipped its 2 touchpoints',
          fix: 'add a Stage column to check stages too.',
        },
      ],
    },
    {
      name: 'a stage column that holds timings counts as none',
      rows: [
        { Stage: 'Day 0', Touchpoint: 'Welcome', Channel: 'Email' },
        { Stage: 'Week 2', Touchpoint: 'Tips', Channel: 'Email' },
      ],
      stageRules,
      expect: [{ cell: null, messageIncludes: 'has no stage column' }],
    },
  ],
});
