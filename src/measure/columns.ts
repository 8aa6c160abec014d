import { ColumnMatcher } from '../model/columns.js';
import { foldKey, nearest } from '../model/text.js';

/** The roles a column of an event log can play. */
export type Role = 'user' | 'time' | 'event' | 'segment';

/** Names for each role, best first; matched without case, spaces, underscores or dots (`anonymousId`, `case:concept:name`). */
export const ROLE_NAMES: Record<Role, string[]> = {
  user: [
    'case:concept:name',
    'user_id',
    'userid',
    'customer_id',
    'distinct_id',
    'anonymous_id',
    'person_id',
    'contact_id',
    'visitor_id',
    'client_id',
    'account_id',
    'member_id',
    'case_id',
    'case',
    'user',
    'customer',
    'contact',
    'visitor',
    'session_id',
  ],
  time: [
    'time:timestamp',
    'timestamp',
    'event_time',
    'event_timestamp',
    'time',
    'ts',
    'datetime',
    'date_time',
    'occurred_at',
    'created_at',
    'sent_at',
    'received_at',
    'event_date',
    'date',
  ],
  event: ['concept:name', 'event', 'event_name', 'event_type', 'activity', 'action', 'touchpoint', 'interaction', 'type', 'name', 'channel'],
  segment: ['persona', 'case:persona', 'segment', 'case:segment'],
};

/** One column of the log as the engine sees it. */
export interface LogColumn {
  name: string;
  /** The engine's type name (VARCHAR, TIMESTAMP, BIGINT...). */
  type: string;
}

/** Which column plays each role, and why. */
export interface DetectedColumns {
  user: string;
  time: string;
  event: string;
  segment: string | null;
  /** For each role, how it was chosen: "--user", "by its name", "by its values". */
  how: Record<Role, string>;
}

const key = (name: string) => foldKey(name.replace(/:/g, ' colon '));

/** Why the log cannot be read as an event log: the CLI turns this into a one-line input error. */
export class ColumnError extends Error {}

/**
 * Finds the user, time, event and segment columns: a flag names one exactly (or by a near spelling, which
 * is an error with a suggestion); otherwise by name (ROLE_NAMES), then by content: the time column is the
 * one whose sampled values read as times, the user column one whose values repeat, the event column the
 * text column with the fewest distinct values.
 */
export function detectColumns(
  columns: readonly LogColumn[],
  sample: readonly Record<string, string | null>[],
  flags: Partial<Record<Role, string>>,
  readsAsTime: (values: string[]) => number,
): DetectedColumns {
  const names = columns.map((column) => column.name);
  const how = {} as Record<Role, string>;
  const chosen = new Set<string>();
  const pick = (role: Role, required: boolean): string | null => {
    const flag = flags[role];
    if (flag !== undefined) {
      const exact = names.find((name) => name === flag) ?? names.find((name) => name.toLowerCase() === flag.toLowerCase());
      if (exact === undefined) {
        const near = nearest(flag, names);
        throw new ColumnError(
          `--${role} ${flag}: no such column${near ? `; did you mean "${near}"?` : ''} (the columns are ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''})`,
        );
      }
      how[role] = `--${role}`;
      chosen.add(exact);
      return exact;
    }
    for (const wanted of ROLE_NAMES[role]) {
      const found = names.find((name) => !chosen.has(name) && key(name) === key(wanted));
      if (found !== undefined && (role !== 'time' || timeShare(found) >= 0.5 || isTimeType(columns.find((c) => c.name === found)!.type))) {
        how[role] = 'by its name';
        chosen.add(found);
        return found;
      }
    }
    const byContent = contentGuess(role);
    if (byContent !== null) {
      how[role] = 'by its values';
      chosen.add(byContent);
      return byContent;
    }
    if (required) return null;
    return null;
  };
  const values = (name: string) =>
    sample.map((row) => row[name]).filter((value): value is string => value !== null && value !== undefined && value.trim() !== '');
  const timeShare = (name: string) => {
    const list = values(name);
    return list.length === 0 ? 0 : readsAsTime(list) / list.length;
  };
  const contentGuess = (role: Role): string | null => {
    const free = columns.filter((column) => !chosen.has(column.name));
    if (role === 'time') return free.find((column) => isTimeType(column.type))?.name ?? free.find((column) => timeShare(column.name) >= 0.9)?.name ?? null;
    if (role === 'segment') return null;
    const text = free.filter((column) => /CHAR|TEXT|STRING/i.test(column.type) || /INT/i.test(column.type));
    const scored = text
      .map((column) => {
        const list = values(column.name);
        return { name: column.name, filled: list.length, distinct: new Set(list).size };
      })
      .filter((column) => column.filled >= Math.max(1, sample.length * 0.9) && column.distinct > 1);
    if (role === 'user') return scored.filter((column) => column.distinct < column.filled).sort((a, b) => b.distinct - a.distinct)[0]?.name ?? null;
    return scored.sort((a, b) => a.distinct - b.distinct)[0]?.name ?? null;
  };

  const time = pick('time', true);
  const user = pick('user', true);
  const event = pick('event', true);
  const segment = pick('segment', false);
  const missing = (['user', 'time', 'event'] as const).filter((role) => ({ user, time, event })[role] === null);
  if (missing.length > 0) {
    if (looksLikeInventory(names) && time === null) {
      throw new ColumnError(
        `looks like a communication inventory, not an event log (it has ${names.slice(0, 4).join(', ')} and no time column): pass it with --inventory, and the log of events as EVENTS`,
      );
    }
    throw new ColumnError(
      `no ${missing.join(', ')} column found among ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}: name ${missing.length === 1 ? 'it' : 'them'} with ${missing.map((role) => `--${role} COLUMN`).join(', ')}`,
    );
  }
  if (segment === null) how.segment = 'none';
  return { user: user!, time: time!, event: event!, segment, how };
}

function isTimeType(type: string): boolean {
  return /^(TIMESTAMP|DATE)/i.test(type);
}

/** Whether a header reads as an inventory's: a touchpoint column and a stage, channel or team column. */
export function looksLikeInventory(names: readonly string[]): boolean {
  const matcher = new ColumnMatcher();
  const fields = new Set(names.map((name) => matcher.fieldFor(name)));
  return fields.has('touchpoint') && (fields.has('stage') || fields.has('channel') || fields.has('team'));
}
