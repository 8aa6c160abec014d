import type { Location } from '../model/schema.js';
import { plural } from '../english.js';
import type { GoalPlan, InventoryPlan } from './plan.js';
import type { Figures, FunnelStep, MeasureFinding, MeasureResult, TouchpointMeasure } from './result.js';
import type { LogReading } from './run.js';
import { ALL_GROUP, type GroupFigures, type MetricSpec } from './spec.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Thresholds of the findings from the join (flags of journey measure). */
export interface FindingOptions {
  /** An unplanned event is reported when at least this share of users meet it. */
  unplannedShare: number;
  /** Stage-order findings when at least this share of staged users reverse or skip. */
  orderShare: number;
  /** A touchpoint's median observed day is reported when it is this many days or more from its planned day (and a quarter of it). */
  dayTolerance: number;
}

export const DEFAULT_FINDING_OPTIONS: FindingOptions = { unplannedShare: 0.05, orderShare: 0.1, dayTolerance: 2 };

interface BuildInput {
  reading: LogReading;
  figures: Map<string, GroupFigures>;
  spec: MetricSpec;
  plan: InventoryPlan | null;
  goal: GoalPlan | null;
  windowText: string | null;
  findingOptions: FindingOptions;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Figures for one group of users, in the result's terms (shares, hours). */
function figuresOf(group: GroupFigures, input: BuildInput): Figures {
  const { spec, plan, goal } = input;
  const names =
    plan === null
      ? [...group.touchpoints.keys()].sort((a, b) => group.touchpoints.get(b)!.users - group.touchpoints.get(a)!.users || (a < b ? -1 : 1))
      : [...plan.touchpoints.map((tp) => tp.name), ...(goal && goal.touchpoint === null ? [goal.label] : [])];
  const touchpoints: TouchpointMeasure[] = names.map((name) => {
    const tp = group.touchpoints.get(name) ?? { events: 0, users: 0, endUsers: 0, convertedUsers: 0, medianMsToNext: null, medianMsFromStart: null };
    const planned = plan?.touchpoints.find((p) => p.name === name);
    const measure: TouchpointMeasure = {
      name,
      events: tp.events,
      users: tp.users,
      share: ratio(tp.users, group.users) ?? 0,
      dropOff: ratio(tp.endUsers, tp.users),
      medianHoursToNext: tp.medianMsToNext === null ? null : tp.medianMsToNext / HOUR,
    };
    if (spec.goal) measure.conversion = ratio(tp.convertedUsers, tp.users);
    if (plan !== null) {
      measure.planned = planned !== undefined;
      measure.stage = planned?.stageLabel ?? null;
      measure.plannedDay = planned?.day ?? null;
      measure.observedDay = tp.medianMsFromStart === null ? null : tp.medianMsFromStart / DAY;
    }
    if (goal !== null && (goal.touchpoint ?? goal.label) === name) measure.goal = true;
    return measure;
  });
  const topUsers = group.variants.reduce((sum, variant) => sum + variant.users, 0);
  const figures: Figures = {
    users: group.users,
    events: group.events,
    touchpoints,
    variants: {
      count: group.variantCount,
      top: group.variants.map((variant) => ({ steps: variant.steps, users: variant.users, share: ratio(variant.users, group.users) ?? 0 })),
      other: { variants: group.variantCount - group.variants.length, users: group.users - topUsers, share: ratio(group.users - topUsers, group.users) ?? 0 },
    },
  };
  if (group.funnel && spec.steps) {
    const first = group.funnel[0]?.users ?? 0;
    figures.funnel = group.funnel.map((step, i): FunnelStep => {
      const next = group.funnel![i + 1]?.users ?? 0;
      const stopped = step.users - next;
      return {
        step: spec.steps![i]!,
        users: step.users,
        conversion: ratio(step.users, first),
        fromPrevious: i === 0 ? null : ratio(step.users, group.funnel![i - 1]!.users),
        dropped: i === spec.steps!.length - 1 ? 0 : stopped - step.open,
        open: step.open,
        medianHoursFromPrevious: step.medianMsFromPrevious === null ? null : step.medianMsFromPrevious / HOUR,
      };
    });
  }
  return figures;
}

/** The measurement as journey measure reports it: figures for everyone, per segment, the inventory join and its findings. */
export function buildResult(input: BuildInput): MeasureResult {
  const { reading, figures, plan, goal } = input;
  const all = figures.get(ALL_GROUP) ?? emptyGroup();
  const main = figuresOf(all, input);
  const result: MeasureResult = {
    version: 1,
    file: reading.file,
    format: reading.format,
    events: all.events,
    users: all.users,
    first: iso(all.first),
    last: iso(all.last),
    columns: { user: reading.columns.user, time: reading.columns.time, event: reading.columns.event, segment: reading.columns.segment },
    rows: reading.rows,
    excluded: reading.exclusions,
    notes: reading.notes,
    goal: goal?.label ?? null,
    window: input.windowText,
    touchpoints: main.touchpoints,
    variants: main.variants,
    findings: [],
    summary: { errors: 0, warnings: 0, infos: 0 },
  };
  if (main.funnel) result.funnel = main.funnel;
  if (input.spec.segments > 0 && reading.columns.segment !== null) {
    const values = [...figures.keys()].filter((key) => key.startsWith('s:')).map((key) => key.slice(2));
    result.segments = {
      column: reading.columns.segment,
      count: all.segmentCount ?? values.length,
      values: values
        .map((value) => {
          const segment = figuresOf(figures.get(`s:${value}`)!, input);
          return { value, share: ratio(segment.users, all.users) ?? 0, figures: segment, rest: figuresOf(figures.get(`r:${value}`) ?? emptyGroup(), input) };
        })
        .sort((a, b) => b.figures.users - a.figures.users || (a.value < b.value ? -1 : 1)),
    };
  }
  if (plan !== null) {
    const plannedMeasures = main.touchpoints.filter((tp) => tp.planned);
    result.inventory = {
      file: plan.file,
      matched: plannedMeasures.filter((tp) => tp.users > 0).length,
      planned: plan.touchpoints.length,
      unreached: plannedMeasures.filter((tp) => tp.users === 0).map((tp) => tp.name),
      unplanned: all.unplanned.map((event) => event.event),
      unplannedEvents: all.unplanned.map((event) => ({ ...event, share: ratio(event.users, all.users) ?? 0 })),
      unplannedCount: all.unplannedCount,
      stageOrder: all.stageOrder,
    };
    result.findings = joinFindings(result, plan, input.findingOptions);
  }
  for (const finding of result.findings) result.summary[finding.severity === 'error' ? 'errors' : finding.severity === 'warning' ? 'warnings' : 'infos']++;
  return result;
}

function emptyGroup(): GroupFigures {
  return {
    users: 0,
    events: 0,
    first: null,
    last: null,
    touchpoints: new Map(),
    variantCount: 0,
    variants: [],
    funnel: null,
    unplanned: [],
    unplannedCount: 0,
    stageOrder: null,
  };
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** The findings of the join: what the inventory plans that nobody meets, and what people meet that it does not plan. */
function joinFindings(result: MeasureResult, plan: InventoryPlan, options: FindingOptions): MeasureFinding[] {
  const findings: MeasureFinding[] = [];
  const logPlace: Location = { file: result.file, sheet: null, row: null, column: null, cell: null };
  for (const touchpoint of plan.touchpoints) {
    const measure = result.touchpoints.find((tp) => tp.name === touchpoint.name);
    if (!measure) continue;
    if (measure.users === 0) {
      const named = touchpoint.predicates.map(describePredicate).join(', ');
      const how =
        touchpoint.matchedBy === 'config'
          ? `no event of the log matches its events in the config (${named})`
          : touchpoint.matchedBy === 'event'
            ? `no event of the log matches its Event cell (${named})`
            : `no event of the log is named "${touchpoint.name}"`;
      findings.push({
        ruleId: 'unreached-touchpoint',
        severity: 'warning',
        message: `No user reaches "${touchpoint.name}": ${how}`,
        fix:
          touchpoint.matchedBy !== 'name'
            ? 'check that the event is tracked under this name, or retire the touchpoint'
            : 'name its events in an Event column (event names or COLUMN=value), or retire the touchpoint',
        location: touchpoint.location,
        touchpoint: touchpoint.name,
        event: null,
      });
      continue;
    }
    if (touchpoint.day !== null && measure.observedDay !== null && measure.observedDay !== undefined) {
      const gap = measure.observedDay - touchpoint.day;
      if (Math.abs(gap) >= Math.max(options.dayTolerance, touchpoint.day * 0.25)) {
        findings.push({
          ruleId: 'planned-day',
          severity: 'info',
          message: `"${touchpoint.name}" is planned for day ${touchpoint.day} but users meet it on day ${round(measure.observedDay)} (median of ${plural(measure.users, 'user')}), ${round(Math.abs(gap))} days ${gap > 0 ? 'later' : 'earlier'}`,
          fix: 'move the planned day to what happens, or find what delays or hurries it',
          location: touchpoint.location,
          touchpoint: touchpoint.name,
          event: null,
        });
      }
    }
  }
  for (const event of result.inventory?.unplannedEvents ?? []) {
    if (event.share < options.unplannedShare) continue;
    findings.push({
      ruleId: 'unplanned-event',
      severity: 'warning',
      message: `${percent(event.share)} of users (${event.users} of ${result.users}) meet "${event.event}", which no touchpoint of the inventory plans`,
      fix: 'add it to the inventory as a touchpoint (it may be one nobody owns: a receipt, an error page), or name it in an Event cell',
      location: logPlace,
      touchpoint: null,
      event: event.event,
    });
  }
  const order = result.inventory?.stageOrder;
  if (order && order.staged > 0) {
    for (const [count, what] of [
      [order.reversed, 'go back to an earlier stage after a later one'],
      [order.skipped, "skip a stage of the inventory's order"],
    ] as const) {
      const share = count / order.staged;
      if (count === 0 || share < options.orderShare) continue;
      findings.push({
        ruleId: 'stage-order',
        severity: 'info',
        message: `${percent(share)} of users with staged touchpoints (${count} of ${order.staged}) ${what}`,
        fix: 'check the stage of the touchpoints they meet out of order, or plan for the route they take',
        location: { file: plan.file, sheet: null, row: null, column: null, cell: null },
        touchpoint: null,
        event: null,
      });
    }
  }
  return findings;
}

function describePredicate(predicate: { column: string | null; value: string }): string {
  return predicate.column === null ? `"${predicate.value}"` : `${predicate.column}="${predicate.value}"`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
