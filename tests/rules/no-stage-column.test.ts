import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { noStageColumn } from '../../src/rules/no-stage-column.js';
import { check, model } from '../helpers/inventory.js';

const stageRules = ['missing-stage', 'one-way-stage'];
const run = (rows: (string | number | null)[][], rules = stageRules) => noStageColumn.check({ model: model(rows, 'drip.csv'), options: {}, settings: { stageOwners: {}, personas: [] }, today: '2026-12-01', stageRules: rules });

describe('no-stage-column', () => {
  it('says once, for a timeline, which stage checks skipped how many touchpoints', () => {
    const reports = run([['Day', 'Touchpoint', 'Channel'], [0, 'Welcome', 'Email'], [3, 'Tips', 'Email']]);
    expect(reports.map((r) => [r.location.file, r.location.cell, findingSentence(r)])).toEqual([
      ['drip.csv', null, 'This file has no stage column, so it is read as a timeline: missing-stage and one-way-stage skipped its 2 touchpoints; add a Stage column to check stages too.'],
    ]);
  });

  it('counts a stage column of timings as none', () => {
    expect(run([['Stage', 'Touchpoint', 'Channel'], ['Day 0', 'Welcome', 'Email'], ['Week 2', 'Tips', 'Email']])).toHaveLength(1);
  });

  it('is silent for a table with stages, or when no rule that needs stages runs', () => {
    expect(run([['Stage', 'Touchpoint', 'Channel'], ['Onboarding', 'Welcome', 'Email']])).toEqual([]);
    expect(run([['Day', 'Touchpoint', 'Channel'], [0, 'Welcome', 'Email']], [])).toEqual([]);
    expect(check(noStageColumn, model([['Day', 'Touchpoint', 'Channel'], [0, 'Welcome', 'Email']]))).toEqual([]);
  });
});
