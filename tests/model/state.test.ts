import { describe, expect, it } from 'vitest';
import { inState, selectState } from '../../src/model/state.js';
import { model } from '../helpers/inventory.js';

const rows = [
  ['Persona', 'Stage', 'Touchpoint', 'Channel', 'Status'],
  ['Admin', 'Onboarding', 'Kickoff call', 'Video call', 'Live'],
  ['Admin', 'Onboarding', 'Welcome call', 'Phone', 'Planned'],
  ['Admin', 'Onbaording', 'Setup guide', 'Help center', 'Planned'],
  ['Admin', 'Adoption', 'Newsletter', 'Email', ''],
  ['Admin', 'Adoption', 'Old brochure', 'Direct mail', 'Retired'],
  ['Future persona', 'Onboarding', 'Console tour', 'In-app', 'Planned'],
];

describe('journey state', () => {
  const journey = model(rows);

  it("today's journey holds live and blank-status rows; the planned journey adds the planned ones; retired rows are in neither", () => {
    const names = (state: 'current' | 'future') => selectState(journey, state).touchpoints.map((t) => t.name);
    expect(names('current')).toEqual(['Kickoff call', 'Newsletter']);
    expect(names('future')).toEqual(['Kickoff call', 'Welcome call', 'Setup guide', 'Newsletter', 'Console tour']);
    expect(inState({ status: null }, 'current')).toBe(true);
    expect(inState({ status: 'planned' }, 'current')).toBe(false);
  });

  it('leaves out a persona that exists only in the plan, and the value problems of planned rows', () => {
    const today = selectState(journey, 'current');
    expect(today.personas.map((p) => p.name)).toEqual(['Admin']);
    expect(journey.problems.some((p) => p.value === 'Onbaording')).toBe(true);
    expect(today.problems.some((p) => p.value === 'Onbaording')).toBe(false);
    expect(selectState(journey, 'future')).toBe(journey);
  });
});
