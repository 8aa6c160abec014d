import { cellLocation } from '../cells.js';
import type { ValueProblem } from '../schema.js';
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
}

/** Notes the channel read (or not) from a row's touchpoint name, for the table's one note. */
export function noteChannelFromName(state: TableState, row: number, name: string, channel: string | null): void {
  const seen = (state.channelsFromNames ??= { inferred: 0, rows: [], examples: [], none: 0, noneRows: [] });
  if (channel === null) {
    seen.none++;
    if (seen.noneRows.length < MAX_ROWS) seen.noneRows.push(row);
    return;
  }
  seen.inferred++;
  if (seen.rows.length < MAX_ROWS) seen.rows.push(row);
  if (seen.examples.length < MAX_EXAMPLES && !seen.examples.some((example) => example.channel === channel)) seen.examples.push({ name, channel });
}

/** One problem for the whole table, at its touchpoint column's header cell: the rule inferred-channel words it. */
export function endChannelsFromNames(sink: TableSink, state: TableState): void {
  const seen = state.channelsFromNames;
  if (!seen || state.header === null) return;
  const location = cellLocation(state.place, state.header.row, state.header.columns.touchpoint ?? 0);
  const problem: ValueProblem = { kind: 'channel-from-name', field: 'channel', value: '', reason: { code: 'channel-from-name', ...seen, lines: state.lines }, location, persona: null, stage: null, touchpoint: null };
  sink.problem(problem);
}
