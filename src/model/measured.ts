// Measured figures (journey measure --write-metrics, read back with --metrics) beside the inventory's
// own: read from their file, then filled into the touchpoints that have none of their own.
import { InputError } from '../errors.js';
import { shorten } from '../escape.js';
import type { CellValue, RawRow, RawTable } from '../load/table.js';
import { isCellError } from '../load/table.js';
import { cellLocation } from './cells.js';
import { FIELD_BY_ID, METRIC_FIELDS } from './fields.js';
import { readCount, readCsat, readNps, readRate, type Reading } from './figures.js';
import type { JourneyModel, Location, Metrics, StageModel, Touchpoint } from './schema.js';
import { foldKey } from './text.js';

/** One row of a metrics file: the touchpoint it is keyed to (persona and stage may be blank) and its figures. */
export interface MeasuredRow {
  persona: string;
  stage: string;
  touchpoint: string;
  figures: Partial<Record<keyof Metrics, number>>;
  /** The row in the metrics file (line of a CSV). */
  location: Location;
}

type Key = 'persona' | 'stage' | 'touchpoint';
const KEYS: readonly Key[] = ['persona', 'stage', 'touchpoint'];
const HEADER_SEARCH_ROWS = 10;
/** Most rows a note names one by one; the rest are counted. */
const NAMED = 5;

/** What a figure that cannot be read should have been. */
const EXPECTED: Partial<Record<string, string>> = { rate: 'rate (41%, 0.41)', count: 'count', nps: 'NPS (-100 to 100)', csat: 'CSAT (a share, or 1 to 5)' };

const READER: Record<keyof Metrics, (value: CellValue) => Reading<number>> = {
  audience: readCount,
  sent: readCount,
  openRate: (value) => readRate(value),
  clickRate: (value) => readRate(value),
  conversionRate: (value) => readRate(value),
  dropOffRate: (value) => readRate(value),
  unsubscribeRate: (value) => readRate(value),
  nps: readNps,
  csat: readCsat,
};

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined || isCellError(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Header words → what the column is: a key column, or a figure by its key in `metrics` (the field catalogue's words and labels). */
function headerLookup(): Map<string, Key | keyof Metrics> {
  const lookup = new Map<string, Key | keyof Metrics>();
  for (const key of KEYS) for (const word of [FIELD_BY_ID[key].label, ...FIELD_BY_ID[key].headerWords]) lookup.set(foldKey(word), key);
  for (const field of METRIC_FIELDS)
    for (const word of [field.label, ...field.headerWords]) if (!lookup.has(foldKey(word))) lookup.set(foldKey(word), field.metric);
  return lookup;
}

function findHeader(rows: readonly RawRow[]): { row: RawRow; columns: Map<Key | keyof Metrics, number> } | null {
  const lookup = headerLookup();
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<Key | keyof Metrics, number>();
    row.cells.forEach((cell, index) => {
      const column = lookup.get(foldKey(text(cell)));
      if (column !== undefined && !columns.has(column)) columns.set(column, index);
    });
    if (columns.has('touchpoint') && [...columns.keys()].some((column) => !KEYS.includes(column as Key))) return { row, columns };
  }
  return null;
}

/** Where a problem is, as an input error's place: the line of a CSV, the cell of a sheet. */
function placeOf(table: RawTable, row: number, column: number) {
  return table.sheet === null ? { file: table.file, line: row } : { file: table.file, sheet: table.sheet, cell: cellLocation(table, row, column).cell };
}

/** A row's location: its line in a CSV, its touchpoint cell in a sheet. */
function rowPlace(table: RawTable, row: number, column: number): Location {
  return table.sheet === null ? { file: table.file, sheet: null, row, column: null, cell: null } : cellLocation(table, row, column);
}

/**
 * Reads a metrics file's rows: the first table with a header naming a touchpoint column and at least one
 * figure (Reach, Drop-off rate, Conversion rate, or any figure column an inventory may have). A figure
 * that cannot be read, or a row with figures and no touchpoint, is an InputError at its line or cell
 * (with how many more there are): measured figures are machine-written, so one bad cell means a bad file.
 */
export function readMeasuredRows(tables: readonly RawTable[], file: string): MeasuredRow[] {
  const table = tables.find((candidate) => findHeader(candidate.rows) !== null);
  if (!table)
    throw new InputError(
      { file },
      'has no metrics header (a Touchpoint column and figures such as Reach, Drop-off rate, Conversion rate); journey measure --write-metrics writes one',
    );
  const { row: header, columns } = findHeader(table.rows)!;
  const figures = [...columns].filter((entry): entry is [keyof Metrics, number] => !KEYS.includes(entry[0] as Key));
  const rows: MeasuredRow[] = [];
  const problems: InputError[] = [];
  for (const row of table.rows) {
    if (row.row <= header.row) continue;
    const key = (column: Key) => (columns.has(column) ? text(row.cells[columns.get(column)!]) : '');
    const read: MeasuredRow['figures'] = {};
    for (const [metric, index] of figures) {
      const cell = row.cells[index];
      if (text(cell) === '' && !(cell !== null && cell !== undefined && isCellError(cell))) continue;
      const reading = READER[metric](cell ?? null);
      if ('value' in reading) read[metric] = reading.value;
      else {
        const label = METRIC_FIELDS.find((field) => field.metric === metric)!.label;
        problems.push(
          new InputError(
            placeOf(table, row.row, index),
            `${label} "${shorten(text(cell) || JSON.stringify(cell))}" is not a ${EXPECTED[reading.error] ?? reading.error}`,
          ),
        );
      }
    }
    const touchpoint = key('touchpoint');
    if (touchpoint === '') {
      if (Object.keys(read).length > 0)
        problems.push(new InputError(placeOf(table, row.row, columns.get('touchpoint')!), 'has figures but no touchpoint name'));
      continue;
    }
    if (Object.keys(read).length === 0) continue;
    rows.push({
      persona: key('persona'),
      stage: key('stage'),
      touchpoint,
      figures: read,
      location: rowPlace(table, row.row, columns.get('touchpoint')!),
    });
  }
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length - 1;
    throw new InputError(first!.place, more === 0 ? first!.message : `${first!.message} (and ${more} more cell${more === 1 ? '' : 's'} that cannot be read)`);
  }
  return rows;
}

function stageMatches(stageModel: StageModel, stage: string | null, written: string): boolean {
  if (stage === null) return false;
  const found = stageModel.stages.find((s) => s.id === stage);
  const key = foldKey(written);
  return [stage, ...(found ? [found.label, ...found.synonyms] : [])].some((name) => foldKey(name) === key);
}

/** "line 4" for a CSV row, the cell otherwise. */
const where = (location: Location) => location.cell ?? `line ${location.row}`;

/**
 * Fills measured figures into the touchpoints they are keyed to (touchpoint name, and persona and stage
 * when the row gives them; case and punctuation ignored), only where the row has no figure of its own:
 * the inventory's figure wins. Each filled touchpoint records which figures were measured and from which
 * row. Returns notes saying what was filled, what the inventory kept, and the rows nothing matched.
 */
export function mergeMeasured(model: JourneyModel, rows: readonly MeasuredRow[], file: string): string[] {
  const notes: string[] = [];
  const unmatched: MeasuredRow[] = [];
  const given = new Set<number>();
  const repeated: MeasuredRow[] = [];
  let kept = 0;
  const filled = new Set<number>();
  for (const row of rows) {
    const name = foldKey(row.touchpoint);
    const persona = foldKey(row.persona);
    const targets = model.touchpoints.filter(
      (t) =>
        foldKey(t.name) === name &&
        (row.persona === '' || foldKey(t.persona) === persona) &&
        (row.stage === '' || stageMatches(model.stageModel, t.stage, row.stage)),
    );
    if (targets.length === 0) {
      unmatched.push(row);
      continue;
    }
    const fresh = targets.filter((t) => !given.has(t.index));
    if (fresh.length === 0) repeated.push(row);
    for (const touchpoint of fresh) {
      given.add(touchpoint.index);
      const fields: (keyof Metrics)[] = [];
      for (const metric of Object.keys(row.figures) as (keyof Metrics)[]) {
        if (touchpoint.metrics[metric] !== null) kept++;
        else fields.push(metric);
      }
      if (fields.length === 0) continue;
      touchpoint.metrics = { ...touchpoint.metrics, ...Object.fromEntries(fields.map((metric) => [metric, row.figures[metric]!])) };
      touchpoint.measured = { fields, location: row.location };
      filled.add(touchpoint.index);
    }
  }
  notes.push(`${file}: measured figures filled in for ${filled.size} of ${model.touchpoints.length} touchpoints`);
  if (kept > 0) notes.push(`${file}: ${kept} measured figure${kept === 1 ? '' : 's'} not used where the inventory has its own (the inventory's figure wins)`);
  const named = (list: MeasuredRow[]) => {
    const shown = list.slice(0, NAMED).map((row) => `"${shorten(row.touchpoint)}" (${where(row.location)})`);
    return list.length > NAMED ? `${shown.join(', ')} and ${list.length - NAMED} more` : shown.join(', ');
  };
  if (unmatched.length > 0)
    notes.push(`${file}: ${unmatched.length} row${unmatched.length === 1 ? ' matches' : 's match'} no touchpoint of the inventory: ${named(unmatched)}`);
  if (repeated.length > 0)
    notes.push(
      `${file}: ${repeated.length} row${repeated.length === 1 ? ' repeats' : 's repeat'} touchpoints an earlier row gave figures for, not used: ${named(repeated)}`,
    );
  return notes;
}

/** The metrics file's row a touchpoint's figure was measured in (--metrics), or null when the figure is the inventory's own. */
export function measuredFrom(touchpoint: Touchpoint, metric: keyof Metrics): Location | null {
  return touchpoint.measured?.fields.includes(metric) ? touchpoint.measured.location : null;
}
