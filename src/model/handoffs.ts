import type { JourneyModel, Touchpoint } from './schema.js';
import { timelineGroups } from './groups.js';
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

/** The first and the last touchpoint (by day, then row) of one persona in one stage. */
interface StageSpan {
  first: Touchpoint;
  last: Touchpoint;
}

/** Which touchpoints can end a stage (give) and which can start one (receive) at a handoff; every one by default. */
export interface HandoffSides {
  gives?: (touchpoint: Touchpoint) => boolean;
  receives?: (touchpoint: Touchpoint) => boolean;
}

/**
 * Each persona's stage boundaries, from touchpoints with a day ordered by stage then day:
 * per boundary, the last touchpoint before it and the first after it.
 */
export function findHandoffs(model: JourneyModel, sides: HandoffSides = {}): Handoff[] {
  const order = stageOrder(model.stageModel);
  // Only the ends of each stage meet a boundary, so they are tracked in one pass instead of sorting every touchpoint.
  const byPersona = new Map<string, Partial<StageSpan>[]>();
  for (const touchpoint of model.touchpoints) {
    const { day, stage } = touchpoint;
    const position = stage === null ? undefined : order.get(stage);
    if (day === null || position === undefined) continue;
    let spans = byPersona.get(touchpoint.persona);
    if (!spans) byPersona.set(touchpoint.persona, (spans = []));
    const span = (spans[position] ??= {});
    // Touchpoints come in row order: on a tie, the first keeps the earlier row and the last takes the later one.
    if ((sides.receives?.(touchpoint) ?? true) && (span.first === undefined || day < span.first.day!)) span.first = touchpoint;
    if ((sides.gives?.(touchpoint) ?? true) && (span.last === undefined || day >= span.last.day!)) span.last = touchpoint;
  }
  const teamKeys = new Map<string, string>();
  const teamKey = (team: string) => {
    let key = teamKeys.get(team);
    if (key === undefined) teamKeys.set(team, (key = foldKey(team)));
    return key;
  };
  const handoffs: Handoff[] = [];
  for (const [persona, spans] of byPersona) {
    let previous: Touchpoint | undefined;
    for (const span of spans) {
      if (span === undefined) continue;
      const { first: to, last } = span;
      if (previous && to) {
        const from = previous;
        const changesTeam = from.team !== null && to.team !== null && teamKey(from.team) !== teamKey(to.team);
        handoffs.push({ persona, from, to, days: to.day! - from.day!, changesTeam });
      }
      if (last) previous = last;
    }
  }
  return handoffs;
}

/**
 * Team handoffs along a timeline's day line (a table without a stage column): per persona, each pair of
 * consecutive touchpoints with a day where the team changes.
 */
export function findTimelineHandoffs(model: JourneyModel): Handoff[] {
  const handoffs: Handoff[] = [];
  for (const group of timelineGroups(model)) {
    const dated = group.touchpoints.filter((t) => t.day !== null && t.team !== null).sort((a, b) => a.day! - b.day! || a.index - b.index);
    for (let i = 1; i < dated.length; i++) {
      const from = dated[i - 1]!;
      const to = dated[i]!;
      if (foldKey(from.team!) === foldKey(to.team!)) continue;
      handoffs.push({ persona: group.persona, from, to, days: to.day! - from.day!, changesTeam: true });
    }
  }
  return handoffs;
}
