import * as z from 'zod';
import { cellOf, sheetLocation } from '../model/cells.js';
import { stageGroups } from '../model/groups.js';
import type { Field, TablePlace, Touchpoint } from '../model/schema.js';
import { stageLabel } from '../model/stages.js';
import { defineRule, relatedCells, type Report, stageReport } from './rule.js';
import { clip, tableName } from './wording.js';

// Columns that measure a touchpoint: a KPI, a figure or a sentiment.
const MEASURE_FIELDS: readonly Field[] = ['kpi', 'sent', 'opens', 'clicks', 'conversion', 'dropOff', 'unsubscribe', 'nps', 'csat', 'sentiment'];

/** True when the touchpoint states a KPI or carries a measured figure. */
function isMeasured(touchpoint: Touchpoint): boolean {
  return touchpoint.kpi !== null || Object.values(touchpoint.metrics).some((value) => value !== null) || touchpoint.sentiment !== null;
}

/** Stages nobody measures. */
export const missingKpi = defineRule({
  id: 'missing-kpi',
  description: 'A stage with no KPI or measured figure on any of its touchpoints',
  defaultSeverity: 'info',
  summary: 'a stage with no KPI or figure on any touchpoint',
  hygiene: true,
  options: z.object({}).strict(),
  needsStages: true,
  docs: {
    why: 'A stage nobody measures cannot be improved or defended: there is no way to tell whether its touchpoints work, or which to cut.',
    triggers:
      'Per persona and stage, when none of its touchpoints has a KPI, a figure (open, click, conversion, drop-off or unsubscribe rate, NPS, CSAT) or a sentiment. A table with no such column at all gets one finding for the table instead of one per stage.',
    fix: 'Give at least one touchpoint of the stage a KPI that says whether the stage did its job (activation rate for onboarding, renewal rate for retention).',
    example: 'No touchpoint of Buyer in Decision has a KPI; give at least one a measurable KPI so the stage can be judged.',
  },
  check({ model }) {
    const reports: Report[] = [];
    // A table with no column to measure anything in gets one finding, not one per stage saying the same.
    const unmeasurable = new Set<TablePlace>();
    for (const group of stageGroups(model)) {
      if (group.touchpoints.some(isMeasured)) continue;
      const { place } = group.touchpoints[0]!;
      if (!MEASURE_FIELDS.some((field) => place.columns[field] !== undefined)) {
        unmeasurable.add(place);
        continue;
      }
      const first = group.touchpoints[0]!;
      reports.push(
        stageReport(
          group,
          {
            message: `No touchpoint of ${clip(group.persona)} in ${stageLabel(model.stageModel, group.stage)} has a KPI`,
            fix: 'give at least one a measurable KPI so the stage can be judged.',
          },
          cellOf(first, 'kpi', 'stage'),
          relatedCells(group.touchpoints.slice(1), 'kpi'),
        ),
      );
    }
    for (const place of unmeasurable) {
      reports.push({
        message: `${tableName({ ...place, markdown: place.columnNames !== undefined })} has no KPI or figure column, so none of its stages can be judged`,
        fix: 'add a KPI column saying what each touchpoint should achieve (activation rate, renewal rate), or figures such as conversion or open rate.',
        location: sheetLocation(place.file, place.sheet),
        related: [],
        persona: null,
        stage: null,
        touchpoint: null,
      });
    }
    return reports;
  },
});
