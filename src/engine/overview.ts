import { findHandoffs } from '../model/handoffs.js';
import { interviewFeelings } from '../model/interviews.js';
import type { JourneyModel } from '../model/schema.js';
import type { FileOverview, PersonaOverview, StageOverview } from './result.js';

/** Most interview quotes a stage of the report carries. */
const MAX_QUOTES = 10;

/** The stage key of the touchpoints whose stage is unknown or missing. */
export const UNPLACED = '(unplaced)';

const emptyStage = (stage: string): StageOverview => ({
  stage,
  touchpoints: 0,
  channels: {},
  teams: [],
  inbound: 0,
  outbound: 0,
  automatic: 0,
  manual: 0,
  ongoing: 0,
  kpis: [],
  firstDay: null,
  lastDay: null,
});

/** Adds a text to a stage's list once; the list exists only once it has one, so inventories without these lanes keep their overview. */
function addDistinct(stage: StageOverview, key: 'painPoints' | 'opportunities', text: string): void {
  const list = (stage[key] ??= []);
  if (!list.includes(text) && list.length < 20) list.push(text);
}

/**
 * Counts what each persona meets in each stage, and its stage handoffs, for the gap report. A stage the
 * persona is not expected to meet (`ignored`, missing-stage's ignoreStages) is left out when it is empty.
 */
export function buildOverview(model: JourneyModel, file: string, ignored: (persona: string) => ReadonlySet<string> = () => new Set()): FileOverview {
  const personas = new Map<string, Map<string, StageOverview>>();
  for (const persona of model.personas) personas.set(persona.name, new Map(model.stageModel.stages.map((s) => [s.id, emptyStage(s.id)])));
  const used = new Set<string>();
  // Touchpoints with no readable stage (unknown, blank, or a timeline's) are counted too, as unplaced.
  const unplaced = new Map<string, StageOverview>();
  for (const t of model.touchpoints) {
    let stage = t.stage === null ? undefined : personas.get(t.persona)?.get(t.stage);
    if (!stage && personas.has(t.persona)) {
      stage = unplaced.get(t.persona);
      if (!stage) unplaced.set(t.persona, (stage = emptyStage(UNPLACED)));
    }
    if (!stage) continue;
    stage.touchpoints++;
    for (const channel of t.channels) {
      stage.channels[channel] = (stage.channels[channel] ?? 0) + 1;
      used.add(channel);
    }
    if (t.team !== null && !stage.teams.includes(t.team)) stage.teams.push(t.team);
    if (t.kpi !== null && !stage.kpis.includes(t.kpi)) stage.kpis.push(t.kpi);
    // A journey-map grid's Pain point and Opportunity lanes are about the stage: the report lists them per stage.
    if (t.place.rows !== undefined) {
      if (t.painPoint !== null) addDistinct(stage, 'painPoints', t.painPoint);
      if (t.opportunity != null) addDistinct(stage, 'opportunities', t.opportunity);
    }
    if (t.direction === 'inbound' || t.direction === 'both') stage.inbound++;
    if (t.direction === 'outbound' || t.direction === 'both') stage.outbound++;
    if (t.mode !== null) stage[t.mode]++;
    if (t.day !== null) {
      stage.firstDay = Math.min(stage.firstDay ?? t.day, t.day);
      stage.lastDay = Math.max(stage.lastDay ?? t.day, t.day);
    }
  }
  for (const feeling of interviewFeelings(model)) {
    const stage = feeling.touchpoint === null && feeling.stage !== null ? personas.get(feeling.persona)?.get(feeling.stage) : undefined;
    if (!stage) continue;
    const quotes = feeling.quotes
      .slice(0, MAX_QUOTES)
      .map((answer) => ({ quote: answer.quote!, score: answer.score, touchpoint: answer.touchpoint, interviewee: answer.interviewee }));
    stage.interviews = {
      interviewees: feeling.interviewees,
      answered: feeling.answered,
      quoted: feeling.quotes.length,
      negative: feeling.negative,
      score: feeling.score,
      quotes,
    };
  }
  const handoffs = findHandoffs(model);
  const overviews: PersonaOverview[] = [...personas].map(([persona, stages]) => ({
    persona,
    stages: [...stages.values()].filter((stage) => stage.touchpoints > 0 || !ignored(persona).has(stage.stage)),
    unplaced: unplaced.get(persona) ?? null,
    handoffs: handoffs
      .filter((h) => h.persona === persona)
      .map(({ from, to, days, changesTeam }) => ({
        fromStage: from.stage!,
        toStage: to.stage!,
        fromTeam: from.team,
        toTeam: to.team,
        fromTouchpoint: from.name,
        toTouchpoint: to.name,
        fromDay: from.day!,
        toDay: to.day!,
        days,
        changesTeam,
      })),
  }));
  return {
    file,
    stages: model.stageModel.stages.map(({ id, label }) => ({ id, label })),
    channels: model.channels.filter((c) => used.has(c.id)).map(({ id, label }) => ({ id, label })),
    personas: overviews,
  };
}
