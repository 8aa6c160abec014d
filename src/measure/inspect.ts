// What `journey inspect` shows for an event log: the columns journey measure would use, with what
// spoke for each, and what the log holds. The reading is journey measure's own (withLog), so the two
// never disagree about a log.
import { InputError } from '../errors.js';
import type { Role } from './columns.js';
import { countTimes, withLog } from './run.js';
import { logFormat, type LogFormat } from './source.js';

/** How many event names inspect lists, most frequent first. */
const TOP_EVENTS = 10;

export interface LogInspection {
  format: LogFormat;
  /** Each role journey measure needs (and the segment), the column found for it, how, and what spoke for it. */
  columns: { role: Role; column: string | null; how: string; evidence: string }[];
  /** Every column of the log with the type DuckDB reads it as. */
  logColumns: { name: string; type: string }[];
  rows: number;
  /** Events kept (rows with a user, a readable time and an event name, each once). */
  events: number;
  users: number;
  first: string | null;
  last: string | null;
  excluded: { reason: string; rows: number; example: string | null }[];
  notes: string[];
  distinctEvents: number;
  topEvents: { name: string; events: number; users: number }[];
  /** The journey measure command that reads the log this way. */
  command: string;
}

/** A word for the shell: as it is when safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

/**
 * Reads `file` as journey measure would and says what it found, or null when it does not read as an
 * event log. A CSV or TSV must be one by its header (two of user, time and event named as logs name them):
 * a table that merely has a date column is no event log. Another format (Parquet, JSON lines, XES) can
 * only be a log, so what stops it reading is an InputError journey measure would give too.
 */
export async function inspectEventLog(file: string): Promise<LogInspection | null> {
  const { format } = await logFormat(file);
  try {
    return await withLog(file, { columns: {}, threads: 2 }, null, null, async ({ engine, reading, columns, sampleRows }) => {
      const detected = reading.columns;
      const named = (['user', 'time', 'event'] as const).filter((role) => detected.how[role] === 'by its name').length;
      if (format === 'csv' && named < 2) return null;
      const values = (column: string) =>
        sampleRows.map((row) => row[column]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
      const typeOf = (column: string) => columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
      const evidence = (role: Role, column: string | null): string => {
        if (column === null) return 'none found (--segment COLUMN names one)';
        const list = values(column);
        const distinct = new Set(list).size;
        if (role === 'time')
          return /^(TIMESTAMP|DATE)/i.test(typeOf(column))
            ? `a ${typeOf(column)} column`
            : `${percent(countTimes(list), Math.max(1, list.length))} of ${list.length} sampled values read as times`;
        if (role === 'user') return `${distinct} distinct ids in ${list.length} sampled rows: ids repeat, one row per event`;
        return `${distinct} distinct values in ${list.length} sampled rows`;
      };
      const [summary] = await engine.rows(
        'SELECT COUNT(*) AS events, COUNT(DISTINCT u) AS users, MIN(t) AS first, MAX(t) AS last, COUNT(DISTINCT e) AS names FROM ev',
      );
      const top = await engine.rows(
        `SELECT e AS name, COUNT(*) AS events, COUNT(DISTINCT u) AS users FROM ev GROUP BY e ORDER BY events DESC, name LIMIT ${TOP_EVENTS}`,
      );
      const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
      // The flags only for columns found by their values: those are the guesses a user should check.
      const flags = (['user', 'time', 'event'] as const).flatMap((role) =>
        detected.how[role] === 'by its values' ? [`--${role}`, shellWord(detected[role])] : [],
      );
      return {
        format,
        columns: (['user', 'time', 'event', 'segment'] as const).map((role) => ({
          role,
          column: detected[role],
          how: detected.how[role],
          evidence: evidence(role, detected[role]),
        })),
        logColumns: columns.map(({ name, type }) => ({ name, type })),
        rows: reading.rows ?? 0,
        events: Number(summary!.events),
        users: Number(summary!.users),
        first: iso(summary!.first),
        last: iso(summary!.last),
        excluded: reading.exclusions,
        notes: reading.notes,
        distinctEvents: Number(summary!.names),
        topEvents: top.map((row) => ({ name: String(row.name), events: Number(row.events), users: Number(row.users) })),
        command: ['journey', 'measure', shellWord(file), ...flags].join(' '),
      };
    });
  } catch (error) {
    if (error instanceof InputError && format === 'csv') return null;
    throw error;
  }
}
