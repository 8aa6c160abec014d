import type { JourneyModel, Touchpoint } from './schema.js';
import { stageOrder } from './stages.js';

/** The touchpoints one persona meets in one stage. */
export interface StageGroup {
  persona: string;
  stage: string;
  touchpoints: Touchpoint[];
}

/** Touchpoints with a known stage grouped by persona and stage, personas in model order and stages in stage-model order. */
export function stageGroups(model: JourneyModel): StageGroup[] {
  const order = stageOrder(model.stageModel);
  const groups = new Map<string, StageGroup>();
  for (const touchpoint of model.touchpoints) {
    if (touchpoint.stage === null || !order.has(touchpoint.stage)) continue;
    const key = `${touchpoint.persona}\u0000${touchpoint.stage}`;
    const group = groups.get(key);
    if (group) group.touchpoints.push(touchpoint);
    else groups.set(key, { persona: touchpoint.persona, stage: touchpoint.stage, touchpoints: [touchpoint] });
  }
  const personaOrder = new Map(model.personas.map((persona, index) => [persona.name, index]));
  return [...groups.values()].sort(
    (a, b) => (personaOrder.get(a.persona) ?? 0) - (personaOrder.get(b.persona) ?? 0) || order.get(a.stage)! - order.get(b.stage)!,
  );
}

/** True when the touchpoint reaches out to the customer: marked outbound, or sent (automatic or manual) with no direction given. */
export function isOutbound(touchpoint: Touchpoint): boolean {
  if (touchpoint.direction !== null) return touchpoint.direction === 'outbound';
  return touchpoint.mode === 'automatic' || touchpoint.mode === 'manual';
}
