import { basename, extname } from 'node:path';
import { columnLetter } from '../../load/address.js';
import { isCellError, type CellValue, type RawRow, type RawTable } from '../../load/index.js';
import { cellLocation } from '../cells.js';
import { HEADER_SEARCH_ROWS } from '../columns.js';
import { FIELDS } from '../fields.js';
import type { ExpectedValue, Field, Location, Metrics, ProblemDetail, Sentiment, SheetSummary, TablePlace } from '../schema.js';
import { foldLabel } from '../text.js';
import { channelsFromNamesProblem, noteChannelFromName } from './channel-from-name.js';
import type { RowServices } from './row.js';
import { beginTable } from './table.js';
import { cellText, MAX_VALUE_LENGTH, readChannels, readDay, readSentiment, shownValue, unknownValue } from './values.js';

/**
 * What a lane of a journey-map grid holds: a field (the catalogue's `laneWords` name its lanes, see
 * src/model/fields.ts), or one of the lanes below. Goal, action and thinking lanes are kept in the
 * touchpoints' notes; an opportunity is the touchpoint's stage's idea.
 */
type Lane = Field | 'opportunity' | 'goal' | 'action' | 'thinking' | 'other';

/** Labels of the lanes that hold no field, as journey-map templates and service designers write them (folded; a plural "s" is also taken off). */
const OTHER_LANE_NAMES: Record<Exclude<Lane, Field>, readonly string[]> = {
  opportunity: [
    'opportunity',
    'idea',
    'improvement',
    'improvement idea',
    'how might we',
    'hmw',
    'recommendation',
    'solution',
    'next step',
    'action item',
    'opportunity for improvement',
    'oportunidad',
    'oportunidade',
    'opportunite',
    'chance',
    'opportunita',
    'kans',
    '機会',
    '改善案',
    '施策',
  ],
  goal: [
    'goal',
    'customer goal',
    'need',
    'customer need',
    'objective',
    'job to be done',
    'jtbd',
    'expectation',
    'user goal',
    'guest goal',
    'objetivo',
    'ziel',
    'obiettivo',
    'doel',
    '目標',
    'ゴール',
    'ニーズ',
  ],
  action: [
    'action',
    'customer action',
    'doing',
    'activity',
    'behaviour',
    'behavior',
    'what they do',
    'task',
    'user action',
    'accion',
    'acao',
    'handlung',
    'azione',
    'actie',
    '行動',
  ],
  thinking: ['thinking', 'thought', 'question', 'quote', 'thinking and feeling', 'what they think', 'saying', 'what they say', 'mindset', '思考', '考え'],
  other: ['backstage', 'frontstage', 'front stage', 'back stage', 'supporting process', 'system', 'process', 'evidence', 'prop', 'persona', 'scenario'],
};

/** Every lane label: the fields' own (the field catalogue's lane words), then the other lanes'. */
const LANE_NAMES: [Lane, readonly string[]][] = [
  ...FIELDS.flatMap((entry): [Lane, readonly string[]][] => (entry.laneWords ? [[entry.id, entry.laneWords]] : [])),
  ...(Object.entries(OTHER_LANE_NAMES) as [Lane, readonly string[]][]),
];

/** The field a lane is read into (its location uses that field's lane row), or null for a lane of no field. */
const FIELD_LANES = new Set<Lane>(FIELDS.flatMap((entry) => (entry.laneWords ? [entry.id] : [])));
const fieldOfLane = (lane: Lane): Field | null => (FIELD_LANES.has(lane) ? (lane as Field) : null);

const LANE_BY_KEY = new Map<string, Lane>();
for (const [lane, names] of LANE_NAMES) for (const name of names) LANE_BY_KEY.set(foldLabel(name), lane);

const singularOf = (key: string) => (key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key);

/**
 * The lane a first-column cell names ("Touchpoints", "Emotions 😊", "Pain points", "タッチポイント"), or
 * null; a label of a few words names the lane of its longest known run ("Touchpoints in thesis",
 * "Reported friction", "Guest goal").
 */
export function laneOf(value: CellValue | undefined): Lane | null {
  if (typeof value !== 'string' || value.length > 60) return null;
  const bare = value.replace(/\(.*?\)/g, '');
  const key = foldLabel(bare);
  if (key === '') return null;
  const whole = LANE_BY_KEY.get(key) ?? LANE_BY_KEY.get(singularOf(key));
  if (whole !== undefined) return whole;
  const words = bare
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldLabel)
    .filter(Boolean);
  if (words.length < 2 || words.length > 5) return null;
  for (let length = words.length - 1; length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length).join('');
      const lane = LANE_BY_KEY.get(run) ?? LANE_BY_KEY.get(singularOf(run));
      if (lane !== undefined) return lane;
    }
  }
  return null;
}

/** A journey-map grid found in a table: its label column, its stage row, its lanes and its stage columns. */
export interface GridShape {
  labelColumn: number;
  /** Index in the table's rows of the row naming the stages. */
  stageRowIndex: number;
  lanes: { rowIndex: number; row: number; label: string; lane: Lane }[];
  stageColumns: number[];
}

/** Lanes a grid needs besides Touchpoint, so a table whose first column happens to say "Team" is never taken for one. */
const MIN_LANES = 3;

/**
 * Recognizes the classic journey-map grid among a table's first rows: a first column naming lanes
 * (Touchpoint, Channel, Emotion, Pain point, Opportunity...) and the stages running across, in the
 * Stage lane or the row above the first lane. Null for anything else (an inventory has fields across).
 */
export function findGrid(rows: readonly RawRow[]): GridShape | null {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  for (let labelColumn = 0; labelColumn < 3; labelColumn++) {
    const lanes = top.flatMap((raw, rowIndex) => {
      const lane = laneOf(raw.cells[labelColumn]);
      return lane === null ? [] : [{ rowIndex, row: raw.row, label: cellText(raw.cells[labelColumn])!, lane }];
    });
    if (lanes.length < MIN_LANES || !lanes.some((lane) => lane.lane === 'touchpoint')) continue;
    const stageLane = lanes.find((lane) => lane.lane === 'stage');
    const filled = (rowIndex: number) => top[rowIndex]!.cells.flatMap((value, column) => (column > labelColumn && cellText(value) !== null ? [column] : []));
    let stageRowIndex = stageLane?.rowIndex ?? -1;
    if (stageRowIndex === -1) {
      // The stage names head the lanes: the nearest row above the first lane with names across.
      for (let i = lanes[0]!.rowIndex - 1; i >= 0 && stageRowIndex === -1; i--) if (filled(i).length >= 2) stageRowIndex = i;
    }
    if (stageRowIndex === -1) continue;
    const stageColumns = filled(stageRowIndex);
    if (stageColumns.length < 2) continue;
    return { labelColumn, stageRowIndex, lanes: lanes.filter((lane) => lane.rowIndex !== stageRowIndex), stageColumns };
  }
  return null;
}

/** Longest cell split into items. */
const MAX_ITEMS_TEXT = 5000;
const BULLET = /^\s*(?:[-*•·●▪◦–—>]|\d{1,2}[.)])\s+/;

/**
 * The items of a grid cell: "FB ads, SEO", "Email; SMS", one per line, or bulleted lines ("• Webinar").
 * Commas inside brackets stay ("Email (welcome, tips)").
 */
export function splitItems(value: CellValue | undefined): string[] {
  if (typeof value !== 'string') {
    const text = cellText(value);
    return text === null ? [] : [text];
  }
  if (value.length > MAX_ITEMS_TEXT) return [cellText(value.slice(0, MAX_ITEMS_TEXT)) ?? ''].filter(Boolean);
  const items: string[] = [];
  for (const line of value.split(/\r\n|\r|\n/)) {
    let depth = 0;
    let start = 0;
    const body = line.replace(BULLET, '');
    for (let i = 0; i <= body.length; i++) {
      const c = body[i];
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      else if (i === body.length || (depth === 0 && (c === ',' || c === ';' || c === '•' || c === '·' || c === '|'))) {
        const item = cellText(body.slice(start, i).replace(BULLET, ''));
        if (item !== null) items.push(item);
        start = i + 1;
      }
    }
  }
  return items;
}

// Shared by every touchpoint a grid gives: a grid carries no figures.
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

const NOTE_LABEL: Partial<Record<Lane, string>> = { goal: 'Goal', action: 'Action', thinking: 'Thinking' };

/** What the grid reader needs of the normalizer: the row reader's services and the channel a name speaks of. */
export type GridServices = Pick<RowServices, 'vocabularies' | 'stages' | 'intern' | 'team' | 'persona' | 'problem' | 'touchpoint' | 'channelOf'> & {
  touchpointCount(): number;
};

/**
 * Reads a journey-map grid transposed: each stage column gives a touchpoint per item of its Touchpoint
 * cell, each with the stage's channel, emotion, pain point, opportunity and team lanes. Every value and
 * problem keeps its real cell (`Map!C3`).
 */
export function readGrid(services: GridServices, table: RawTable, shape: GridShape, personaName?: string): SheetSummary {
  const { file, sheet } = table;
  const before = services.touchpointCount();
  const state = beginTable(file, sheet, before, table.lines ? { firstRow: table.rows[0]?.row ?? 1 } : undefined);
  const stageRow = table.rows[shape.stageRowIndex]!;
  const columnNames = table.lines ? stageRow.cells.map((value) => cellText(value) ?? '') : undefined;
  const persona = services.persona(personaName ?? sheet ?? basename(file, extname(file)), state);
  // The first lane of each kind is read; a second "Touchpoints" lane is a note, not a second reading.
  const laneRow = new Map<Lane, RawRow>();
  for (const lane of shape.lanes) if (!laneRow.has(lane.lane)) laneRow.set(lane.lane, table.rows[lane.rowIndex]!);
  const rows: Partial<Record<Field, number>> = { stage: stageRow.row };
  for (const [lane, raw] of laneRow) {
    const field = fieldOfLane(lane);
    if (field !== null) rows[field] = raw.row;
  }
  const touchpointRow = laneRow.get('touchpoint')!;
  const stages: { column: string; text: string }[] = [];

  // The stage row decides, like a table's stage column, whether the stages are the model's or the grid's own.
  const stageTexts = shape.stageColumns.flatMap((column) => cellText(stageRow.cells[column]) ?? []);
  if (shape.stageColumns.length > 0)
    services.stages.decide(stageTexts, cellLocation({ file, sheet, ...(columnNames ? { columnNames } : {}) }, stageRow.row, shape.stageColumns[0]!));
  for (const column of shape.stageColumns) {
    const letter = columnLetter(column);
    const place: TablePlace = {
      file,
      sheet,
      columns: Object.fromEntries(Object.keys(rows).map((field) => [field, letter])),
      rows,
      ...(columnNames ? { columnNames } : {}),
    };
    const at = (row: number): Location => cellLocation(place, row, column);
    const cell = (lane: Lane): CellValue | undefined => laneRow.get(lane)?.cells[column];
    const problem = (detail: ProblemDetail, field: Field, value: string, row: number, stage: string | null, touchpoint: string | null) =>
      services.problem({ ...detail, field, value, location: at(row), persona, stage, touchpoint });
    // A formula error in any lane read is reported at its cell and reads as blank.
    for (const [lane, raw] of laneRow) {
      if (lane === 'other') continue;
      const value = raw.cells[column];
      const field = fieldOfLane(lane) ?? 'notes';
      if (value != null && isCellError(value)) problem({ kind: 'invalid-value', reason: { code: 'formula-error' } }, field, value.error, raw.row, null, null);
    }

    const stageText = cellText(stageRow.cells[column])!;
    stages.push({ column: letter, text: stageText });
    const stageRead = services.stages.read(stageText);
    const stage = 'id' in stageRead ? stageRead.id : 'unknown' in stageRead ? stageRead.readAs : null;
    if ('unknown' in stageRead) problem(unknownValue(stageRead.unknown, stageRead.readAs), 'stage', stageText, stageRow.row, null, null);

    const names = splitItems(cell('touchpoint')).filter((name) => name.length <= MAX_VALUE_LENGTH * 5);
    if (names.length === 0) continue;

    // The channel lane: one channel per touchpoint when it lists as many items, else read as a whole.
    const channelRow = laneRow.get('channel');
    const channelItems = splitItems(cell('channel'));
    const paired = channelItems.length === names.length && names.length > 1;
    const laneChannels = (text: string, touchpoint: string | null): string[] => {
      const read = readChannels(services.vocabularies.channels, text);
      for (const unknown of read.unknown)
        problem(unknownValue(unknown.suggestion, unknown.readAs), 'channel', unknown.text, channelRow!.row, stage, touchpoint);
      return read.ids;
    };
    const wholeChannelText = cellText(cell('channel'));
    const wholeChannels = !paired && wholeChannelText !== null ? laneChannels(wholeChannelText, null) : [];

    const sentiment = readStageSentiment(services, cell('sentiment'), (value) =>
      problem(
        { kind: 'invalid-value', reason: { code: 'unreadable', expected: 'sentiment-scale' } },
        'sentiment',
        value,
        laneRow.get('sentiment')!.row,
        stage,
        null,
      ),
    );
    const day = readStageDay(cell('day'));
    if (day.invalid)
      problem(
        { kind: 'invalid-value', reason: { code: 'unreadable', expected: day.invalid } },
        'day',
        shownValue(cell('day')!),
        laneRow.get('day')!.row,
        stage,
        null,
      );
    const teamItems = splitItems(cell('team'));
    const wholeTeam = cellText(cell('team'));
    const notes = (['goal', 'action', 'thinking'] as const)
      .flatMap((lane) => {
        const text = cellText(cell(lane));
        return text === null ? [] : [`${NOTE_LABEL[lane]}: ${text}`];
      })
      .join(' · ');

    names.forEach((name, i) => {
      let channels: string[];
      if (paired) channels = laneChannels(channelItems[i]!, name);
      else {
        const fromName = services.channelOf(name);
        channels = fromName !== null ? [fromName] : wholeChannels;
        // With no Channel lane at all, say which names gave a channel, as for a table with no channel column.
        if (channelRow === undefined) noteChannelFromName(state, touchpointRow.row, name, fromName);
      }
      services.touchpoint({
        persona,
        stage,
        name: services.intern(name)!,
        team: services.team(teamItems.length === names.length ? teamItems[i]! : wholeTeam),
        channel: channels[0] ?? null,
        channels,
        mode: null,
        direction: null,
        day: day.day,
        timing: day.timing,
        frequency: null,
        kpi: services.intern(cellText(cell('kpi'))),
        notes: notes === '' ? null : notes,
        owner: null,
        status: null,
        metrics: NO_METRICS,
        sentiment,
        painPoint: cellText(cell('painPoint')),
        opportunity: cellText(cell('opportunity')),
        lastReviewed: null,
        row: touchpointRow.row,
        place,
      });
    });
  }

  const labelPlace = { file, sheet, ...(columnNames ? { columnNames } : {}) };
  channelsFromNamesProblem(services, state, cellLocation(labelPlace, touchpointRow.row, shape.labelColumn), true);
  return {
    sheet,
    headerRow: stageRow.row,
    touchpoints: services.touchpointCount() - before,
    retired: 0,
    skipped: null,
    // Each field read, at its lane's label column: what the sheet has, as an inventory's header says it.
    columns: Object.fromEntries(Object.keys(rows).map((field) => [field, columnLetter(shape.labelColumn)])),
    grid: {
      lanes: shape.lanes.map((lane) => ({
        label: lane.label,
        row: lane.row,
        readAs: laneRow.get(lane.lane) === table.rows[lane.rowIndex] && lane.lane !== 'other' ? lane.lane : null,
      })),
      stages,
    },
  };
}

/** The stage's emotion: a -2..+2 number or emotion words; a number outside the scale is reported once. */
function readStageSentiment(services: GridServices, value: CellValue | undefined, invalid: (value: string) => void): Sentiment | null {
  if (value === undefined || value === null || isCellError(value) || cellText(value) === null) return null;
  const reading = readSentiment(value, services.vocabularies.sentiments);
  if ('value' in reading) return reading.value;
  invalid(shownValue(value));
  return null;
}

/** The stage's timing: a day, or words kept as timing text; a date or a negative number is invalid. */
function readStageDay(value: CellValue | undefined): { day: number | null; timing: string | null; invalid?: ExpectedValue } {
  const reading = readDay(value);
  if (reading === null) return { day: null, timing: null };
  if ('value' in reading) return { day: reading.value, timing: null };
  if (reading.error === 'day') return { day: null, timing: cellText(value) };
  return { day: null, timing: null, invalid: reading.error };
}
