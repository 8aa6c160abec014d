import type { CellValue, RawRow, RawTable } from '../load/table.js';
import { isCellError } from '../load/table.js';
import { cellLocation } from '../model/cells.js';
import type { InterviewAnswer, JourneyModel, Location, Stage } from '../model/schema.js';
import type { SentimentLexicon } from '../model/sentiment.js';
import { ANSWER_COLUMNS, ANSWER_HEADERS, type AnswerColumn, answerColumnOf } from '../model/answer-columns.js';
import { foldKey, nearest } from '../model/text.js';
import { listAnd } from '../english.js';

export { ANSWER_COLUMNS, ANSWER_HEADERS, type AnswerColumn } from '../model/answer-columns.js';

/** One interviewee's answer about one stage or touchpoint. */
export type Answer = InterviewAnswer;

/** A row of the answers sheet that could not be read, with where and why. */
export interface AnswerProblem {
  location: Location;
  message: string;
}

export interface ReadAnswers {
  answers: Answer[];
  problems: AnswerProblem[];
}

const HEADER_SEARCH_ROWS = 10;

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined || isCellError(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The header row and each answer column's index: the first of the first rows naming at least three answer columns. */
function findHeader(rows: readonly RawRow[]): { row: RawRow; columns: Partial<Record<AnswerColumn, number>> } | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: Partial<Record<AnswerColumn, number>> = {};
    row.cells.forEach((cell, index) => {
      const column = answerColumnOf(text(cell));
      if (column !== undefined && columns[column] === undefined) columns[column] = index;
    });
    if (Object.keys(columns).length >= 3) return { row, columns };
  }
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function readDate(value: CellValue | undefined): string | null | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const written = text(value);
  if (written === '') return null;
  const match = DATE.exec(written);
  if (!match) return undefined;
  const date = new Date(`${written}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== written ? undefined : written;
}

/** A feeling: a number from -2 to +2 ("+1", "-2", "0"), an answer on a 1–5 scale written n/5 ("4/5" is +1), or emotion words or emoji the lexicon scores. */
function readFeeling(written: string, lexicon: SentimentLexicon): number | null | undefined {
  if (written === '') return null;
  const outOfFive = /^([1-5])\s*\/\s*5$/.exec(written);
  if (outOfFive) return Number(outOfFive[1]) - 3;
  if (/^[+-−]?\d+(\.\d+)?$/.test(written)) {
    const score = Number(written.replace('−', '-'));
    return score >= -2 && score <= 2 ? score : undefined;
  }
  return lexicon.score(written) ?? undefined;
}

/** The inventory's names to check answers against. */
interface Names {
  personas: Map<string, string>;
  stages: readonly Stage[];
  /** Per persona key, each touchpoint name key → its name as written and the stages it is in (a name may repeat across stages). */
  touchpoints: Map<string, Map<string, { name: string; stage: string | null; stages: (string | null)[] }>>;
}

function namesOf(model: JourneyModel): Names {
  const touchpoints: Names['touchpoints'] = new Map();
  for (const touchpoint of model.touchpoints) {
    const persona = foldKey(touchpoint.persona);
    let names = touchpoints.get(persona);
    if (!names) touchpoints.set(persona, (names = new Map()));
    const known = names.get(foldKey(touchpoint.name));
    if (!known) names.set(foldKey(touchpoint.name), { name: touchpoint.name, stage: touchpoint.stage, stages: [touchpoint.stage] });
    else if (!known.stages.includes(touchpoint.stage)) known.stages.push(touchpoint.stage);
  }
  return { personas: new Map(model.personas.map((p) => [foldKey(p.name), p.name])), stages: model.stageModel.stages, touchpoints };
}

function stageOf(written: string, stages: readonly Stage[]): string | null {
  const key = foldKey(written);
  return stages.find((stage) => [stage.id, stage.label, ...stage.synonyms].some((name) => foldKey(name) === key))?.id ?? null;
}

/**
 * Reads an answers sheet (the first table with an answers header) against the inventory it belongs to:
 * each row's persona, stage and touchpoint must be the inventory's, its feeling a -2..+2 number or emotion
 * words, its date YYYY-MM-DD; every row that breaks one of these is a problem naming its cell.
 */
export function readAnswers(tables: readonly RawTable[], model: JourneyModel, lexicon: SentimentLexicon): ReadAnswers {
  const problems: AnswerProblem[] = [];
  const answers: Answer[] = [];
  const names = namesOf(model);
  const table = tables.find((candidate) => findHeader(candidate.rows) !== null);
  if (!table) {
    const first = tables[0];
    problems.push({
      location: cellLocation({ file: first?.file ?? '', sheet: first?.sheet ?? null }, 1, 0),
      message: `has no answers header (${ANSWER_COLUMNS.join(', ')}); write one with journey interview --template`,
    });
    return { answers, problems };
  }
  const { row: header, columns } = findHeader(table.rows)!;
  const missing =
    columns.quote === undefined && columns.feeling === undefined
      ? 'Quote or Feeling column'
      : columns.interviewee === undefined
        ? "Interviewee column (each interviewee's answers count once: an id such as P1 per person)"
        : columns.persona === undefined && names.personas.size > 1
          ? 'Persona column (the inventory has several personas)'
          : null;
  if (missing !== null) {
    problems.push({ location: cellLocation(table, header.row, 0), message: `the answers header has no ${missing}` });
    return { answers, problems };
  }
  const place = { file: table.file, sheet: table.sheet };
  for (const row of table.rows) {
    if (row.row <= header.row) continue;
    const cell = (column: AnswerColumn) => (columns[column] === undefined ? undefined : row.cells[columns[column]!]);
    const at = (column: AnswerColumn) => cellLocation(place, row.row, columns[column] ?? 0);
    const quote = text(cell('quote'));
    const feeling = text(cell('feeling'));
    // A formula error where an answer should be is a problem, not a blank answer.
    const broken = ANSWER_COLUMNS.find((column) => {
      const value = cell(column);
      return value !== undefined && value !== null && isCellError(value);
    });
    if (broken !== undefined) {
      problems.push({ location: at(broken), message: `${ANSWER_HEADERS[broken].label} holds the formula error ${(cell(broken) as { error: string }).error}` });
      continue;
    }
    // A row of the template nobody answered yet is not a problem.
    if (quote === '' && feeling === '') continue;
    if (text(cell('interviewee')) === '') {
      problems.push({ location: at('interviewee'), message: "names no interviewee (an id such as P1: each interviewee's answers count once)" });
      continue;
    }
    const personaText = text(cell('persona'));
    const persona = personaText === '' && names.personas.size === 1 ? [...names.personas.values()][0]! : names.personas.get(foldKey(personaText));
    if (persona === undefined) {
      problems.push({
        location: at('persona'),
        message: personaText === '' ? 'names no persona' : `persona "${personaText}" is not in the inventory (${[...names.personas.values()].join(', ')})`,
      });
      continue;
    }
    const stageText = text(cell('stage'));
    const written = stageText === '' ? null : stageOf(stageText, names.stages);
    if (stageText !== '' && written === null) {
      const near = nearest(
        stageText,
        names.stages.map((s) => s.label),
      );
      problems.push({
        location: at('stage'),
        message: `stage "${stageText}" is not a stage of the inventory's model${near ? `; did you mean "${near}"?` : ''} (${names.stages.map((s) => s.label).join(', ')})`,
      });
      continue;
    }
    const touchpointText = text(cell('touchpoint'));
    const known = touchpointText === '' ? null : (names.touchpoints.get(foldKey(persona))?.get(foldKey(touchpointText)) ?? undefined);
    if (known && written !== null && !known.stages.includes(written)) {
      const label = (id: string | null) => names.stages.find((stage) => stage.id === id)?.label ?? 'no stage';
      problems.push({
        location: at('stage'),
        message: `touchpoint "${known.name}" is in ${listAnd(known.stages.map(label), 'or')}, not ${label(written)}`,
      });
      continue;
    }
    if (known === undefined) {
      const near = nearest(
        touchpointText,
        [...(names.touchpoints.get(foldKey(persona))?.values() ?? [])].map((t) => t.name),
      );
      problems.push({
        location: at('touchpoint'),
        message: `touchpoint "${touchpointText}" is not one of ${persona}'s in the inventory${near ? `; did you mean "${near}"?` : ''}`,
      });
      continue;
    }
    const score = readFeeling(feeling, lexicon);
    if (score === undefined) {
      problems.push({
        location: at('feeling'),
        message: `feeling "${feeling}" is neither a number from -2 to +2 (or n/5 for an answer on a 1–5 scale) nor emotion words journey knows (add them to sentiment.words in the config)`,
      });
      continue;
    }
    const date = readDate(cell('date'));
    if (date === undefined) {
      problems.push({ location: at('date'), message: `date "${text(cell('date'))}" is not a date (YYYY-MM-DD)` });
      continue;
    }
    answers.push({
      persona,
      interviewee: text(cell('interviewee')),
      // A row that names only its touchpoint is about the touchpoint's stage.
      stage: written ?? known?.stage ?? null,
      touchpoint: known?.name ?? null,
      question: text(cell('question')) || null,
      quote: quote || null,
      score,
      feeling: feeling || null,
      date,
      location: at(columns.quote !== undefined ? 'quote' : 'feeling'),
    });
  }
  return { answers, problems };
}
