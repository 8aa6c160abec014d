import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { sheetLocation } from '../model/cells.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
import { clip, tableName } from './wording.js';

/** Touchpoints no team owns. */
export const missingOwner = defineRule({
  id: 'missing-owner',
  description: 'A touchpoint with no owning team',
  defaultSeverity: 'warning',
  summary: 'a touchpoint with no team',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'A touchpoint nobody owns is one nobody updates, measures or retires; it is also invisible when teams plan handoffs.',
    triggers:
      'A touchpoint whose Team cell is blank or says no team owns it ("TBD", "-", "n/a", "Unassigned", "Sin asignar", "Offen": read as no team, so no handoff is seen to or from a team called "TBD"). An inventory sheet with no team column at all is reported once, at the sheet.',
    fix: 'Fill in the team responsible for the touchpoint (and the person, in an Owner/DRI column), or add a Team column.',
    example: '"Pricing page" has no owning team; fill in the team responsible for it.',
  },
  check({ model }) {
    const reports: Report[] = [];
    for (const file of model.files) {
      for (const sheet of file.sheets) {
        if (sheet.headerRow === null || sheet.touchpoints === 0 || sheet.columns.team !== undefined) continue;
        reports.push({
          message: `${tableName({ sheet: sheet.sheet, markdown: file.kind === 'markdown' })} has no team column`,
          fix: 'add one so every touchpoint has an owning team.',
          location: { ...sheetLocation(file.file, sheet.sheet), row: sheet.headerRow },
          related: [],
          persona: null,
          stage: null,
          touchpoint: null,
        });
      }
    }
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.team !== null || touchpoint.place.columns.team === undefined) continue;
      reports.push(
        touchpointReport(
          touchpoint,
          { message: `"${clip(touchpoint.name)}" has no owning team`, fix: 'fill in the team responsible for it.' },
          cellOf(touchpoint, 'team'),
        ),
      );
    }
    return reports;
  },
});
