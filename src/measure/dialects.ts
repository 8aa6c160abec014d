import { sqlIdentifier, sqlStringLiteral } from '../escape.js';

import { DIALECTS, type DialectName } from '../vocab/sql-dialects.js';

export { DIALECTS, type DialectName };

type SqlType = 'text' | 'int' | 'float';

/**
 * What differs between the dialects. Everything else in the metric SQL is written once in the SQL all six
 * share (CTEs, window functions with RANGE frames, CASE, COUNT DISTINCT, UNION ALL); medians are computed
 * with ROW_NUMBER so they are exact everywhere (BigQuery has no exact median aggregate).
 */
export interface Dialect {
  name: DialectName;
  id(name: string): string;
  str(text: string): string;
  /** A value cast to one of the three result types; ClickHouse needs Nullable types so UNION ALL branches agree. */
  cast(expression: string, type: SqlType): string;
  /** A user's route: touchpoint names in time order (ties by file order), joined by the unit separator. */
  routeAgg(touchpoint: string, time: string, seq: string): string;
  /**
   * An exact median aggregate (the middle value, or the mean of the two middle values), where the dialect
   * has one: one hash aggregate instead of ranking every value by a window sort. Without it, medians are
   * ranked with ROW_NUMBER.
   */
  median?: (expression: string) => string;
  /** The unit separator (U+001F) that joins a route's steps. */
  separator: string;
  /** An expression ordered byte by byte (PostgreSQL would otherwise sort by its locale). */
  bytewise(expression: string): string;
  /** Epoch milliseconds (BIGINT) of a column that holds a timestamp or ISO 8601 text; NULL when it cannot be read. */
  epochMillis(column: string): string;
  /** A column as trimmed text, NULL when blank. */
  text(column: string): string;
  /** Text lowered for case-blind matching. */
  lower(expression: string): string;
  /** A value that may be NULL (ClickHouse gives an aggregate over an empty window frame its type's default, 0, unless the type is Nullable). */
  nullable(expression: string): string;
  /** What follows the last SELECT (ClickHouse: LEFT JOIN must give NULL, not a default value). */
  suffix: string;
}

const TYPES: Record<DialectName, Record<SqlType, string>> = {
  duckdb: { text: 'VARCHAR', int: 'BIGINT', float: 'DOUBLE' },
  postgres: { text: 'TEXT', int: 'BIGINT', float: 'DOUBLE PRECISION' },
  clickhouse: { text: 'Nullable(String)', int: 'Nullable(Int64)', float: 'Nullable(Float64)' },
  bigquery: { text: 'STRING', int: 'INT64', float: 'FLOAT64' },
  snowflake: { text: 'VARCHAR', int: 'BIGINT', float: 'DOUBLE' },
  spark: { text: 'STRING', int: 'BIGINT', float: 'DOUBLE' },
};

function dialect(
  name: DialectName,
  parts: Omit<Dialect, 'name' | 'cast' | 'text' | 'lower' | 'suffix' | 'nullable'> & Partial<Pick<Dialect, 'text' | 'lower' | 'suffix' | 'nullable'>>,
): Dialect {
  const types = TYPES[name];
  return {
    name,
    cast: (expression, type) => `CAST(${expression} AS ${types[type]})`,
    text: (column) => `NULLIF(TRIM(CAST(${column} AS ${types.text.replace(/^Nullable\((.*)\)$/, '$1')})), '')`,
    lower: (expression) => `LOWER(${expression})`,
    suffix: '',
    nullable: (expression) => expression,
    ...parts,
  };
}

export const DIALECT: Record<DialectName, Dialect> = {
  duckdb: dialect('duckdb', {
    id: (name) => sqlIdentifier(name, '"'),
    str: (text) => sqlStringLiteral(text, false),
    // Each user's events as a list sorted in the aggregate: an ordered STRING_AGG sorts every route's rows apart, several times slower.
    routeAgg: (tp, t, seq) => `ARRAY_TO_STRING(LIST_TRANSFORM(LIST_SORT(LIST(STRUCT_PACK(t := ${t}, s := ${seq}, p := ${tp}))), x -> x.p), CHR(31))`,
    median: (x) => `MEDIAN(${x})`,
    separator: 'CHR(31)',
    bytewise: (expression) => expression,
    epochMillis: (column) => `EPOCH_MS(TRY_CAST(${column} AS TIMESTAMPTZ))`,
  }),
  postgres: dialect('postgres', {
    id: (name) => sqlIdentifier(name, '"'),
    str: (text) => sqlStringLiteral(text, false),
    routeAgg: (tp, t, seq) => `STRING_AGG(${tp}, CHR(31) ORDER BY ${t}, ${seq})`,
    median: (x) => `PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${x})`,
    separator: 'CHR(31)',
    bytewise: (expression) => `${expression} COLLATE "C"`,
    // PostgreSQL has no TRY_CAST: text that does not start like a date is NULL instead of failing the query.
    epochMillis: (column) =>
      `CASE WHEN CAST(${column} AS TEXT) ~ '^\\s*\\d{4}-\\d\\d-\\d\\d' THEN CAST(FLOOR(EXTRACT(EPOCH FROM CAST(CAST(${column} AS TEXT) AS TIMESTAMPTZ)) * 1000) AS BIGINT) END`,
  }),
  clickhouse: dialect('clickhouse', {
    id: (name) => sqlIdentifier(name, '`', true),
    str: (text) => sqlStringLiteral(text, true),
    routeAgg: (tp, t, seq) => `arrayStringConcat(arrayMap(x -> x.3, arraySort(groupArray((${t}, ${seq}, ${tp})))), char(31))`,
    separator: 'char(31)',
    bytewise: (expression) => expression,
    epochMillis: (column) => `toUnixTimestamp64Milli(parseDateTime64BestEffortOrNull(toString(${column}), 3, 'UTC'))`,
    text: (column) => `nullIf(trimBoth(toString(${column})), '')`,
    lower: (expression) => `lowerUTF8(${expression})`,
    suffix: '\nSETTINGS join_use_nulls = 1',
    nullable: (expression) => `toNullable(${expression})`,
  }),
  bigquery: dialect('bigquery', {
    id: (name) => sqlIdentifier(name, '`', true),
    str: (text) => sqlStringLiteral(text, true),
    routeAgg: (tp, t, seq) => `STRING_AGG(${tp}, CODE_POINTS_TO_STRING([31]) ORDER BY ${t}, ${seq})`,
    separator: 'CODE_POINTS_TO_STRING([31])',
    bytewise: (expression) => expression,
    epochMillis: (column) => `UNIX_MILLIS(SAFE_CAST(CAST(${column} AS STRING) AS TIMESTAMP))`,
  }),
  snowflake: dialect('snowflake', {
    id: (name) => sqlIdentifier(name, '"'),
    str: (text) => sqlStringLiteral(text, true),
    routeAgg: (tp, t, seq) => `LISTAGG(${tp}, CHR(31)) WITHIN GROUP (ORDER BY ${t}, ${seq})`,
    separator: 'CHR(31)',
    bytewise: (expression) => `COLLATE(${expression}, '')`,
    epochMillis: (column) => `DATE_PART(EPOCH_MILLISECOND, TRY_TO_TIMESTAMP_TZ(TO_VARCHAR(${column})))`,
  }),
  spark: dialect('spark', {
    id: (name) => sqlIdentifier(name, '`'),
    str: (text) => sqlStringLiteral(text, true),
    routeAgg: (tp, t, seq) => `ARRAY_JOIN(TRANSFORM(ARRAY_SORT(COLLECT_LIST(STRUCT(${t} AS t, ${seq} AS s, ${tp} AS tp))), x -> x.tp), CHR(31))`,
    separator: 'CHR(31)',
    bytewise: (expression) => expression,
    epochMillis: (column) => `UNIX_MILLIS(TO_TIMESTAMP(CAST(${column} AS STRING)))`,
  }),
};
