import { describe, expect, it } from 'vitest';
import { missingPersona } from '../../src/rules/missing-persona.js';
import { check, model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const rows: Row[] = [{ Persona: 'Practitioner', Stage: 'Awareness', Touchpoint: 'Ad', Team: 'Marketing', Channel: 'Paid ads' }];

ruleTester(missingPersona, {
  valid: [
    { name: 'the config lists no personas', rows },
    { name: 'every listed persona has rows, whatever its case', rows, settings: { personas: ['practitioner'] } },
  ],
  invalid: [
    {
      name: 'each expected persona with no rows, at the file',
      rows,
      settings: { personas: ['practitioner', 'Admin'] },
      expect: [
        {
          cell: null,
          persona: 'Admin',
          message: 'No rows for persona "Admin", which the config expects',
          fix: 'add its touchpoints or remove it from personas.',
        },
      ],
    },
  ],
});

describe('missing-persona', () => {
  it('places the finding at the file', () => {
    const reports = check(missingPersona, model([Object.keys(rows[0]!), Object.values(rows[0]!)]), {}, { settings: { personas: ['Admin'] } });
    expect(reports[0]!.location).toMatchObject({ file: 'inventory.csv', sheet: null, cell: null });
  });
});
