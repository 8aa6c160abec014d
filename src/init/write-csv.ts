import { storableText } from '../escape.js';
import type { PersonaRows, TemplateCell } from './rows.js';
import type { TemplateSpec } from './template.js';

/** Text a spreadsheet would run as a formula or command when the CSV is opened (formula injection). */
const FORMULA_LIKE = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?\d+(?:[.,]\d+)?%?$/;

function csvField(cell: TemplateCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return '';
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : storableText(String(value));
  // A leading apostrophe makes Excel and LibreOffice show the rest as text; a signed number is left alone.
  if (typeof value === 'string' && FORMULA_LIKE.test(text) && !NUMBER_LIKE.test(text)) text = `'${text}`;
  return /[",;|\r\n\t]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
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
