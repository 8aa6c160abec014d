// The one-page overview of a persona's journey: what each stage holds (touchpoints by channel, the
// emotion of each touchpoint, pains, opportunities, figures, the handoff into it), as data. Pure; the
// drawing (overview-svg.ts) places and draws what this returns.
import type { MapCard, MapFinding, MapHandoff, MapStage, PersonaMap } from './layout.js';
import { kpiValue, percentText } from './layout.js';
import { shortLabel } from '../../model/fields.js';

/** How many pains or opportunities a stage shows; the rest are counted ("+4 more"). */
export const NOTES_SHOWN = 3;
/** How many of the lowest emotion points are labelled with their touchpoint and words. */
export const LOW_POINTS_LABELLED = 3;

/** A pain point or an opportunity: the inventory's words, or a finding turned into something to do. */
export interface OverviewNote {
  text: string;
  /** Where it comes from: a touchpoint's cell or a finding's place. */
  place: string | null;
  from: 'inventory' | 'finding';
  severity: MapFinding['severity'] | null;
}

/** The touchpoints of one channel inside one stage. */
export interface ChannelGroup {
  /** The channel's label, or "No channel". */
  label: string;
  icon: ChannelIcon;
  cards: MapCard[];
}

/** A point of the emotion curve: one touchpoint with a sentiment. */
export interface CurvePoint {
  card: MapCard;
  stage: number;
  /** Its place across its stage's column, 0..1, by order within the stage. */
  position: number;
  emotion: number;
  /** Among the lowest points, labelled with its name and words. */
  labelled: boolean;
}

/** What interviewees felt at one touchpoint (--answers), drawn beside the inventory's point at the same place across. */
export interface HeardPoint {
  card: MapCard;
  stage: number;
  position: number;
  /** The interviewees' mean feeling, -2..+2. */
  score: number;
  interviewees: number;
}

export interface OverviewStage {
  stage: MapStage;
  groups: ChannelGroup[];
  pains: OverviewNote[];
  opportunities: OverviewNote[];
  kpis: { label: string; value: string }[];
  handoffIn: MapHandoff | null;
  /** Future map: a gap as-is that planned touchpoints fill. */
  filledByPlan: boolean;
}

export interface Overview {
  persona: PersonaMap;
  stages: OverviewStage[];
  /** The as-is curve: live touchpoints. */
  curve: CurvePoint[];
  /** The to-be curve (future map only): live and planned touchpoints; empty otherwise. */
  planCurve: CurvePoint[];
  /** Interviewees' feelings per live touchpoint (--answers); empty without answers. */
  heard: HeardPoint[];
  touchpoints: number;
  planned: number;
  findings: number;
  /** The most serious findings of the persona, for its header. */
  topFindings: MapFinding[];
}

export type ChannelIcon =
  | 'email'
  | 'message'
  | 'app'
  | 'chat'
  | 'phone'
  | 'video'
  | 'people'
  | 'web'
  | 'doc'
  | 'social'
  | 'mail'
  | 'help'
  | 'survey'
  | 'system'
  | 'ads'
  | 'webinar'
  | 'event'
  | 'podcast'
  | 'other';

const ICON_OF: Record<string, ChannelIcon> = {
  email: 'email',
  sms: 'message',
  push: 'message',
  'in-app': 'app',
  chat: 'chat',
  phone: 'phone',
  'video-call': 'video',
  'in-person': 'people',
  event: 'event',
  webinar: 'webinar',
  website: 'web',
  blog: 'doc',
  social: 'social',
  'paid-ads': 'ads',
  'direct-mail': 'mail',
  'help-center': 'help',
  'support-desk': 'help',
  community: 'chat',
  'review-site': 'survey',
  survey: 'survey',
  podcast: 'podcast',
  'word-of-mouth': 'people',
  system: 'system',
  partner: 'people',
};

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

/** The first clause of a finding's fix, as an imperative sentence ("Add at least one touchpoint for the stage"). */
export function opportunityOf(finding: MapFinding): string | null {
  const fix = finding.fix.trim();
  if (fix === '') return null;
  const clause = fix.split(/;|, or |\. /)[0]!.replace(/[.\s]+$/, '');
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** "Bridge the 14-day Sales → Customer Success gap", for a handoff over the lag limit. */
export function handoffOpportunity(handoff: MapHandoff): string {
  return `Bridge the ${handoff.days}-day ${handoff.fromTeam ?? 'unknown team'} → ${handoff.toTeam ?? 'unknown team'} gap`;
}

function kpisOf(stage: MapStage): { label: string; value: string }[] {
  const k = stage.kpis;
  const out: { label: string; value: string }[] = [];
  if (k.openRate !== null) out.push({ label: shortLabel('opens'), value: kpiValue(k, 'openRate', percentText(k.openRate)) });
  if (k.clickRate !== null) out.push({ label: shortLabel('clicks'), value: kpiValue(k, 'clickRate', percentText(k.clickRate)) });
  if (k.conversion !== null) out.push({ label: shortLabel('conversion'), value: kpiValue(k, 'conversion', percentText(k.conversion)) });
  if (k.dropOff !== null) out.push({ label: shortLabel('dropOff'), value: kpiValue(k, 'dropOff', percentText(k.dropOff)) });
  if (k.nps !== null) out.push({ label: shortLabel('nps'), value: kpiValue(k, 'nps', String(Math.round(k.nps))) });
  if (k.csat !== null) out.push({ label: shortLabel('csat'), value: kpiValue(k, 'csat', `${(k.csat * 5).toFixed(1)}/5`) });
  return out;
}

/** Notes in order of weight: errors, then warnings, then the inventory's own words, then info. */
function ranked(notes: OverviewNote[]): OverviewNote[] {
  const weight = (n: OverviewNote) => (n.severity === 'error' ? 0 : n.severity === 'warning' ? 1 : n.from === 'inventory' ? 2 : 3);
  return notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => weight(a.n) - weight(b.n) || a.i - b.i)
    .map(({ n }) => n);
}

function dedupe(notes: OverviewNote[]): OverviewNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = n.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Order within a stage: by day, then inventory order; cards without a day after the dated ones. */
const byDay = (a: MapCard, b: MapCard) => (a.day ?? Number.MAX_SAFE_INTEGER) - (b.day ?? Number.MAX_SAFE_INTEGER);

/** A card the emotion lane places: it has a sentiment of its own or interviewees' feelings. */
const placed = (c: MapCard) => c.emotion !== null || c.heard?.score != null;

/** Each placed card's place across its stage's column, 0..1, by order within the stage: the inventory's and the interviewees' points of one touchpoint share it. */
function positionsOf(stageCards: MapCard[][]): Map<MapCard, number> {
  const positions = new Map<MapCard, number>();
  for (const cards of stageCards) {
    const shown = cards.filter(placed);
    shown.forEach((card, i) => positions.set(card, (i + 0.5) / shown.length));
  }
  return positions;
}

function curveOf(stageCards: MapCard[][]): CurvePoint[] {
  const positions = positionsOf(stageCards);
  const points: CurvePoint[] = [];
  stageCards.forEach((cards, stage) => {
    for (const card of cards) if (card.emotion !== null) points.push({ card, stage, position: positions.get(card)!, emotion: card.emotion, labelled: false });
  });
  // The lowest points below neutral are the ones a reader should see named.
  const lowest = [...points]
    .filter((p) => p.emotion < 0)
    .sort((a, b) => a.emotion - b.emotion)
    .slice(0, LOW_POINTS_LABELLED);
  for (const p of lowest) p.labelled = true;
  return points;
}

function heardOf(stageCards: MapCard[][]): HeardPoint[] {
  const positions = positionsOf(stageCards);
  return stageCards.flatMap((cards, stage) =>
    cards.flatMap((card) =>
      card.heard?.score == null ? [] : [{ card, stage, position: positions.get(card)!, score: card.heard.score, interviewees: card.heard.interviewees }],
    ),
  );
}

/** The overview of one persona's map (built for type current or future). */
export function buildOverview(persona: PersonaMap, future: boolean): Overview {
  const stageCards: MapCard[][] = persona.stages.map(() => []);
  const column = new Map(persona.stages.map((s, i) => [s.id, i]));
  for (const card of persona.cards) stageCards[column.get(card.stage) ?? persona.stages.length - 1]!.push(card);
  for (const cards of stageCards) cards.sort(byDay);

  const stages = persona.stages.map((stage, i): OverviewStage => {
    const cards = stageCards[i]!;
    const groups = new Map<string, ChannelGroup>();
    for (const card of cards) {
      const key = card.channel ?? '';
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { label: card.channel ?? 'No channel', icon: iconOf(card.channelId), cards: [] }));
      group.cards.push(card);
    }
    const cardFindings = cards.flatMap((c) => c.findings);
    const pains: OverviewNote[] = [
      ...cards.flatMap((c) => (c.painPoint ? [{ text: c.painPoint, place: c.place, from: 'inventory' as const, severity: null }] : [])),
      ...cards.flatMap((c) =>
        c.findings
          .filter((f) => f.ruleId === 'friction-point')
          .map((f) => ({ text: `${c.name}: ${c.sentimentText ?? 'friction'}`, place: f.place, from: 'finding' as const, severity: f.severity })),
      ),
      // A friction finding about the stage as a whole (one listing its touchpoints) is a pain in its own words.
      ...stage.findings
        .filter((f) => f.ruleId === 'friction-point')
        .map((f) => ({ text: f.message, place: f.place, from: 'finding' as const, severity: f.severity })),
    ];
    const opportunities: OverviewNote[] = cards.flatMap((c) =>
      c.opportunity ? [{ text: c.opportunity, place: c.place, from: 'inventory' as const, severity: null }] : [],
    );
    const handoff = stage.handoffIn;
    if (handoff?.lag) opportunities.push({ text: handoffOpportunity(handoff), place: null, from: 'finding', severity: 'warning' });
    for (const f of [...stage.findings, ...cardFindings]) {
      if (f.ruleId === 'handoff-lag' || f.ruleId === 'friction-point') continue;
      const text = opportunityOf(f);
      if (text) opportunities.push({ text, place: f.place, from: 'finding', severity: f.severity });
    }
    return {
      stage,
      groups: [...groups.values()],
      pains: dedupe(ranked(pains)),
      opportunities: dedupe(ranked(opportunities)),
      kpis: kpisOf(stage),
      handoffIn: handoff,
      filledByPlan: future && cards.length > 0 && cards.every((c) => c.planned),
    };
  });

  const live = stageCards.map((cards) => cards.filter((c) => !c.planned));
  const all = [...persona.cards.flatMap((c) => c.findings), ...persona.stages.flatMap((s) => s.findings), ...persona.findings];
  const topFindings = all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .slice(0, 3)
    .map(({ f }) => f);
  return {
    persona,
    stages,
    curve: curveOf(live),
    planCurve: future && persona.cards.some((c) => c.planned) ? curveOf(stageCards) : [],
    heard: heardOf(live),
    touchpoints: persona.cards.filter((c) => !c.planned).length,
    planned: persona.cards.filter((c) => c.planned).length,
    findings: all.length,
    topFindings,
  };
}

/** A channel's icon by its id in the channel vocabulary; a channel a config adds gets the generic one. */
export function iconOf(channelId: string | null): ChannelIcon {
  return channelId === null ? 'other' : (ICON_OF[channelId] ?? 'other');
}
