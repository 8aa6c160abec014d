// The SQL dialects journey measure writes: a list of its own so the command's choices load without the SQL
// templates (src/measure/dialects.ts), which only a measure run needs.
export const DIALECTS = ['duckdb', 'clickhouse', 'postgres', 'bigquery', 'snowflake', 'spark'] as const;
export type DialectName = (typeof DIALECTS)[number];
