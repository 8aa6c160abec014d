import { cellLocation } from '../cells.js';
import type { Location } from '../schema.js';
import type { TableSink, TableState } from './table.js';

/** How many rows and example names a channel-from-name note keeps. */
const MAX_ROWS = 20;
const MAX_EXAMPLES = 3;

/** The rows of a table without a channel column whose touchpoint names did, or did not, name a channel. */
export interface ChannelsFromNames {
  inferred: number;
  rows: number[];
  examples: { name: string; channel: string }[];
  none: number;
  noneRows: number[];
  noneNames: string[];
}

/** Notes the channel read (or not) from a row's touchpoint name, for the table's one note. */
export function noteChannelFromName(state: TableState, row: number, name: string, channel: string | null): void {
  const seen = (state.channelsFromNames ??= { inferred: 0, rows: [], examples: [], none: 0, noneRows: [], noneNames: [] });
  // A grid's touchpoints share their lane's row: each row is listed once.
  const add = (rows: number[]) => {
    if (rows.length < MAX_ROWS && rows.at(-1) !== row) rows.push(row);
  };
  if (channel === null) {
    seen.none++;
    add(seen.noneRows);
    if (seen.noneNames.length < MAX_EXAMPLES) seen.noneNames.push(name);
    return;
  }
  seen.inferred++;
  add(seen.rows);
  if (seen.examples.length < MAX_EXAMPLES && !seen.examples.some((example) => example.channel === channel)) seen.examples.push({ name, channel });
}

/** One problem for the whole table, at its touchpoint column's header cell: the rule inferred-channel words it. */
export function endChannelsFromNames(sink: Pick<TableSink, 'problem'>, state: TableState): void {
  const seen = state.channelsFromNames;
  if (!seen || state.header === null) return;
  channelsFromNamesProblem(sink, state, cellLocation(state.place, state.header.row, state.header.columns.touchpoint ?? 0), false);
}

/** The problem for a table's channels read from names, at `location` (a grid's Touchpoints lane label). */
export function channelsFromNamesProblem(sink: Pick<TableSink, 'problem'>, state: TableState, location: Location, grid: boolean): void {
  const seen = state.channelsFromNames;
  if (!seen) return;
  sink.problem({
    kind: 'inferred-channel',
    ...seen,
    lines: state.lines,
    grid,
    field: 'channel',
    value: '',
    location,
    persona: null,
    stage: null,
    touchpoint: null,
  });
}
