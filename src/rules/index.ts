import { automationOpportunity } from './automation-opportunity.js';
import { blankHeader } from './blank-header.js';
import { duplicateEffort } from './duplicate-effort.js';
import { duplicateHeader } from './duplicate-header.js';
import { handoffLag } from './handoff-lag.js';
import { invalidValue } from './invalid-value.js';
import { missingStage } from './missing-stage.js';
import type { Rule } from './rule.js';
import { unknownValue } from './unknown-value.js';

/** Every rule journey has, sorted by id. */
export const RULES: readonly Rule[] = [automationOpportunity, blankHeader, duplicateEffort, duplicateHeader, handoffLag, invalidValue, missingStage, unknownValue] as Rule[];

/** A rule by id, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
