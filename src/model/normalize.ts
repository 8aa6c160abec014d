import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { columnLetter, cellAddress } from '../load/address.js';
import { isCellError, type CellValue, type LoadedFile, type RawRow, type RawTable } from '../load/index.js';
import { COLUMN_NAMES, ColumnMatcher, HEADER_SEARCH_ROWS, REQUIRED_FIELDS, describeKnownColumns, findHeader, type HeaderMatch } from './columns.js';
import { readCount, readCsat, readDate, readNps, readRate, type Reading } from './figures.js';
import type { Channel, Field, FileSummary, Frequency, JourneyModel, Location, Metrics, Persona, Sentiment, SheetSummary, StageModel, TablePlace, Touchpoint, ValueProblem } from './schema.js';
import { cleanText, foldKey } from './text.js';
import { CHANNELS, DEFAULT_STAGE_MODEL, buildVocabularies, parseFrequency, stripStageNumbering, type Vocabularies, type Vocabulary } from './vocabulary.js';

/** What normalize matches values and headers against; the config can change each part. */
export interface NormalizeSettings {
  stageModel: StageModel;
  channels: readonly Channel[];
  /** Extra header names per field. */
  columns: Partial<Record<Field, string[]>>;
}

/** The settings journey uses without a config. */
export const DEFAULT_NORMALIZE_SETTINGS: NormalizeSettings = { stageModel: DEFAULT_STAGE_MODEL, channels: CHANNELS, columns: {} };

/** Where a cell is, as a Location. */
export function cellLocation(file: string, sheet: string | null, row: number, column: number): Location {
  const letter = columnLetter(column);
  return { file, sheet, row, column: letter, cell: cellAddress(sheet, letter, row) };
}

/** A whole sheet (or a whole CSV file) as a Location. */
export function sheetLocation(file: string, sheet: string | null): Location {
  return { file, sheet, row: null, column: null, cell: null };
}

/** How each field is named in messages and in the header `journey init` writes. */
export const FIELD_LABEL: Record<Field, string> = {
  stage: 'Stage', touchpoint: 'Touchpoint', team: 'Team', channel: 'Channel', mode: 'Mode', direction: 'Direction',
  day: 'Day', frequency: 'Frequency', persona: 'Persona', kpi: 'KPI', notes: 'Notes', owner: 'Owner', audience: 'Audience',
  sent: 'Sent', opens: 'Open rate', clicks: 'Click rate', conversion: 'Conversion rate', dropOff: 'Drop-off rate',
  unsubscribe: 'Unsubscribe rate', nps: 'NPS', csat: 'CSAT', sentiment: 'Sentiment', painPoint: 'Pain point',
  lastReviewed: 'Last reviewed', status: 'Status',
};

// Shared by every row without figures; rules only read it.
const NO_METRICS: Metrics = Object.freeze({ audience: null, sent: null, openRate: null, clickRate: null, conversionRate: null, dropOffRate: null, unsubscribeRate: null, nps: null, csat: null });

const RATE_FIELDS = { opens: 'openRate', clicks: 'clickRate', conversion: 'conversionRate', dropOff: 'dropOffRate', unsubscribe: 'unsubscribeRate' } as const;
const RATE_ENTRIES = Object.entries(RATE_FIELDS) as [keyof typeof RATE_FIELDS, (typeof RATE_FIELDS)[keyof typeof RATE_FIELDS]][];

/** The location of a field's cell in the row being read (built only when a problem is reported). */
type Locate = (field: Field) => Location;

/** A cell's value as display text, or null when blank (formula errors are handled by the caller). */
function cellText(value: CellValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

// Distinct values shared (names, teams, KPIs...); past this, new spellings are kept as read, so an all-distinct column cannot grow the table without bound.
const MAX_INTERNED = 250_000;
const DAY_TEXT = /^(?:day|d)?\s*\+?\s*(\d+)\s*(?:days?|d)?$/i;

/** Where the reading of one table stands; tables are read row by row so a large CSV is never held whole. */
export interface TableState {
  fallbackPersona: string;
  /** Rows held until the header is found; null once it has been looked for. */
  buffered: RawRow[] | null;
  header: HeaderMatch | null;
  /** The table's file and sheet, and once the header is found its column letters; shared by its touchpoints. */
  place: TablePlace;
  headerWidth: number;
  blankWithin: number[];
  withData: Set<number>;
  /** The last stage written in the stage column, and its row: blank stage cells below it inherit it. */
  inheritedStage: { text: string; row: number } | null;
  inheritedPersona: string | null;
  retired: number;
  lastContentRow: number;
  touchpointsBefore: number;
}

/** Builds the typed journey model from loaded files: header detection, column mapping, vocabulary. */
export class Normalizer {
  private readonly vocabularies: Vocabularies;
  private readonly touchpoints: Touchpoint[] = [];
  private readonly problems: ValueProblem[] = [];
  private readonly personas = new Map<string, Persona>();
  private readonly files: FileSummary[] = [];
  private readonly matcher: ColumnMatcher;
  private readonly strings = new Map<string, string>();
  private readonly frequencies = new Map<string, Frequency>();
  private readonly personaNames = new Map<string, string>();

  constructor(private readonly settings: NormalizeSettings = DEFAULT_NORMALIZE_SETTINGS) {
    this.vocabularies = buildVocabularies(settings.stageModel, settings.channels);
    this.matcher = new ColumnMatcher(settings.columns);
  }

  /** Adds one loaded file; throws InputError when none of its sheets holds an inventory. */
  add(loaded: LoadedFile): void {
    const sheets = loaded.tables.map((table) => this.addTable(table));
    this.addFile(loaded.file, loaded.kind, sheets, loaded.skipped);
  }

  /** Adds a CSV file whose rows `read` delivers one by one, so the file is never held whole. */
  async addStreamed(file: string, read: (onRow: (row: RawRow) => void) => Promise<void>): Promise<void> {
    const state = this.beginTable(file, null);
    await read((row) => this.pushRow(state, row));
    this.addFile(file, 'csv', [this.endTable(state)], []);
  }

  private addFile(file: string, kind: FileSummary['kind'], tables: SheetSummary[], skipped: LoadedFile['skipped']): void {
    const sheets = [...tables, ...skipped.map((s) => ({ sheet: s.sheet, headerRow: null, touchpoints: 0, retired: 0, skipped: `skipped: ${s.reason}`, columns: {} }))];
    if (!sheets.some((s) => s.headerRow !== null)) {
      const where = kind === 'xlsx' ? `none of its sheets (${tables.map((t) => `"${t.sheet}"`).join(', ') || 'none visible'}) has a` : 'it has no';
      throw new InputError({ file }, `is not a communication inventory: ${where} header row with the columns journey looks for in the first 30 rows. Looked for ${describeKnownColumns()}`);
    }
    this.files.push({ file, kind, sheets });
  }

  /** The model built so far. */
  model(): JourneyModel {
    return {
      files: this.files,
      personas: [...this.personas.values()],
      touchpoints: this.touchpoints,
      problems: this.problems,
      stageModel: this.settings.stageModel,
      channels: [...this.settings.channels],
    };
  }

  /** Reads a whole in-memory table (a sheet). */
  private addTable(table: RawTable): SheetSummary {
    const state = this.beginTable(table.file, table.sheet);
    for (const raw of table.rows) this.pushRow(state, raw);
    return this.endTable(state);
  }

  /** Starts reading a table row by row (a CSV file as it streams in, a sheet); feed it with pushRow, close it with endTable. */
  beginTable(file: string, sheet: string | null): TableState {
    return {
      fallbackPersona: sheet ?? basename(file, extname(file)), buffered: [], header: null, place: { file, sheet, columns: {} },
      headerWidth: 0, blankWithin: [], withData: new Set(), inheritedStage: null, inheritedPersona: null, retired: 0, lastContentRow: 0,
      touchpointsBefore: this.touchpoints.length,
    };
  }

  /** Takes the next row of a table; the header is looked for among the first rows, which are held until it is found. */
  pushRow(state: TableState, raw: RawRow): void {
    if (state.buffered !== null) {
      if (raw.row <= HEADER_SEARCH_ROWS && state.buffered.length < HEADER_SEARCH_ROWS) {
        state.buffered.push(raw);
        return;
      }
      this.findTableHeader(state);
    }
    if (state.header !== null && raw.row > state.header.row) this.dataRow(state, raw);
  }

  /** Ends a table: reports blank header cells over data, and summarizes the sheet. */
  endTable(state: TableState): SheetSummary {
    if (state.buffered !== null) this.findTableHeader(state);
    const { header } = state;
    const { file, sheet } = state.place;
    if (header === null) return { sheet, headerRow: null, touchpoints: 0, retired: 0, skipped: 'skipped: no inventory header in the first 30 rows', columns: {} };
    for (const column of [...state.withData].sort((x, y) => x - y)) {
      this.problem('blank-header', null, '', `Column ${columnLetter(column)} holds data but its header cell is blank; name the column so its values are read`, cellLocation(file, sheet, header.row, column), null, null, null);
    }
    return { sheet, headerRow: header.row, touchpoints: this.touchpoints.length - state.touchpointsBefore, retired: state.retired, skipped: null, columns: state.place.columns };
  }

  /** Picks the header among the held rows, checks it, and reads the held rows below it. */
  private findTableHeader(state: TableState): void {
    const rows = state.buffered!;
    state.buffered = null;
    const header = findHeader(rows, this.matcher);
    if (!header) return;
    const { file, sheet } = state.place;
    const missing = REQUIRED_FIELDS.filter((field) => header.columns[field] === undefined);
    if (missing.length > 0) {
      const looked = missing.map((field) => `${field} (${[field, ...COLUMN_NAMES[field]].filter((v, i, all) => all.indexOf(v) === i).join(', ')})`).join('; ');
      throw new InputError({ file, sheet, cell: `row ${header.row}` }, `the header has no ${missing.join(' or ')} column; looked for ${looked}`);
    }
    state.header = header;
    state.place = { file, sheet, columns: Object.fromEntries(Object.entries(header.columns).map(([field, column]) => [field, columnLetter(column)])) };
    state.lastContentRow = header.row;
    const headerCells = rows[header.rowIndex]!.cells;
    for (const { field, column } of header.duplicates) {
      const first = columnLetter(header.columns[field]!);
      const shown = cellText(headerCells[column]) ?? '';
      this.problem('duplicate-header', field, shown, `Header '${shown}' in column ${columnLetter(column)} is a second ${field} column (column ${first} is used); rename or remove one of them`, cellLocation(file, sheet, header.row, column), null, null, null);
    }
    state.headerWidth = headerCells.length;
    state.blankWithin = headerCells.flatMap((value, column) => (cellText(value) === null ? [column] : []));
    for (const raw of rows.slice(header.rowIndex + 1)) this.dataRow(state, raw);
  }

  /** Reads one data row into a touchpoint, or a problem; blank rows only count toward blank-row runs. */
  private dataRow(state: TableState, raw: RawRow): void {
    const { file, sheet } = state.place;
    const header = state.header!;
    // Columns with data under a blank (or missing) header cell, for blank-header.
    for (let column = state.headerWidth; column < raw.cells.length; column++) if (cellText(raw.cells[column]) !== null) state.withData.add(column);
    for (const column of state.blankWithin) if (!state.withData.has(column) && cellText(raw.cells[column]) !== null) state.withData.add(column);
    if (raw.cells.every((value) => cellText(value) === null && !(value !== null && value !== undefined && isCellError(value)))) return;
    // Rows a workbook omits and rows with nothing in them both count as blank; trailing ones are never seen here.
    if (raw.row > state.lastContentRow + 1) this.blankRows(file, sheet, state.lastContentRow + 1, raw.row - 1);
    state.lastContentRow = raw.row;
    // A cell's location is built only for a problem: most rows have none, and a million rows have millions of cells.
    const at = (field: Field): Location => cellLocation(file, sheet, raw.row, header.columns[field] ?? 0);
    const value = (field: Field): CellValue | undefined => {
      const column = header.columns[field];
      return column === undefined ? undefined : raw.cells[column];
    };
    const problemsBefore = this.problems.length;
    const text = (field: Field): string | null => {
      const v = value(field);
      if (v !== undefined && v !== null && isCellError(v)) {
        this.problem('invalid', field, v.error, `${FIELD_LABEL[field]} cell shows the formula error ${v.error}; fix the formula or type the value`, at(field), null, null, null);
        return null;
      }
      return cellText(v);
    };

    const personaText = text('persona');
    if (personaText !== null) state.inheritedPersona = personaText;
    const personaName = header.columns.persona !== undefined ? state.inheritedPersona ?? state.fallbackPersona : state.fallbackPersona;
    const persona = this.persona(personaName, file, sheet);

    const stageText = text('stage');
    if (stageText !== null) state.inheritedStage = { text: stageText, row: raw.row };
    const name = this.intern(text('touchpoint'));
    if (name === null) {
      if (this.problems.length === problemsBefore && !this.rowHasOwnContent(raw, header)) return;
      this.problem('invalid', 'touchpoint', '', `Row ${raw.row} has no touchpoint name; name the touchpoint or delete the row`, at('touchpoint'), persona, null, null);
      return;
    }
    const statusText = text('status');
    const status = statusText === null ? null : this.closedValue(this.vocabularies.statuses, 'status', statusText, at, persona, null, name);
    if (status === 'retired') {
      state.retired++;
      return;
    }
    const inherited = state.inheritedStage;
    const stage = inherited ? this.lookup(this.vocabularies.stages, 'stage', stripStageNumbering(inherited.text), inherited.text, () => cellLocation(file, sheet, inherited.row, header.columns.stage!), persona, name) : null;
    if (!inherited) this.problem('invalid', 'stage', '', `"${name}" has no stage; fill in its lifecycle stage`, at('stage'), persona, null, name);

    const channelText = text('channel');
    const channel = channelText === null ? null : this.lookup(this.vocabularies.channels, 'channel', channelText, channelText, () => at('channel'), persona, name, stage);
    const channelValue = value('channel');
    if (channelText === null && !(channelValue != null && isCellError(channelValue))) {
      this.problem('invalid', 'channel', '', `"${name}" has no channel; fill in the channel it reaches the customer on`, at('channel'), persona, stage, name);
    }
    const modeText = text('mode');
    const directionText = text('direction');
    const frequencyText = text('frequency');

    this.touchpoints.push({
      index: this.touchpoints.length,
      persona,
      stage,
      name,
      team: this.intern(text('team')),
      channel,
      mode: modeText === null ? null : this.closedValue(this.vocabularies.modes, 'mode', modeText, at, persona, stage, name),
      direction: directionText === null ? null : this.closedValue(this.vocabularies.directions, 'direction', directionText, at, persona, stage, name),
      day: this.day(value('day'), at, persona, stage, name),
      frequency: frequencyText === null ? null : this.frequency(frequencyText),
      kpi: this.intern(text('kpi')),
      notes: text('notes'),
      owner: this.intern(text('owner')),
      status,
      metrics: this.metrics(value, at, persona, stage, name),
      sentiment: this.sentiment(value('sentiment'), at, persona, stage, name),
      painPoint: text('painPoint'),
      lastReviewed: this.figure('lastReviewed', value('lastReviewed'), at, readDate, persona, stage, name),
      row: raw.row,
      place: state.place,
    });
  }

  /** The row's figures; a cell that is not a figure is an invalid-value problem and reads as null. */
  private metrics(value: (field: Field) => CellValue | undefined, at: Locate, persona: string, stage: string | null, name: string): Metrics {
    const read = <T>(field: Field, reader: (v: CellValue) => Reading<T>) => this.figure(field, value(field), at, reader, persona, stage, name);
    const sent = read('sent', readCount);
    const metrics: Metrics = {
      audience: read('audience', readCount),
      sent,
      openRate: null, clickRate: null, conversionRate: null, dropOffRate: null, unsubscribeRate: null,
      nps: read('nps', readNps),
      csat: read('csat', readCsat),
    };
    let known = metrics.audience !== null || sent !== null || metrics.nps !== null || metrics.csat !== null;
    for (const [field, key] of RATE_ENTRIES) {
      const rate = read(field, (v) => readRate(v, sent));
      metrics[key] = rate;
      if (rate !== null) known = true;
    }
    return known ? metrics : NO_METRICS;
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

  private figure<T>(field: Field, value: CellValue | undefined, at: Locate, reader: (v: CellValue) => Reading<T>, persona: string, stage: string | null, name: string): T | null {
    if (value === undefined || value === null || isCellError(value)) return null;
    if (typeof value === 'string' && cleanText(value) === null) return null;
    const reading = reader(value);
    if ('value' in reading) return reading.value;
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    this.problem('invalid', field, shown, `${FIELD_LABEL[field]} '${shown}' of "${name}" ${reading.error}`, at(field), persona, stage, name);
    return null;
  }

  /** A sentiment: a number from -2 to +2, or a word (frustrated, delighted...). */
  private sentiment(value: CellValue | undefined, at: Locate, persona: string, stage: string | null, name: string): Sentiment | null {
    return this.figure<Sentiment>('sentiment', value, at, (v) => {
      const text = cellText(v)!;
      const n = typeof v === 'number' ? v : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
      if (n !== null) return n >= -2 && n <= 2 ? { value: { score: n, text } } : { error: 'is outside the sentiment scale; write a number from -2 to +2' };
      const id = this.vocabularies.sentiments.lookup(text);
      if (id !== null) return { value: { score: Number(id), text } };
      return { error: 'is not a sentiment journey knows; write a number from -2 to +2 or a word such as frustrated, neutral or delighted' };
    }, persona, stage, name);
  }

  /** Records a run of blank rows inside the table as one blank-row problem. */
  private blankRows(file: string, sheet: string | null, from: number, to: number): void {
    const rows = from === to ? `Row ${from} is` : `Rows ${from}–${to} are`;
    this.problem('blank-row', null, '', `${rows} blank inside the table; delete ${from === to ? 'it' : 'them'} so filters, sorts and pivots see one table.`, cellLocation(file, sheet, from, 0), null, null, null);
  }

  /** True when the row has a value in a column other than the inherited stage and persona. */
  private rowHasOwnContent(raw: RawRow, header: HeaderMatch): boolean {
    const inherited = new Set([header.columns.stage, header.columns.persona]);
    return Object.values(header.columns).some((column) => !inherited.has(column) && cellText(raw.cells[column]) !== null);
  }

  private persona(name: string, file: string, sheet: string | null): string {
    const seen = this.personaNames.get(name);
    if (seen !== undefined) return seen;
    const canonical = this.canonicalPersona(name, file, sheet);
    this.personaNames.set(name, canonical);
    return canonical;
  }

  private canonicalPersona(name: string, file: string, sheet: string | null): string {
    const key = foldKey(name);
    const known = this.personas.get(key);
    if (known) return known.name;
    this.personas.set(key, { name, location: sheetLocation(file, sheet) });
    return name;
  }

  /** Maps a stage or channel to its id; an unknown one becomes an unknown-value problem, never a guess. */
  private lookup(vocabulary: Vocabulary<string>, field: 'stage' | 'channel', key: string, shown: string, where: () => Location, persona: string, name: string, stage: string | null = null): string | null {
    const id = vocabulary.lookup(key);
    if (id !== null) return id;
    const suggestion = vocabulary.suggest(key);
    const hint = suggestion ? `did you mean '${suggestion}'?` : `use one of ${vocabulary.allLabels().join(', ')}`;
    this.problem('unknown', field, shown, `${FIELD_LABEL[field]} '${shown}' of "${name}" is not a known ${field}; ${hint}`, where(), persona, field === 'stage' ? null : stage, name);
    return null;
  }

  /** Maps a mode or direction; anything outside the fixed vocabulary is an invalid value. */
  private closedValue<Id extends string>(vocabulary: Vocabulary<Id>, field: 'mode' | 'direction' | 'status', text: string, at: Locate, persona: string, stage: string | null, name: string): Id | null {
    const id = vocabulary.lookup(text);
    if (id !== null) return id;
    const suggestion = vocabulary.suggest(text);
    const allowed = vocabulary.allLabels().join(', ');
    this.problem('invalid', field, text, `${FIELD_LABEL[field]} '${text}' of "${name}" is not one of ${allowed}${suggestion ? `; did you mean '${suggestion}'?` : ''}`, at(field), persona, stage, name);
    return null;
  }

  /** Reads a day offset: a whole number of days ≥ 0, written as a number or as "Day 14" / "+3 days". */
  private day(value: CellValue | undefined, at: Locate, persona: string, stage: string | null, name: string): number | null {
    if (value === undefined || value === null) return null;
    if (isCellError(value)) return null;
    let day: number | null = null;
    if (typeof value === 'number') day = value;
    else if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed === '') return null;
      const match = DAY_TEXT.exec(trimmed);
      day = match ? Number(match[1]) : /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
    }
    if (day !== null && Number.isInteger(day) && day >= 0) return day;
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    const why = value instanceof Date ? 'is a date' : day !== null && day < 0 ? 'is negative' : day !== null ? 'is not a whole number' : 'is not a number of days';
    this.problem('invalid', 'day', shown, `Day '${shown}' of "${name}" ${why}; write the day offset from the journey's start as a whole number of days (e.g. 14)`, at('day'), persona, stage, name);
    return null;
  }

  private problem(kind: ValueProblem['kind'], field: Field | null, value: string, message: string, location: Location, persona: string | null, stage: string | null, touchpoint: string | null): void {
    this.problems.push({ kind, field, value, message, location, persona, stage, touchpoint });
  }
}

/** Normalizes loaded files into one journey model; throws InputError for a file with no inventory in it. */
export function normalize(files: LoadedFile[], settings: NormalizeSettings = DEFAULT_NORMALIZE_SETTINGS): JourneyModel {
  const normalizer = new Normalizer(settings);
  for (const file of files) normalizer.add(file);
  return normalizer.model();
}
