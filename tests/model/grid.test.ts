import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import type { RawRow } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { findGrid, laneOf, splitItems } from '../../src/model/normalize/grid.js';
import { cellOf, rowLocation } from '../../src/model/cells.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { check } from '../helpers/inventory.js';
import { markdownTables } from '../../src/load/markdown.js';
import { ColumnMatcher } from '../../src/model/columns.js';

const rows = (cells: (string | number | null)[][], first = 1): RawRow[] => cells.map((c, i) => ({ row: first + i, cells: c }));

const MAP = [
  ['Customer journey: Trial to paid', null, null, null],
  [null, null, null, null],
  ['Stage', 'Awareness', 'Consideration', 'Onboarding'],
  ['Goal', 'Find a tool', 'Compare plans', 'Get set up fast'],
  ['Touchpoints', 'FB ads, SEO', '• Pricing page\n• Webinar invite', 'Welcome email; Kickoff call; In-app tour'],
  ['Channel', 'Paid ads, Blog', 'Website', 'Email'],
  ['Emotion', '🤔 Curious', '😰 Anxious', 'Relieved'],
  ['Pain points', null, 'Plans are hard to compare', 'Too many setup steps'],
  ['Opportunities', 'Retarget visitors', 'Plan comparison table', 'Setup checklist'],
  ['Team', 'Marketing', 'Marketing', 'CS'],
];

describe('journey-map grid', () => {
  it('knows lane labels as people write them', () => {
    expect(['Touchpoints', 'Touchpoint(s)', 'Emotions', 'Feelings', 'Pain points', 'Opportunities', 'Customer goals', 'Doing'].map(laneOf)).toEqual([
      'touchpoint',
      'touchpoint',
      'sentiment',
      'sentiment',
      'painPoint',
      'opportunity',
      'goal',
      'action',
    ]);
    expect(laneOf('Welcome email')).toBeNull();
  });

  it('splits a cell into items on commas, semicolons, lines and bullets, not inside brackets', () => {
    expect(splitItems('FB ads, SEO')).toEqual(['FB ads', 'SEO']);
    expect(splitItems('- Welcome email\n- Tips (setup, billing)\n3. Kickoff call')).toEqual(['Welcome email', 'Tips (setup, billing)', 'Kickoff call']);
    expect(splitItems('Email • SMS | Push')).toEqual(['Email', 'SMS', 'Push']);
    expect(splitItems('Sign-up form')).toEqual(['Sign-up form']);
  });

  it('is not found in an inventory, whose fields run across', () => {
    expect(
      findGrid(
        rows([
          ['Stage', 'Touchpoint', 'Channel', 'Team'],
          ['Awareness', 'Ad', 'Paid ads', 'Marketing'],
        ]),
      ),
    ).toBeNull();
  });

  it('reads each item of a Touchpoint cell as a touchpoint of its stage, with the stage lanes, at real cells', () => {
    const journey = normalize([{ file: 'maps.xlsx', kind: 'xlsx', skipped: [], tables: [{ file: 'maps.xlsx', sheet: 'Map', rows: rows(MAP) }] }]);
    expect(journey.touchpoints.map((t) => [t.stage, t.name, t.channels, t.sentiment?.score, t.team])).toEqual([
      ['awareness', 'FB ads', ['paid-ads'], 0, 'Marketing'],
      ['awareness', 'SEO', ['blog'], 0, 'Marketing'],
      ['consideration', 'Pricing page', ['website'], -1, 'Marketing'],
      ['consideration', 'Webinar invite', ['webinar'], -1, 'Marketing'],
      ['onboarding', 'Welcome email', ['email'], 1, 'CS'],
      ['onboarding', 'Kickoff call', ['video-call'], 1, 'CS'],
      ['onboarding', 'In-app tour', ['in-app'], 1, 'CS'],
    ]);
    const tour = journey.touchpoints[6]!;
    expect(tour).toMatchObject({ persona: 'Map', painPoint: 'Too many setup steps', opportunity: 'Setup checklist', notes: 'Goal: Get set up fast' });
    expect(cellOf(tour, 'touchpoint').cell).toBe('Map!D5');
    expect(cellOf(tour, 'sentiment').cell).toBe('Map!D7');
    expect(cellOf(tour, 'stage').cell).toBe('Map!D3');
    expect(rowLocation(tour).cell).toBe('Map!D5');
    expect(journey.problems).toEqual([]);
    expect(journey.files[0]!.sheets[0]).toMatchObject({
      headerRow: 3,
      touchpoints: 7,
      grid: {
        stages: [
          { column: 'B', text: 'Awareness' },
          { column: 'C', text: 'Consideration' },
          { column: 'D', text: 'Onboarding' },
        ],
      },
    });
    // Friction is found at the emotion cell of the stage.
    expect(check(frictionPoint, journey).map((r) => [r.location.cell, r.stage, r.touchpoint, findingSentence(r)])).toEqual([
      [
        'Map!C7',
        'consideration',
        null,
        'Consideration is a friction point for "Pricing page" and "Webinar invite": sentiment "😰 Anxious"; pain point: "Plans are hard to compare"; fix the cause and measure again.',
      ],
    ]);
  });

  it('reports unknown stages and channels and out-of-scale emotions at their cells', () => {
    const grid = [
      [null, 'Awarness', 'Onboarding'],
      ['Touchpoint', 'Street promo', 'Welcome pack, Setup call'],
      ['Channel', 'Carrier pigeon', 'Direct mail, Phone'],
      ['Emotion', 5, 'Happy'],
      ['Opportunity', null, 'Send earlier'],
    ];
    const journey = normalize([{ file: 'map.csv', kind: 'csv', skipped: [], tables: [{ file: 'map.csv', sheet: null, rows: rows(grid) }] }]);
    expect(journey.touchpoints.map((t) => [t.stage, t.name, t.channels])).toEqual([
      // 'Awarness' is a confident typo: reported, and read as Awareness.
      ['awareness', 'Street promo', []],
      ['onboarding', 'Welcome pack', ['direct-mail']],
      ['onboarding', 'Setup call', ['phone']],
    ]);
    expect(check(unknownValue, journey).map((r) => [r.location.cell, findingSentence(r)])).toEqual([
      ['B1', expect.stringMatching(/^Stage 'Awarness' is not a known stage; did you mean 'Awareness'\? journey reads it as Awareness meanwhile\./)],
      ['B3', expect.stringMatching(/^Channel 'Carrier pigeon' is not a known channel;/)],
    ]);
    expect(check(invalidValue, journey).map((r) => r.location.cell)).toEqual(['B4']);
  });

  it('reads a markdown grid, located at file.md:LINE › stage', () => {
    const text = [
      '# Onboarding map',
      '',
      '| Stage | Sign up | Set up |',
      '|---|---|---|',
      '| Touchpoints | Signup page, Welcome email | Kickoff call |',
      '| Emotions | 😊 Hopeful | 😩 Overwhelmed |',
      '| Pain points | | Too many steps |',
    ].join('\n');
    const tables = markdownTables(text, 'map.md');
    expect(tables).toHaveLength(1);
    const journey = normalize([{ file: 'map.md', kind: 'markdown', skipped: [], tables }]);
    expect(journey.touchpoints.map((t) => [t.persona, t.stage, t.name])).toEqual([
      // "Onboarding map" names no role or segment: a section label, and the file is one journey named after it.
      ['map', 'decision', 'Signup page'],
      ['map', 'decision', 'Welcome email'],
      ['map', 'onboarding', 'Kickoff call'],
    ]);
    expect(check(frictionPoint, journey).map((r) => r.location.cell)).toEqual(['map.md:6 › Set up']);
    // A markdown table that is neither an inventory nor a grid is refused by the model (the loader hands every table on).
    expect(() =>
      normalize([{ file: 'team.md', kind: 'markdown', skipped: [], tables: markdownTables('| Name | Role |\n|---|---|\n| Ana | PM |', 'team.md') }]),
    ).toThrow(/not a communication inventory/);
  });
});
