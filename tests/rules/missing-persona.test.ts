import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { missingPersona } from '../../src/rules/missing-persona.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const rows = [HEADER, ['Practitioner', 'Awareness', 'Ad', 'Marketing', 'Paid ads', '', '', '', '']];

describe('missing-persona', () => {
  it('reports each expected persona with no rows, at the file', () => {
    const reports = check(missingPersona, model(rows), {}, { settings: { personas: ['practitioner', 'Admin'] } });
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toBe('No rows for persona "Admin", which the config expects; add its touchpoints or remove it from personas.');
    expect(reports[0]!.location).toMatchObject({ file: 'inventory.csv', sheet: null, cell: null });
  });

  it('is silent when the config lists no personas', () => {
    expect(check(missingPersona, model(rows))).toEqual([]);
  });
});
