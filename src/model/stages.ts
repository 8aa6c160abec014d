import type { StageModel } from './schema.js';

/** Position of each stage id in the stage model. */
export function stageOrder(model: StageModel): Map<string, number> {
  return new Map(model.stages.map((stage, index) => [stage.id, index]));
}

/** The label of a stage id ("onboarding" → "Onboarding"). */
export function stageLabel(model: StageModel, id: string | null): string {
  if (id === null) return 'an unknown stage';
  return model.stages.find((stage) => stage.id === id)?.label ?? id;
}
