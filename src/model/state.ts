import type { JourneyModel, Touchpoint } from './schema.js';

/** Which journey is judged: today's (live rows) or the planned one (live and planned rows). */
export const JOURNEY_STATES = ['current', 'future'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

/**
 * True when a touchpoint belongs to the state: today's journey holds the live rows (status live, active
 * or blank); the planned one adds the planned rows. Retired rows never reach the model, so they are in neither.
 */
export function inState(touchpoint: Pick<Touchpoint, 'status'>, state: JourneyState): boolean {
  return state === 'future' || touchpoint.status !== 'planned';
}

/**
 * The model as one state sees it: audit, report, map and diff --planned all judge the rows this picks,
 * so a planned row can never hide a gap of today's journey. A persona whose every row is planned does
 * not exist yet today, and a value problem in a planned row belongs to the planned journey only.
 */
export function selectState(model: JourneyModel, state: JourneyState): JourneyModel {
  if (state === 'future' || !model.touchpoints.some((t) => t.status === 'planned')) return model;
  const touchpoints: Touchpoint[] = [];
  const plannedRows = new Set<string>();
  const livePersonas = new Set<string>();
  const plannedPersonas = new Set<string>();
  for (const t of model.touchpoints) {
    if (inState(t, state)) {
      touchpoints.push(t);
      livePersonas.add(t.persona);
    } else {
      plannedRows.add(rowKey(t.place.file, t.place.sheet, t.row));
      plannedPersonas.add(t.persona);
    }
  }
  return {
    ...model,
    personas: model.personas.filter((p) => livePersonas.has(p.name) || !plannedPersonas.has(p.name)),
    touchpoints,
    problems: model.problems.filter((p) => p.location.row === null || !plannedRows.has(rowKey(p.location.file, p.location.sheet, p.location.row))),
  };
}

const rowKey = (file: string, sheet: string | null, row: number) => `${file}\u0000${sheet ?? ''}\u0000${row}`;
