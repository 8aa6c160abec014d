import * as z from 'zod';
import { plural } from '../english.js';
import type { JourneyModel, Location, ProblemOf } from '../model/schema.js';
import { foldKey } from '../model/text.js';
import { CHANNELS, DEFAULT_STAGE_MODEL, Vocabulary, stripStageNumbering } from '../model/vocabulary.js';
import { MAX_RELATED, defineRule } from './rule.js';
import { FIELD_LABEL, clip, listAnd } from './wording.js';

/** Cells a message names before "and N more". */
const CELLS_NAMED = 3;

/** The cells of a value, as a message names them: the first few, then how many more. */
function cellList(locations: readonly Location[]): string {
  const names = locations.slice(0, CELLS_NAMED).map((location) => location.cell ?? `row ${location.row}`);
  const rest = locations.length - names.length;
  return listAnd(rest > 0 ? [...names, `${rest} more`] : names);
}

/** How the built-in vocabulary reads stages and channels, for `journey explain unknown-value`: generated, so it cannot drift. */
function vocabularyReference(): string {
  const describe = (title: string, vocabulary: Vocabulary<string>) =>
    `${title}:\n${vocabulary
      .entries()
      .map(({ label, spellings }) => `  ${label}: ${spellings.filter((s) => s !== label).join(', ')}`)
      .join('\n')}`;
  return [
    describe('Stages (the default lifecycle model; `stageModel` in the config picks another)', new Vocabulary(DEFAULT_STAGE_MODEL.stages)),
    describe('Channels', new Vocabulary(CHANNELS)),
  ].join('\n\n');
}

/** The unknown values of a model, one group per distinct value and column of a file: its first problem, every cell (each once) and the rule's words. */
export function unknownValueGroups(model: JourneyModel): { first: ProblemOf<'unknown-value'>; locations: Location[]; message: string; fix: string }[] {
  const groups = new Map<string, { first: ProblemOf<'unknown-value'>; locations: Location[]; cells: Set<string> }>();
  for (const problem of model.problems) {
    if (problem.kind !== 'unknown-value') continue;
    const key = `${problem.field}\u0000${problem.location.file}\u0000${foldKey(problem.value) || problem.value}`;
    // Rows that inherit an unknown stage point at the one cell that holds it: the cell is listed once.
    const cell = `${problem.location.sheet}\u0000${problem.location.row}\u0000${problem.location.column}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: problem, locations: [problem.location], cells: new Set([cell]) });
    else if (!group.cells.has(cell)) {
      group.cells.add(cell);
      group.locations.push(problem.location);
    }
  }
  if (groups.size === 0) return [];
  const vocabularies = { stage: new Vocabulary(model.stageModel.stages), channel: new Vocabulary(model.channels) };
  const ids = { stage: model.stageModel.stages, channel: model.channels };
  return [...groups.values()].map(({ first, locations }) => {
    const field = first.field as 'stage' | 'channel';
    const value = clip(first.value);
    const near = vocabularies[field].closest(field === 'stage' ? stripStageNumbering(first.value) : first.value);
    const what = locations.length === 1 ? (first.touchpoint ? ` of "${clip(first.touchpoint)}"` : '') : '';
    const cells = locations.length === 1 ? '' : ` (${plural(locations.length, 'cell')}: ${cellList(locations)})`;
    const readAs = first.readAs;
    const target =
      readAs !== undefined ? ids[field].find((entry) => entry.id === readAs) : near ? ids[field].find((entry) => entry.label === near.label) : undefined;
    const readAsLabel = readAs === undefined ? undefined : ids[field].find((entry) => entry.id === readAs)?.label;
    // A confident typo is read as what it misspells: the finding says so, and suggests that value.
    const meant = readAsLabel ?? near?.label;
    const closeTo = near && near.label === meant && foldKey(near.spelling) !== foldKey(near.label) ? ` (close to '${near.spelling}')` : '';
    const meanwhile = readAsLabel !== undefined ? ` journey reads it as ${readAsLabel} meanwhile.` : '';
    const guess = meant !== undefined ? `did you mean '${meant}'${closeTo}?${meanwhile} ` : '';
    const key = field === 'stage' ? 'stages.list' : 'channels';
    const teach = target
      ? `fix the spelling, or add "${value}" to the synonyms of ${field} "${target.id}" (${key} in journey.config.json)`
      : `use one of the ${field === 'stage' ? 'stages' : 'channels'} journey knows (journey explain unknown-value lists them), or add "${value}" to a ${field}'s synonyms (${key}[].synonyms in journey.config.json)`;
    const message = `${FIELD_LABEL[field]} '${value}'${what} is not a known ${field}${cells}`;
    const fix = `${guess ? `${guess}${teach[0]!.toUpperCase()}${teach.slice(1)}` : teach}.`;
    return { first, locations, message, fix };
  });
}

/** Stage and channel values that map to nothing in the vocabulary: one finding per distinct value, listing its cells. */
export const unknownValue = defineRule({
  id: 'unknown-value',
  description: 'A stage or channel that is not in the stage model or the channel list',
  defaultSeverity: 'error',
  summary: 'a stage or channel journey does not know: one finding per value, listing its cells, with the nearest known value and the config key that adds it',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'A row whose stage or channel journey cannot read is left out of every rule that needs that field, so a typo silently hides a touchpoint from the gap analysis.',
    triggers:
      "A Stage or Channel value that matches no stage, channel or synonym (case, spacing and punctuation ignored): one finding per distinct value and column, at its first cell, listing the others. The message suggests a known value only when the text is a likely typo of one (one edit for a word of up to 8 letters, two up to 14). A confident typo is still reported, and the row is read as the value it misspells meanwhile, so one typo does not hide its stage from the stage rules: the one known value nearest by one edit for 5 to 9 letters (two from 10; an adjacent swap is one edit), starting with the same letter, with no digit, and no other value as near ('Onbording' → Onboarding, 'Emial' → Email).",
    fix: "Correct the spelling, use a name journey knows, or teach journey your word: add it to a stage's or channel's synonyms in journey.config.json (`stages.list[].synonyms`, `channels[].synonyms`).",
    example:
      'Stage \'Onbaording\' is not a known stage (2 cells: B12 and B30); did you mean \'Onboarding\'? Fix the spelling, or add "Onbaording" to the synonyms of stage "onboarding" (stages.list in journey.config.json).',
  },
  reference: vocabularyReference,
  check({ model }) {
    return unknownValueGroups(model).map(({ first, locations, message, fix }) => ({
      message,
      fix,
      location: locations[0]!,
      related: locations.slice(1, 1 + MAX_RELATED),
      persona: first.persona,
      stage: null,
      touchpoint: locations.length === 1 ? first.touchpoint : null,
      // The value and its column, however many cells hold it.
      identity: `${first.field} ${foldKey(first.value) || first.value}`,
    }));
  },
});
