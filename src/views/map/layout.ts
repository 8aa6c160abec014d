// The journey map's layout model: what goes where, computed from a JourneyModel and its findings.
// Pure functions; the renderers (html.ts, svg.ts, mermaid.ts) only draw what this returns.
import { cellOf } from '../../model/cells.js';
import { FIELD_LABEL } from '../../model/columns.js';
import { type Field, METRIC_FIELDS, shortLabel } from '../../model/fields.js';
import { type Metrics, RATE_METRICS } from '../../model/metrics.js';
import { measuredFrom } from '../../model/measured.js';
import { findHandoffs } from '../../model/handoffs.js';
import { type Finding, type JourneyModel, type Location, type Severity, type Touchpoint, findingSentence } from '../../model/schema.js';
import { isOutbound } from '../../model/groups.js';
import { type InterviewFeeling, interviewFeelings } from '../../model/interviews.js';
import { foldKey } from '../../model/text.js';
import { type LoadOptions, countsAsMessage, messagesPerWeek } from '../../model/weekly-load.js';
import { worse } from '../../vocab/severity.js';

export const MAP_TYPES = ['current', 'future', 'detail', 'blueprint', 'day'] as const;
/**
 * Which map to draw: the one-page overview of the current state, of current plus planned rows (as-is beside
 * to-be), the detailed lanes of the current state, a service blueprint, or a day-by-day timeline.
 */
export type MapType = (typeof MAP_TYPES)[number];
/** What a lane of the current-state map groups touchpoints by. */
export type LaneKind = 'channel' | 'team';

/** One finding as a map shows it: where it is in the spreadsheet and what it says. */
export interface MapFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** What to do about it (the rule's fix), '' when the rule gives none. */
  fix: string;
  /** The cell (`Practitioner!B20`), else the sheet, else the file. */
  place: string;
}

/** A label and a value for the card details ("Conversion", "8%"). */
export interface MapField {
  label: string;
  value: string;
}

/** One touchpoint on the map. */
export interface MapCard {
  /** Unique in the document and safe as an HTML id. */
  id: string;
  name: string;
  team: string | null;
  channel: string | null;
  /** The channel's id in the channel vocabulary (its icon is chosen by it). */
  channelId: string | null;
  stage: string | null;
  day: number | null;
  mode: Touchpoint['mode'];
  direction: Touchpoint['direction'];
  planned: boolean;
  /** Every field the row has, for the details. */
  fields: MapField[];
  /** The figures the row has, formatted. */
  metrics: MapField[];
  /** How the customer feels here on -2..+2, from sentiment, NPS and CSAT; null when the row has none of them. */
  emotion: number | null;
  /** The sentiment cell's words, when it has any. */
  sentimentText: string | null;
  painPoint: string | null;
  opportunity: string | null;
  /** The touchpoint's cell in the inventory (`Practitioner!C20`). */
  place: string;
  findings: MapFinding[];
  /** The most serious of its findings, or null. */
  severity: Severity | null;
  /** A friction-point finding is on it. */
  friction: boolean;
  /** We reach out. */
  outbound: boolean;
  /** It adds to what the customer receives (outbound, not a receipt or a conversation): over-communication's test. */
  message: boolean;
  /** Messages a week when it recurs (its channel's limit applied), 0 when it happens once or does not count. */
  perWeek: number;
  /** What interviewees said about it (--answers), when any answered about it. */
  heard: CardHeard | null;
}

/** Interview answers about one touchpoint: beside, never mixed into, the inventory's own sentiment. */
export interface CardHeard {
  /** Distinct interviewees who gave a feeling: the mean is of them. */
  interviewees: number;
  /** Distinct interviewees who answered at all, with a feeling or only a quote. */
  answered: number;
  /** The mean of their feelings, -2..+2; null when none gave a number. */
  score: number | null;
  /** Their quotes, most negative first: the words, who said it, the feeling as written, the answer's cell. */
  quotes: { quote: string; interviewee: string; feeling: string | null; place: string }[];
}

/** A stage's figures, averaged over the touchpoints that have them. */
export interface StageKpis {
  conversion: number | null;
  dropOff: number | null;
  nps: number | null;
  openRate: number | null;
  clickRate: number | null;
  csat: number | null;
  /** The KPI names its touchpoints track. */
  names: string[];
  /** The figures above that average at least one measured figure (--metrics): the map says "measured" beside them. */
  measured: MeasuredKpi[];
}

/** A stage figure that can come from an event log. */
export type MeasuredKpi = 'conversion' | 'dropOff' | 'nps' | 'openRate' | 'clickRate' | 'csat';

const KPI_METRIC: Record<MeasuredKpi, keyof Touchpoint['metrics']> = {
  conversion: 'conversionRate',
  dropOff: 'dropOffRate',
  nps: 'nps',
  openRate: 'openRate',
  clickRate: 'clickRate',
  csat: 'csat',
};

/** A stage figure as drawn: "41%", or "41% (measured)" when it holds a figure measured from an event log. */
export function kpiValue(kpis: StageKpis, kpi: MeasuredKpi, text: string): string {
  return kpis.measured.includes(kpi) ? `${text} (measured)` : text;
}

/** A handoff between consecutive stages: who gives the customer to whom, and how many days pass. */
export interface MapHandoff {
  fromStage: string;
  toStage: string;
  fromTeam: string | null;
  toTeam: string | null;
  fromTouchpoint: string;
  toTouchpoint: string;
  days: number;
  changesTeam: boolean;
  /** The teams change and the wait is over the handoff-lag rule's limit. */
  lag: boolean;
  /** The handoff-lag rule's maxDays, or null when the rule is off. */
  limit: number | null;
}

/** One column of the map: a stage of the stage model, or the column for touchpoints whose stage is not recognized. */
export interface MapStage {
  /** Stage id, or null for the unrecognized-stage column. */
  id: string | null;
  label: string;
  touchpoints: number;
  /** A stage of the model no touchpoint of this persona is in (and not one of its ignored stages). */
  gap: boolean;
  /** A stage missing-stage's ignoreStages says does not apply to this persona: empty, but no gap. */
  ignored: boolean;
  /** Findings about the stage as a whole (missing-stage, one-way-stage...). */
  findings: MapFinding[];
  /** Mean emotion of its touchpoints (-2..+2), null when none has data: a gap in the line, not a zero. */
  emotion: number | null;
  kpis: StageKpis;
  /** Friction: a friction-point finding on one of its touchpoints, or a negative mean emotion. */
  friction: boolean;
  /** The handoff into this stage from the previous one with touchpoints, if any. */
  handoffIn: MapHandoff | null;
  /** Future map: the handoff into this stage among the live touchpoints alone (as-is), to compare with handoffIn (to-be). */
  handoffAsIs?: MapHandoff | null;
}

/** A horizontal band of the map and its cards per stage column. */
export interface MapLane {
  key: string;
  label: string;
  /** Blueprint: the lane's layer. */
  layer: 'customer' | 'team' | 'system' | null;
  /** cells[i] holds the cards in stages[i], ordered by day then row. */
  cells: MapCard[][];
}

/** One persona's map. */
export interface PersonaMap {
  /** Unique in the document and safe as an HTML id (`p0`). */
  key: string;
  persona: string;
  file: string;
  stages: MapStage[];
  lanes: MapLane[];
  handoffs: MapHandoff[];
  /** Findings about the persona that name no stage. */
  findings: MapFinding[];
  touchpoints: number;
  /** The over-communication rule's maxPerWeek, null when the rule is off. */
  weeklyLimit: number | null;
  /** The persona's touchpoints in inventory order (the day-in-the-life view draws from them). */
  cards: MapCard[];
}

/** Everything one map document draws. */
export interface JourneyMap {
  type: MapType;
  lanes: LaneKind;
  personas: PersonaMap[];
  /** Findings that name no persona drawn (missing-persona, whole-file problems), with their file. */
  general: (MapFinding & { file: string })[];
}

/** One audited inventory: its model, its findings after ignores, and the rule options the map shows. */
export interface MapSource {
  file: string;
  model: JourneyModel;
  findings: Finding[];
  /** The handoff-lag rule's maxDays, null when the rule is off. */
  handoffLimit: number | null;
  /** The over-communication rule's maxPerWeek, null when the rule is off. */
  weeklyLimit: number | null;
  /** Stages a persona is not expected to meet (missing-stage's ignoreStages): an empty one is not drawn as a gap. */
  ignoredStages?: (persona: string) => ReadonlySet<string>;
  /** What counts as a message, and each channel's weekly cap: over-communication's options (its defaults when absent). */
  loadOptions?: LoadOptions;
}

export interface MapOptions {
  type: MapType;
  lanes: LaneKind;
  /** Only this persona (matched ignoring case and spacing); all when null. */
  persona: string | null;
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length);

/**
 * How the customer feels at a touchpoint on the sentiment scale (-2..+2): the mean of its sentiment,
 * its NPS (÷ 50, so -100..100 spans the scale) and its CSAT (as 1–5, minus the neutral 3). Null without any.
 */
export function emotionOf(touchpoint: Touchpoint): number | null {
  const signals: number[] = [];
  if (touchpoint.sentiment?.score != null) signals.push(touchpoint.sentiment.score);
  if (touchpoint.metrics.nps !== null) signals.push(touchpoint.metrics.nps / 50);
  if (touchpoint.metrics.csat !== null) signals.push(touchpoint.metrics.csat * 5 - 3);
  const value = mean(signals);
  return value === null ? null : Math.max(-2, Math.min(2, value));
}

/** A rate as a percentage ("8%", "62.5%"). */
export function percentText(rate: number): string {
  const value = rate * 100;
  return `${Number.isInteger(value) ? value : Number(value.toFixed(1))}%`;
}

const numberText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function placeOf(location: Location): string {
  return location.cell ?? location.sheet ?? location.file;
}

function toMapFinding(finding: Finding): MapFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: findingSentence(finding), fix: finding.fix, place: placeOf(finding.location) };
}

/** A figure on a card: a rate as a percentage, CSAT also as a score of 5, a count or NPS as a number. */
function figureText(metric: keyof Metrics, value: number): string {
  if (metric === 'csat') return `${percentText(value)} (${numberText(value * 5)} of 5)`;
  return (RATE_METRICS as readonly string[]).includes(metric) ? percentText(value) : numberText(value);
}

/** The card's figures: every figure field of the catalogue the touchpoint has, in catalogue order. */
function metricsOf(t: Touchpoint): MapField[] {
  const fields: MapField[] = [];
  for (const { id, metric } of METRIC_FIELDS) {
    const value = t.metrics[metric];
    if (value === null) continue;
    // A figure measured from an event log (--metrics) says so: the inventory did not write it.
    const text = figureText(metric, value);
    fields.push({ label: shortLabel(id), value: measuredFrom(t, metric) ? `${text} (measured)` : text });
  }
  return fields;
}

/** What a card's detail shows of a touchpoint, given the stage's and the channel's labels; nothing when blank. */
type Detail = (t: Touchpoint, shown: { stage: string; channel: string | null }) => string | number | null | undefined;

/**
 * The card's details, in the order it lists them, each labelled as the field catalogue names it. The figure
 * fields are the card's `metrics` (metricsOf), the touchpoint's name is its title; `event` (what journey
 * measure joins it by) is not shown. The Opportunity lane of a journey-map grid is no inventory column.
 */
export const CARD_DETAILS: readonly (readonly [Field | 'opportunity', Detail])[] = [
  ['persona', (t) => t.persona],
  ['stage', (_, shown) => shown.stage],
  ['channel', (_, shown) => shown.channel],
  ['team', (t) => t.team],
  ['owner', (t) => t.owner],
  ['mode', (t) => t.mode],
  ['direction', (t) => t.direction],
  ['day', (t) => t.day],
  ['frequency', (t) => t.frequency?.text],
  ['kpi', (t) => t.kpi],
  [
    'sentiment',
    (t) =>
      t.sentiment === null
        ? null
        : t.sentiment.score === null
          ? t.sentiment.text
          : `${t.sentiment.text} (${t.sentiment.score > 0 ? '+' : ''}${t.sentiment.score})`,
  ],
  ['painPoint', (t) => t.painPoint],
  ['opportunity', (t) => t.opportunity],
  ['notes', (t) => t.notes],
  ['status', (t) => t.status],
  ['lastReviewed', (t) => t.lastReviewed],
];

function fieldsOf(t: Touchpoint, stageLabel: string, channelLabel: string | null): MapField[] {
  const shown = { stage: stageLabel, channel: channelLabel };
  const fields: MapField[] = [];
  for (const [field, detail] of CARD_DETAILS) {
    const value = detail(t, shown);
    if (value !== null && value !== undefined && value !== '')
      fields.push({ label: field === 'opportunity' ? 'Opportunity' : FIELD_LABEL[field], value: String(value) });
  }
  return fields;
}

/** The card's interview answers, taken from `heardOf` so a second card of the same name and stage does not count them again. */
function heardFrom(heardOf: Map<string, InterviewFeeling>, key: string): CardHeard | null {
  const feeling = heardOf.get(key);
  if (!feeling) return null;
  heardOf.delete(key);
  return {
    interviewees: feeling.interviewees,
    answered: feeling.answered,
    score: feeling.score,
    quotes: feeling.quotes.map((answer) => ({
      quote: answer.quote!,
      interviewee: answer.interviewee,
      feeling: answer.feeling,
      // The answers sheet's cell, named with its file: the details also show the inventory's cells.
      place: `${answer.location.file.split(/[\\/]/).pop()} ${placeOf(answer.location)}`,
    })),
  };
}

const rowKey = (file: string, sheet: string | null, row: number) => `${file}\u0000${sheet ?? ''}\u0000${row}`;

/** Lane of a card: its channel or its team, folded so "Sales" and "sales " share a lane. */
interface LaneChoice {
  key: string;
  label: string;
  layer: MapLane['layer'];
  order: number;
}

/**
 * The lanes a touchpoint is drawn in. Current and future: its channel or team. Blueprint: its channel
 * (what the customer sees), then below the line of visibility the owning team for manual work, or the
 * automated systems for automatic touchpoints.
 */
function lanesFor(t: Touchpoint, options: MapOptions, channelOrder: Map<string, number>, channelLabels: Map<string, string>): LaneChoice[] {
  const channelLane = (): LaneChoice =>
    t.channel === null
      ? { key: 'channel:', label: 'No channel', layer: 'customer', order: Number.MAX_SAFE_INTEGER }
      : {
          key: `channel:${t.channel}`,
          label: channelLabels.get(t.channel) ?? t.channel,
          layer: 'customer',
          order: channelOrder.get(t.channel) ?? channelOrder.size,
        };
  const teamLane = (): LaneChoice =>
    t.team === null
      ? { key: 'team:', label: 'No team', layer: 'team', order: Number.MAX_SAFE_INTEGER }
      : { key: `team:${foldKey(t.team)}`, label: t.team, layer: 'team', order: -1 };
  if (options.type === 'blueprint') {
    const lanes = [channelLane()];
    if (t.mode === 'manual') lanes.push(teamLane());
    if (t.mode === 'automatic') lanes.push({ key: 'system:automatic', label: 'Automated systems', layer: 'system', order: 0 });
    if (t.mode === 'ongoing') lanes.push({ key: 'system:ongoing', label: 'Always-on content and tools', layer: 'system', order: 1 });
    return lanes;
  }
  const lane = options.lanes === 'team' ? teamLane() : channelLane();
  return [{ ...lane, layer: null }];
}

const LAYER_ORDER = { customer: 0, team: 1, system: 2 } as const;

/** Builds the map of every persona of every source, in file then persona order. */
export function buildJourneyMap(sources: MapSource[], options: MapOptions): JourneyMap {
  const personas: PersonaMap[] = [];
  const general: JourneyMap['general'] = [];
  const wanted = options.persona === null ? null : foldKey(options.persona);
  for (const source of sources) {
    const { model } = source;
    const shown = model.personas.filter((p) => wanted === null || foldKey(p.name) === wanted);
    const drawn = new Set(shown.map((p) => p.name));
    // A note about a persona's own sheet (no persona named, but its sheet is that persona's) belongs on
    // that persona's tab, not in the banner every tab shows: only file-level notes go there.
    const sheetPersona = new Map<string, string>();
    for (const p of model.personas) if (p.location.sheet !== null && !sheetPersona.has(p.location.sheet)) sheetPersona.set(p.location.sheet, p.name);
    const personaOf = (f: Finding) => f.persona ?? (f.location.sheet === null ? null : (sheetPersona.get(f.location.sheet) ?? null));
    // Grouped once: many personas cost one pass, not one each (docs/design.md).
    const touchpointsOf = groupBy(model.touchpoints, (t) => t.persona);
    const findingsOf = groupBy(source.findings, personaOf);
    const heard = interviewFeelings(model);
    shown.forEach((p) =>
      personas.push(
        buildPersonaMap(
          source,
          { persona: p.name, key: `p${personas.length}`, own: touchpointsOf.get(p.name) ?? [], personaFindings: findingsOf.get(p.name) ?? [], heard },
          options,
        ),
      ),
    );
    for (const finding of source.findings) {
      const persona = personaOf(finding);
      if (persona === null || (!drawn.has(persona) && wanted === null)) general.push({ ...toMapFinding(finding), file: source.file });
    }
  }
  return { type: options.type, lanes: options.lanes, personas, general };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** One persona of a source: its name, its key in the page, and its own touchpoints and findings. */
interface PersonaSlice {
  persona: string;
  key: string;
  own: Touchpoint[];
  personaFindings: Finding[];
  /** What interviewees said about the source's touchpoints and stages. */
  heard: InterviewFeeling[];
}

function buildPersonaMap(source: MapSource, slice: PersonaSlice, options: MapOptions): PersonaMap {
  const { persona, key, own, personaFindings, heard } = slice;
  const { model } = source;
  const channelOrder = new Map(model.channels.map((c, i) => [c.id, i]));
  const channelLabels = new Map(model.channels.map((c) => [c.id, c.label]));
  const stageLabels = new Map(model.stageModel.stages.map((s) => [s.id, s.label]));
  const touchpoints = own.filter((t) => options.type === 'future' || t.status !== 'planned');
  const unplaced = touchpoints.filter((t) => t.stage === null || !stageLabels.has(t.stage)).length;
  const stageIds: (string | null)[] = [...model.stageModel.stages.map((s) => s.id), ...(unplaced > 0 ? [null] : [])];
  const column = new Map(stageIds.map((id, i) => [id, i]));

  // Findings: on the touchpoint whose row they point at, else on their stage, else on the persona.
  const byRow = new Map<string, Finding[]>();
  for (const finding of personaFindings) {
    const { file, sheet, row } = finding.location;
    if (row === null) continue;
    const k = rowKey(file, sheet, row);
    byRow.set(k, [...(byRow.get(k) ?? []), finding]);
  }
  const byName = new Map<string, Finding[]>();
  for (const finding of personaFindings) {
    if (finding.touchpoint === null) continue;
    const k = rowKey(finding.location.file, finding.location.sheet, 0) + finding.touchpoint;
    byName.set(k, [...(byName.get(k) ?? []), finding]);
  }
  const onCards = new Set<Finding>();
  // Answers about a touchpoint go to the first card of that name in that stage (names repeat across stages).
  const heardOf = new Map<string, InterviewFeeling>();
  for (const feeling of heard) {
    if (feeling.persona === persona && feeling.touchpoint !== null) heardOf.set(`${feeling.stage ?? ''}\u0000${foldKey(feeling.touchpoint)}`, feeling);
  }
  const cards: MapCard[] = touchpoints.map((t) => {
    // A journey-map grid's lane row holds every stage's touchpoints: its findings are matched by name instead.
    const findings =
      (t.place.rows === undefined ? byRow.get(rowKey(t.place.file, t.place.sheet, t.row)) : byName.get(rowKey(t.place.file, t.place.sheet, 0) + t.name)) ?? [];
    for (const f of findings) onCards.add(f);
    let severity: Severity | null = null;
    for (const f of findings) severity = worse(severity, f.severity);
    const stageLabel = t.stage === null ? 'Stage not recognized' : (stageLabels.get(t.stage) ?? t.stage);
    const channel = t.channel === null ? null : (channelLabels.get(t.channel) ?? t.channel);
    return {
      id: `${key}-t${t.index}`,
      name: t.name,
      team: t.team,
      channel,
      channelId: t.channel,
      stage: t.stage !== null && stageLabels.has(t.stage) ? t.stage : null,
      day: t.day,
      mode: t.mode,
      direction: t.direction,
      planned: t.status === 'planned',
      fields: fieldsOf(t, stageLabel, channel),
      metrics: metricsOf(t),
      emotion: emotionOf(t),
      sentimentText: t.sentiment?.text ?? null,
      painPoint: t.painPoint,
      opportunity: t.opportunity ?? null,
      place: placeOf(cellOf(t, 'touchpoint')),
      findings: findings.map(toMapFinding),
      severity,
      friction: findings.some((f) => f.ruleId === 'friction-point'),
      outbound: isOutbound(t),
      // The day map's weekly load counts what over-communication counts (src/model/weekly-load.ts).
      message: countsAsMessage(t, source.loadOptions),
      perWeek: messagesPerWeek(t, source.loadOptions),
      heard: heardFrom(heardOf, `${t.stage ?? ''}\u0000${foldKey(t.name)}`),
    };
  });
  const byIndex = new Map(touchpoints.map((t, i) => [t, cards[i]!]));

  // Lanes, each with one cell per stage column.
  const lanes = new Map<string, MapLane & { order: number; first: number }>();
  touchpoints.forEach((t, i) => {
    const card = cards[i]!;
    const col = column.get(card.stage)!;
    for (const choice of lanesFor(t, options, channelOrder, channelLabels)) {
      let lane = lanes.get(choice.key);
      if (!lane) {
        lane = { key: choice.key, label: choice.label, layer: choice.layer, cells: stageIds.map(() => []), order: choice.order, first: i };
        lanes.set(choice.key, lane);
      }
      lane.cells[col]!.push(card);
    }
  });
  const orderedLanes = [...lanes.values()]
    .sort((a, b) => (a.layer === null || b.layer === null ? 0 : LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer]) || a.order - b.order || a.first - b.first)
    .map(({ key: laneKey, label, layer, cells }) => ({
      key: laneKey,
      label,
      layer,
      cells: cells.map((cell) => [...cell].sort((a, b) => (a.day ?? Number.MAX_SAFE_INTEGER) - (b.day ?? Number.MAX_SAFE_INTEGER))),
    }));

  // Handoffs between the touchpoints drawn (the current map leaves planned rows out), with the handoff-lag rule's limit.
  const limit = source.handoffLimit;
  const handoffsOf = (drawn: Touchpoint[]): MapHandoff[] =>
    findHandoffs({ ...model, touchpoints: drawn }).map((h) => ({
      fromStage: h.from.stage!,
      toStage: h.to.stage!,
      fromTeam: h.from.team,
      toTeam: h.to.team,
      fromTouchpoint: h.from.name,
      toTouchpoint: h.to.name,
      days: h.days,
      changesTeam: h.changesTeam,
      lag: limit !== null && h.changesTeam && h.days > limit,
      limit,
    }));
  const handoffs = handoffsOf(touchpoints);
  // The future map compares each handoff with the one the live rows alone make.
  const liveHandoffs = options.type === 'future' ? handoffsOf(touchpoints.filter((t) => t.status !== 'planned')) : null;

  const ignored = source.ignoredStages?.(persona) ?? new Set<string>();
  const stages: MapStage[] = stageIds.map((id) => {
    const inStage = touchpoints.filter((t) => byIndex.get(t)!.stage === id);
    const stageCards = inStage.map((t) => byIndex.get(t)!);
    const emotion = mean(stageCards.flatMap((c) => (c.emotion === null ? [] : [c.emotion])));
    const figure = (pick: (t: Touchpoint) => number | null) => mean(inStage.flatMap((t) => (pick(t) === null ? [] : [pick(t)!])));
    const names: string[] = [];
    for (const t of inStage) if (t.kpi !== null && !names.includes(t.kpi)) names.push(t.kpi);
    return {
      id,
      label: id === null ? 'Stage not recognized' : stageLabels.get(id)!,
      touchpoints: inStage.length,
      gap: id !== null && inStage.length === 0 && !ignored.has(id),
      ignored: id !== null && inStage.length === 0 && ignored.has(id),
      findings: id === null ? [] : personaFindings.filter((f) => f.stage === id && !onCards.has(f)).map(toMapFinding),
      emotion,
      kpis: {
        conversion: figure((t) => t.metrics.conversionRate),
        dropOff: figure((t) => t.metrics.dropOffRate),
        nps: figure((t) => t.metrics.nps),
        openRate: figure((t) => t.metrics.openRate),
        clickRate: figure((t) => t.metrics.clickRate),
        csat: figure((t) => t.metrics.csat),
        names,
        measured: (Object.entries(KPI_METRIC) as [MeasuredKpi, keyof Touchpoint['metrics']][]).flatMap(([kpi, metric]) =>
          inStage.some((t) => measuredFrom(t, metric) !== null) ? [kpi] : [],
        ),
      },
      friction: stageCards.some((c) => c.friction) || (emotion !== null && emotion < 0),
      handoffIn: handoffs.find((h) => h.toStage === id) ?? null,
      ...(liveHandoffs ? { handoffAsIs: liveHandoffs.find((h) => h.toStage === id) ?? null } : {}),
    };
  });
  const stageIdSet = new Set(model.stageModel.stages.map((s) => s.id));
  const findings = personaFindings.filter((f) => !onCards.has(f) && (f.stage === null || !stageIdSet.has(f.stage))).map(toMapFinding);
  return {
    key,
    persona,
    file: source.file,
    stages,
    lanes: orderedLanes,
    handoffs,
    findings,
    touchpoints: touchpoints.length,
    weeklyLimit: source.weeklyLimit,
    cards,
  };
}
