import { shorten, terminalLine } from '../../escape.js';
import type { InspectResult } from '../../engine/inspect.js';
import { FIELD_LABEL } from '../../model/columns.js';
import type { Field } from '../../model/schema.js';
import { eventLogLines } from '../measure/inspect.js';

const SOURCE: Record<'default' | 'config' | 'file', string> = {
  default: "journey's default",
  config: 'set in the config',
  file: "the file's own stage values, in the order they first appear",
};

/** A cell's text as inspect quotes it: one terminal line, at most 80 characters. */
const quoted = (text: string) => `"${terminalLine(shorten(text, 80))}"`;

type InspectedColumn = InspectResult['files'][number]['tables'][number]['columns'][number];

/** A table's columns, one line each: `B "Touch" → touchpoint (48 distinct short texts of 48)`. */
function columnLines(lines: string[], columns: readonly InspectedColumn[], schedules: readonly { column: string }[] = []): void {
  const width = Math.max(0, ...columns.map((c) => c.column.length));
  for (const column of columns) {
    if (column.header === '' && column.field === null) continue;
    const schedule = column.field === null ? schedules.findIndex((s) => s.column === column.column) : -1;
    const because =
      schedule > 0
        ? ` (schedule ${schedule + 1} of ${schedules.length})`
        : column.because && column.because.length > 0 && column.by !== 'header'
          ? ` (${column.because.map((b) => terminalLine(shorten(b, 100))).join('; ')})`
          : '';
    lines.push(
      `      ${column.column.padEnd(width)}  ${quoted(column.header)} → ${column.field === null ? (schedule > 0 ? 'day' : 'ignored') : column.field}${because}`,
    );
  }
}

/** `journey inspect` as text: per file and table, the header, each column's field, the stage model, and each distinct value's reading. */
export function inspectText(result: InspectResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    lines.push(`${terminalLine(file.file)}${file.kind ? ` (${file.kind})` : ''}`);
    if (file.eventLog) {
      lines.push(...eventLogLines(file.eventLog), '');
      continue;
    }
    if (file.error !== null) {
      lines.push(`  not read: ${terminalLine(file.error)}`);
      // What journey saw in each table, so a refused file is never a dead end.
      for (const table of file.tables) {
        const where = table.sheet === null ? 'Table' : file.kind === 'markdown' ? `Table under ${quoted(table.sheet)}` : `Sheet ${quoted(table.sheet)}`;
        lines.push(`  ${where}: ${terminalLine(table.skipped ?? 'not read')}; best guess per column:`);
        columnLines(lines, table.columns);
        if (table.suggestedConfig) lines.push(`    To read it, map columns in journey.config.json: ${terminalLine(JSON.stringify(table.suggestedConfig))}`);
      }
      lines.push('');
      continue;
    }
    if (file.stageModel) {
      const { source, name, stages } = file.stageModel;
      const named = source === 'file' ? '' : ` ${name}`;
      lines.push(`  Stage model${named} (${SOURCE[source]}): ${stages.map((s) => terminalLine(shorten(s.label, 60))).join(' → ')}`);
    }
    const markdown = file.kind === 'markdown';
    for (const table of file.tables) {
      const where = table.sheet === null ? 'Table' : markdown ? `Table under ${quoted(table.sheet)}` : `Sheet ${quoted(table.sheet)}`;
      if (table.headerRow === null) {
        lines.push(`  ${where}: ${terminalLine(table.skipped ?? 'skipped')}`);
        continue;
      }
      const read = `${table.touchpoints} touchpoint${table.touchpoints === 1 ? '' : 's'} read${table.retired > 0 ? `, ${table.retired} retired left out` : ''}`;
      if (table.grid) {
        lines.push(`  ${where}: a journey-map grid (lanes down, stages across), read transposed; ${read}`);
        lines.push(`    Stages: ${table.grid.stages.map((stage) => `${stage.column} ${quoted(stage.text)}`).join(', ')}`);
        lines.push('    Lanes:');
        for (const lane of table.grid.lanes)
          lines.push(`      ${markdown ? 'line' : 'row'} ${lane.row}  ${quoted(lane.label)} → ${lane.readAs === null ? 'ignored' : terminalLine(lane.readAs)}`);
      } else {
        lines.push(`  ${where}: header at ${markdown ? 'line' : 'row'} ${table.headerRow}; ${read}`);
        lines.push('    Columns:');
      }
      columnLines(lines, table.columns, table.schedules);
      if (table.schedules)
        lines.push(
          `    Schedules (a date column per cohort; the first places the touchpoints, over-communication checks each): ${table.schedules
            .map((schedule) => `${schedule.column} ${quoted(schedule.header)}`)
            .join(', ')}`,
        );
      const fields = Object.entries(table.values) as [Field, NonNullable<InspectResult['files'][number]['tables'][number]['values'][Field]>][];
      if (fields.length > 0) lines.push('    Values:');
      for (const [field, { distinct, listed }] of fields) {
        lines.push(`      ${FIELD_LABEL[field]} (${distinct} distinct)`);
        for (const value of listed) {
          const reading =
            value.read.length > 0
              ? `${value.read.map((r) => terminalLine(r)).join(', ')}${value.typo ? ' (a likely typo, read as that; the audit reports it)' : ''}`
              : `unknown${value.suggestion ? `, did you mean ${terminalLine(value.suggestion)}?` : ''}`;
          lines.push(`        ${quoted(value.text)} → ${reading} ×${value.count}`);
        }
        if (distinct > listed.length) lines.push(`        … and ${distinct - listed.length} more`);
      }
    }
    const findings = Object.entries(file.findings).sort((a, b) => b[1] - a[1]);
    lines.push(
      findings.length > 0
        ? `  An audit finds: ${findings.map(([rule, count]) => `${rule} ×${count}`).join(', ')}; run journey audit to see them.`
        : '  An audit finds nothing.',
    );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
