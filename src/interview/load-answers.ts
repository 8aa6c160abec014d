import { extname } from 'node:path';
import { InputError, InputProblems } from '../errors.js';
import { loadInventoryFile } from '../load/index.js';
import type { ReadLimits } from '../load/limits.js';
import type { JourneyModel } from '../model/schema.js';
import { SentimentLexicon } from '../model/sentiment.js';
import { readAnswers, type Answer } from './answers.js';

// At most this many problem lines are printed; the last says how many more there were.
const MAX_PROBLEM_LINES = 20;

/**
 * Reads an answers sheet (CSV, TSV or workbook, as `journey interview --template` writes it) for the
 * inventory `model` was read from. Throws InputProblems, one line per row it cannot read, so a team fixes
 * them all in one go rather than a run at a time.
 */
export async function loadAnswers(
  path: string,
  model: JourneyModel,
  options: { limits: ReadLimits; sentimentWords: Readonly<Record<string, number>> },
): Promise<Answer[]> {
  if (['.md', '.markdown'].includes(extname(path).toLowerCase()))
    throw new InputError({ file: path }, 'is markdown; an answers sheet is a CSV, TSV or .xlsx file (journey interview --template writes one)');
  const loaded = await loadInventoryFile(path, { limits: options.limits });
  const { answers, problems } = readAnswers(loaded.tables, model, new SentimentLexicon(options.sentimentWords));
  if (problems.length === 0) return answers;
  const errors = problems
    .slice(0, MAX_PROBLEM_LINES)
    .map((problem) => new InputError({ file: path, sheet: problem.location.sheet, cell: problem.location.cell }, problem.message));
  if (problems.length > MAX_PROBLEM_LINES)
    errors.push(new InputError({ file: path }, `and ${problems.length - MAX_PROBLEM_LINES} more rows that cannot be read`));
  throw new InputProblems(errors);
}
