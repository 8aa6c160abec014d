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
  timingText,
  unknownValue,
  unusedSuppression,
] as Rule[];

/** A rule by id, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
