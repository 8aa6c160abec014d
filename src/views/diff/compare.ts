import { fingerprintOf, identityOf } from '../../engine/fingerprint.js';
import { cellOf } from '../../model/cells.js';
import { findHandoffs } from '../../model/handoffs.js';
import { nameTokens } from '../../model/name-tokens.js';
import { DIFF_FIELDS } from '../../model/fields.js';
import type { Field, Finding, JourneyModel, Touchpoint } from '../../model/schema.js';
import { stageLabel } from '../../model/stages.js';
import { foldKey } from '../../model/text.js';
import { channelLabel } from '../../model/vocabulary.js';
import { type LoadOptions, weeklyLoad } from '../../model/weekly-load.js';
import type { CoverageChange, DiffSummary, FieldChange, FileDiff, HandoffChange, StageCoverage, TouchpointChange, TouchpointRef } from './schema.js';
import { perSeverity } from '../../vocab/severity.js';

/** One version of an inventory: how it is named in the output, its model and its findings (after ignores). */
export interface DiffSide {
  file: string;
  model: JourneyModel;
  findings: Finding[];
  /** Over-communication's options in this side's config: the weekly load is counted as the rule counts it. */
  loadOptions?: LoadOptions;
}

/** How alike two names in the same persona and stage must be to count as a rename (Jaccard similarity of their meaningful words). */
export const RENAME_THRESHOLD = 0.5;
/** Above this many name pairs in one persona and stage, only names with the same words (in any order) are matched as renames. */
const MAX_RENAME_PAIRS = 250_000;

type Value = string | number | null;

/** How a compared field is read from a touchpoint: the value shown, and the key compared (when it differs from the value). */
type Reader = (t: Touchpoint, model: JourneyModel) => { value: Value; key?: Value; number?: number | null };

/**
 * The reader of each field the catalogue says the diff compares (src/model/fields.ts, `diff`), by field
 * id, in the order changes are listed; tests/views/diff-compare.test.ts checks they are the same fields.
 */
export const DIFF_READERS: Partial<Record<Field, Reader>> = {
  stage: (t, m) => ({ value: t.stage === null ? null : stageLabel(m.stageModel, t.stage), key: t.stage }),
  // Every channel a cell names ("Email + SMS"), so adding or dropping one is a change.
  channel: (t, m) => ({
    value: t.channels.length === 0 ? null : t.channels.map((id) => channelLabel(m.channels, id)).join(' + '),
    key: t.channels.length === 0 ? null : t.channels.join('+'),
  }),
  team: (t) => ({ value: t.team, key: t.team === null ? null : foldKey(t.team) }),
  mode: (t) => ({ value: t.mode }),
  direction: (t) => ({ value: t.direction }),
  // Timing kept as words ("Q3") when it names no day.
  day: (t) => ({ value: t.day ?? t.timing, number: t.day }),
  frequency: (t) => ({
    value: t.frequency?.text ?? null,
    key: t.frequency === null ? null : t.frequency.cadence !== null && t.frequency.cadence !== 'repeating' ? t.frequency.cadence : foldKey(t.frequency.text),
  }),
  kpi: (t) => ({ value: t.kpi }),
  owner: (t) => ({ value: t.owner }),
  // No status column means every row is live.
  status: (t) => ({ value: t.status ?? 'live' }),
  conversion: (t) => ({ value: t.metrics.conversionRate, number: t.metrics.conversionRate }),
  dropOff: (t) => ({ value: t.metrics.dropOffRate, number: t.metrics.dropOffRate }),
  nps: (t) => ({ value: t.metrics.nps, number: t.metrics.nps }),
  csat: (t) => ({ value: t.metrics.csat, number: t.metrics.csat }),
  opens: (t) => ({ value: t.metrics.openRate, number: t.metrics.openRate }),
  clicks: (t) => ({ value: t.metrics.clickRate, number: t.metrics.clickRate }),
  unsubscribe: (t) => ({ value: t.metrics.unsubscribeRate, number: t.metrics.unsubscribeRate }),
  audience: (t) => ({ value: t.metrics.audience, number: t.metrics.audience }),
  sent: (t) => ({ value: t.metrics.sent, number: t.metrics.sent }),
  // A scored sentiment changes when its score does ("Happy" → "Pleased" is no change); an unscored word when its text does.
  sentiment: (t) => ({
    value: t.sentiment?.text ?? null,
    key: t.sentiment ? (t.sentiment.score ?? t.sentiment.text) : null,
    number: t.sentiment?.score ?? null,
  }),
  painPoint: (t) => ({ value: t.painPoint }),
  lastReviewed: (t) => ({ value: t.lastReviewed }),
  notes: (t) => ({ value: t.notes }),
};
const NAME_OF = new Map(DIFF_FIELDS.map((entry) => [entry.field, entry.name]));
const FIELD_ORDER = (Object.entries(DIFF_READERS) as [Field, Reader][]).map(([field, read]) => ({ field, name: NAME_OF.get(field) ?? field, read }));

// Rates are fractions; a difference below this is rounding, not a change.
const EPSILON = 1e-9;
const same = (a: Value, b: Value) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < EPSILON : a === b);

/** Every compared field that differs between two versions of a touchpoint, in FIELD_ORDER. */
export function fieldChanges(before: Touchpoint, beforeModel: JourneyModel, after: Touchpoint, afterModel: JourneyModel): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { name: field, read } of FIELD_ORDER) {
    const was = read(before, beforeModel);
    const now = read(after, afterModel);
    if (same(was.key !== undefined ? was.key : was.value, now.key !== undefined ? now.key : now.value)) continue;
    const delta = typeof was.number === 'number' && typeof now.number === 'number' ? Number((now.number - was.number).toFixed(6)) : null;
    changes.push({ field, before: was.value, after: now.value, delta });
  }
  return changes;
}

function refOf(touchpoint: Touchpoint, model: JourneyModel): TouchpointRef {
  const location = cellOf(touchpoint, 'touchpoint');
  return {
    name: touchpoint.name,
    stage: touchpoint.stage === null ? null : stageLabel(model.stageModel, touchpoint.stage),
    cell: location.cell ?? `row ${touchpoint.row}`,
  };
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const token of b) if (set.has(token)) shared++;
  return shared / (a.length + b.length - shared);
}

/** Pairs of [before index, after index] of the same touchpoint: same persona and name, then a similar name in the same persona and stage. */
export function matchTouchpoints(
  before: readonly Touchpoint[],
  after: readonly Touchpoint[],
  threshold = RENAME_THRESHOLD,
): { pairs: [number, number, 'same' | 'renamed'][]; added: number[]; removed: number[] } {
  const pairs: [number, number, 'same' | 'renamed'][] = [];
  const matchedBefore = new Uint8Array(before.length);
  const matchedAfter = new Uint8Array(after.length);
  // 1. Same persona and name (case, spacing and punctuation folded); among repeats of a name, the one in the same stage first.
  const byName = new Map<string, number[]>();
  before.forEach((t, i) => {
    const key = `${foldKey(t.persona)}\u0000${foldKey(t.name)}`;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  after.forEach((t, j) => {
    const list = byName.get(`${foldKey(t.persona)}\u0000${foldKey(t.name)}`);
    if (!list || list.length === 0) return;
    const sameStage = list.findIndex((i) => before[i]!.stage === t.stage);
    const [i] = list.splice(sameStage === -1 ? 0 : sameStage, 1);
    matchedBefore[i!] = 1;
    matchedAfter[j] = 1;
    pairs.push([i!, j, 'same']);
  });
  // 2. The rest, within one persona and stage, by the meaningful words of their names: the most similar pairs first.
  const groups = new Map<string, { before: number[]; after: number[] }>();
  const groupOf = (t: Touchpoint) => {
    const key = `${foldKey(t.persona)}\u0000${t.stage ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { before: [], after: [] }));
    return group;
  };
  before.forEach((t, i) => matchedBefore[i] || groupOf(t).before.push(i));
  after.forEach((t, j) => matchedAfter[j] || groupOf(t).after.push(j));
  for (const group of groups.values()) {
    if (group.before.length === 0 || group.after.length === 0) continue;
    const tokens = new Map<number, string[]>();
    const tokensOf = (list: readonly Touchpoint[], i: number, offset: number) => {
      let found = tokens.get(i + offset);
      if (!found) tokens.set(i + offset, (found = nameTokens(list[i]!.name)));
      return found;
    };
    const candidates: [number, number, number][] = [];
    if (group.before.length * group.after.length <= MAX_RENAME_PAIRS) {
      for (const i of group.before) {
        for (const j of group.after) {
          const similarity = jaccard(tokensOf(before, i, 0), tokensOf(after, j, before.length));
          if (similarity >= threshold) candidates.push([similarity, i, j]);
        }
      }
    } else {
      // Too many pairs to compare each: names with the same meaningful words only.
      const byWords = new Map<string, number[]>();
      for (const i of group.before) {
        const key = [...tokensOf(before, i, 0)].sort().join(' ');
        if (key === '') continue;
        const list = byWords.get(key);
        if (list) list.push(i);
        else byWords.set(key, [i]);
      }
      for (const j of group.after) for (const i of byWords.get([...tokensOf(after, j, before.length)].sort().join(' ')) ?? []) candidates.push([1, i, j]);
    }
    candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [, i, j] of candidates) {
      if (matchedBefore[i] || matchedAfter[j]) continue;
      matchedBefore[i] = 1;
      matchedAfter[j] = 1;
      pairs.push([i, j, 'renamed']);
    }
  }
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs,
    added: after.flatMap((_, j) => (matchedAfter[j] ? [] : [j])),
    removed: before.flatMap((_, i) => (matchedBefore[i] ? [] : [i])),
  };
}

function coverageOf(touchpoints: readonly Touchpoint[], model: JourneyModel, loadOptions: LoadOptions | undefined): StageCoverage {
  const inboundChannels = new Set(model.channels.filter((c) => c.inbound).map((c) => c.id));
  const channels = new Set<string>();
  let inboundPaths = 0;
  // The weekly load over-communication, the report and the day map show.
  const perWeek = weeklyLoad(touchpoints, loadOptions).load;
  for (const t of touchpoints) {
    if (t.channel !== null) channels.add(channelLabel(model.channels, t.channel));
    if (t.direction === 'inbound' || (t.channel !== null && inboundChannels.has(t.channel))) inboundPaths++;
  }
  return { touchpoints: touchpoints.length, channels: [...channels].sort(), outboundPerWeek: Math.round(perWeek * 10) / 10, inboundPaths };
}

/** Personas of both versions, matched by folded name: the after version's spelling and order first, then personas only before had. */
function unionPersonas(before: JourneyModel, after: JourneyModel): { key: string; name: string; before: boolean; after: boolean }[] {
  const personas = new Map<string, { key: string; name: string; before: boolean; after: boolean }>();
  const names = (model: JourneyModel) => [...model.personas.map((p) => p.name), ...model.touchpoints.map((t) => t.persona)];
  for (const name of names(after)) if (!personas.has(foldKey(name))) personas.set(foldKey(name), { key: foldKey(name), name, before: false, after: true });
  for (const name of names(before)) {
    const found = personas.get(foldKey(name));
    if (found) found.before = true;
    else personas.set(foldKey(name), { key: foldKey(name), name, before: true, after: false });
  }
  return [...personas.values()];
}

function coverageChanges(before: JourneyModel, after: JourneyModel, load: { before?: LoadOptions; after?: LoadOptions }): CoverageChange[] {
  const stages = [
    ...after.stageModel.stages.map((s) => s.id),
    ...before.stageModel.stages.map((s) => s.id).filter((id) => !after.stageModel.stages.some((s) => s.id === id)),
  ];
  const grouped = (model: JourneyModel) => {
    const groups = new Map<string, Touchpoint[]>();
    for (const t of model.touchpoints) {
      if (t.stage === null) continue;
      const key = `${foldKey(t.persona)}\u0000${t.stage}`;
      const list = groups.get(key);
      if (list) list.push(t);
      else groups.set(key, [t]);
    }
    return groups;
  };
  const beforeGroups = grouped(before);
  const afterGroups = grouped(after);
  const changes: CoverageChange[] = [];
  for (const persona of unionPersonas(before, after)) {
    for (const stage of stages) {
      const key = `${persona.key}\u0000${stage}`;
      const was = coverageOf(beforeGroups.get(key) ?? [], before, load.before);
      const now = coverageOf(afterGroups.get(key) ?? [], after, load.after);
      if (was.touchpoints === 0 && now.touchpoints === 0) continue;
      const status = was.touchpoints === 0 ? 'gained' : now.touchpoints === 0 ? 'lost' : JSON.stringify(was) === JSON.stringify(now) ? 'same' : 'changed';
      const label = after.stageModel.stages.some((s) => s.id === stage) ? stageLabel(after.stageModel, stage) : stageLabel(before.stageModel, stage);
      changes.push({ persona: persona.name, stage: label, before: was, after: now, status });
    }
  }
  return changes;
}

function handoffChanges(before: JourneyModel, after: JourneyModel): HandoffChange[] {
  const changes = new Map<string, HandoffChange>();
  const add = (model: JourneyModel, side: 'before' | 'after') => {
    for (const handoff of findHandoffs(model)) {
      if (!handoff.changesTeam) continue;
      const key = `${foldKey(handoff.persona)}\u0000${handoff.from.stage}\u0000${handoff.to.stage}`;
      let change = changes.get(key);
      if (!change) {
        change = {
          persona: handoff.persona,
          fromStage: stageLabel(model.stageModel, handoff.from.stage),
          toStage: stageLabel(model.stageModel, handoff.to.stage),
          before: null,
          after: null,
        };
        changes.set(key, change);
      }
      change[side] = {
        fromTeam: handoff.from.team,
        toTeam: handoff.to.team,
        fromTouchpoint: handoff.from.name,
        toTouchpoint: handoff.to.name,
        days: handoff.days,
      };
    }
  };
  add(after, 'after');
  add(before, 'before');
  return [...changes.values()];
}

/**
 * A finding's identity for matching two versions: its fingerprint with the file left out (the versions
 * have different paths), and with the stage left out too when `movable` (a touchpoint's finding whose
 * touchpoint moved to another stage is still the same finding).
 */
function matchKey(finding: Finding, movable: boolean): string {
  return fingerprintOf({ ...finding, stage: movable ? null : finding.stage, location: { ...finding.location, file: '' } }, '/', identityOf(finding));
}

/** Findings of the after version matched to the before version's: by fingerprint, then a touchpoint's findings across a stage move. */
function findingChanges(before: readonly Finding[], after: readonly Finding[]): FileDiff['findings'] {
  let resolved = [...before];
  let introduced = [...after];
  let unchanged = 0;
  for (const movable of [false, true]) {
    const open = new Map<string, Finding[]>();
    for (const finding of resolved) {
      if (movable && finding.touchpoint === null) continue;
      const key = matchKey(finding, movable);
      const list = open.get(key);
      if (list) list.push(finding);
      else open.set(key, [finding]);
    }
    const matched = new Set<Finding>();
    introduced = introduced.filter((finding) => {
      if (movable && finding.touchpoint === null) return true;
      const found = open.get(matchKey(finding, movable))?.shift();
      if (!found) return true;
      matched.add(found);
      unchanged++;
      return false;
    });
    resolved = resolved.filter((finding) => !matched.has(finding));
  }
  return { resolved, introduced, unchanged };
}

const emptyModel = (like: JourneyModel): JourneyModel => ({
  files: [],
  personas: [],
  touchpoints: [],
  problems: [],
  stageModel: like.stageModel,
  stageSource: like.stageSource,
  channels: like.channels,
});

/** What changed from one version of an inventory to another (either may be missing: a file in only one folder). */
export function compareInventories(before: DiffSide | null, after: DiffSide | null): FileDiff {
  if (!before && !after) throw new Error('compareInventories needs at least one version');
  const beforeModel = before?.model ?? emptyModel(after!.model);
  const afterModel = after?.model ?? emptyModel(before!.model);
  const { pairs, added, removed } = matchTouchpoints(beforeModel.touchpoints, afterModel.touchpoints);
  const touchpoints: TouchpointChange[] = [];
  let unchangedTouchpoints = 0;
  for (const [i, j, how] of pairs) {
    const was = beforeModel.touchpoints[i]!;
    const now = afterModel.touchpoints[j]!;
    const changes = fieldChanges(was, beforeModel, now, afterModel);
    const renamed = how === 'renamed' || was.name !== now.name;
    if (!renamed && changes.length === 0) {
      unchangedTouchpoints++;
      continue;
    }
    touchpoints.push({ kind: renamed ? 'renamed' : 'changed', persona: now.persona, before: refOf(was, beforeModel), after: refOf(now, afterModel), changes });
  }
  for (const j of added)
    touchpoints.push({
      kind: 'added',
      persona: afterModel.touchpoints[j]!.persona,
      before: null,
      after: refOf(afterModel.touchpoints[j]!, afterModel),
      changes: [],
    });
  for (const i of removed)
    touchpoints.push({
      kind: 'removed',
      persona: beforeModel.touchpoints[i]!.persona,
      before: refOf(beforeModel.touchpoints[i]!, beforeModel),
      after: null,
      changes: [],
    });
  const personas = unionPersonas(beforeModel, afterModel);
  return {
    before: before?.file ?? null,
    after: after?.file ?? null,
    personas: { added: personas.filter((p) => !p.before).map((p) => p.name), removed: personas.filter((p) => !p.after).map((p) => p.name) },
    touchpoints,
    unchangedTouchpoints,
    coverage: coverageChanges(beforeModel, afterModel, { before: before?.loadOptions, after: after?.loadOptions }),
    handoffs: handoffChanges(beforeModel, afterModel),
    findings: findingChanges(before?.findings ?? [], after?.findings ?? []),
  };
}

const countBySeverity = (findings: readonly Finding[]) => {
  const counts = perSeverity(0);
  for (const finding of findings) counts[finding.severity]++;
  return counts;
};

/** Totals over every file of a diff. */
export function summarizeDiff(files: readonly FileDiff[]): DiffSummary {
  const kinds = files.flatMap((file) => file.touchpoints.map((t) => t.kind));
  const count = (kind: TouchpointChange['kind']) => kinds.filter((k) => k === kind).length;
  const coverage = files.flatMap((file) => file.coverage);
  const resolved = files.flatMap((file) => file.findings.resolved);
  const introduced = files.flatMap((file) => file.findings.introduced);
  return {
    added: count('added'),
    removed: count('removed'),
    renamed: count('renamed'),
    changed: count('changed'),
    unchanged: files.reduce((sum, file) => sum + file.unchangedTouchpoints, 0),
    stagesGained: coverage.filter((c) => c.status === 'gained').length,
    stagesLost: coverage.filter((c) => c.status === 'lost').length,
    findingsResolved: resolved.length,
    findingsIntroduced: introduced.length,
    findingsUnchanged: files.reduce((sum, file) => sum + file.findings.unchanged, 0),
    resolvedBySeverity: countBySeverity(resolved),
    introducedBySeverity: countBySeverity(introduced),
  };
}
