import type { JourneyModel, Touchpoint } from './schema.js';
import { stageOrder } from './stages.js';

/** The touchpoints one persona meets in one stage. */
export interface StageGroup {
  persona: string;
  stage: string;
  touchpoints: Touchpoint[];
}

// Several rules group the same model; it is grouped once.
const cache = new WeakMap<JourneyModel, StageGroup[]>();

/** Touchpoints with a known stage grouped by persona and stage, personas in model order and stages in stage-model order. */
export function stageGroups(model: JourneyModel): readonly StageGroup[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const order = stageOrder(model.stageModel);
  const groups = new Map<string, StageGroup>();
  const byPersona = new Map<string, Map<string, StageGroup>>();
  for (const touchpoint of model.touchpoints) {
    if (touchpoint.stage === null || !order.has(touchpoint.stage)) continue;
    let stages = byPersona.get(touchpoint.persona);
    if (!stages) byPersona.set(touchpoint.persona, (stages = new Map()));
    const group = stages.get(touchpoint.stage);
    if (group) group.touchpoints.push(touchpoint);
    else {
      const created = { persona: touchpoint.persona, stage: touchpoint.stage, touchpoints: [touchpoint] };
      stages.set(touchpoint.stage, created);
      groups.set(`${touchpoint.persona}\u0000${touchpoint.stage}`, created);
    }
  }
  const personaOrder = new Map(model.personas.map((persona, index) => [persona.name, index]));
  const sorted = [...groups.values()].sort(
    (a, b) => (personaOrder.get(a.persona) ?? 0) - (personaOrder.get(b.persona) ?? 0) || order.get(a.stage)! - order.get(b.stage)!,
  );
  cache.set(model, sorted);
  return sorted;
}

/** True when the touchpoint reaches out to the customer: marked outbound, or sent (automatic or manual) with no direction given. */
export function isOutbound(touchpoint: Touchpoint): boolean {
  if (touchpoint.direction !== null) return touchpoint.direction !== 'inbound';
  return touchpoint.mode === 'automatic' || touchpoint.mode === 'manual';
}

/** True when the customer can start the touchpoint: marked inbound or two-way. */
export function isInbound(touchpoint: Touchpoint): boolean {
  return touchpoint.direction === 'inbound' || touchpoint.direction === 'both';
}
