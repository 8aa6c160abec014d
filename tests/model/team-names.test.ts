import { describe, expect, it } from 'vitest';
import { TeamAliases, canonicalTeam, teamGroups, teamWords } from '../../src/model/team-names.js';

const grouped = (names: string[]) => teamGroups(names.map((name) => ({ name, rows: 1 }))).map((group) => group.map((s) => s.name));

describe('team names', () => {
  it('reads abbreviations, acronyms, case, punctuation and filler words through', () => {
    expect(teamWords('Product Mktg.')).toEqual(['product', 'marketing']);
    expect(teamWords('PMM')).toEqual(['product', 'marketing']);
    expect(teamWords('RevOps')).toEqual(['revenue', 'operations']);
    expect(teamWords('Equipo de Marketing')).toEqual(['marketing']);
    expect(teamWords('Sales & Marketing')).toEqual(['sales', 'and', 'marketing']);
    expect(teamWords('E-commerce')).toEqual(['e', 'commerce']);
  });

  it.each([
    [['PMM', 'Product Marketing', 'Product Mktg', 'product marketing']],
    [['CS', 'Customer Success', 'Custmer Success', 'customer-success']],
    [['Mktg', 'Marketing', 'Mkt', 'Marketing team']],
    [['Equipo de Marketing', 'Mkt']],
    [['CX', 'Customer Experience']],
    [['RevOps', 'Rev Ops', 'Revenue Operations']],
    [['Sales & Marketing', 'Sales and Marketing']],
    [['Ventas', 'Vtas']],
    [['Atención al cliente', 'Atencion al Cliente']],
    [['Cstmr Support', 'Customer Support']],
  ])('groups %j as one team', (names) => {
    expect(grouped(names)).toEqual([names]);
  });

  it.each([
    [['Sales', 'Sales Ops'], 'a word more is another team'],
    [['CS', 'CSM'], 'a customer success manager is a role, not the team'],
    [['Sales', 'AE', 'SDR'], 'roles of Sales are not Sales'],
    [['Product', 'Production'], 'a word, not a shortening'],
    [['Sales', 'Salesforce'], 'a word, not a shortening'],
    [['CS Ops', 'CX Ops'], 'acronyms are compared whole'],
    [['Support', 'Success'], 'different words'],
  ])('keeps %j apart (%s)', (names) => {
    expect(grouped(names)).toEqual([]);
  });

  it('joins a spelling near two teams to neither', () => {
    expect(grouped(['Trng', 'Training', 'Tracking'])).toEqual([]);
    // A known abbreviation is its word: "Prod" is Product, never Production.
    expect(grouped(['Prod', 'Product', 'Production'])).toEqual([['Prod', 'Product']]);
    expect(grouped(['Eng', 'Engineering', 'Engagement'])).toEqual([['Eng', 'Engineering']]);
  });

  it('writes a group as its name written out, then the one more rows use', () => {
    expect(
      canonicalTeam([
        { name: 'PMM', rows: 9 },
        { name: 'Product Mktg', rows: 1 },
        { name: 'Product Marketing', rows: 2 },
      ]),
    ).toBe('Product Marketing');
    expect(
      canonicalTeam([
        { name: 'customer success', rows: 1 },
        { name: 'Customer Success', rows: 4 },
      ]),
    ).toBe('Customer Success');
  });

  it('reads the config aliases, case and spacing ignored', () => {
    const aliases = new TeamAliases({ 'Product Marketing': ['PMM', 'Product Mktg'] });
    expect(['pmm', 'Product  mktg', 'product marketing', 'Sales'].map((name) => aliases.read(name))).toEqual([
      'Product Marketing',
      'Product Marketing',
      'Product Marketing',
      'Sales',
    ]);
  });
});
