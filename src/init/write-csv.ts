import { csvField as csvText, storableText } from '../escape.js';
import type { PersonaRows, TemplateCell } from './rows.js';
import type { TemplateSpec } from './template.js';

function csvField(cell: TemplateCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return '';
  return csvText(value instanceof Date ? value.toISOString().slice(0, 10) : storableText(String(value)), typeof value === 'string');
}

/**
 * The CSV template: a Persona column (a CSV has no sheets) then the template's columns, one row per
 * touchpoint. UTF-8 with a byte-order mark so Excel opens it with the right encoding.
 */
export function templateCsv(spec: TemplateSpec, personas: PersonaRows[]): string {
  const columns = spec.columns.filter((column) => column.field !== 'persona');
  const personaHeader = spec.columns.find((column) => column.field === 'persona')?.header ?? 'Persona';
  const lines = [[personaHeader, ...columns.map((column) => column.header)].map((header) => csvField({ value: header })).join(',')];
  for (const { persona, rows } of personas) {
    for (const row of rows) lines.push([csvField({ value: persona }), ...columns.map((column) => csvField(row[column.field]))].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
