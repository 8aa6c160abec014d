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

// Channels that can only reach out: a row on one of them with no direction or mode is still something we send.
const SENT_CHANNELS = new Set(['email', 'sms', 'push', 'direct-mail', 'paid-ads']);

/**
 * True when the touchpoint reaches out to the customer: marked outbound, sent (automatic or manual)
 * with no direction given, or, with neither, on a channel that only sends (email, SMS, push, direct mail, ads).
 */
export function isOutbound(touchpoint: Touchpoint): boolean {
  if (touchpoint.direction !== null) return touchpoint.direction !== 'inbound';
  if (touchpoint.mode !== null) return touchpoint.mode === 'automatic' || touchpoint.mode === 'manual';
  return touchpoint.channels.some((channel) => SENT_CHANNELS.has(channel));
}

/** True when the touchpoint speaks to the customer at a moment: not marked inbound, not an always-on resource (a help center, a pricing page). */
export function reachesOut(touchpoint: Touchpoint): boolean {
  return touchpoint.direction !== 'inbound' && touchpoint.mode !== 'ongoing';
}

/** True when the customer can start the touchpoint: marked inbound or two-way. */
export function isInbound(touchpoint: Touchpoint): boolean {
  return touchpoint.direction === 'inbound' || touchpoint.direction === 'both';
}

/** True when the touchpoint's table has a stage column; a table without one is a timeline of days. */
export function hasStageColumn(touchpoint: Touchpoint): boolean {
  return touchpoint.place.columns.stage !== undefined;
}

/** The touchpoints one persona meets in a timeline (a table with no stage column), in model order. */
export interface TimelineGroup {
  persona: string;
  touchpoints: Touchpoint[];
}

const timelineCache = new WeakMap<JourneyModel, TimelineGroup[]>();

/** Touchpoints of tables without a stage column, grouped by persona (personas in model order). */
export function timelineGroups(model: JourneyModel): readonly TimelineGroup[] {
  const cached = timelineCache.get(model);
  if (cached) return cached;
  const groups = new Map<string, TimelineGroup>();
  for (const touchpoint of model.touchpoints) {
    if (hasStageColumn(touchpoint)) continue;
    let group = groups.get(touchpoint.persona);
    if (!group) groups.set(touchpoint.persona, (group = { persona: touchpoint.persona, touchpoints: [] }));
    group.touchpoints.push(touchpoint);
  }
  const personaOrder = new Map(model.personas.map((persona, index) => [persona.name, index]));
  const sorted = [...groups.values()].sort((a, b) => (personaOrder.get(a.persona) ?? 0) - (personaOrder.get(b.persona) ?? 0));
  timelineCache.set(model, sorted);
  return sorted;
}
