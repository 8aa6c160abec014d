import * as z from 'zod';
import { defineRule } from './rule.js';

/**
 * `journey-ignore: rule-id` notes that silence nothing. Only the engine knows which notes silenced a
 * finding (it applies them after every rule ran), so src/engine/suppress.ts reports these findings; this
 * entry gives them an id, a severity the config can change or turn off, and their docs.
 */
export const unusedSuppression = defineRule({
  id: 'unused-suppression',
  description: 'A journey-ignore note in a Notes cell that silences no finding (or names no rule)',
  defaultSeverity: 'warning',
  summary: 'a `journey-ignore:` note that silences nothing or names no rule (reported by the engine)',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: "A row's Notes cell can silence a rule for that row with `journey-ignore: rule-id` (several ids separated by commas). Once the row is fixed or the rule changes, the note silences nothing and would hide the next real finding on that row; like ESLint's unused disable directives, it is reported so it gets removed.",
    triggers:
      'A `journey-ignore:` note naming a rule that reported nothing on its row in this run, or naming no rule at all. Set this rule to "off" to stop reporting them.',
    fix: 'Remove the rule id from the note (or the whole note), or correct a misspelled rule id.',
    example:
      'Unused suppression of "handoff-lag" in the notes of "Kickoff call": no handoff-lag finding on row 12; remove "journey-ignore: handoff-lag" from the note.',
  },
  // Reported by the engine (src/engine/suppress.ts) after the notes are applied; see above.
  check: () => [],
});
