import { expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { findHandoffs } from '../../src/model/handoffs.js';
import { handoffLag } from '../../src/rules/handoff-lag.js';
import { missingOwner } from '../../src/rules/missing-owner.js';
import { teamVariants } from '../../src/rules/team-variants.js';
import { check, model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

// Rows are keyed by column header; cells are named "Header ROW" (the first row is row 2).
const touch = (team: string | null, values: Row = {}): Row => ({
  Persona: 'P',
  Stage: 'Onboarding',
  Touchpoint: `Touch by ${team}`,
  Team: team,
  Channel: 'Email',
  Mode: 'Automatic',
  Direction: 'Outbound',
  Day: 1,
  ...values,
});

const teamsOf = (...teams: (string | null)[]) => teams.map((team, i) => touch(team, { Touchpoint: `Touch ${i + 1}` }));

ruleTester(teamVariants, {
  valid: [
    { name: 'one spelling per team', rows: teamsOf('Marketing', 'Sales', 'Marketing', 'Customer Success') },
    { name: 'a word more is another team', rows: teamsOf('Sales', 'Sales Ops', 'Sales', 'Sales Ops') },
    { name: 'a role is not its team', rows: teamsOf('CS', 'CSM', 'AE', 'Sales', 'SDR') },
    { name: 'a word is no shortening of a longer one', rows: teamsOf('Product', 'Production', 'Sales', 'Salesforce') },
    { name: 'a spelling near two teams is left alone', rows: teamsOf('Trng', 'Training', 'Tracking') },
    { name: 'blank team cells are missing-owner’s', rows: teamsOf('Marketing', null, 'Marketing') },
    {
      name: 'the teams config merges them',
      rows: teamsOf('PMM', 'Product Marketing', 'Product Mktg'),
      normalize: resolveConfig(ConfigSchema.parse({ teams: { 'Product Marketing': ['PMM', 'Product Mktg'] } })).normalize,
    },
  ],
  invalid: [
    {
      name: 'an acronym, an abbreviation and the name written out',
      rows: teamsOf('PMM', 'Product Marketing', 'Product Mktg', 'PMM', 'Sales'),
      expect: [
        {
          cell: 'Team 2',
          message: "One team is written 3 ways: 'Product Marketing' (D3), 'PMM' (2 cells: D2 and D5) and 'Product Mktg' (D4)",
          fix: 'write one name, or merge them in journey.config.json: "teams": { "Product Marketing": ["PMM", "Product Mktg"] }.',
          related: ['Team 3', 'Team 4', 'Team 5'],
        },
      ],
    },
    {
      name: 'case, punctuation, a typo and filler words; two teams, two findings',
      rows: teamsOf('Customer Success', 'customer-success', 'Mktg', 'Custmer Success', 'Marketing team', 'Mkt'),
      expect: [
        {
          cell: 'Team 3',
          messageIncludes: "One team is written 3 ways: 'Customer Success' (D2), 'customer-success' (D3) and 'Custmer Success' (D5)",
          fixIncludes: '"teams": { "Customer Success": ["customer-success", "Custmer Success"] }',
        },
        {
          cell: 'Team 4',
          message: "One team is written 3 ways: 'Marketing team' (D6), 'Mktg' (D4) and 'Mkt' (D7)",
          fixIncludes: '"teams": { "Marketing team": ["Mktg", "Mkt"] }',
        },
      ],
    },
    {
      name: 'an acronym of the name and CS for Customer Success',
      rows: teamsOf('CX', 'Customer Experience', 'CS', 'Customer Success'),
      expect: [
        { cell: 'Team 2', messageIncludes: "'Customer Experience' (D3) and 'CX' (D2)" },
        { cell: 'Team 4', messageIncludes: "'Customer Success' (D5) and 'CS' (D4)" },
      ],
    },
    {
      name: 'in Spanish and Portuguese',
      rows: teamsOf('Equipo de Marketing', 'Mkt', 'Atención al cliente', 'Atencion al Cliente', 'Vendas', 'Vendas'),
      expect: [
        { cell: 'Team 3', messageIncludes: "'Equipo de Marketing' (D2) and 'Mkt' (D3)" },
        { cell: 'Team 5', messageIncludes: "'Atención al cliente' (D4) and 'Atencion al Cliente' (D5)" },
      ],
    },
  ],
});

it('with teams set, the model reads every spelling as the team, so no false handoff is left between them', () => {
  const rows = [
    ['Stage', 'Touchpoint', 'Team', 'Channel', 'Day'],
    ['Awareness', 'Launch brief', 'PMM', 'Email', 0],
    ['Consideration', 'Launch webinar', 'Product Marketing', 'Webinar', 20],
    ['Decision', 'Feature email', 'Product Mktg', 'Email', 40],
  ];
  const before = model(rows);
  expect(findHandoffs(before).filter((handoff) => handoff.changesTeam)).toHaveLength(2);
  expect(check(handoffLag, before).length).toBeGreaterThan(0);
  const config = resolveConfig(ConfigSchema.parse({ teams: { 'Product Marketing': ['PMM', 'Product Mktg'] }, stageOwners: { awareness: ['pmm'] } }));
  const after = model(rows, 'inventory.csv', config.normalize);
  expect(after.touchpoints.map((t) => t.team)).toEqual(['Product Marketing', 'Product Marketing', 'Product Marketing']);
  expect(findHandoffs(after).filter((handoff) => handoff.changesTeam)).toEqual([]);
  expect(check(handoffLag, after)).toEqual([]);
  expect(check(teamVariants, after)).toEqual([]);
  // stageOwners are read through the same aliases.
  expect(config.settings.stageOwners).toEqual({ awareness: ['Product Marketing'] });
});

it('reads a team cell that says no team ("TBD", "-", "n/a", "Sin asignar") as none, for missing-owner to report', () => {
  const journey = model([
    ['Stage', 'Touchpoint', 'Team', 'Channel', 'Day'],
    ['Awareness', 'Ad', 'Marketing', 'Paid ads', 0],
    ['Consideration', 'Webinar', 'TBD', 'Webinar', 3],
    ['Decision', 'Demo', '-', 'Video call', 5],
    ['Onboarding', 'Welcome', 'n/a', 'Email', 9],
    ['Adoption', 'Tips', 'Sin asignar', 'Email', 12],
    ['Retention', 'Review', 'Open', 'Email', 40],
  ]);
  expect(journey.touchpoints.map((t) => t.team)).toEqual(['Marketing', null, null, null, null, null]);
  expect(check(missingOwner, journey).map((r) => r.location.cell)).toEqual(['C3', 'C4', 'C5', 'C6', 'C7']);
  expect(check(teamVariants, journey)).toEqual([]);
});

it('refuses a spelling given to two teams, naming the key', () => {
  expect(() => resolveConfig(ConfigSchema.parse({ teams: { Marketing: ['Mktg'], 'Product Marketing': ['mktg'] } }))).toThrow(
    'teams.Product Marketing[0]: "mktg" is already a spelling of team "Marketing"; give each spelling to one team',
  );
});
