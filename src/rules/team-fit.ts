import * as z from 'zod';
import { cellOf } from '../model/cells.js';
import { stageLabel } from '../model/stages.js';
import { foldKey } from '../model/text.js';
import { defineRule, touchpointReport, type Report } from './rule.js';
import { listAnd, clip } from './wording.js';

/** Touchpoints owned by a team the config does not expect in their stage. */
export const teamFit = defineRule({
  id: 'team-fit',
  description: 'A touchpoint owned by a team the config does not list for its stage (stageOwners)',
  defaultSeverity: 'info',
  summary: "a touchpoint owned by a team the config's `stageOwners` does not list for its stage",
  weight: 1,
  options: z.object({}).strict(),
  needsStages: true,
  docs: {
    why: 'Each stage has teams best placed to own it (Customer Success for onboarding, Sales for decision). A touchpoint owned elsewhere often means a handoff nobody agreed on, or a team speaking outside its expertise.',
    triggers:
      'A touchpoint whose team is not among `stageOwners` for its stage in the config. Silent for stages the config names no owners for, and for touchpoints with no team (missing-owner reports those).',
    fix: 'Hand the touchpoint to one of the expected teams, or add the team to `stageOwners` for that stage when it is a deliberate choice.',
    example:
      '"Upgrade offer" in Expansion is owned by Sales, but the config expects Customer Success there; hand it over or add Sales to stageOwners.expansion.',
  },
  check({ model, settings }) {
    const owners = new Map(Object.entries(settings.stageOwners).map(([stage, teams]) => [stage, { teams, keys: new Set(teams.map(foldKey)) }]));
    const reports: Report[] = [];
    for (const touchpoint of model.touchpoints) {
      const expected = touchpoint.stage === null ? undefined : owners.get(touchpoint.stage);
      if (!expected || touchpoint.team === null || expected.keys.has(foldKey(touchpoint.team))) continue;
      reports.push(
        touchpointReport(
          touchpoint,
          {
            message: `"${clip(touchpoint.name)}" in ${stageLabel(model.stageModel, touchpoint.stage)} is owned by ${clip(touchpoint.team)}, but the config expects ${listAnd(expected.teams, 'or')} there`,
            fix: `hand it over or add ${clip(touchpoint.team)} to stageOwners.${touchpoint.stage}.`,
          },
          cellOf(touchpoint, 'team'),
        ),
      );
    }
    return reports;
  },
});
