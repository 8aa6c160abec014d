import * as z from 'zod';
import { hasStageColumn } from '../model/groups.js';
import { defineRule, type Report, stageReport } from './rule.js';
import { clip } from './wording.js';
import { foldKey } from '../model/text.js';

/**
 * The stages a persona is not expected to meet, from missing-stage's `ignoreStages` (one list for
 * everyone, or lists by persona name, case and spacing ignored): the rule, the report and the map leave them out as gaps.
 */
export function ignoredStagesOf(ignoreStages: string[] | Record<string, string[]>): (persona: string) => ReadonlySet<string> {
  const everyone = new Set(Array.isArray(ignoreStages) ? ignoreStages : []);
  const byPersona = new Map(Array.isArray(ignoreStages) ? [] : Object.entries(ignoreStages).map(([name, ids]) => [foldKey(name), new Set(ids)]));
  return (persona) => byPersona.get(foldKey(persona)) ?? everyone;
}

/** Lifecycle stages a persona meets no touchpoint in. */
export const missingStage = defineRule({
  id: 'missing-stage',
  description: 'A lifecycle stage of the stage model with no touchpoint for a persona',
  defaultSeverity: 'warning',
  summary: 'a stage of the stage model with no touchpoint for a persona (`ignoreStages`: a list, or lists per persona)',
  weight: 3,
  options: z
    .object({
      ignoreStages: z
        .union([z.array(z.string()), z.record(z.string(), z.array(z.string()))])
        .default([])
        .describe(
          'Stage ids not expected to have touchpoints: a list for every persona (e.g. ["advocacy"] for a product without a referral program), or per persona name (e.g. {"Buyer": ["onboarding"]})',
        ),
    })
    .strict(),
  needsStages: true,
  docs: {
    why: 'A stage with no touchpoint is a stage where the customer is left alone: no onboarding means new customers find their own way, no retention means renewals happen by luck.',
    triggers:
      'For each persona with rows in a table that has a stage column, every stage of the stage model that none of its touchpoints (with a readable stage) belongs to.',
    fix: "Add at least one touchpoint for the stage, or, if the stage does not apply to this journey, list it in `ignoreStages` (for every persona, or under a persona's name) or remove it from the stage model.",
    example:
      'Buyer has no touchpoint in Onboarding; add at least one touchpoint that meets Buyer in this stage, or list "onboarding" in missing-stage\'s ignoreStages if it does not apply.',
  },
  check({ model, options }) {
    const present = new Map<string, Set<string>>();
    // A persona read only from timelines (no stage column) has no stages to miss.
    const staged = new Set<string>();
    for (const touchpoint of model.touchpoints) {
      if (hasStageColumn(touchpoint)) staged.add(touchpoint.persona);
      if (touchpoint.stage === null) continue;
      const stages = present.get(touchpoint.persona) ?? new Set<string>();
      stages.add(touchpoint.stage);
      present.set(touchpoint.persona, stages);
    }
    const ignoredFor = ignoredStagesOf(options.ignoreStages);
    const reports: Report[] = [];
    for (const persona of model.personas) {
      if (!staged.has(persona.name)) continue;
      const stages = present.get(persona.name) ?? new Set<string>();
      const ignored = ignoredFor(persona.name);
      for (const stage of model.stageModel.stages) {
        if (stages.has(stage.id) || ignored.has(stage.id)) continue;
        reports.push(
          stageReport(
            { persona: persona.name, stage: stage.id },
            {
              message: `${clip(persona.name)} has no touchpoint in ${stage.label}`,
              fix: `add at least one touchpoint that meets ${clip(persona.name)} in this stage, or list "${stage.id}" in missing-stage's ignoreStages if it does not apply.`,
            },
            persona.location,
          ),
        );
      }
    }
    return reports;
  },
});
