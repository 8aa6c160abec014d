import { isCellError, type CellValue, type RawRow } from '../../load/index.js';
import { cellLocation } from '../cells.js';
import { RATE_FIELDS } from '../fields.js';
import { readCount, readCsat, readDate, readNps, readRate, type Reading } from '../figures.js';
import type { Field, Frequency, Location, Metrics, ProblemDetail, Touchpoint, ValueProblem } from '../schema.js';
import type { Vocabularies, Vocabulary } from '../vocabulary.js';
import { noteChannelFromName } from './channel-from-name.js';
import type { NormalizeObserver, ObservedValue } from './observer.js';
import { isAlwaysOn, isTimingWord, type StageReader, type Timing } from './stages.js';
import type { TableState, Timeline } from './table.js';
import {
  MAX_VALUE_LENGTH,
  calendarDate,
  cellText,
  dayFromText,
  isBlank,
  readChannels,
  readDay,
  readSentiment,
  readVocabulary,
  shownValue,
  unknownValue,
} from './values.js';
import { readLenient } from '../reading/lenient.js';
import { scheduleDay } from './schedules.js';

// Shared by every row without figures; rules only read it.
const NO_METRICS: Metrics = Object.freeze({
  audience: null,
  sent: null,
  openRate: null,
  clickRate: null,
  conversionRate: null,
  dropOffRate: null,
  unsubscribeRate: null,
  nps: null,
  csat: null,
});

/** What reading rows needs from the normalizer: vocabularies, shared strings, personas, and where problems go. */
export interface RowServices {
  vocabularies: Vocabularies;
  /** Reads stage cells against the stage model in force (the configured one, or the file's own). */
  stages: StageReader;
  intern(text: string | null): string | null;
  /** A team as written, read through the config's `teams` aliases (and shared like intern). */
  team(text: string | null): string | null;
  frequency(text: string): Frequency;
  persona(name: string, state: TableState): string;
  problem(problem: ValueProblem): void;
  problemCount(): number;
  /** Watches the values read, for `journey inspect`, when given. */
  observer?: NormalizeObserver;
  touchpoint(touchpoint: Omit<Touchpoint, 'index'>): void;
  /** The channel a touchpoint name speaks of ("Welcome email"), for a table with no channel column. */
  channelOf(name: string): string | null;
}

/** The row being read, and what is known of it so far: what every reader of its cells needs. */
interface RowContext {
  state: TableState;
  raw: RawRow;
  persona: string;
  stage: string | null;
  name: string | null;
}

/** Reads one data row (not blank, below the header) into a touchpoint, or into problems. */
export class RowReader {
  constructor(private readonly services: RowServices) {}

  read(state: TableState, raw: RawRow): void {
    const { services } = this;
    const header = state.header!;
    const row: RowContext = { state, raw, persona: state.fallbackPersona, stage: null, name: null };
    const problemsBefore = services.problemCount();

    const personaText = this.text(row, 'persona');
    if (personaText !== null) state.inheritedPersona = personaText;
    row.persona = services.persona(header.columns.persona !== undefined ? (state.inheritedPersona ?? state.fallbackPersona) : state.fallbackPersona, state);

    const stageText = this.text(row, 'stage');
    if (stageText !== null) state.inheritedStage = { text: stageText, row: raw.row };
    const name = services.intern(this.text(row, 'touchpoint'));
    if (name === null) {
      if (services.problemCount() === problemsBefore && !rowHasOwnContent(state, raw)) return;
      this.problem(row, { kind: 'invalid-value', field: 'touchpoint', value: '', reason: { code: 'missing' } });
      return;
    }
    row.name = name;
    const statusText = this.text(row, 'status');
    // Under a "Future state" or "Backlog" section, a row with no status of its own is planned.
    const status = statusText === null ? (state.planned ? 'planned' : null) : this.closedValue(row, services.vocabularies.statuses, 'status', statusText);
    if (status === 'retired') {
      state.retired++;
      return;
    }
    // A table without a stage column is a timeline: its rows have no stage, and no problem says so on each row.
    let stageTiming: Timing | null = null;
    if (header.columns.stage !== undefined) {
      const inherited = state.inheritedStage;
      if (inherited) [row.stage, stageTiming] = this.stage(row, inherited);
      else this.problem(row, { kind: 'invalid-value', field: 'stage', value: '', reason: { code: 'missing' } });
    } else if (state.sectionStage !== null) {
      // No stage column: the section row above names the stage ("Phase 2: Booking").
      [row.stage, stageTiming] = this.stage(row, state.sectionStage);
    }

    const channels = header.columns.channel === undefined ? this.channelFromName(row, name) : this.channelCell(row);
    const modeText = this.text(row, 'mode');
    const directionText = this.text(row, 'direction');
    const frequencyText = this.text(row, 'frequency');

    const when = this.day(row, stageTiming);
    // Timing words say how often ("Monthly") or that the touchpoint is always there ("Ongoing") when no column says so.
    const timingFrequency = frequencyText === null && when.timing !== null ? services.frequency(when.timing) : null;
    const frequency = frequencyText !== null ? services.frequency(frequencyText) : timingFrequency?.recurring ? timingFrequency : null;
    const mode =
      modeText !== null
        ? this.closedValue(row, services.vocabularies.modes, 'mode', modeText)
        : header.columns.mode === undefined && when.timing !== null && isAlwaysOn(when.timing)
          ? 'ongoing'
          : null;

    services.touchpoint({
      persona: row.persona,
      stage: row.stage,
      name,
      team: services.team(this.text(row, 'team')),
      channel: channels[0] ?? null,
      channels,
      mode,
      direction: directionText === null ? null : this.closedValue(row, services.vocabularies.directions, 'direction', directionText),
      ...when,
      frequency,
      kpi: services.intern(this.text(row, 'kpi')),
      notes: this.text(row, 'notes'),
      owner: services.intern(this.text(row, 'owner')),
      status,
      metrics: this.metrics(row),
      sentiment: this.figure(row, 'sentiment', (v) => readSentiment(v, services.vocabularies.sentiments)),
      painPoint: this.text(row, 'painPoint'),
      lastReviewed: this.figure(row, 'lastReviewed', readDate),
      event: this.text(row, 'event'),
      ...(state.schedules.length > 0 && { schedules: this.schedules(row) }),
      row: raw.row,
      place: state.place,
    });
  }

  private observe(row: RowContext, value: ObservedValue): void {
    this.services.observer!.value(row.state.place, value);
  }

  /** A formula error (#DIV/0!, #N/A) in a cell the row reads: reported at the cell, read as blank. */
  private formulaError(row: RowContext, field: Field, error: string): void {
    this.problem(row, { kind: 'invalid-value', field, value: error, reason: { code: 'formula-error' } });
  }

  /** The raw value of a field's cell in the row; undefined when the table has no such column. */
  private value(row: RowContext, field: Field): CellValue | undefined {
    const column = row.state.header!.columns[field];
    return column === undefined ? undefined : row.raw.cells[column];
  }

  /** A cell's location, built only for a problem: most rows have none, and a million rows have millions of cells. */
  private at(row: RowContext, field: Field): Location {
    return cellLocation(row.state.place, row.raw.row, row.state.header!.columns[field] ?? 0);
  }

  /** A field's text; a formula error in its cell is an invalid-value problem and reads as blank. */
  private text(row: RowContext, field: Field): string | null {
    const value = this.value(row, field);
    if (value !== undefined && value !== null && isCellError(value)) {
      // Found before the row's persona and name are known, so it names neither.
      const location = this.at(row, field);
      this.services.problem({
        kind: 'invalid-value',
        field,
        value: value.error,
        reason: { code: 'formula-error' },
        location,
        persona: null,
        stage: null,
        touchpoint: null,
      });
      return null;
    }
    return cellText(value);
  }

  private problem(row: RowContext, problem: ProblemDetail & { field: Field; value: string }, location = this.at(row, problem.field)): void {
    // A stage problem is about the stage itself, so it names none.
    const stage = problem.field === 'stage' ? null : row.stage;
    this.services.problem({ ...problem, location, persona: row.persona, stage, touchpoint: row.name });
  }

  /**
   * The stage a row inherits (its own, or the last one written above it); unknown ones are reported at the
   * cell that holds them. A timing written in the stage column ("Week 1", "Ongoing") is no stage: it is
   * handed back to be read as the row's day when the row has none of its own.
   */
  private stage(row: RowContext, inherited: { text: string; row: number }): [string | null, Timing | null] {
    const { state } = row;
    const read = this.services.stages.read(inherited.text);
    // A stage cell is seen once, on its own row, not again on each row that inherits it.
    if (this.services.observer && inherited.row === row.raw.row)
      this.observe(row, {
        field: 'stage',
        text: inherited.text,
        read: 'id' in read ? [read.id] : 'timing' in read ? [timingText(read.timing)] : read.readAs !== null ? [read.readAs] : null,
        suggestion: 'unknown' in read ? read.unknown : null,
        ...('unknown' in read && read.readAs !== null && { typo: true }),
      });
    if ('timing' in read) {
      state.stageCells.timings++;
      return [null, read.timing];
    }
    state.stageCells.stages++;
    if ('id' in read) return [read.id, null];
    const where = cellLocation(state.place, inherited.row, state.header!.columns.stage ?? 0);
    this.problem(row, { ...unknownValue(read.unknown, read.readAs), field: 'stage', value: inherited.text }, where);
    // A confident typo ("Onbording") is still reported, and the row is read in the stage it misspells.
    return [read.readAs, null];
  }

  /** The channels a channel cell names; each part journey does not know is an unknown-value problem. */
  private channels(row: RowContext, text: string): string[] {
    const read = readChannels(this.services.vocabularies.channels, text);
    if (this.services.observer)
      this.observe(row, {
        field: 'channel',
        text,
        read: read.ids.length > 0 ? read.ids : null,
        suggestion: read.unknown[0]?.suggestion ?? null,
        ...(read.unknown.some((unknown) => unknown.readAs !== null) && { typo: true }),
      });
    for (const unknown of read.unknown) this.problem(row, { ...unknownValue(unknown.suggestion, unknown.readAs), field: 'channel', value: unknown.text });
    return read.ids;
  }

  /** The channels of the row's channel cell; a blank one is a missing value. */
  private channelCell(row: RowContext): string[] {
    const channelText = this.text(row, 'channel');
    const channelValue = this.value(row, 'channel');
    if (channelText === null && !(channelValue != null && isCellError(channelValue)))
      this.problem(row, { kind: 'invalid-value', field: 'channel', value: '', reason: { code: 'missing' } });
    return channelText === null ? [] : this.channels(row, channelText);
  }

  /** With no channel column: the channel the touchpoint's name speaks of, if any (one note per table, never a problem per row). */
  private channelFromName(row: RowContext, name: string): string[] {
    const channel = this.services.channelOf(name);
    noteChannelFromName(row.state, row.raw.row, name, channel);
    return channel === null ? [] : [channel];
  }

  /**
   * Maps a mode, direction or status; anything outside its fixed set is an invalid value. A confident
   * typo of a mode or direction ("Automatc") is reported and read as the value it misspells; a status
   * never is ("Retried" is one swap from "Retired", which would drop the row).
   */
  private closedValue<Id extends string>(row: RowContext, vocabulary: Vocabulary<Id>, field: 'mode' | 'direction' | 'status', text: string): Id | null {
    const exact = readVocabulary(vocabulary, text);
    // "Automated → manual if negative" is automatic, with a note on it: the words before the note are the value.
    const lenient = 'id' in exact || field === 'status' ? null : readLenient(vocabulary, text);
    const read = lenient !== null ? { id: lenient } : exact;
    const readAs = 'id' in read || field === 'status' ? null : read.readAs;
    if (this.services.observer)
      this.observe(row, {
        field,
        text,
        read: 'id' in read ? [read.id] : readAs !== null ? [readAs] : null,
        suggestion: 'id' in read ? null : read.suggestion,
        ...(readAs !== null && { typo: true }),
      });
    if ('id' in read) return read.id;
    this.problem(row, {
      kind: 'invalid-value',
      field,
      value: text,
      reason: { code: 'not-in-set', suggestion: read.suggestion, ...(readAs !== null && { readAs }) },
    });
    return readAs;
  }

  /** The day offset, or the timing text when the cell names no day ("Q3", "Ongoing"); else the timing the stage column gave. */
  private day(row: RowContext, fromStage: Timing | null): Timing {
    const value = this.value(row, 'day');
    if (value != null && isCellError(value)) {
      this.formulaError(row, 'day', value.error);
      return fromStage ?? { day: null, timing: null };
    }
    const dated = this.datedDay(row, value);
    if (dated !== null) return dated;
    const reading = shifted(readDay(value), value, row.state.timeline);
    if (reading === null) return fromStage ?? { day: null, timing: null };
    // Timing written in words is what inspect shows; plain numbers read as themselves.
    if (this.services.observer && typeof value === 'string' && !/^\s*\d+\s*$/.test(value))
      this.observe(row, {
        field: 'day',
        text: shownValue(value),
        read: 'value' in reading ? [`day ${reading.value}`] : reading.error === 'day' ? ['timing text'] : null,
        suggestion: null,
      });
    const cells = row.state.dayCells;
    if ('value' in reading) {
      cells.days++;
      return { day: reading.value, timing: null };
    }
    // Words that say when without a day ("Ongoing", "Monthly", "Q3") are timing, never a mistake.
    const text = cellText(value);
    if (reading.error === 'day' && text !== null) {
      const { examples } = row.state.dayCells;
      if (examples.length < 3 && !examples.includes(text) && text.length <= MAX_VALUE_LENGTH * 5) examples.push(text);
      if (isTimingWord(text)) {
        row.state.dayCells.timingWords++;
        return { day: null, timing: text };
      }
    }
    const problem: ValueProblem = {
      kind: 'invalid-value',
      field: 'day',
      value: shownValue(value!),
      reason: { code: 'unreadable', expected: reading.error },
      location: this.at(row, 'day'),
      persona: row.persona,
      stage: row.stage,
      touchpoint: row.name,
    };
    if (reading.error !== 'day') {
      // A number or a date that is no day offset is a mistake, whatever the rest of the column holds.
      cells.days++;
      this.services.problem(problem);
      return { day: null, timing: null };
    }
    cells.words.push(problem);
    return { day: null, timing: cellText(value) };
  }

  /** In a dated timeline, a date cell's day (days since the table's earliest date), the date kept as its timing text. */
  private datedDay(row: RowContext, value: CellValue | undefined): Timing | null {
    const { timeline } = row.state;
    if (timeline.kind !== 'dates') return null;
    const date = calendarDate(value);
    if (date === null) return null;
    const iso = new Date(date).toISOString().slice(0, 10);
    const day = Math.round((date - timeline.anchor) / DAY_MS);
    if (this.services.observer) this.observe(row, { field: 'day', text: shownValue(value!), read: day >= 0 ? [`day ${day}`] : null, suggestion: null });
    row.state.dayCells.days++;
    if (day >= 0) return { day, timing: iso };
    // Earlier than the first rows' earliest date (a later row of a long table): no day, and said so.
    this.services.problem({
      kind: 'invalid-value',
      field: 'day',
      value: iso,
      reason: { code: 'unreadable', expected: 'day-negative' },
      location: this.at(row, 'day'),
      persona: row.persona,
      stage: row.stage,
      touchpoint: row.name,
    });
    return { day: null, timing: iso };
  }

  /** The row's other schedules (a date column per cohort): each one's header, date and day from its earliest date. */
  private schedules(row: RowContext): NonNullable<Touchpoint['schedules']> {
    return row.state.schedules.map((schedule) => ({ label: schedule.label, ...scheduleDay(row.raw.cells[schedule.column], schedule) }));
  }

  /** A figure read from its cell; a cell that holds something else is an invalid-value problem and reads as null. */
  private figure<T>(row: RowContext, field: Field, reader: (value: CellValue) => Reading<T>): T | null {
    const value = this.value(row, field);
    if (isBlank(value)) return null;
    if (isCellError(value!)) {
      this.formulaError(row, field, value.error);
      return null;
    }
    const reading = reader(value!);
    if ('value' in reading) return reading.value;
    this.problem(row, { kind: 'invalid-value', field, value: shownValue(value!), reason: { code: 'unreadable', expected: reading.error } });
    return null;
  }

  /** The row's figures. */
  private metrics(row: RowContext): Metrics {
    const sent = this.figure(row, 'sent', readCount);
    const metrics: Metrics = {
      audience: this.figure(row, 'audience', readCount),
      sent,
      openRate: null,
      clickRate: null,
      conversionRate: null,
      dropOffRate: null,
      unsubscribeRate: null,
      nps: this.figure(row, 'nps', readNps),
      csat: this.figure(row, 'csat', readCsat),
    };
    let known = metrics.audience !== null || sent !== null || metrics.nps !== null || metrics.csat !== null;
    for (const [field, key] of RATE_FIELDS) {
      const rate = this.figure(row, field, (v) => readRate(v, sent));
      metrics[key] = rate;
      if (rate !== null) known = true;
    }
    return known ? metrics : NO_METRICS;
  }
}

const DAY_MS = 86_400_000;

/** A day reading with the table's shift applied: offsets before a moment ("T-90") count from the earliest of them. */
function shifted(reading: Reading<number> | null, value: CellValue | undefined, timeline: Timeline): Reading<number> | null {
  if (reading === null || timeline.kind !== 'offsets' || timeline.shift === 0) return reading;
  if ('value' in reading) return { value: reading.value + timeline.shift };
  if (reading.error !== 'day-negative' || typeof value !== 'string') return reading;
  const day = dayFromText(cellText(value) ?? '');
  return day !== null && Number.isInteger(day) && day + timeline.shift >= 0 ? { value: day + timeline.shift } : reading;
}

/** A timing read from the stage column, as inspect shows it. */
function timingText(timing: Timing): string {
  return timing.day !== null ? `day ${timing.day}` : 'timing text';
}

/** True when the row has a value in a column other than the inherited stage and persona. */
function rowHasOwnContent(state: TableState, raw: RawRow): boolean {
  const header = state.header!;
  const inherited = new Set([header.columns.stage, header.columns.persona]);
  return Object.values(header.columns).some((column) => !inherited.has(column) && cellText(raw.cells[column]) !== null);
}
