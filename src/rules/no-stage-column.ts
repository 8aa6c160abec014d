import * as z from 'zod';
import { plural } from '../english.js';
import { sheetLocation } from '../model/cells.js';
import { defineRule, type Report } from './rule.js';
import { listAnd, tableName } from './wording.js';

/** A table read as a timeline because it has no stage column: the stage checks are said to be skipped once, not left silent. */
export const noStageColumn = defineRule({
  id: 'no-stage-column',
  description: 'A table with no stage column, read as a timeline: the checks that need stages skip it',
  defaultSeverity: 'info',
  summary: 'a table with no stage column, read as a timeline: which stage checks skipped it, said once',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'An onboarding sequence or an email drip is often kept as a timeline (Day | Touchpoint | Channel | Owner). journey reads it, and runs the day-based checks (silent stretches, weekly load, team handoffs along the days), but missing stages, one-way stages or duplicate efforts within a stage cannot be judged without stages: saying so keeps a clean result from reading as a clean journey.',
    triggers:
      'Once per table that has touchpoints and no stage column (or a stage column that holds timings such as "Day 0" and "Week 1"), naming the enabled rules that need stages.',
    fix: 'Add a Stage column (lifecycle stage of each touchpoint), or map a column of yours to it with `columns.stage` in the config; or turn this note off if the timeline is all you keep.',
    example:
      'This file has no stage column, so it is read as a timeline: missing-stage, one-way-stage and duplicate-effort skipped its 12 touchpoints; add a Stage column to check stages too.',
  },
  check({ model, stageRules = [] }) {
    if (stageRules.length === 0) return [];
    const reports: Report[] = [];
    for (const file of model.files) {
      for (const sheet of file.sheets) {
        if (sheet.headerRow === null || sheet.touchpoints === 0 || sheet.columns.stage !== undefined || sheet.stagesFrom !== undefined) continue;
        const where = tableName({ sheet: sheet.sheet, markdown: file.kind === 'markdown' });
        reports.push({
          message: `${where} has no stage column, so it is read as a timeline: ${listAnd(stageRules)} skipped its ${plural(sheet.touchpoints, 'touchpoint')}`,
          fix: 'add a Stage column to check stages too.',
          location: sheetLocation(file.file, sheet.sheet),
          related: [],
          persona: null,
          stage: null,
          touchpoint: null,
          // The rules it names and the count change with the config and the rows, not what the finding is about.
          identity: 'no stage column',
        });
      }
    }
    return reports;
  },
});
