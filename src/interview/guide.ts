import { shorten } from '../escape.js';
import { cellOf, rowLocation } from '../model/cells.js';
import { stageGroups } from '../model/groups.js';
import { unpressuredKind } from '../model/weekly-load.js';
import type { Finding, JourneyModel, Location, Severity, Touchpoint } from '../model/schema.js';
import { stageLabel, stageOrder } from '../model/stages.js';
import { foldKey } from '../model/text.js';
import { GOAL_STAGES, QUESTION_MINUTES, QUESTION_TEXTS, QUESTION_WEIGHT, fillTemplate, type GuideLanguage, type QuestionKind } from './questions.js';

/** What made journey ask a question: a finding (by rule and fingerprint), or a gap in the model's data. */
export interface QuestionMotive {
  /** The rule whose finding it is; null for a gap journey saw in the data (a stage with no sentiment, an unmeasured touchpoint). */
  rule: string | null;
  message: string;
  location: Location;
  /** The finding's fingerprint, so a guide's question can be traced to `journey audit --format json`. */
  fingerprint: string | null;
}

export interface GuideQuestion {
  /** What the question explores; `own` for the team's own question from the config. */
  kind: QuestionKind | 'own';
  text: string;
  minutes: number;
  /** How much the answer would change the map: the kind's weight × the motive's severity × how early its stage is × how many touchpoints it concerns. */
  priority: number;
  /** Stage id; null for the fixed parts and a timeline's questions. */
  stage: string | null;
  touchpoints: { name: string; location: Location }[];
  because: QuestionMotive[];
}

export interface GuideSection {
  stage: string | null;
  label: string;
  questions: GuideQuestion[];
}

export interface PersonaGuide {
  persona: string;
  /** The session's length the guide is capped to. */
  minutes: number;
  /** The minutes the questions kept add up to. */
  plannedMinutes: number;
  intro: string;
  consent: string;
  warmUp: GuideQuestion[];
  /** Stages in journey order, each with its questions by priority. */
  stages: GuideSection[];
  closing: GuideQuestion[];
  /** Questions over the time limit, by priority, for a longer session or a second interview. */
  leftOut: GuideQuestion[];
}

export interface InterviewGuide {
  version: 1;
  language: GuideLanguage;
  minutes: number;
  guides: PersonaGuide[];
}

/** A question the team adds in the config. */
export interface OwnQuestion {
  text: string;
  /** Stage id; none: asked in the warm-up. */
  stage?: string | undefined;
  /** Persona name; none: every persona. */
  persona?: string | undefined;
  minutes: number;
}

export interface GuideOptions {
  language: GuideLanguage;
  minutes: number;
  /** Only this persona (matched without case or spacing); all when omitted. */
  persona?: string | undefined;
  /** The config's replacement templates for this language, by kind. */
  templates?: Partial<Record<string, string>>;
  questions?: readonly OwnQuestion[];
}

const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
// A gap seen in the data (no sentiment anywhere in a stage) counts between a warning and an info.
const GAP_WEIGHT = 1.5;
// The rules whose findings a guide explores, and the kind of question each asks.
const RULE_KIND: Readonly<Record<string, QuestionKind>> = {
  'friction-point': 'friction',
  'handoff-lag': 'handoff',
  'over-communication': 'over-communication',
  'silent-stretch': 'silence',
  'one-way-stage': 'one-way',
  'missing-stage': 'missing-stage',
};
const NAMES_IN_TEXT = 3;
// At most this many questions about touchpoints nobody measured per guide; the rest are listed as left out.
const MAX_UNMEASURED = 3;

/** The persona names in a model that a guide would be written for (all, or the one --persona names). */
export function guidePersonas(model: JourneyModel, persona?: string): string[] {
  const names = model.personas.map((p) => p.name);
  if (persona === undefined) return names;
  const key = foldKey(persona);
  return names.filter((name) => foldKey(name) === key);
}

/** Writes a discussion guide per persona from an inventory's model and the findings of its audit. */
export function buildGuide(model: JourneyModel, findings: readonly Finding[], options: GuideOptions): InterviewGuide {
  const { section: _sections, label: _labels, quotes: _quotes, comma: _comma, ...builtIn } = QUESTION_TEXTS[options.language];
  const texts: Record<string, string> = { ...builtIn };
  for (const [kind, text] of Object.entries(options.templates ?? {})) if (text !== undefined) texts[kind] = text;
  const guides = guidePersonas(model, options.persona).map((persona) => personaGuide(model, findings, persona, texts, options));
  return { version: 1, language: options.language, minutes: options.minutes, guides };
}

/** Everything the question builders need about one persona. */
interface PersonaContext {
  model: JourneyModel;
  persona: string;
  texts: Record<string, string>;
  language: GuideLanguage;
  order: Map<string, number>;
  /** A persona's touchpoints by file, sheet and row, to find the ones a finding points at. */
  byRow: Map<string, Touchpoint>;
}

/** Below this many minutes a session keeps one warm-up and one closing question. */
export const SHORT_SESSION_MINUTES = 30;

function personaGuide(model: JourneyModel, findings: readonly Finding[], persona: string, texts: Record<string, string>, options: GuideOptions): PersonaGuide {
  const touchpoints = model.touchpoints.filter((touchpoint) => touchpoint.persona === persona);
  const context: PersonaContext = {
    model,
    persona,
    texts,
    language: options.language,
    order: stageOrder(model.stageModel),
    byRow: new Map(touchpoints.map((t) => [rowKey(rowLocation(t)), t])),
  };
  const fixed = (kind: QuestionKind) => question(context, kind, null, [], [], 0, { persona, minutes: options.minutes });
  const own = (options.questions ?? []).filter((q) => q.persona === undefined || foldKey(q.persona) === foldKey(persona));
  // A short session keeps one warm-up and one closing question, so the time goes to the questions the map needs.
  const short = options.minutes < SHORT_SESSION_MINUTES;
  const warmUp = [
    fixed('warmup.role'),
    ...(short ? [] : [fixed('warmup.help'), fixed('warmup.category')]),
    ...own.filter((q) => q.stage === undefined).map(ownQuestion),
  ];
  const closing = [fixed('closing.else'), ...(short ? [] : [fixed('closing.missed')])];
  const fromFindings = mergeWaits(findings.filter((finding) => finding.persona === persona).flatMap((finding) => findingQuestions(context, finding)));
  const askedAbout = new Set(fromFindings.flatMap((q) => subjects.get(q) ?? []));
  const candidates = [...fromFindings, ...gapQuestions(context, askedAbout)];
  const asked = own.filter((q) => q.stage !== undefined).map(ownQuestion);
  // The intro and consent take their minutes too; the warm-up and closing are always asked.
  let used =
    QUESTION_MINUTES.intro +
    QUESTION_MINUTES.consent +
    [...warmUp, ...closing].reduce((sum, q) => sum + q.minutes, 0) +
    asked.reduce((sum, q) => sum + q.minutes, 0);
  const leftOut: GuideQuestion[] = [];
  let unmeasured = 0;
  for (const candidate of varied(candidates, byPriority(context))) {
    // A few memory questions fill a session well; more of them pad it instead of going deeper.
    const fits = candidate.kind !== 'unmeasured' || unmeasured < MAX_UNMEASURED;
    if (fits && used + candidate.minutes <= options.minutes) {
      if (candidate.kind === 'unmeasured') unmeasured++;
      asked.push(candidate);
      used += candidate.minutes;
    } else leftOut.push(candidate);
  }
  return {
    persona,
    minutes: options.minutes,
    plannedMinutes: used,
    intro: fill(context, 'intro', { persona, minutes: options.minutes }),
    consent: fill(context, 'consent', { persona, minutes: options.minutes }),
    warmUp,
    stages: sections(context, asked),
    closing,
    leftOut,
  };
}

// Each further question of a kind already asked changes the map less than the first: its priority is
// taken down by this factor per question of that kind before it, so a guide does not ask "where did you
// look for help?" in every stage before it asks about a handoff.
const REPEAT_FACTOR = 0.75;

/** The candidates by priority, each kind's later questions taken down by REPEAT_FACTOR per earlier one. */
function varied(candidates: GuideQuestion[], order: (a: GuideQuestion, b: GuideQuestion) => number): GuideQuestion[] {
  const seen = new Map<string, number>();
  for (const question of candidates.sort(order)) {
    const before = seen.get(question.kind) ?? 0;
    seen.set(question.kind, before + 1);
    question.priority = Math.round(question.priority * REPEAT_FACTOR ** before * 100) / 100;
  }
  return candidates.sort(order);
}

/** Highest priority first; ties in journey order, then by the first touchpoint's row. */
function byPriority(context: PersonaContext): (a: GuideQuestion, b: GuideQuestion) => number {
  return (a, b) =>
    b.priority - a.priority ||
    stagePosition(context, a.stage) - stagePosition(context, b.stage) ||
    (a.touchpoints[0]?.location.row ?? 0) - (b.touchpoints[0]?.location.row ?? 0);
}

function stagePosition(context: PersonaContext, stage: string | null): number {
  return stage === null ? Number.MAX_SAFE_INTEGER : (context.order.get(stage) ?? Number.MAX_SAFE_INTEGER - 1);
}

/** The questions kept, grouped by stage in journey order, the team's own first in each, then by priority. */
function sections(context: PersonaContext, asked: GuideQuestion[]): GuideSection[] {
  const byStage = new Map<string | null, GuideQuestion[]>();
  for (const q of asked) {
    const list = byStage.get(q.stage);
    if (list) list.push(q);
    else byStage.set(q.stage, [q]);
  }
  const priority = byPriority(context);
  return [...byStage]
    .sort(([a], [b]) => stagePosition(context, a) - stagePosition(context, b))
    .map(([stage, questions]) => ({
      stage,
      label: stage === null ? QUESTION_TEXTS[context.language].section.journey : stageLabel(context.model.stageModel, stage),
      questions: questions.sort((a, b) => Number(b.kind === 'own') - Number(a.kind === 'own') || priority(a, b)),
    }));
}

function rowKey(location: Location): string {
  return `${location.file}\u0000${location.sheet ?? ''}\u0000${location.row ?? 0}`;
}

/** The persona's touchpoints a finding points at (its location and related cells), in the finding's order. */
function touchpointsOf(context: PersonaContext, finding: Finding): Touchpoint[] {
  const found: Touchpoint[] = [];
  for (const location of [finding.location, ...finding.related]) {
    const touchpoint = context.byRow.get(rowKey(location));
    if (touchpoint && !found.includes(touchpoint)) found.push(touchpoint);
  }
  if (found.length === 0 && finding.touchpoint !== null) {
    const key = foldKey(finding.touchpoint);
    const named = [...context.byRow.values()].find((t) => foldKey(t.name) === key);
    if (named) found.push(named);
  }
  return found;
}

/** How early a stage is: the first stage counts half again as much as the last, since everything after it depends on it. */
function earliness(context: PersonaContext, stage: string | null): number {
  const position = stage === null ? undefined : context.order.get(stage);
  const stages = context.model.stageModel.stages.length;
  if (position === undefined || stages < 2) return 1;
  return 1 + 0.5 * (1 - position / (stages - 1));
}

function priorityOf(context: PersonaContext, kind: QuestionKind, severity: number, stage: string | null, touchpoints: number): number {
  const breadth = 1 + 0.1 * Math.min(touchpoints, 5);
  return Math.round(QUESTION_WEIGHT[kind] * severity * earliness(context, stage) * breadth * 100) / 100;
}

function motive(finding: Finding): QuestionMotive {
  return { rule: finding.ruleId, message: finding.message, location: finding.location, fingerprint: finding.fingerprint };
}

const byDay = (a: Touchpoint, b: Touchpoint) => (a.day ?? Number.MAX_SAFE_INTEGER) - (b.day ?? Number.MAX_SAFE_INTEGER) || a.row - b.row;

/** The questions one finding asks for: one per friction touchpoint, one for each other kind. */
function findingQuestions(context: PersonaContext, finding: Finding): GuideQuestion[] {
  const kind = RULE_KIND[finding.ruleId];
  if (kind === undefined) return [];
  const touchpoints = touchpointsOf(context, finding);
  const stage = finding.stage ?? touchpoints[0]?.stage ?? null;
  const severity = SEVERITY_WEIGHT[finding.severity];
  const because = [motive(finding)];
  const values = { persona: context.persona, stage: stage === null ? dayRange(context, touchpoints) : stageLabel(context.model.stageModel, stage) };
  switch (kind) {
    case 'friction':
      // One question per touchpoint, the finding's first one asked first.
      return touchpoints.map((touchpoint, i) =>
        question(context, kind, touchpoint.stage ?? stage, [touchpoint], because, severity * 0.9 ** i, {
          ...values,
          touchpoint: touchpoint.name,
          goal: goal(context, touchpoint.stage ?? stage),
        }),
      );
    case 'handoff':
    case 'silence': {
      if (touchpoints.length < 2) return [];
      const ordered = [...touchpoints].sort(byDay);
      const from = ordered[0]!;
      const to = ordered[ordered.length - 1]!;
      const days = from.day !== null && to.day !== null ? to.day - from.day : '';
      // A handoff is asked about where the customer waits: the receiving stage.
      return [
        question(context, kind, to.stage ?? stage, [from, to], because, severity, { ...values, from: from.name, to: to.name, team: to.team ?? '', days }),
      ];
    }
    case 'over-communication': {
      const sent = touchpoints.length > 0 ? touchpoints : stageTouchpoints(context, stage);
      // One touchpoint sent often (a daily ad) is asked about by its cadence, not as "1 messages".
      if (sent.length === 1) {
        const only = sent[0]!;
        return [
          question(context, 'over-communication.one', stage, sent, because, severity, {
            ...values,
            touchpoint: only.name,
            frequency: only.frequency?.text ?? only.timing ?? '',
          }),
        ];
      }
      return [question(context, kind, stage, sent, because, severity, { ...values, count: sent.length, touchpoints: names(context, sent) })];
    }
    default:
      return [question(context, kind, stage, touchpoints, because, severity, values)];
  }
}

/** What a timeline's question calls the stretch it asks about ("days 0–6"), from its touchpoints' days. */
function dayRange(context: PersonaContext, touchpoints: readonly Touchpoint[]): string {
  const days = touchpoints.flatMap((touchpoint) => (touchpoint.day === null ? [] : [touchpoint.day]));
  if (days.length === 0) return '';
  return fillTemplate(QUESTION_TEXTS[context.language].label.days, { first: Math.min(...days), last: Math.max(...days) });
}

/**
 * One question per wait: a handoff lag and a silent stretch over the same two touchpoints are one
 * question (the handoff's, which names the team the customer waited for), motivated by both findings.
 */
function mergeWaits(questions: GuideQuestion[]): GuideQuestion[] {
  const handoffs = new Map<string, GuideQuestion>();
  const key = (q: GuideQuestion) =>
    q.touchpoints.map((t) => `${t.location.file}\u0000${t.location.sheet ?? ''}\u0000${t.location.cell ?? t.location.row}`).join('\u0001');
  for (const q of questions) if (q.kind === 'handoff') handoffs.set(key(q), q);
  return questions.filter((q) => {
    const handoff = q.kind === 'silence' ? handoffs.get(key(q)) : undefined;
    if (handoff === undefined) return true;
    handoff.because.push(...q.because);
    handoff.priority = Math.max(handoff.priority, q.priority);
    return false;
  });
}

function stageTouchpoints(context: PersonaContext, stage: string | null): Touchpoint[] {
  return (
    stageGroups(context.model)
      .find((group) => group.persona === context.persona && group.stage === stage)
      ?.touchpoints.slice() ?? []
  );
}

function hasFigures(touchpoint: Touchpoint): boolean {
  return Object.values(touchpoint.metrics).some((value) => value !== null) || touchpoint.sentiment !== null;
}

/**
 * Questions for what the data leaves out: a stage where no touchpoint has a sentiment gets the
 * satisfaction question; a stage with touchpoints nobody measured (no figures, no sentiment) asks about
 * the first of them that no other question already asks about.
 */
function gapQuestions(context: PersonaContext, askedAbout: ReadonlySet<Touchpoint>): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  for (const group of stageGroups(context.model)) {
    if (group.persona !== context.persona) continue;
    const label = stageLabel(context.model.stageModel, group.stage);
    const first = group.touchpoints[0]!;
    if (group.touchpoints.every((touchpoint) => touchpoint.sentiment === null)) {
      const because = [
        {
          rule: null,
          message: `No touchpoint of ${shorten(context.persona)} in ${shorten(label)} has a sentiment`,
          location: cellOf(first, 'touchpoint'),
          fingerprint: null,
        },
      ];
      questions.push(question(context, 'satisfaction', group.stage, group.touchpoints, because, GAP_WEIGHT, { persona: context.persona, stage: label }));
    }
    // A receipt or a verification e-mail is not what an interviewee remembers the journey by.
    const unmeasured = group.touchpoints
      .filter((touchpoint) => !hasFigures(touchpoint) && !askedAbout.has(touchpoint) && unpressuredKind(touchpoint) !== 'transactional')
      .sort(byDay);
    if (unmeasured.length > 0) {
      const touchpoint = unmeasured[0]!;
      const because = [
        { rule: null, message: `"${shorten(touchpoint.name)}" has no figures and no sentiment`, location: cellOf(touchpoint, 'touchpoint'), fingerprint: null },
      ];
      questions.push(
        question(context, 'unmeasured', group.stage, [touchpoint], because, GAP_WEIGHT, {
          persona: context.persona,
          stage: label,
          touchpoint: touchpoint.name,
        }),
      );
    }
  }
  return questions;
}

function goal(context: PersonaContext, stage: string | null): string {
  const known = (GOAL_STAGES as readonly string[]).includes(stage ?? '') ? stage! : 'other';
  return context.texts[`goal.${known}`] ?? QUESTION_TEXTS.en['goal.other'];
}

function names(context: PersonaContext, touchpoints: readonly Touchpoint[]): string {
  const {
    quotes: [open, close],
    comma,
    and,
  } = QUESTION_TEXTS[context.language];
  const shown = touchpoints.slice(0, NAMES_IN_TEXT).map((t) => `${open}${curlyQuotes(t.name)}${close}`);
  const rest = touchpoints.length - shown.length;
  if (rest > 0) return `${shown.join(comma)} +${rest}`;
  if (shown.length < 2) return shown[0] ?? '';
  // "a, b and c"; in Japanese the list mark joins the last name too.
  const last = and === comma.trim() ? comma : ` ${and} `;
  return `${shown.slice(0, -1).join(comma)}${last}${shown[shown.length - 1]}`;
}

/** Pairs of straight double quotes as “…”, a lone one as ”. */
function curlyQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, '“$1”').replace(/"/g, '”');
}

function fill(context: PersonaContext, kind: QuestionKind, values: Record<string, string | number>): string {
  // Cell text (a touchpoint's name, a team) is quoted at most NAME_LIMIT long, as every output quotes it.
  // Straight quotes inside a name become curly ones, so a name quoted by the template reads as one ("Webinar “Zero trust”");
  // a list of names ({touchpoints}) was quoted name by name already.
  const shown = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value !== 'string' ? value : key === 'touchpoints' ? shorten(value) : curlyQuotes(shorten(value)),
    ]),
  );
  return fillTemplate(context.texts[kind] ?? QUESTION_TEXTS.en[kind], shown);
}

// The touchpoints each question asks about, as model objects (a question keeps only their names and cells).
const subjects = new WeakMap<GuideQuestion, readonly Touchpoint[]>();

function question(
  context: PersonaContext,
  kind: QuestionKind,
  stage: string | null,
  touchpoints: readonly Touchpoint[],
  because: QuestionMotive[],
  severity: number,
  values: Record<string, string | number>,
): GuideQuestion {
  const asked: GuideQuestion = {
    kind,
    text: fill(context, kind, values),
    minutes: QUESTION_MINUTES[kind],
    priority: QUESTION_WEIGHT[kind] === 0 ? 0 : priorityOf(context, kind, severity, stage, touchpoints.length),
    stage,
    touchpoints: touchpoints.map((touchpoint) => ({ name: touchpoint.name, location: cellOf(touchpoint, 'touchpoint') })),
    because,
  };
  subjects.set(asked, touchpoints);
  return asked;
}

function ownQuestion(own: OwnQuestion): GuideQuestion {
  return { kind: 'own', text: own.text, minutes: own.minutes, priority: 0, stage: own.stage ?? null, touchpoints: [], because: [] };
}
