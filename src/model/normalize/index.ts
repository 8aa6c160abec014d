import { basename, extname } from 'node:path';
import { InputError, NotInventoryError } from '../../errors.js';
import { headingContexts, headingStages, type HeadingContext } from '../reading/headings.js';
import type { LoadedFile, RawRow, RawTable } from '../../load/index.js';
import { sheetLocation } from '../cells.js';
import { ChannelWords } from '../channel-words.js';
import { ColumnMatcher, HEADER_SEARCH_ROWS, describeKnownColumns } from '../columns.js';
import type {
  Channel,
  Field,
  FileSummary,
  Frequency,
  JourneyModel,
  Persona,
  SheetSummary,
  StageModel,
  StageSource,
  Touchpoint,
  ValueProblem,
} from '../schema.js';
import { TeamAliases, namesNoTeam } from '../team-names.js';
import { foldKey, withoutAccents } from '../text.js';
import { CHANNELS, DEFAULT_STAGE_MODEL, buildVocabularies, parseFrequency, type ClosedSynonyms, type Vocabularies } from '../vocabulary.js';
import { findGrid, readGrid, type GridServices, type GridShape } from './grid.js';
import { INVENTORY, recognizeNonInventory, type NotInventory } from './not-inventory.js';
import type { NormalizeObserver } from './observer.js';
import { MergedCells } from './merges.js';
import { RowReader, type RowServices } from './row.js';
import { StageReader } from './stages.js';
import { beginTable, endTable, pushRow, type TableSink, type TableState } from './table.js';

/** What normalize matches values and headers against; the config can change each part. */
export interface NormalizeSettings {
  stageModel: StageModel;
  /** Where the stage model comes from: a config that names or lists stages pins it; otherwise a file may bring its own. */
  stageSource?: Omit<StageSource, 'location'>;
  channels: readonly Channel[];
  /** Extra header names per field. */
  columns: Partial<Record<Field, string[]>>;
  /** Extra words for the fixed vocabularies (mode, direction, status), by value. */
  synonyms?: ClosedSynonyms;
  /** Extra emotion words and emoji with their score on -2..+2. */
  sentimentWords?: Readonly<Record<string, number>>;
  /** Team names written several ways: the name to use → its other spellings. */
  teams?: Readonly<Record<string, readonly string[]>>;
}

/** The settings journey uses without a config. */
export const DEFAULT_NORMALIZE_SETTINGS: NormalizeSettings = {
  stageModel: DEFAULT_STAGE_MODEL,
  stageSource: { kind: 'default', name: 'lifecycle' },
  channels: CHANNELS,
  columns: {},
};

// A journey-map grid has a row per lane (a dozen or two); a table with more rows is read as an inventory.
const MAX_GRID_ROWS = 200;

// Distinct values shared (names, teams, KPIs...); past this, new spellings are kept as read, so an all-distinct column cannot grow the table without bound.
const MAX_INTERNED = 250_000;

/**
 * Builds the typed journey model from loaded files: the table walk (table.ts) finds each table's
 * header and its data rows, the row reader (row.ts) turns each row into a touchpoint or problems, with
 * the pure value readers of values.ts. This class holds what spans tables: personas, shared strings.
 */
export class Normalizer {
  private readonly vocabularies: Vocabularies;
  private readonly touchpoints: Touchpoint[] = [];
  private readonly problems: ValueProblem[] = [];
  private readonly personas = new Map<string, Persona>();
  private readonly files: FileSummary[] = [];
  private readonly strings = new Map<string, string>();
  private readonly frequencies = new Map<string, Frequency>();
  private readonly personaNames = new Map<string, string>();
  private readonly sink: TableSink;
  private readonly gridServices: GridServices;
  private readonly stages: StageReader;

  constructor(
    private readonly settings: NormalizeSettings = DEFAULT_NORMALIZE_SETTINGS,
    observer?: NormalizeObserver,
  ) {
    this.vocabularies = buildVocabularies(settings.stageModel, settings.channels, settings.synonyms, settings.sentimentWords);
    this.stages = new StageReader(settings.stageModel, settings.stageSource ?? { kind: 'default', name: 'lifecycle' }, this.vocabularies.stages);
    const channelWords = new ChannelWords(settings.channels);
    const teams = new TeamAliases(settings.teams);
    const services: RowServices = {
      vocabularies: this.vocabularies,
      stages: this.stages,
      observer,
      intern: (text) => this.intern(text),
      // "TBD", "-", "n/a" in a team cell name no team: the row has none (missing-owner reports it), not a team called "TBD".
      team: (text) => this.intern(text === null || namesNoTeam(text) ? null : teams.read(text)),
      frequency: (text) => this.frequency(text),
      persona: (name, state) => this.persona(name, state),
      problem: (problem) => this.problems.push(problem),
      problemCount: () => this.problems.length,
      touchpoint: (touchpoint) => this.touchpoints.push({ index: this.touchpoints.length, ...touchpoint }),
      channelOf: (name) => channelWords.channelOf(name),
    };
    const reader = new RowReader(services);
    this.gridServices = { ...services, touchpointCount: () => this.touchpoints.length };
    this.sink = {
      matcher: new ColumnMatcher(settings.columns),
      vocabularies: this.vocabularies,
      readRow: (state, raw) => reader.read(state, raw),
      problem: (problem) => this.problems.push(problem),
      touchpointCount: () => this.touchpoints.length,
      stageSample: (texts, location) => this.stages.decide(texts, location),
      isStage: (text) => this.stages.names(text),
      observer,
    };
  }

  /**
   * Adds one loaded file; throws InputError when none of its sheets holds an inventory. A workbook's
   * sheets whose names say they are reference sheets ("Lookup", "Lists", "Notes", "Settings") are read
   * last, and left out saying so when another sheet is an inventory: a lookup list of segments and owners
   * is no touchpoints.
   */
  add(loaded: LoadedFile): void {
    const contexts = loaded.kind === 'markdown' ? this.headingContexts(loaded) : [];
    const reference = loaded.tables.map((table) => loaded.kind === 'xlsx' && loaded.tables.length > 1 && isReferenceSheet(table.sheet));
    const states: { summary: SheetSummary; state: TableState }[] = [];
    loaded.tables.forEach((table, i) => {
      if (!reference[i]) states[i] = this.addTable(table, contexts[i]);
    });
    const inventory = states.some((read) => read !== undefined && read.summary.headerRow !== null);
    loaded.tables.forEach((table, i) => {
      if (!reference[i]) return;
      const before = { touchpoints: this.touchpoints.length, problems: this.problems.length, personas: new Set(this.personas.keys()) };
      const read = this.addTable(table, contexts[i]);
      if (inventory && read.summary.headerRow !== null) {
        // Read as an inventory beside one: taken back, with the reason inspect shows.
        this.touchpoints.length = before.touchpoints;
        this.problems.length = before.problems;
        for (const key of [...this.personas.keys()]) if (!before.personas.has(key)) this.personas.delete(key);
        for (const [name, canonical] of [...this.personaNames]) if (!this.personas.has(foldKey(canonical))) this.personaNames.delete(name);
        read.summary = {
          sheet: table.sheet,
          headerRow: null,
          touchpoints: 0,
          retired: 0,
          skipped: `skipped: a reference sheet (its name "${table.sheet}" says it holds lists, notes or settings), not touchpoints; another sheet is the inventory`,
          columns: {},
        };
      }
      states[i] = read;
    });
    this.addFile(loaded.file, loaded.kind, states, loaded.skipped);
  }

  /** Adds a CSV file whose rows `read` delivers one by one, so the file is never held whole. */
  async addStreamed(file: string, read: (onRow: (row: RawRow) => void) => Promise<void>): Promise<void> {
    const state = beginTable(file, null, this.touchpoints.length);
    // The first rows are held to see whether the file is a journey-map grid; a grid has a row per lane, so it stays small.
    let held: RawRow[] | null = [];
    let grid: GridShape | null = null;
    // A file that looks like something else (an event log) is refused with what it looks like; its rows are
    // only counted, so the refusal gives the whole file's counts.
    let refused: NotInventory | null = null;
    const stream = () => {
      refused = this.recognize(held!);
      if (refused === null) for (const row of held!) pushRow(this.sink, state, row);
      held = null;
    };
    await read((row) => {
      if (refused !== null) return refused.count(row);
      if (held === null) return pushRow(this.sink, state, row);
      held.push(row);
      if (grid === null && held.length === HEADER_SEARCH_ROWS) grid = findGrid(held);
      if ((grid === null && held.length >= HEADER_SEARCH_ROWS) || held.length > MAX_GRID_ROWS) stream();
    });
    if (held !== null) grid ??= findGrid(held);
    if (held !== null && grid !== null) {
      this.addFile(file, 'csv', [{ summary: readGrid(this.gridServices, { file, sheet: null, rows: held }, grid), state }], []);
      return;
    }
    if (held !== null) stream();
    if (refused !== null) this.refuse(state, refused);
    this.addFile(file, 'csv', [{ summary: endTable(this.sink, state), state }], []);
  }

  /** The model built so far. */
  model(): JourneyModel {
    return {
      files: this.files,
      personas: [...this.personas.values()],
      touchpoints: this.touchpoints,
      problems: this.problems,
      ...this.stages.result(),
      channels: [...this.settings.channels],
    };
  }

  /**
   * What a markdown file's headings give its tables: one journey (the file's name) unless headings name
   * personas; stages from headings that name one or number a step, which are the file's stage model in
   * heading order; planned markers; section labels.
   */
  private headingContexts(loaded: LoadedFile): HeadingContext[] {
    const isStage = (text: string) => this.stages.names(text);
    const stages = headingStages(loaded.tables, isStage);
    if (stages.length >= 2)
      this.stages.decide(
        stages.map((stage) => stage.text),
        { file: loaded.file, sheet: null, row: stages[0]!.line, column: null, cell: `${loaded.file}:${stages[0]!.line}` },
      );
    const contexts = headingContexts(loaded.tables, isStage);
    const journey = basename(loaded.file, extname(loaded.file));
    for (const context of contexts) context.persona ??= journey;
    return contexts;
  }

  private addTable(table: RawTable, context?: HeadingContext): { summary: SheetSummary; state: TableState } {
    const state = beginTable(table.file, table.sheet, this.touchpoints.length, table.lines ? { firstRow: table.rows[0]?.row ?? 1 } : undefined);
    if (context) {
      state.fallbackPersona = context.persona!;
      state.planned = context.planned;
      state.sectionStage = context.stage;
      state.stageFromHeading = context.stage !== null;
    }
    if (table.merges) state.merges = new MergedCells(table.merges);
    const grid = table.rows.length <= MAX_GRID_ROWS ? findGrid(table.rows) : null;
    if (grid !== null) return { summary: readGrid(this.gridServices, table, grid, context?.persona ?? undefined), state };
    const looks = this.recognize(table.rows);
    if (looks !== null) {
      this.refuse(state, looks);
      return { summary: endTable(this.sink, state), state };
    }
    for (const raw of table.rows) pushRow(this.sink, state, raw);
    const summary = endTable(this.sink, state);
    const oversized = table.oversized?.[0];
    if (summary.headerRow !== null && oversized) {
      throw new InputError(
        { file: table.file, line: oversized.row },
        `is a table row of ${oversized.kib} KiB, longer than the ${oversized.limitKib} KiB journey reads in one markdown table row`,
      );
    }
    return { summary, state };
  }

  /**
   * What a table looks like when it is something other than an inventory (an event log, a campaign or
   * A/B test or metrics export, a content calendar), counted over the rows given; the table is skipped
   * saying so, and a file with nothing else is refused with that line.
   */
  private recognize(rows: readonly RawRow[]): NotInventory | null {
    return recognizeNonInventory(rows, this.sink.matcher);
  }

  /** Skips a table that looks like something else, with the line that says what (its counts as they stand). */
  private refuse(state: TableState, looks: NotInventory): void {
    const { file, sheet } = state.place;
    state.incomplete = new NotInventoryError({ file, sheet }, looks.message({ file, sheet }));
    state.buffered = [];
  }

  /**
   * Records a file's sheets. A file with no inventory in any sheet is an input error: the first sheet's
   * header that lacks a required column says which, else that no header was found.
   */
  private addFile(file: string, kind: FileSummary['kind'], read: { summary: SheetSummary; state: TableState }[], skipped: LoadedFile['skipped']): void {
    const tables = read.map((table) => table.summary);
    const sheets = [
      ...tables,
      ...skipped.map((s) => ({ sheet: s.sheet, headerRow: null, touchpoints: 0, retired: 0, skipped: `skipped: ${s.reason}`, columns: {} })),
    ];
    if (!sheets.some((s) => s.headerRow !== null)) {
      // A workbook says what each sheet looked like; one table, what it looked like.
      if (kind === 'xlsx' && sheets.length > 1) {
        const inventoryLike = read.some((table) => looksLikeInventory(table.state.incomplete));
        throw new NotInventoryError({ file }, `is not a communication inventory: ${workbookRefusal(read, skipped)}`, { inventoryLike });
      }
      // The table that looked most like an inventory says why it is not one.
      const incomplete = (read.find((table) => looksLikeInventory(table.state.incomplete)) ?? read.find((table) => table.state.incomplete !== null))?.state
        .incomplete;
      if (incomplete) throw incomplete;
      if (kind === 'markdown')
        throw new NotInventoryError(
          { file },
          `is not a communication inventory: ${markdownRefusal(
            tables,
            read.map((table) => table.state.firstRow),
          )}`,
        );
      const where = kind === 'xlsx' ? `none of its sheets (${tables.map((t) => `"${t.sheet}"`).join(', ') || 'none visible'}) has a` : 'it has no';
      throw new NotInventoryError(
        { file },
        `is not a communication inventory: ${where} header row with the columns journey looks for in the first 30 rows. Looked for ${describeKnownColumns()}`,
      );
    }
    this.files.push({ file, kind, sheets });
  }

  /** One string object per distinct value of a repeated column (name, team, KPI...), so a million rows do not hold a million copies. */
  private intern(text: string | null): string | null {
    if (text === null) return null;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < MAX_INTERNED) this.strings.set(text, text);
    return text;
  }

  /** A frequency read once per distinct spelling and shared. */
  private frequency(text: string): Frequency {
    let frequency = this.frequencies.get(text);
    if (!frequency) {
      frequency = { text, ...parseFrequency(text) };
      if (this.frequencies.size < 10_000) this.frequencies.set(text, frequency);
    }
    return frequency;
  }

  /** The persona a name stands for: the first spelling seen of it (case, spacing and accents ignored). */
  private persona(name: string, state: TableState): string {
    const seen = this.personaNames.get(name);
    if (seen !== undefined) return seen;
    const key = foldKey(name);
    let canonical = this.personas.get(key)?.name;
    if (canonical === undefined) {
      this.personas.set(key, { name, location: sheetLocation(state.place.file, state.place.sheet) });
      canonical = name;
    }
    this.personaNames.set(name, canonical);
    return canonical;
  }
}

/** True for the refusal of a table that looked like an inventory (its header names journey's columns). */
function looksLikeInventory(error: InputError | null): boolean {
  return error instanceof NotInventoryError && error.inventoryLike;
}

/** Why no sheet of a workbook is an inventory: each sheet looked at, with what it looked like or lacked. */
function workbookRefusal(read: readonly { summary: SheetSummary; state: TableState }[], skipped: LoadedFile['skipped']): string {
  const reasons = [
    ...read.map(({ summary, state }) => {
      const error = state.incomplete;
      const reason = error
        ? `${error.place.cell ? ` (${error.place.cell})` : ''}: ${error.message
            .replace(/^is not a communication inventory: /, '')
            .replace(/; looked for .*$/, '')
            .replace(`; ${INVENTORY}`, '')}`
        : `: no header row with the columns journey looks for in the first ${HEADER_SEARCH_ROWS} rows`;
      return `sheet "${summary.sheet}"${reason}`;
    }),
    ...skipped.map((s) => `sheet "${s.sheet}": skipped, ${s.reason}`),
  ];
  return `none of its ${reasons.length} sheets is one: ${reasons.join('; ')}; ${INVENTORY}, and journey inspect shows how each column of each sheet was read`;
}

// Sheet names that say a sheet is for reference, in the languages journey reads: lookups, lists, notes, settings, help.
const REFERENCE_SHEET =
  /^(?:lookups?|look-?up (?:lists?|tables?|values)|lists?|dropdowns?|drop-?down(?: lists?)?|picklists?|legend|key|settings|config(?:uration)?|options|values|glossary|definitions|readme|read me|instructions|how to(?: use)?.*|help|about|notes?|changelog|change log|version history|reference|data validation|validation|metadata|listas?|notas|leyenda|configuracion|ajustes|instrucciones|ayuda|glosario|valores|opciones|instrucoes|ajuda|legenda|glossario|configuracoes|listen|notizen|legende|einstellungen|anleitung|hilfe|glossar|werte|listes|legende|parametres|aide|glossaire|elenchi|note|impostazioni|istruzioni|lijsten|notities|instellingen|uitleg|一覧|凡例|設定|説明|使い方|メモ|リスト)$/;

/** True when a sheet's name says it holds reference material (lookups, lists, notes, settings), not touchpoints. */
export function isReferenceSheet(sheet: string | null): boolean {
  if (sheet === null || sheet.length > 60) return false;
  const name = withoutAccents(sheet)
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
  return REFERENCE_SHEET.test(name);
}

/** Why a markdown file with no inventory table was refused: how many tables it has, and what the first ones hold. */
function markdownRefusal(tables: readonly SheetSummary[], lines: readonly number[]): string {
  if (tables.length === 0) return 'it has no markdown table (a header row, then a |---|---| line)';
  const where = (i: number) => `line ${lines[i]}${tables[i]!.sheet ? ` under "${tables[i]!.sheet}"` : ''}`;
  const which =
    tables.length === 1
      ? `its table at ${where(0)} has`
      : `none of its ${tables.length} tables (${tables
          .slice(0, 3)
          .map((_, i) => where(i))
          .join(', ')}${tables.length > 3 ? ', ...' : ''}) has`;
  return `${which} no touchpoint column with a stage, day or channel column; run journey inspect on it to see how each column was read`;
}

/** Normalizes loaded files into one journey model; throws InputError for a file with no inventory in it. */
export function normalize(files: LoadedFile[], settings: NormalizeSettings = DEFAULT_NORMALIZE_SETTINGS): JourneyModel {
  const normalizer = new Normalizer(settings);
  for (const file of files) normalizer.add(file);
  return normalizer.model();
}
