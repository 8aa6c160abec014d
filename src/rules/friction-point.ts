import * as z from 'zod';
import { cellOf, rowLocation } from '../model/cells.js';
import { interviewFriction } from '../model/interviews.js';
import { measuredFrom } from '../model/measured.js';
import type { Field, JourneyModel, Location, Metrics, Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { defineRule, MAX_RELATED, touchpointReport, type Report } from './rule.js';
import { clip, listAnd, percent, quotedNames } from './wording.js';

/** Most interviewees' quotes one interview finding repeats. */
const MAX_QUOTES = 3;

/** Most friction points one stage's finding describes; the rest are counted. */
const MAX_LISTED = 5;

/** What makes a touchpoint a friction point, with the cell that shows it. */
interface Signal {
  text: string;
  field: Field;
  /** The metrics file's row when the figure was measured (--metrics), not the inventory's. */
  measured?: Location;
}

/**
 * Friction heard in interviews (--answers): a persona's stage where at least `interviewShare` of its
 * interviewees felt negative, quoting the most negative of them, placed on the stage's first touchpoint
 * with the answers' cells related.
 */
function interviewReports(model: JourneyModel, options: { interviewShare: number; minInterviewees: number }): Report[] {
  return interviewFriction(model, { share: options.interviewShare, minInterviewees: options.minInterviewees }).map((friction) => {
    const first = model.touchpoints.find((t) => t.persona === friction.persona && t.stage === friction.stage);
    // Each quote once: two interviewees saying the same words are one quote here.
    const quotes = [...new Set(friction.quotes.filter((answer) => (answer.score ?? 0) < 0).map((answer) => `"${clip(answer.quote!)}"`))].slice(0, MAX_QUOTES);
    const cells = friction.quotes.map((answer) => answer.location);
    const stage = stageLabel(model.stageModel, friction.stage);
    return {
      message: `${friction.negative} of ${friction.interviewees} interviewees (${clip(friction.persona)}) felt negative in ${stage}${quotes.length > 0 ? `: ${listAnd(quotes)}` : ''}`,
      fix: 'find the cause in their words, change what they met there, and ask again after the change.',
      location: first ? cellOf(first, 'stage') : cells[0]!,
      related: (first ? cells : cells.slice(1)).slice(0, MAX_RELATED),
      persona: friction.persona,
      stage: friction.stage,
      touchpoint: null,
      // The interviewees' count changes as interviews are added: the finding stays the same one.
      identity: 'interviews',
    };
  });
}

/** Touchpoints where customers struggle: negative sentiment, high drop-off or unsubscribes, low NPS or CSAT. */
export const frictionPoint = defineRule({
  id: 'friction-point',
  description: 'A touchpoint with negative sentiment, high drop-off or unsubscribe rate, or low NPS or CSAT',
  defaultSeverity: 'warning',
  summary: 'negative sentiment, drop-off or unsubscribes above a limit, NPS or CSAT below one: one finding per persona and stage',
  weight: 2,
  options: z
    .object({
      minSentiment: z.number().min(-2).max(2).default(0).describe('Sentiment below this (on the -2..+2 scale) is friction'),
      maxDropOffRate: z.number().min(0).max(1).default(0.3).describe('Drop-off rate above this (a fraction, 0.3 = 30%) is friction'),
      maxUnsubscribeRate: z.number().min(0).max(1).default(0.01).describe('Unsubscribe rate above this (a fraction, 0.01 = 1%) is friction'),
      minNps: z.number().min(-100).max(100).default(0).describe('NPS below this is friction'),
      minCsat: z.number().min(0).max(1).default(0.7).describe('CSAT below this (a fraction; 4 of 5 = 0.8) is friction'),
      interviewShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.5)
        .describe('With --answers: a stage where at least this share of interviewees felt negative is friction'),
      minInterviewees: z
        .number()
        .int()
        .min(1)
        .default(2)
        .describe('With --answers: the fewest interviewees of a persona about a stage that can make it friction'),
    })
    .strict(),
  docs: {
    why: 'Friction points are where customers feel the journey: where they get frustrated, drop off or unsubscribe. They are the first places to fix, and the figures say how much is at stake.',
    triggers:
      "A touchpoint whose sentiment is below `minSentiment`, whose drop-off rate exceeds `maxDropOffRate`, whose unsubscribe rate exceeds `maxUnsubscribeRate`, or whose NPS or CSAT is below `minNps` or `minCsat`. One finding per persona and stage lists its friction points, each with every figure beyond its limit and its pain point (a stage with one friction point names it alone); in a journey-map grid, whose emotion lane is the stage's, one finding per stage names its touchpoints. A figure measured from an event log (`--metrics`, where the row has none of its own) counts the same and is called measured. With interview answers (`--answers`), also a stage where at least `interviewShare` of at least `minInterviewees` interviewees of a persona felt negative (each interviewee's feelings about the stage and its touchpoints averaged), quoting them.",
    fix: 'Find the cause (the pain point column, customer interviews, session recordings), change the touchpoint, and measure again; record what you changed in the inventory.',
    example:
      '"Invoice email" is a friction point: drop-off 45% (limit 30%) and sentiment "frustrated"; pain point: "Cannot find the PDF"; fix the cause and measure again.',
  },
  check({ model, options }) {
    const signals = (t: Touchpoint): Signal[] => {
      const found: Signal[] = [];
      const { metrics } = t;
      if (t.sentiment?.score != null && t.sentiment.score < options.minSentiment)
        found.push({ text: `sentiment "${clip(t.sentiment.text)}"`, field: 'sentiment' });
      // A figure from --metrics says it was measured, and points at its row in the metrics file.
      const figure = (metric: keyof Metrics, field: Field, text: string) => {
        const measured = measuredFrom(t, metric);
        found.push(measured ? { text: `measured ${text}`, field, measured } : { text, field });
      };
      if (metrics.dropOffRate !== null && metrics.dropOffRate > options.maxDropOffRate)
        figure('dropOffRate', 'dropOff', `drop-off ${percent(metrics.dropOffRate)} (limit ${percent(options.maxDropOffRate)})`);
      if (metrics.unsubscribeRate !== null && metrics.unsubscribeRate > options.maxUnsubscribeRate)
        figure('unsubscribeRate', 'unsubscribe', `unsubscribe rate ${percent(metrics.unsubscribeRate)} (limit ${percent(options.maxUnsubscribeRate)})`);
      if (metrics.nps !== null && metrics.nps < options.minNps) figure('nps', 'nps', `NPS ${metrics.nps} (limit ${options.minNps})`);
      if (metrics.csat !== null && metrics.csat < options.minCsat) figure('csat', 'csat', `CSAT ${percent(metrics.csat)} (limit ${percent(options.minCsat)})`);
      return found;
    };
    const reports: Report[] = [];
    // A journey-map grid's emotion is the stage's: its touchpoints share one place per stage column, and one finding.
    const gridStages = new Map<Touchpoint['place'], Touchpoint[]>();
    // Elsewhere, one finding per persona and stage lists its friction points, not one warning per sad face.
    const byStage = new Map<string, { touchpoint: Touchpoint; found: Signal[] }[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.place.rows !== undefined) {
        const stage = gridStages.get(touchpoint.place);
        if (stage) stage.push(touchpoint);
        else gridStages.set(touchpoint.place, [touchpoint]);
        continue;
      }
      const found = signals(touchpoint);
      if (found.length === 0) continue;
      const key = `${touchpoint.persona}\u0000${touchpoint.stage ?? ''}`;
      const list = byStage.get(key);
      if (list) list.push({ touchpoint, found });
      else byStage.set(key, [{ touchpoint, found }]);
    }
    type Point = { touchpoint: Touchpoint; found: Signal[] };
    const cellsOf = ({ touchpoint, found }: Point) =>
      found.filter((s) => s.measured === undefined && touchpoint.place.columns[s.field] !== undefined).map((s) => cellOf(touchpoint, s.field));
    // A measured figure's cell is its row in the metrics file: related, never the finding's location, which stays in the inventory.
    const measuredCells = ({ found }: Point) => found.flatMap((s) => (s.measured ? [s.measured] : []));
    const painCell = (t: Touchpoint) => (t.painPoint && t.place.columns.painPoint ? [cellOf(t, 'painPoint')] : []);
    for (const points of byStage.values()) {
      const { touchpoint } = points[0]!;
      if (points.length === 1) {
        const cells = cellsOf(points[0]!);
        const pain = touchpoint.painPoint ? `; pain point: "${clip(touchpoint.painPoint)}"` : '';
        reports.push(
          touchpointReport(
            touchpoint,
            {
              message: `"${clip(touchpoint.name)}" is a friction point: ${listAnd(points[0]!.found.map((s) => s.text))}${pain}`,
              fix: 'fix the cause and measure again.',
            },
            cells[0] ?? rowLocation(touchpoint),
            [...cells.slice(1), ...measuredCells(points[0]!), ...painCell(touchpoint)],
          ),
        );
        continue;
      }
      const shown = points
        .slice(0, MAX_LISTED)
        .map(
          ({ touchpoint: t, found }) => `"${clip(t.name)}" (${listAnd(found.map((s) => s.text))}${t.painPoint ? `; pain point: "${clip(t.painPoint)}"` : ''})`,
        );
      const rest = points.length - shown.length;
      const stage = touchpoint.stage === null ? '' : ` in ${stageLabel(model.stageModel, touchpoint.stage)}`;
      const first = cellsOf(points[0]!)[0] ?? rowLocation(touchpoint);
      const related = points.flatMap((point, i) => [
        ...(i === 0 ? cellsOf(point).slice(1) : cellsOf(point).slice(0, 1)),
        ...measuredCells(point),
        ...painCell(point.touchpoint),
      ]);
      reports.push({
        message: `${clip(touchpoint.persona)} meets ${points.length} friction points${stage}: ${listAnd(rest > 0 ? [...shown, `${rest} more`] : shown)}`,
        fix: 'fix the causes, starting with the first, and measure again.',
        location: first,
        related: related.slice(0, MAX_RELATED),
        persona: touchpoint.persona,
        stage: touchpoint.stage,
        touchpoint: null,
        identity: 'friction points',
      });
    }
    for (const touchpoints of gridStages.values()) {
      const [first] = touchpoints;
      const found = signals(first!);
      if (found.length === 0) continue;
      const stage = model.stageModel.stages.find((s) => s.id === first!.stage)?.label ?? 'This stage';
      const pain = first!.painPoint ? `; pain point: "${clip(first!.painPoint)}"` : '';
      const cells = found.map((s) => s.measured ?? cellOf(first!, s.field));
      reports.push({
        message: `${stage} is a friction point for ${quotedNames(touchpoints)}: ${listAnd(found.map((s) => s.text))}${pain}`,
        fix: 'fix the cause and measure again.',
        location: cells[0]!,
        related: [...cells.slice(1), ...(first!.painPoint ? [cellOf(first!, 'painPoint')] : [])],
        persona: first!.persona,
        stage: first!.stage,
        touchpoint: null,
      });
    }
    reports.push(...interviewReports(model, options));
    return reports;
  },
});
