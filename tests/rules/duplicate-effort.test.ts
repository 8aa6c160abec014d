import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { duplicateEffort } from '../../src/rules/duplicate-effort.js';
import { HEADER, check, model } from '../helpers/inventory.js';

describe('duplicate-effort', () => {
  it('fires on two teams sending near-identical newsletters in the same stage, naming rows and teams', () => {
    const reports = check(duplicateEffort, model([
      HEADER,
      ['Practitioner', 'Retention', 'Monthly newsletter', 'Marketing', 'Email', 'Automatic', 'Outbound', 90, 'Monthly'],
      ['Practitioner', 'Retention', 'Monthly product newsletter', 'Product', 'E-mail', 'Automatic', 'Outbound', 92, 'Monthly'],
    ]));
    expect(reports).toHaveLength(1);
    expect(findingSentence(reports[0]!)).toContain('Marketing and Product both send');
    expect(findingSentence(reports[0]!)).toContain('"Monthly newsletter" and "Monthly product newsletter"');
    expect(findingSentence(reports[0]!)).toContain('Practitioner in Retention');
    expect(reports[0]!.location.cell).toBe('C2');
    expect(reports[0]!.related.map((l) => l.cell)).toEqual(['C3']);
  });

  it('does not fire on touchpoints that merely share a channel', () => {
    const reports = check(duplicateEffort, model([
      HEADER,
      ['P', 'Onboarding', 'Welcome email series', 'CS', 'Email', 'Automatic', 'Outbound', 1, 'Daily'],
      ['P', 'Onboarding', 'Weekly usage tips email', 'Product', 'Email', 'Automatic', 'Outbound', 7, 'Weekly'],
    ]));
    expect(reports).toEqual([]);
  });

  it('compares only within persona, stage, channel and direction', () => {
    const base = ['Monthly newsletter', 'Marketing', 'Email', 'Automatic'];
    const reports = check(duplicateEffort, model([
      HEADER,
      ['A', 'Retention', ...base, 'Outbound', 1, ''],
      ['B', 'Retention', ...base, 'Outbound', 1, ''],
      ['A', 'Adoption', ...base, 'Outbound', 1, ''],
      ['A', 'Retention', 'Monthly newsletter', 'Marketing', 'Blog', 'Automatic', 'Outbound', 1, ''],
      ['A', 'Retention', ...base, 'Inbound', 1, ''],
    ]));
    expect(reports).toEqual([]);
  });

  it('groups three similar touchpoints into one finding', () => {
    const reports = check(duplicateEffort, model([
      HEADER,
      ['A', 'Retention', 'Monthly newsletter', 'Marketing', 'Email', '', '', '', ''],
      ['A', 'Retention', 'The monthly newsletter', 'Product', 'Email', '', '', '', ''],
      ['A', 'Retention', 'Monthly newsletters', 'Success', 'Email', '', '', '', ''],
    ]));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.related).toHaveLength(2);
    expect(findingSentence(reports[0]!)).toContain('Marketing, Product and Success all send');
  });

  it('honours the threshold option', () => {
    const rows = [
      HEADER,
      ['A', 'Retention', 'Weekly usage tips', 'Marketing', 'Email', '', '', '', ''],
      ['A', 'Retention', 'Weekly product tips', 'Product', 'Email', '', '', '', ''],
    ];
    expect(check(duplicateEffort, model(rows))).toEqual([]);
    expect(check(duplicateEffort, model(rows), { threshold: 0.5 })).toHaveLength(1);
    expect(() => duplicateEffort.options.parse({ threshold: 'high' })).toThrow();
  });
});
