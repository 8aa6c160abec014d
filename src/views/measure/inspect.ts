import type { InspectResult } from '../../engine/inspect.js';
import { shorten, terminalLine } from '../../escape.js';

type EventLog = NonNullable<InspectResult['files'][number]['eventLog']>;

const FORMAT_NAME: Record<EventLog['format'], string> = { csv: 'CSV', parquet: 'Parquet', jsonl: 'JSON lines', xes: 'XES' };
const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const text = (value: string) => terminalLine(shorten(value, 80));

/** `journey inspect` on an event log, as text lines: the columns journey measure uses and why, what the log holds, and the command to run. */
export function eventLogLines(log: EventLog): string[] {
  const lines = [`  An event log (${FORMAT_NAME[log.format]}), one row per customer event; journey measure reads it, not audit.`, '    Columns:'];
  const width = Math.max(...log.columns.map((c) => c.role.length));
  for (const column of log.columns)
    lines.push(
      `      ${column.role.padEnd(width)}  ${column.column === null ? '—' : `"${text(column.column)}"`}${column.column === null ? '' : ` ${terminalLine(column.how)}`}: ${terminalLine(column.evidence)}`,
    );
  const used = new Set(log.columns.map((c) => c.column));
  const others = log.logColumns.filter((c) => !used.has(c.name));
  if (others.length > 0)
    lines.push(
      `      other columns (for COLUMN=value in an Event cell): ${others
        .slice(0, 20)
        .map((c) => text(c.name))
        .join(', ')}${others.length > 20 ? `, and ${others.length - 20} more` : ''}`,
    );
  const span = log.first === null ? '' : `, from ${log.first} to ${log.last}`;
  lines.push(`    ${count(log.rows, 'row')}: ${count(log.events, 'event')} of ${count(log.users, 'user')}${span}`);
  for (const left of log.excluded)
    lines.push(`      ${count(left.rows, 'row')} ${terminalLine(left.reason)} left out${left.example === null ? '' : ` (e.g. "${text(left.example)}")`}`);
  for (const note of log.notes) lines.push(`      note: ${terminalLine(note)}`);
  lines.push(`    Events (${log.distinctEvents} distinct, most frequent first):`);
  for (const event of log.topEvents) lines.push(`      "${text(event.name)}" ×${event.events} (${count(event.users, 'user')})`);
  if (log.distinctEvents > log.topEvents.length) lines.push(`      … and ${log.distinctEvents - log.topEvents.length} more`);
  lines.push('    Measure it:', `      ${terminalLine(log.command)}`, `      ${terminalLine(log.command)} --inventory INVENTORY --goal EVENT`);
  return lines;
}
