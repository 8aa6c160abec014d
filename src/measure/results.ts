import { parse } from 'csv-parse/sync';
import { METRIC_COLUMNS, type MetricRow } from './spec.js';

/** Why a --results file cannot be read, with the 1-based line. */
export class ResultsError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

const NUMERIC = ['pos', 'n', 'm', 'x'] as const;

/**
 * The rows a warehouse returned for the SQL of --emit-sql, as CSV with a header (any delimiter a CSV export
 * uses: comma, semicolon, tab) or as JSON lines. Column names are matched without regard to case, as
 * Snowflake upper-cases them; an empty cell or JSON null is NULL.
 */
export function parseMetricRows(text: string): MetricRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  const records: Record<string, unknown>[] = first === '{' || first === '[' ? jsonRecords(body) : csvRecords(body);
  return records.map((record, index) => metricRow(record, index + 2));
}

function jsonRecords(text: string): Record<string, unknown>[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed as Record<string, unknown>[];
    } catch (error) {
      throw new ResultsError(`not valid JSON (${(error as Error).message})`);
    }
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      throw new ResultsError('not a JSON object', i + 1);
    }
  });
}

function csvRecords(text: string): Record<string, unknown>[] {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].sort((a, b) => headerLine.split(b).length - headerLine.split(a).length)[0]!;
  try {
    return parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      bom: true,
    }) as Record<string, unknown>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw new ResultsError(`not a CSV table (${(error as Error).message.split('\n')[0]})`, line);
  }
}

function metricRow(record: Record<string, unknown>, line: number): MetricRow {
  const lower = Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  for (const column of METRIC_COLUMNS)
    if (!(column in lower)) throw new ResultsError(`no "${column}" column: the results of journey's SQL have the columns ${METRIC_COLUMNS.join(', ')}`, line);
  // ClickHouse writes NULL as \N in CSV.
  const text = (value: unknown) => (value === null || value === undefined || value === '' || value === '\\N' ? null : String(value));
  const row: MetricRow = { kind: text(lower.kind) ?? '', grp: text(lower.grp) ?? '', name: text(lower.name), pos: null, n: null, m: null, x: null };
  for (const column of NUMERIC) {
    const value = text(lower[column]);
    if (value === null) continue;
    const number = Number(value);
    if (!Number.isFinite(number)) throw new ResultsError(`"${column}" is "${value}", not a number`, line);
    row[column] = number;
  }
  return row;
}
