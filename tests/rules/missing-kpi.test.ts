import { missingKpi } from '../../src/rules/missing-kpi.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Channel: string, KPI = '', conversion: string | number = ''): Row => ({
  Persona: 'B',
  Stage: 'Decision',
  Touchpoint,
  Channel,
  KPI,
  'Conversion rate': conversion,
});

ruleTester(missingKpi, {
  valid: [
    { name: 'one touchpoint of the stage has a KPI', rows: [touch('Proposal call', 'Phone', 'Win rate'), touch('Review', 'Video call')] },
    { name: 'one touchpoint of the stage has a conversion figure', rows: [touch('Proposal call', 'Phone', '', '12%')] },
  ],
  invalid: [
    {
      name: 'a stage where no touchpoint has a KPI or a figure, at its first KPI cell',
      rows: [touch('Proposal call', 'Phone'), touch('Security review', 'Video call')],
      expect: [{ cell: 'KPI 2', message: 'No touchpoint of B in Decision has a KPI', fix: 'give at least one a measurable KPI so the stage can be judged.' }],
    },
    {
      name: 'a table with no KPI or figure column at all, once for the table',
      rows: [
        { Stage: 'Decision', Touchpoint: 'Demo', Channel: 'Video call' },
        { Stage: 'Onboarding', Touchpoint: 'Welcome', Channel: 'Email' },
        { Stage: 'Onboarding', Touchpoint: 'Kickoff', Channel: 'Phone' },
      ],
      expect: [{ cell: null, message: 'This file has no KPI or figure column, so none of its stages can be judged', fixIncludes: 'add a KPI column' }],
    },
  ],
});
