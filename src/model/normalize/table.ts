import { basename, extname } from 'node:path';
import { type InputError, NotInventoryError } from '../../errors.js';
import { columnLetter } from '../../load/address.js';
import { isCellError, type RawRow } from '../../load/index.js';
import { cellLocation } from '../cells.js';
import { COLUMN_NAMES, HEADER_SEARCH_ROWS, findHeader, missingFields, type ColumnMatcher } from '../columns.js';
import { findTableHeader as decideHeader, isSectionRow, type TableHeader } from '../reading/assign.js';
import { sectionKind, stageName, type SectionKind } from '../reading/sections.js';
import type { Vocabularies } from '../vocabulary.js';
import type { Field, Location, SheetSummary, TablePlace, ValueProblem } from '../schema.js';
import { endChannelsFromNames, type ChannelsFromNames } from './channel-from-name.js';
import type { MergedCells } from './merges.js';
import { scheduleColumns, type ScheduleColumn } from './schedules.js';
import type { NormalizeObserver } from './observer.js';
import { calendarDate, cellText, dayFromText } from './values.js';

/** Where the reading of one table stands; tables are read row by row so a large CSV is never held whole. */
export interface TableState {
  fallbackPersona: string;
  /** Rows held until the header is found; null once it has been looked for. */
  buffered: RawRow[] | null;
  header: TableHeader | null;
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
  /** A header row that names some fields but not the required ones: the sheet is skipped, or the file refused if no sheet has an inventory. */
  incomplete: InputError | null;
  /** Day cells read as a day, and those naming none (held back: if they are most, the column is timing text, not errors). */
  dayCells: { days: number; words: ValueProblem[]; timingWords: number; examples: string[] };
  /** The table's first row: 1 in a sheet, the header's line in a markdown file (the header is looked for below it). */
  firstRow: number;
  /** A markdown table: rows are lines, and cells are named by their column's header text. */
  lines: boolean;
  /** Characters of the held rows' cells, so holding rows for the stage sample has a bound. */
  bufferedChars: number;
  /** Stage cells read as a stage (known or not), and those holding a timing ("Week 1", "Ongoing"): if timings are most, the column is a timeline. */
  stageCells: { stages: number; timings: number };
  /** With no channel column: the rows whose channel was read from the touchpoint name (channel-from-name.ts). */
  channelsFromNames?: ChannelsFromNames;
  /** Under a section row or heading that marks its rows planned ("Future state", "Backlog"): rows without a status are planned. */
  planned: boolean;
  /** The stage a section row above names, for a table without a stage column (or a blank stage cell). */
  sectionStage: { text: string; row: number } | null;
  /** The table's section rows, in order. */
  sections: { row: number; text: string; kind: SectionKind }[];
  /** The stage comes from the heading above the table. */
  stageFromHeading?: boolean;
  /** How the day column's cells become days: from the earliest calendar date, or shifted so the earliest offset ("T-90", "7 días antes") is day 0. */
  timeline: Timeline;
  /** The other schedules of a dated timing with a date column per cohort ("When Batch 2" …), in column order. */
  schedules: ScheduleColumn[];
  /** A workbook sheet's merged ranges: dividers, notes spilling over a column, headers across columns. */
  merges?: MergedCells;
}

/** How a table's timing column is read: offsets as written, shifted by `shift` days, or days since the earliest date (UTC ms). */
export type Timeline = { kind: 'offsets'; shift: number } | { kind: 'dates'; anchor: number };

/** What the table walk hands back to the normalizer: a row to read, and problems to record. */
export interface TableSink {
  matcher: ColumnMatcher;
  /** What cells are read against, to decide what each column holds. */
  vocabularies: Vocabularies;
  /** Reads a data row (below the header, not blank) into a touchpoint. */
  readRow(state: TableState, raw: RawRow): void;
  problem(problem: ValueProblem): void;
  /** How many touchpoints have been read so far, across tables. */
  touchpointCount(): number;
  /** The first stage cells of a table (as written), read before its rows to decide which stage model applies. */
  stageSample(texts: string[], location: Location): void;
  /** True when a text names a stage of the model in force (a section row or heading that sets the stage). */
  isStage(text: string): boolean;
  /** Watches headers and values for `journey inspect`, when given. */
  observer?: NormalizeObserver;
}

// Columns whose header makes a table look like an inventory, though it cannot be read as one.
const INVENTORY_FIELDS = new Set<Field>(['touchpoint', 'stage', 'channel', 'day', 'frequency', 'mode', 'direction']);

// Rows held before reading a table: the header is looked for in the first 30, and the stage model decided on the stage cells of all of them.
const SAMPLE_ROWS = 500;
const SAMPLE_CHARS = 8 * 1024 * 1024;

/** Starts reading a table (a CSV file as it streams in, a sheet); feed it with pushRow, close it with endTable. */
export function beginTable(file: string, sheet: string | null, touchpointsBefore: number, lines?: { firstRow: number }): TableState {
  return {
    fallbackPersona: sheet ?? basename(file, extname(file)),
    buffered: [],
    header: null,
    place: { file, sheet, columns: {} },
    headerWidth: 0,
    blankWithin: [],
    withData: new Set(),
    inheritedStage: null,
    inheritedPersona: null,
    retired: 0,
    lastContentRow: 0,
    touchpointsBefore,
    dayCells: { days: 0, words: [], timingWords: 0, examples: [] },
    incomplete: null,
    firstRow: lines?.firstRow ?? 1,
    lines: lines !== undefined,
    bufferedChars: 0,
    stageCells: { stages: 0, timings: 0 },
    planned: false,
    sectionStage: null,
    sections: [],
    timeline: { kind: 'offsets', shift: 0 },
    schedules: [],
  };
}

/** Takes the next row of a table; the header is looked for among the first rows, which are held until it is found. */
export function pushRow(sink: TableSink, state: TableState, raw: RawRow): void {
  if (state.buffered !== null) {
    if (state.buffered.length < SAMPLE_ROWS && state.bufferedChars < SAMPLE_CHARS) {
      for (const value of raw.cells) if (typeof value === 'string') state.bufferedChars += value.length;
      state.buffered.push(raw);
      return;
    }
    findTableHeader(sink, state);
  }
  if (state.header !== null && raw.row > state.header.row) dataRow(sink, state, raw);
}

/** Ends a table: reports blank header cells over data, and summarizes the sheet. */
export function endTable(sink: TableSink, state: TableState): SheetSummary {
  if (state.buffered !== null) findTableHeader(sink, state);
  const { header } = state;
  const { sheet } = state.place;
  if (header === null) {
    const skipped = state.incomplete ? `skipped: ${state.incomplete.message}` : 'skipped: no inventory header in the first 30 rows';
    return { sheet, headerRow: null, touchpoints: 0, retired: 0, skipped, columns: {} };
  }
  endDayColumn(sink, state);
  endStageColumn(state);
  endChannelsFromNames(sink, state);
  for (const column of [...state.withData].sort((x, y) => x - y)) {
    sink.problem({
      kind: 'blank-header',
      field: null,
      value: '',
      location: cellLocation(state.place, header.row, column),
      persona: null,
      stage: null,
      touchpoint: null,
    });
  }
  const summary: SheetSummary = {
    sheet,
    headerRow: header.row,
    touchpoints: sink.touchpointCount() - state.touchpointsBefore,
    retired: state.retired,
    skipped: null,
    columns: state.place.columns,
  };
  if (state.sections.length > 0) summary.sections = state.sections;
  if (state.schedules.length > 0) {
    const headerText = (column: number) => state.header!.decisions[column]?.header ?? '';
    summary.schedules = [header.columns.day!, ...state.schedules.map((schedule) => schedule.column)].map((column) => ({
      column: columnLetter(column),
      header: headerText(column),
    }));
  }
  if (state.place.columns.stage === undefined && state.sections.some((section) => section.kind === 'stage')) summary.stagesFrom = 'sections';
  else if (state.place.columns.stage === undefined && state.stageFromHeading) summary.stagesFrom = 'headings';
  return summary;
}

/**
 * A day column that mostly holds timing words ("Week 2" reads as a day; "Q3", "Ongoing" do not) is a
 * timing column: one problem for the column, not one per row. Otherwise each such cell is invalid.
 */
function endDayColumn(sink: TableSink, state: TableState): void {
  const { days, words, timingWords, examples } = state.dayCells;
  const total = words.length + timingWords;
  if (total === 0) return;
  // Timing words ("Ongoing", "Monthly") are never mistakes; other words are, in a column of days.
  if (total <= days) {
    for (const problem of words) sink.problem(problem);
    return;
  }
  const location = cellLocation(state.place, state.header!.row, state.header!.columns.day!);
  sink.problem({ kind: 'timing-text', words: total, days, examples, field: 'day', value: '', location, persona: null, stage: null, touchpoint: null });
}

/**
 * A stage column that mostly holds timings ("Day 0", "Week 1", "Ongoing") is the table's timeline, not its
 * stages: the table has no stage column (so the rules that need stages skip it), and its days are read
 * there when it has no day column of its own.
 */
function endStageColumn(state: TableState): void {
  const { stages, timings } = state.stageCells;
  const { columns } = state.place;
  if (timings <= stages || columns.stage === undefined) return;
  if (columns.day === undefined) columns.day = columns.stage;
  delete columns.stage;
}

/**
 * How a timing column reads, decided on its first cells: calendar dates (most of them) are a dated
 * timeline, days counted from the earliest date; offsets before a moment ("T-90", "7 días antes",
 * "3日前") shift the column so its earliest touchpoint is day 0, keeping their order and gaps.
 */
function timelineOf(rows: readonly RawRow[], column: number): Timeline {
  let dates = 0;
  let cells = 0;
  let earliest = Infinity;
  let lowest = 0;
  for (const row of rows) {
    const value = row.cells[column];
    const text = cellText(value);
    if (text === null) continue;
    cells++;
    const date = calendarDate(value);
    if (date !== null) {
      dates++;
      earliest = Math.min(earliest, date);
      continue;
    }
    if (typeof value === 'string' && !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) {
      const day = dayFromText(text);
      if (day !== null && Number.isInteger(day)) lowest = Math.min(lowest, day);
    }
  }
  if (dates > 0 && dates * 2 >= cells) return { kind: 'dates', anchor: earliest };
  return { kind: 'offsets', shift: -lowest };
}

/** A table under a stage heading ("Stage 1: Discovery") has its stage from the heading: no stage column is missing. */
function withHeadingStage(state: TableState, columns: Partial<Record<Field, number>>): Partial<Record<Field, number>> {
  return state.stageFromHeading && columns.stage === undefined ? { ...columns, stage: -1 } : columns;
}

/** Picks the header among the held rows, checks it, and reads the held rows below it. */
function findTableHeader(sink: TableSink, state: TableState): void {
  const rows = state.buffered!;
  state.buffered = null;
  const header = decideHeader(rows, findHeader(rows, sink.matcher, state.firstRow), sink.matcher, sink.vocabularies, {
    searchRows: HEADER_SEARCH_ROWS,
    firstRowOnly: state.lines,
    complete: (columns) => missingFields(withHeadingStage(state, columns)).length === 0,
  });
  if (!header) return;
  const { file, sheet } = state.place;
  const missing = missingFields(withHeadingStage(state, header.columns));
  sink.observer?.layout?.({ file, sheet }, header.row, header.decisions, missing);
  if (missing.length > 0) {
    const fields = missing.flatMap((name) => name.split(/, | or /)) as Field[];
    const looked = fields
      .map(
        (field) =>
          `${field} (${[field, ...COLUMN_NAMES[field]]
            .filter((v, i, all) => all.indexOf(v) === i)
            .slice(0, 6)
            .join(', ')}...)`,
      )
      .join('; ');
    const seen = rows[header.rowIndex]!.cells.flatMap((value) => cellText(value) ?? []).map((text) => (text.length > 30 ? `${text.slice(0, 29)}…` : text));
    const headers = `${seen.slice(0, 8).join(', ')}${seen.length > 8 ? `, and ${seen.length - 8} more` : ''}`;
    // A header with nothing under it (a template not filled in yet) lacks rows, not columns.
    if (rows.slice(header.rowIndex + 1).every((row) => row.cells.every((value) => cellText(value) === null))) {
      state.incomplete = new NotInventoryError(
        { file, sheet, cell: `row ${header.row}` },
        `is not a communication inventory yet: its table (${headers}) has a header and no rows under it`,
      );
      return;
    }
    state.incomplete = new NotInventoryError(
      { file, sheet, cell: `row ${header.row}` },
      `is not a communication inventory: the header (${headers}) has no ${missing.join(' column and no ')} column, by its words or its cells; looked for ${looked}; journey inspect shows each column's best guess and the columns config that reads it`,
      { inventoryLike: header.decisions.some((decision) => decision.by !== 'none' && decision.by !== 'cells' && INVENTORY_FIELDS.has(decision.field!)) },
    );
    return;
  }
  state.header = header;
  const headerCells = rows[header.rowIndex]!.cells;
  state.place = { file, sheet, columns: Object.fromEntries(Object.entries(header.columns).map(([field, column]) => [field, columnLetter(column)])) };
  if (state.lines) state.place.columnNames = headerCells.map((value) => cellText(value) ?? '');
  // A markdown header's next line is its |---| delimiter, not a blank row.
  state.lastContentRow = header.row + (state.lines ? 1 : 0);
  // A header merged across columns ("Timing" over C1:D1) names its first column once, not a second one.
  const duplicates = header.duplicates.filter(({ field, column }) => !state.merges?.continues(header.row, header.columns[field]!, column));
  // A date column per cohort is one timing with several schedules: its columns are no duplicate headers.
  state.schedules = scheduleColumns(rows.slice(header.rowIndex + 1), headerCells, header.columns, duplicates);
  const scheduled = new Set(state.schedules.map((schedule) => schedule.column));
  for (const { field, column } of duplicates) {
    if (scheduled.has(column)) continue;
    sink.problem({
      kind: 'duplicate-header',
      firstColumn: columnLetter(header.columns[field]!),
      field,
      value: cellText(headerCells[column]) ?? '',
      location: cellLocation(state.place, header.row, column),
      persona: null,
      stage: null,
      touchpoint: null,
    });
  }
  state.headerWidth = headerCells.length;
  sink.observer?.header(
    { file, sheet },
    header.row,
    headerCells.map((value) => cellText(value) ?? ''),
    header.columns,
  );
  const stageColumn = header.columns.stage;
  if (stageColumn !== undefined) {
    const texts = rows.slice(header.rowIndex + 1).flatMap((raw) => cellText(raw.cells[stageColumn]) ?? []);
    sink.stageSample(texts, cellLocation(state.place, header.row, stageColumn));
  } else {
    // Section rows that number their steps ("Phase 2: Booking") are the table's stages, in order.
    const texts = rows.slice(header.rowIndex + 1).flatMap((raw) => {
      const text = sectionText(state, raw);
      return text !== null && sectionKind(text, () => false) === 'stage' ? [stageName(text)] : [];
    });
    if (texts.length >= 2) sink.stageSample(texts, cellLocation(state.place, header.row, 0));
  }
  state.blankWithin = headerCells.flatMap((value, column) => (cellText(value) === null ? [column] : []));
  if (header.columns.day !== undefined) state.timeline = timelineOf(rows.slice(header.rowIndex + 1), header.columns.day);
  // Under a stage heading, blank stage cells take the heading's stage.
  if (header.columns.stage !== undefined && state.sectionStage !== null) state.inheritedStage = state.sectionStage;
  for (const raw of rows.slice(header.rowIndex + 1)) dataRow(sink, state, raw);
}

/** Tracks columns with data under blank header cells and runs of blank rows, then hands a row with content to the reader. */
function dataRow(sink: TableSink, state: TableState, written: RawRow): void {
  const merged = state.merges?.dataRow(written);
  const raw = merged?.row ?? written;
  // Columns with data under a blank (or missing) header cell, for blank-header.
  for (let column = state.headerWidth; column < raw.cells.length; column++) if (cellText(raw.cells[column]) !== null) state.withData.add(column);
  for (const column of state.blankWithin) if (!state.withData.has(column) && cellText(raw.cells[column]) !== null) state.withData.add(column);
  if (raw.cells.every((value) => cellText(value) === null && !(value !== null && value !== undefined && isCellError(value)))) return;
  // Rows a workbook omits and rows with nothing in them both count as blank; trailing ones are never seen here.
  if (raw.row > state.lastContentRow + 1) {
    const from = state.lastContentRow + 1;
    sink.problem({
      kind: 'blank-row',
      to: raw.row - 1,
      field: null,
      value: '',
      location: cellLocation(state.place, from, 0),
      persona: null,
      stage: null,
      touchpoint: null,
    });
  }
  state.lastContentRow = raw.row;
  if (merged?.divider === 'continued') return;
  if (section(sink, state, raw, merged?.divider === 'first')) return;
  sink.readRow(state, raw);
}

/**
 * The text of a section row: one text in the row (a merged range repeats it across), not in the
 * touchpoint column unless it marks rows planned or current or names a step; a lone stage cell is left
 * to the row reader, which carries it down as before.
 */
function sectionText(state: TableState, raw: RawRow, divider = false): string | null {
  // A row merged across the table is a divider however narrow the table (a one-cell row of two columns may be a value).
  if (!divider && !isSectionRow(raw, state.headerWidth)) return null;
  const columns = raw.cells.flatMap((value, column) => (cellText(value) === null ? [] : [column]));
  const text = cellText(raw.cells[columns[0]!])!;
  if (columns.length > 1) return text;
  const kind = sectionKind(text, () => false);
  const column = columns[0]!;
  const { stage, touchpoint } = state.header!.columns;
  if (kind === 'planned' || kind === 'current') return text;
  if (column === stage) return null;
  if (column === touchpoint) return kind === 'stage' ? text : null;
  return text;
}

/** Reads a section row: what it says for the rows under it. False when the row is no section. */
function section(sink: TableSink, state: TableState, raw: RawRow, divider: boolean): boolean {
  const text = sectionText(state, raw, divider);
  if (text === null) return false;
  const kind = sectionKind(text, (t) => sink.isStage(t));
  state.sections.push({ row: raw.row, text, kind });
  if (kind === 'planned') state.planned = true;
  else if (kind === 'current') state.planned = false;
  else if (kind === 'stage') {
    const stage = { text: stageName(text), row: raw.row };
    state.sectionStage = stage;
    // Blank stage cells below take the section's stage.
    if (state.header!.columns.stage !== undefined) state.inheritedStage = stage;
  }
  return true;
}
