import type { JourneyModel, Touchpoint } from './schema.js';
import { stageOrder } from './stages.js';
import { foldKey } from './text.js';

/** The boundary between two consecutive stages of one persona's timeline. */
export interface Handoff {
  persona: string;
  /** The last touchpoint (by day) of the earlier stage. */
  from: Touchpoint;
  /** The first touchpoint (by day) of the later stage. */
  to: Touchpoint;
  /** Days between them. */
  days: number;
  /** True when different teams own the two touchpoints (a team handoff). */
  changesTeam: boolean;
}

/**
 * Each persona's stage boundaries, from touchpoints with a day ordered by stage then day:
 * per boundary, the last touchpoint before it and the first after it.
 */
export function findHandoffs(model: JourneyModel): Handoff[] {
  const order = stageOrder(model.stageModel);
  const byPersona = new Map<string, Touchpoint[]>();
  for (const touchpoint of model.touchpoints) {
    if (touchpoint.day === null || touchpoint.stage === null || !order.has(touchpoint.stage)) continue;
    const list = byPersona.get(touchpoint.persona);
    if (list) list.push(touchpoint);
    else byPersona.set(touchpoint.persona, [touchpoint]);
  }
  const handoffs: Handoff[] = [];
  for (const [persona, touchpoints] of byPersona) {
    touchpoints.sort((a, b) => order.get(a.stage!)! - order.get(b.stage!)! || a.day! - b.day! || a.index - b.index);
    for (let i = 1; i < touchpoints.length; i++) {
      const from = touchpoints[i - 1]!;
      const to = touchpoints[i]!;
      if (from.stage === to.stage) continue;
      const changesTeam = from.team !== null && to.team !== null && foldKey(from.team) !== foldKey(to.team);
      handoffs.push({ persona, from, to, days: to.day! - from.day!, changesTeam });
    }
  }
  return handoffs;
}
