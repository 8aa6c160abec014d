import { nearest } from '../model/text.js';
import { automationOpportunity } from './automation-opportunity.js';
import { blankHeader } from './blank-header.js';
import { blankRow } from './blank-row.js';
import { channelEffectiveness } from './channel-effectiveness.js';
import { duplicateEffort } from './duplicate-effort.js';
import { duplicateHeader } from './duplicate-header.js';
import { duplicateRow } from './duplicate-row.js';
import { forgottenTouchpoints } from './forgotten-touchpoints.js';
import { frictionPoint } from './friction-point.js';
import { handoffLag } from './handoff-lag.js';
import { inferredChannel } from './inferred-channel.js';
import { invalidValue } from './invalid-value.js';
import { missingKpi } from './missing-kpi.js';
import { missingOwner } from './missing-owner.js';
import { missingPersona } from './missing-persona.js';
import { missingStage } from './missing-stage.js';
import { noStageColumn } from './no-stage-column.js';
import { oneWayStage } from './one-way-stage.js';
import { overCommunication } from './over-communication.js';
import type { Rule } from './rule.js';
import { silentStretch } from './silent-stretch.js';
import { singleChannelStage } from './single-channel-stage.js';
import { stageModelFromFile } from './stage-model-from-file.js';
import { staleReview } from './stale-review.js';
import { teamFit } from './team-fit.js';
import { teamVariants } from './team-variants.js';
import { timingText } from './timing-text.js';
import { unknownValue } from './unknown-value.js';
import { unusedSuppression } from './unused-suppression.js';

/** Every rule journey has, sorted by id; ids are the public API and never change. */
export const RULES: readonly Rule[] = [
  automationOpportunity,
  blankHeader,
  blankRow,
  channelEffectiveness,
  duplicateEffort,
  duplicateHeader,
  duplicateRow,
  forgottenTouchpoints,
  frictionPoint,
  handoffLag,
  inferredChannel,
  invalidValue,
  missingKpi,
  missingOwner,
  missingPersona,
  missingStage,
  noStageColumn,
  oneWayStage,
  overCommunication,
  silentStretch,
  singleChannelStage,
  stageModelFromFile,
  staleReview,
  teamFit,
  teamVariants,
  timingText,
  unknownValue,
  unusedSuppression,
] as Rule[];

/** A rule by id, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * The rule ids someone typing `word` may mean, best first: those that start with it ("handoff" →
 * handoff-lag), then those that hold it ("owner" → missing-owner), each
 * in registry order; when none does, the one closest in spelling ("handof-lag"). Case, spaces and
 * underscores are read as in an id ("Handoff Lag" → handoff-lag).
 */
export function similarRuleIds(word: string, ids: readonly string[] = RULES.map((rule) => rule.id)): string[] {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === '') return [];
  const starting = ids.filter((id) => id.startsWith(key));
  const holding = ids.filter((id) => !id.startsWith(key) && id.includes(key));
  if (starting.length + holding.length > 0) return [...starting, ...holding];
  const near = nearest(key, ids);
  return near === null ? [] : [near];
}

/** `; did you mean "handoff-lag"?` or `; did you mean one of "duplicate-effort", "duplicate-header"?`, or '' when no rule is near. */
export function ruleSuggestion(word: string, ids?: readonly string[]): string {
  const similar = similarRuleIds(word, ids);
  if (similar.length === 0) return '';
  return `; did you mean ${similar.length === 1 ? '' : 'one of '}${similar.map((id) => `"${id}"`).join(', ')}?`;
}
