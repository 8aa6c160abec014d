import { basename, extname } from 'node:path';
import { columnIndex } from '../load/address.js';
import { isCellError, type CellValue, type LoadedFile } from '../load/index.js';
import { FIELD_LABEL } from '../model/columns.js';
import { RATE_FIELDS } from '../model/fields.js';
import { type Field, type JourneyModel, type Location, type Touchpoint, findingSentence } from '../model/schema.js';
import { cleanText, foldKey } from '../model/text.js';
import { invalidValue } from '../rules/invalid-value.js';
import { unknownValueGroups } from '../rules/unknown-value.js';
import { buildVocabularies, stripStageNumbering, type Vocabularies } from '../model/vocabulary.js';
import { DIRECTION_CHOICES, MODE_CHOICES, STATUS_CHOICES, distinct } from './template.js';

/** A cell to write: its value, and why it is flagged when journey could not read it (highlighted, with a note). */
export interface TemplateCell {
  value: string | number | Date | null;
  problem?: string;
}

/** One row of the clean copy, by field. */
export type TemplateRow = Partial<Record<Field, TemplateCell>>;

/** A persona's rows, in the source's order. */
export interface PersonaRows {
  persona: string;
  rows: TemplateRow[];
}

/** The clean copy of an inventory: rows per persona, the teams it names, and what changed. */
export interface CleanCopy {
  personas: PersonaRows[];
  teams: string[];
  /** Cells whose text was normalized (the original is kept in Notes). */
  changed: number;
  /** Cells left as written and highlighted because journey could not read them. */
  flagged: number;
  rowCount: number;
}

const TEXT_FIELDS: readonly Field[] = ['team', 'frequency', 'kpi', 'owner', 'painPoint'];
const capitalized = (choices: string[], id: string) => choices.find((choice) => choice.toLowerCase() === id) ?? id;

/** A raw cell as it would be written back: text cleaned, a formula error as its text, a boolean as TRUE/FALSE. */
function rawValue(value: CellValue | undefined): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  return value;
}

function rawText(value: CellValue | undefined): string | null {
  const raw = rawValue(value);
  if (raw === null) return null;
  return raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
}

/**
 * Turns a read inventory into the template's rows: the model's normalized values (stage and channel labels,
 * day numbers, rates as fractions, dates as dates) where it read them; the text as written, flagged with
 * journey's message, where it could not; retired rows and rows the model left out copied as written.
 */
export function cleanCopy(loaded: LoadedFile, model: JourneyModel): CleanCopy {
  const vocabularies = buildVocabularies(model.stageModel, model.channels);
  const stageLabels = new Map(model.stageModel.stages.map((stage) => [stage.id, stage.label]));
  const channelLabels = new Map(model.channels.map((channel) => [channel.id, channel.label]));
  const byRow = new Map<string, Touchpoint>();
  for (const touchpoint of model.touchpoints) byRow.set(`${touchpoint.place.sheet}\u0000${touchpoint.row}`, touchpoint);
  const problems = new Map<string, string>();
  // The cells journey could not read, in the words of the rules that report them.
  const flag = (location: Location, message: string) => {
    const { sheet, row, column } = location;
    if (row === null || column === null) return;
    const key = `${sheet}\u0000${row}\u0000${column}`;
    if (!problems.has(key)) problems.set(key, message);
  };
  for (const report of invalidValue.check({ model, options: {}, settings: { stageOwners: {}, personas: [] }, today: '' }))
    flag(report.location, findingSentence(report));
  // An unknown value is one finding for all its cells; each cell is flagged with it.
  for (const group of unknownValueGroups(model)) for (const location of group.locations) flag(location, findingSentence(group));
  // Confident typos the model read as the value they misspell: the copy keeps them as written, flagged, for the team to fix.
  const typos = new Set<string>();
  for (const problem of model.problems)
    if (
      (problem.kind === 'unknown-value'
        ? problem.readAs
        : problem.kind === 'invalid-value' && problem.reason.code === 'not-in-set'
          ? problem.reason.readAs
          : undefined) !== undefined
    )
      typos.add(`${problem.location.sheet}\u0000${problem.location.row}\u0000${problem.location.column}`);
  const personaNames = new Map(model.personas.map((persona) => [foldKey(persona.name), persona.name]));
  const personas = new Map<string, PersonaRows>(model.personas.map((persona) => [persona.name, { persona: persona.name, rows: [] }]));
  const summaries = model.files[0]?.sheets ?? [];
  const teams: string[] = [];
  let changed = 0;
  let flagged = 0;
  let rowCount = 0;

  for (const table of loaded.tables) {
    const summary = summaries.find((sheet) => sheet.sheet === table.sheet);
    if (!summary || summary.headerRow === null) continue;
    const columns = Object.fromEntries(Object.entries(summary.columns).map(([field, letter]) => [field, columnIndex(letter)])) as Partial<
      Record<Field, number>
    >;
    const letters = summary.columns;
    const fallbackPersona = table.sheet ?? basename(table.file, extname(table.file));
    let inheritedStage: { text: string; row: number } | null = null;
    let inheritedPersona: string | null = null;

    for (const raw of table.rows) {
      if (raw.row <= summary.headerRow) continue;
      const cell = (field: Field): CellValue | undefined => (columns[field] === undefined ? undefined : raw.cells[columns[field]]);
      if (raw.cells.every((value) => rawValue(value) === null)) continue;
      const problemAt = (field: Field, row = raw.row) =>
        letters[field] === undefined ? undefined : problems.get(`${table.sheet}\u0000${row}\u0000${letters[field]}`);
      const stageCell = rawText(cell('stage'));
      if (stageCell !== null) inheritedStage = { text: stageCell, row: raw.row };
      const personaCell = rawText(cell('persona'));
      if (personaCell !== null) inheritedPersona = personaCell;
      const touchpoint = byRow.get(`${table.sheet}\u0000${raw.row}`) ?? null;
      const personaText = columns.persona !== undefined ? (inheritedPersona ?? fallbackPersona) : fallbackPersona;
      const persona = touchpoint?.persona ?? personaNames.get(foldKey(personaText)) ?? personaText;
      const target = personas.get(persona) ?? { persona, rows: [] };
      personas.set(persona, target);

      const row: TemplateRow = {};
      const was: string[] = [];
      const flag = (field: Field, value: string | number | Date | null, problem: string | undefined) => {
        row[field] = { value, problem: problem ?? `journey could not read this ${FIELD_LABEL[field].toLowerCase()}; fix it so it is audited` };
        flagged++;
      };
      /** Writes the normalized value, noting the original when its text differs; flags what could not be read. */
      const put = (field: Field, normalized: string | number | Date | null, original: string | null, problem = problemAt(field)) => {
        const typo = letters[field] !== undefined && typos.has(`${table.sheet}\u0000${raw.row}\u0000${letters[field]}`);
        if (normalized !== null && !typo) {
          row[field] = { value: normalized };
          const shown = normalized instanceof Date ? normalized.toISOString().slice(0, 10) : String(normalized);
          if (original !== null && foldKey(original) !== foldKey(shown)) {
            was.push(`${FIELD_LABEL[field]} "${original}"`);
            changed++;
          }
        } else {
          const written = rawValue(cell(field)) ?? original;
          if (written !== null) flag(field, written, problem);
        }
      };

      // Stage: every row gets its stage written out, so filters and sorts work; a blank cell inherited it.
      const stageText = inheritedStage?.text ?? null;
      if (touchpoint) {
        const label = touchpoint.stage === null ? null : (stageLabels.get(touchpoint.stage) ?? touchpoint.stage);
        // A row under a mistyped stage cell is flagged as that cell is, as a row under an unknown one is.
        const stageTypo = inheritedStage !== null && typos.has(`${table.sheet}\u0000${inheritedStage.row}\u0000${letters.stage}`);
        if (label !== null && !stageTypo) put('stage', label, stageCell);
        else if (stageText !== null) flag('stage', stageText, problemAt('stage', inheritedStage!.row));
      } else if (stageText !== null) {
        const id = vocabularies.stages.lookup(stripStageNumbering(stageText));
        put(
          'stage',
          id === null ? null : stageLabels.get(id)!,
          stageText,
          problemAt('stage', inheritedStage!.row) ?? unknownMessage(vocabularies, 'stage', stageText),
        );
      }
      put('touchpoint', touchpoint?.name ?? rawText(cell('touchpoint')), null);

      const channelText = rawText(cell('channel'));
      if (channelText !== null) {
        const id = touchpoint ? touchpoint.channel : vocabularies.channels.lookup(channelText);
        put(
          'channel',
          id === null ? null : (channelLabels.get(id) ?? id),
          channelText,
          problemAt('channel') ?? unknownMessage(vocabularies, 'channel', channelText),
        );
      }
      for (const field of TEXT_FIELDS) put(field, rawText(cell(field)), null);
      const team = rawText(cell('team'));
      if (team !== null) teams.push(team);

      const closed = (
        field: 'mode' | 'direction' | 'status',
        choices: string[],
        vocabulary: { lookup(text: string): string | null },
        fromModel: string | null | undefined,
      ) => {
        const text = rawText(cell(field));
        if (text === null) return;
        const id = touchpoint && field !== 'status' ? (fromModel ?? null) : vocabulary.lookup(text);
        put(field, id === null ? null : capitalized(choices, id), text);
      };
      closed('mode', MODE_CHOICES, vocabularies.modes, touchpoint?.mode);
      closed('direction', DIRECTION_CHOICES, vocabularies.directions, touchpoint?.direction);
      closed('status', STATUS_CHOICES, vocabularies.statuses, touchpoint?.status);

      const dayRaw = cell('day');
      const dayText = rawText(dayRaw);
      if (dayText !== null) {
        // A row the model left out (retired) keeps its day as written.
        if (touchpoint === null) row.day = { value: rawValue(dayRaw) };
        else put('day', touchpoint.day, typeof dayRaw === 'string' ? dayText : null);
      }

      // Figures: the model's reading where it has one (rates as fractions), else the cell as written and flagged.
      const figure = (field: Field, value: number | null) => {
        const written = rawValue(cell(field));
        if (written === null) return;
        if (touchpoint === null || value === null) {
          const problem = problemAt(field);
          if (problem) flag(field, written, problem);
          else row[field] = { value: written };
        } else row[field] = { value };
      };
      for (const [field, key] of RATE_FIELDS) figure(field, touchpoint?.metrics[key] ?? null);
      figure('audience', touchpoint?.metrics.audience ?? null);
      figure('sent', touchpoint?.metrics.sent ?? null);
      figure('nps', touchpoint?.metrics.nps ?? null);
      // CSAT and sentiment stay as written: a 1–5 score, a percentage and a word each read their own way.
      figure('csat', null);
      figure('sentiment', null);
      const reviewed = touchpoint?.lastReviewed ?? null;
      const reviewedRaw = cell('lastReviewed');
      if (rawValue(reviewedRaw) !== null) {
        if (reviewed !== null) row.lastReviewed = { value: new Date(`${reviewed}T00:00:00Z`) };
        else figure('lastReviewed', null);
      }

      // A missing value journey asked for (a touchpoint without a channel...) is flagged on its empty cell.
      for (const field of Object.keys(letters) as Field[]) {
        const problem = problemAt(field);
        if (problem !== undefined && row[field] === undefined) flag(field, null, problem);
      }
      const notes = rawText(cell('notes'));
      // The template holds one channel per row: a touchpoint on several ("Email + SMS") becomes a row per channel.
      const channels = touchpoint !== null && touchpoint.channels.length > 1 && row.channel?.problem === undefined ? touchpoint.channels : [];
      const split = channels.length > 1 ? `one row per channel of Channel "${channelText}"` : null;
      const renamed = split === null ? was : was.filter((entry) => !entry.startsWith(`${FIELD_LABEL.channel} "`));
      const note = renamed.length > 0 ? `was: ${renamed.join('; ')}` : null;
      const notesText = [notes, note, split].filter((part) => part !== null).join(' · ');
      if (notesText !== '') row.notes = { value: notesText };
      if (channels.length > 1) {
        for (const id of channels) target.rows.push({ ...row, channel: { value: channelLabels.get(id) ?? id } });
        rowCount += channels.length;
        continue;
      }
      target.rows.push(row);
      rowCount++;
    }
  }
  return { personas: [...personas.values()].filter((p) => p.rows.length > 0), teams: distinct(teams), changed, flagged, rowCount };
}

function unknownMessage(vocabularies: Vocabularies, field: 'stage' | 'channel', text: string): string {
  const vocabulary = field === 'stage' ? vocabularies.stages : vocabularies.channels;
  const suggestion = vocabulary.suggest(field === 'stage' ? stripStageNumbering(text) : text);
  return `${FIELD_LABEL[field]} '${text}' is not a known ${field}; ${suggestion ? `did you mean '${suggestion}'?` : 'pick one from the list'}`;
}
