import * as z from 'zod';
import { defineRule, reportProblems } from './rule.js';
import { FIELD_LABEL, clip } from './wording.js';

/** Stage and channel cells that map to nothing in the vocabulary. */
export const unknownValue = defineRule({
  id: 'unknown-value',
  description: 'A stage or channel that is not in the stage model or the channel list',
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  docs: {
    why: 'A row whose stage or channel journey cannot read is left out of every rule that needs that field, so a typo silently hides a touchpoint from the gap analysis.',
    triggers: 'A Stage or Channel cell whose text matches no stage, channel or synonym (case, spacing and punctuation ignored). The message suggests the nearest known value when one is close.',
    fix: 'Correct the spelling, or use one of the stage or channel names journey knows (listed in the README and in the message).',
    example: "Stage 'Onbaording' is not a known stage; did you mean 'Onboarding'?",
  },
  check({ model }) {
    const labels = {
      stage: model.stageModel.stages.map((stage) => stage.label).join(', '),
      channel: model.channels.map((channel) => channel.label).join(', '),
    };
    return reportProblems(model, 'unknown', ({ field, value, reason, touchpoint }) => {
      const suggestion = reason.code === 'unknown' ? reason.suggestion : null;
      const hint = suggestion ? `did you mean '${suggestion}'?` : `use one of ${labels[field as 'stage' | 'channel']}`;
      return { message: `${FIELD_LABEL[field!]} '${clip(value)}' of "${clip(touchpoint ?? '')}" is not a known ${field}`, fix: hint };
    });
  },
});
