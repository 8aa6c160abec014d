import type { Location, JourneyModel } from '../model/schema.js';
import type { Dialect } from './dialects.js';
import type { Cte } from './sql.js';

/** `value` in the event column (column null), or `column=value`: matched trimmed and without regard to case. */
export interface Predicate {
  column: string | null;
  value: string;
}

/** A planned touchpoint and the events that are it. */
export interface PlannedTouchpoint {
  name: string;
  predicates: Predicate[];
  /** How its events were named: the config's `events` map, its Event cell, or its own name when it has neither. */
  matchedBy: 'config' | 'event' | 'name';
  stage: string | null;
  stageLabel: string | null;
  /** The planned day offset from the journey's start. */
  day: number | null;
  persona: string;
  location: Location;
  /** Where its events are named when not in its own row: the config's `events` entry. */
  eventsPlace?: Location;
}

/** What an inventory brings to a measurement. */
export interface InventoryPlan {
  file: string;
  touchpoints: PlannedTouchpoint[];
  /** Stage ids in the inventory's order that have touchpoints: a touchpoint's rank is its stage's index here. */
  stages: string[];
}

/** The goal: a touchpoint's events, or an event name or COL=VALUE predicate. */
export interface GoalPlan {
  label: string;
  predicates: Predicate[];
  /** The inventory touchpoint the goal is, if it names one. */
  touchpoint: string | null;
}

/** Splits an Event cell or a --goal value into predicates: entries separated by commas, semicolons or line breaks, "quoted" to hold one. */
export function parsePredicates(text: string): Predicate[] {
  const entries: string[] = [];
  let entry = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\n' || char === '\r')) entries.push(entry), (entry = '');
    else entry += char;
  }
  entries.push(entry);
  return entries
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(parsePredicate);
}

/** One entry: `column=value`, or an event name. */
export function parsePredicate(text: string): Predicate {
  const value = text.trim();
  const equals = /^([^=]+?)\s*=\s*(.*)$/.exec(value);
  return equals ? { column: equals[1]!.trim(), value: equals[2]!.trim() } : { column: null, value };
}

/** The config's `events` map, as inventoryPlan reads it: touchpoint name → its events, and the config file it is in. */
export interface ConfigEvents {
  file: string | null;
  events: Readonly<Record<string, readonly string[]>>;
}

/**
 * The inventory's touchpoints as a plan: one per name (a name planned for several personas is one
 * touchpoint of the log). A touchpoint the config's `events` map names (case ignored) is measured by the
 * config's events instead of its Event cell; `unknown` lists the config's names no touchpoint has.
 */
export function inventoryPlan(file: string, model: JourneyModel, config: ConfigEvents = { file: null, events: {} }): InventoryPlan & { unknown: string[] } {
  const byName = new Map<string, PlannedTouchpoint>();
  const configured = new Map(Object.entries(config.events).map(([name, events]) => [name.trim().toLowerCase(), { name, events }]));
  for (const touchpoint of model.touchpoints) {
    const fromConfig = configured.get(touchpoint.name.toLowerCase());
    const place = touchpoint.place;
    const column = touchpoint.event && !fromConfig ? place.columns.event : place.columns.touchpoint;
    const location: Location = {
      file: place.file,
      sheet: place.sheet,
      row: touchpoint.row,
      column: column ?? null,
      cell: column ? `${column}${touchpoint.row}` : null,
    };
    if (fromConfig) {
      // The config's entry wins over every row's Event cell: one plan entry, its predicates placed in the config.
      if (byName.has(touchpoint.name.toLowerCase())) continue;
      const stage = model.stageModel.stages.find((s) => s.id === touchpoint.stage) ?? null;
      byName.set(touchpoint.name.toLowerCase(), {
        name: touchpoint.name,
        predicates: fromConfig.events.map(parsePredicate),
        matchedBy: 'config',
        stage: touchpoint.stage,
        stageLabel: stage?.label ?? null,
        day: touchpoint.day,
        persona: touchpoint.persona,
        location,
        eventsPlace: { file: config.file ?? 'config', sheet: null, row: null, column: null, cell: `events[${JSON.stringify(fromConfig.name)}]` },
      });
      continue;
    }
    const predicates = touchpoint.event ? parsePredicates(touchpoint.event) : [{ column: null, value: touchpoint.name }];
    const existing = byName.get(touchpoint.name.toLowerCase());
    if (existing) {
      existing.predicates.push(
        ...predicates.filter((p) => !existing.predicates.some((q) => q.column === p.column && q.value.toLowerCase() === p.value.toLowerCase())),
      );
      continue;
    }
    const stage = model.stageModel.stages.find((s) => s.id === touchpoint.stage) ?? null;
    byName.set(touchpoint.name.toLowerCase(), {
      name: touchpoint.name,
      predicates,
      matchedBy: touchpoint.event ? 'event' : 'name',
      stage: touchpoint.stage,
      stageLabel: stage?.label ?? null,
      day: touchpoint.day,
      persona: touchpoint.persona,
      location,
    });
  }
  const touchpoints = [...byName.values()];
  const used = new Set(touchpoints.map((touchpoint) => touchpoint.stage));
  const unknown = [...configured.entries()].filter(([key]) => !byName.has(key)).map(([, entry]) => entry.name);
  return { file, touchpoints, stages: model.stageModel.stages.map((stage) => stage.id).filter((id) => used.has(id)), unknown };
}

/** The columns of the log the plan's predicates name (besides the event column). */
export function predicateColumns(plan: InventoryPlan | null, goal: GoalPlan | null): { column: string; where: Location | null }[] {
  const columns: { column: string; where: Location | null }[] = [];
  for (const touchpoint of plan?.touchpoints ?? [])
    for (const p of touchpoint.predicates) if (p.column !== null) columns.push({ column: p.column, where: touchpoint.eventsPlace ?? touchpoint.location });
  for (const p of goal?.predicates ?? []) if (p.column !== null) columns.push({ column: p.column, where: null });
  return columns;
}

/** Which log columns play which part, for the normalization. */
export interface NormalizeColumns {
  user: string;
  time: string;
  event: string;
  segment: string | null;
}

/**
 * The normalization of a log into `ev` (spec.ts), in a dialect: trimmed user and event text, time in epoch
 * milliseconds (`time` is the dialect's expression, or DuckDB's own reading of the column), each event's
 * touchpoint (the first planned touchpoint whose predicates it matches, or without an inventory its own
 * name; a goal event no touchpoint claims is the goal's own touchpoint), goal flag and stage rank. Rows
 * without a user, a readable time or an event name are left out (the DuckDB engine counts them first);
 * the same user, time and event twice is kept once.
 *
 * `order` breaks ties in time: the file's row number where the engine knows it, else the event name (a
 * warehouse table has no file order).
 */
export function normalizeCtes(
  d: Dialect,
  source: string,
  columns: NormalizeColumns,
  time: string,
  order: string | null,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  /** Also keep the time column's own text in ev_read (as rt), for counting times that cannot be read without joining back to the rows. */
  rawTime = false,
): [Cte, Cte, Cte] {
  const col = (name: string) => d.text(d.id(name));
  const event = col(columns.event);
  const matches = (p: Predicate) => `${d.lower(p.column === null ? event : col(p.column))} = ${d.lower(d.str(p.value))}`;
  const any = (predicates: Predicate[]) => (predicates.length === 0 ? '1 = 0' : predicates.map(matches).join(' OR '));
  const goalCondition = goal === null ? null : any(goal.predicates);
  let touchpoint: string;
  if (plan === null) touchpoint = event;
  else {
    const whens = plan.touchpoints.map((tp) => `WHEN ${any(tp.predicates)} THEN ${d.str(tp.name)}`);
    if (goal !== null && goal.touchpoint === null) whens.push(`WHEN ${goalCondition} THEN ${d.str(goal.label)}`);
    touchpoint = whens.length === 0 ? d.cast('NULL', 'text') : `CASE ${whens.join(' ')} END`;
  }
  const stageRank =
    plan === null || plan.stages.length === 0
      ? d.cast('NULL', 'int')
      : `CASE ${plan.touchpoints.flatMap((tp) => (tp.stage === null ? [] : [`WHEN tp = ${d.str(tp.name)} THEN ${plan.stages.indexOf(tp.stage)}`])).join(' ') || 'WHEN 1 = 0 THEN 0'} END`;
  return [
    [
      'ev_read',
      `SELECT ${col(columns.user)} AS u, ${time} AS t, ${order ?? '0'} AS o, ${event} AS e, ${columns.segment === null ? d.cast('NULL', 'text') : col(columns.segment)} AS sg, ${touchpoint} AS tp, ${goalCondition === null ? '0' : `CASE WHEN ${goalCondition} THEN 1 ELSE 0 END`} AS g${rawTime ? `, ${col(columns.time)} AS rt` : ''} FROM ${source}`,
    ],
    [
      'ev_kept',
      `SELECT u, t, o, e, sg, tp, g, ROW_NUMBER() OVER (PARTITION BY u, t, e ORDER BY o) AS dup FROM ev_read WHERE u IS NOT NULL AND t IS NOT NULL AND e IS NOT NULL`,
    ],
    // A file's row number is already unique and in file order: it is the event's position as it is, without sorting every event again.
    [
      'ev',
      `SELECT u, t, ${order === null ? `ROW_NUMBER() OVER (ORDER BY t, o, ${d.bytewise('e')})` : 'o'} AS seq, tp, g, e, sg, ${stageRank} AS st FROM ev_kept WHERE dup = 1`,
    ],
  ];
}
