import type { CellValue, RawRow } from '../load/index.js';
import type { Field } from './schema.js';
import { foldKey } from './text.js';

/** Header names recognized for each field, besides the field's own name. */
export const COLUMN_NAMES: Record<Field, string[]> = {
  stage: ['stage', 'lifecycle stage', 'buying stage', 'journey stage', 'phase', 'customer stage', 'funnel stage', 'lifecycle'],
  touchpoint: ['touchpoint', 'touch point', 'communication', 'touchpoint name', 'activity', 'campaign', 'asset', 'name', 'communication name', 'message'],
  team: ['team', 'owner team', 'owning team', 'department', 'team responsible', 'responsible team', 'function'],
  channel: ['channel', 'medium', 'channels'],
  mode: ['mode', 'ongoing / automatic / manual', 'ongoing automatic manual', 'automation', 'type', 'automated or manual', 'auto', 'automated', 'automatic', 'manual or automated', 'auto or manual', 'trigger type'],
  direction: ['direction', 'inbound / outbound', 'inbound outbound', 'in/out', 'in out', 'inbound or outbound', 'push or pull'],
  day: ['day', 'day offset', 'timing', 'send day', 'days after start', 'days', 'offset', 'when', 'timeline', 'time', 'week', 'delay', 'send time', 'trigger day'],
  frequency: ['frequency', 'cadence', 'how often'],
  persona: ['persona', 'segment', 'personas', 'audience segment', 'customer segment', 'target persona'],
  kpi: ['kpi', 'kpis', 'metric', 'success metric'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
  owner: ['owner', 'dri', 'owner name', 'responsible', 'responsible person', 'accountable', 'contact person'],
  audience: ['audience', 'audience size', 'volume', 'recipients', 'list size', 'contacts', 'reach size'],
  sent: ['sent', 'sends', 'delivered', 'number sent', 'emails sent'],
  opens: ['opens', 'open rate', 'open %', 'opened', 'open rate %'],
  clicks: ['clicks', 'click rate', 'ctr', 'click-through rate', 'click through rate', 'clicked'],
  conversion: ['conversion', 'conversion rate', 'conversions', 'cvr', 'conv rate', 'converted'],
  dropOff: ['drop-off', 'drop off', 'dropoff', 'drop-off rate', 'drop off rate', 'abandonment', 'abandonment rate'],
  unsubscribe: ['unsubscribe', 'unsubscribes', 'unsubscribe rate', 'unsub rate', 'opt-out rate', 'opt out rate'],
  nps: ['nps', 'net promoter score'],
  csat: ['csat', 'customer satisfaction', 'satisfaction', 'csat score'],
  sentiment: ['sentiment', 'emotion', 'feeling', 'customer feeling', 'mood', 'customer emotion', 'emotions', 'feelings', 'how the customer feels', 'how customers feel', 'customer feels', 'how they feel', 'emotional state'],
  painPoint: ['pain point', 'pain points', 'painpoint', 'friction', 'pain'],
  lastReviewed: ['last reviewed', 'reviewed', 'review date', 'last review', 'reviewed on', 'last updated'],
  status: ['status', 'state', 'touchpoint status'],
  event: ['events', 'event name', 'event names', 'tracking event', 'tracked event', 'analytics event', 'log event', 'events in the log'],
};

/** How messages and templates name each field's column. */
export const FIELD_LABEL: Record<Field, string> = {
  stage: 'Stage', touchpoint: 'Touchpoint', team: 'Team', channel: 'Channel', mode: 'Mode', direction: 'Direction',
  day: 'Day', frequency: 'Frequency', persona: 'Persona', kpi: 'KPI', notes: 'Notes', owner: 'Owner', audience: 'Audience',
  sent: 'Sent', opens: 'Open rate', clicks: 'Click rate', conversion: 'Conversion rate', dropOff: 'Drop-off rate',
  unsubscribe: 'Unsubscribe rate', nps: 'NPS', csat: 'CSAT', sentiment: 'Sentiment', painPoint: 'Pain point',
  lastReviewed: 'Last reviewed', status: 'Status', event: 'Event',
};

/** The fields an inventory must have columns for (without a channel column, touchpoint names give the channel). */
export const REQUIRED_FIELDS: readonly Field[] = ['touchpoint'];

/** An inventory needs one of these to put its touchpoints in order: lifecycle stages, or a timeline of days. */
export const ORDER_FIELDS: readonly Field[] = ['stage', 'day'];

/** The required fields a header lacks (a missing order is named as "stage or day"), or [] when it names an inventory. */
export function missingFields(fields: ReadonlySet<Field> | Partial<Record<Field, unknown>>): string[] {
  const has = (field: Field) => (fields instanceof Set ? fields.has(field) : (fields as Partial<Record<Field, unknown>>)[field] !== undefined);
  const missing: string[] = REQUIRED_FIELDS.filter((field) => !has(field));
  if (!ORDER_FIELDS.some(has)) missing.unshift(ORDER_FIELDS.join(' or '));
  return missing;
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

const MAX_HEADER_LENGTH = 200;

/** The text without its bracketed notes, "(days)" or "[%]", in one pass so no input can make it slow. */
export function withoutNotes(text: string): string {
  // The next ")" and "]" at or after each position, so an opening bracket knows at once whether it closes.
  const nextParen = new Int32Array(text.length + 1).fill(-1);
  const nextSquare = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    nextParen[i] = text[i] === ')' ? i : nextParen[i + 1]!;
    nextSquare[i] = text[i] === ']' ? i : nextSquare[i + 1]!;
  }
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '(' ? nextParen[i + 1]! : text[i] === '[' ? nextSquare[i + 1]! : -1;
    if (close === -1) continue; // not a bracket, or one that never closes: kept as written
    out += text.slice(start, i);
    start = close + 1;
    i = close;
  }
  return out + text.slice(start);
}

/** A header's words, folded: `campaign_name` → campaign, name; `touchpointType` → touchpoint, type; "Auto?" → auto. */
export function headerWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldKey)
    .filter((word) => word !== '');
}

// Words that qualify a field's name without changing what it is.
const QUALIFIERS = new Set(['type', 'types', 'kind', 'category', 'name', 'names', 'label', 'used', 'id']);

/** Matches header cells to fields: the config's extra names first (so they can take a name from another field), then journey's own. */
export class ColumnMatcher {
  private readonly byKey = new Map<string, Field>();

  constructor(extra: Partial<Record<Field, string[]>> = {}) {
    for (const [field, names] of Object.entries(extra) as [Field, string[]][]) for (const name of names) this.add(name, field);
    for (const [field, names] of Object.entries(COLUMN_NAMES) as [Field, string[]][]) for (const name of [field, ...names]) this.add(name, field);
  }

  private add(name: string, field: Field): void {
    const key = foldKey(name);
    if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, field);
  }

  /**
   * The field a header cell names, ignoring case, spacing, punctuation and a "(days)"-style note. A
   * header written as a compound (`campaign_name`, `touchpointType`, "Journey phase") names the field
   * of its longest run of words that is a known name, the last such run on a tie: in English the last
   * word of a compound says what it is ("touchpoint type" is a type).
   */
  fieldFor(value: CellValue): Field | null {
    // No header name is this long; a longer cell (a title, a pasted paragraph) is not looked at.
    if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return null;
    const exact = this.byKey.get(foldKey(value)) ?? this.byKey.get(foldKey(withoutNotes(value)));
    if (exact !== undefined) return exact;
    const words = headerWords(withoutNotes(value));
    // A header names a field in a few words; a sentence that mentions a stage or a channel is no header.
    if (words.length > 4) return null;
    // "channel_type", "stage name", "persona category": a field qualified by a generic word is that field
    // ("touchpoint type", how a touchpoint runs, stays the mode).
    if (words.length === 2 && QUALIFIERS.has(words[1]!)) {
      const qualified = this.byKey.get(words[0]!);
      if (qualified !== undefined && qualified !== 'touchpoint') return qualified;
    }
    for (let length = Math.min(words.length - 1, 4); length >= 1; length--) {
      for (let start = words.length - length; start >= 0; start--) {
        const field = this.byKey.get(words.slice(start, start + length).join(''));
        if (field !== undefined) return field;
      }
    }
    return null;
  }
}

/** A header row found in a sheet, and the 0-based column of each field it names. */
export interface HeaderMatch {
  rowIndex: number;
  row: number;
  columns: Partial<Record<Field, number>>;
  /** Header cells that name the same field again (the first one wins). */
  duplicates: { field: Field; column: number }[];
}

/**
 * Finds the header among the first rows: the row naming the most distinct known fields, needing
 * at least two so a title or a notes line is never taken for one.
 */
export function findHeader(rows: RawRow[], matcher: ColumnMatcher = new ColumnMatcher(), firstRow = 1): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestCount = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const row = rows[rowIndex]!;
    if (row.row - firstRow >= HEADER_SEARCH_ROWS) break;
    const columns: Partial<Record<Field, number>> = {};
    const duplicates: HeaderMatch['duplicates'] = [];
    row.cells.forEach((value, column) => {
      const field = matcher.fieldFor(value);
      if (!field) return;
      if (columns[field] === undefined) columns[field] = column;
      else duplicates.push({ field, column });
    });
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      best = { rowIndex, row: row.row, columns, duplicates };
      bestCount = count;
    }
  }
  return best;
}

/** The main header names journey recognizes, for an error message. */
export function describeKnownColumns(): string {
  const core: Field[] = ['stage', 'touchpoint', 'channel', 'team', 'mode', 'direction', 'day', 'frequency', 'persona', 'kpi'];
  return core
    .map((field) => [field, COLUMN_NAMES[field]] as const)
    .map(([field, names]) => `${field}${REQUIRED_FIELDS.includes(field) ? ' (required)' : ORDER_FIELDS.includes(field) ? ' (this or ' + ORDER_FIELDS.find((f) => f !== field) + ')' : ''}: ${names.filter((n) => n !== field).slice(0, 4).join(', ')}`)
    .join('; ');
}
