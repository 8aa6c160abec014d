import * as z from 'zod';
import { sheetLocation } from '../model/cells.js';
import { defineRule } from './rule.js';
import { clip } from './wording.js';

/** Says once that the inventory's own stage values were taken as its stage model, with the config that pins it. */
export const stageModelFromFile = defineRule({
  id: 'stage-model-from-file',
  description: "The inventory's own stage values were used as its stage model",
  defaultSeverity: 'info',
  summary: "the inventory's own stage values were used as its stage model, with the config to pin it",
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: "Teams map journeys in their own phases (Search → Booking → Payment → Check-in; At risk → Lapsed → Dormant → Lost). Reading them against a generic lifecycle would call every row unknown and every lifecycle stage missing; journey uses the file's stages instead, and says so, so the result is read with the right model in mind.",
    triggers:
      "When the config names no stage model (`stageModel`, `stages`) and the first table with stage values uses the stage names of a named model (aarrr, bow-tie, flywheel, acasl) that the default lacks, that model is used; else when it mostly uses values the default model does not know (or some, with distinct values that fall on one of its stages), the file's values, in the order they first appear, become the stage model.",
    fix: 'Nothing to fix: pin the model in journey.config.json with the snippet the message gives, so the order and names stay fixed as the file changes, or pick a named model with `stageModel`.',
    example:
      'Stages read as this inventory\'s own model, in the order they first appear: At risk → Lapsed → Dormant → Lost; to pin them, put in journey.config.json: "stageModel": "custom", "stages": { "replace": true, "list": [{ "id": "at-risk", "label": "At risk" }, { "id": "lapsed", "label": "Lapsed" }, { "id": "dormant", "label": "Dormant" }, { "id": "lost", "label": "Lost" }] }.',
  },
  check({ model }) {
    const { stageSource, stageModel } = model;
    if (stageSource.kind !== 'file') return [];
    if (stageSource.name !== 'custom') {
      return [
        {
          message: `Stages read as the ${stageSource.name} stage model, whose stage names this inventory uses: ${stageModel.stages.map((stage) => stage.label).join(' → ')}`,
          fix: `to pin it, put "stageModel": "${stageSource.name}" in journey.config.json.`,
          location: stageSource.location ?? sheetLocation(model.files[0]?.file ?? '', null),
          related: [],
          persona: null,
          stage: null,
          touchpoint: null,
        },
      ];
    }
    const order = stageModel.stages.map((stage) => clip(stage.label)).join(' → ');
    const list = stageModel.stages
      .map((stage) =>
        JSON.stringify({ id: stage.id, label: clip(stage.label) })
          .replace(/,/g, ', ')
          .replace(/:/g, ': ')
          .replace(/^\{/, '{ ')
          .replace(/\}$/, ' }'),
      )
      .join(', ');
    const location = stageSource.location ?? sheetLocation(model.files[0]?.file ?? '', null);
    return [
      {
        message: `Stages read as this inventory's own model, in the order they first appear: ${order}`,
        fix: `to pin them, put in journey.config.json: "stageModel": "custom", "stages": { "replace": true, "list": [${list}] }.`,
        location,
        related: [],
        persona: null,
        stage: null,
        touchpoint: null,
      },
    ];
  },
});
