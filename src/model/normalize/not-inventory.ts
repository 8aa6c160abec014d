import type { CellValue, RawRow } from '../../load/index.js';
import { headerWords, withoutNotes, type ColumnMatcher } from '../columns.js';
import { answerColumnOf } from '../answer-columns.js';
import type { Field } from '../schema.js';
import { calendarDate, cellText } from './values.js';

/**
 * Tables people hand journey that are not inventories: an event log (recognized by a column of
 * customer ids that repeat with a date or time on every row, whatever other columns it has), a campaign
 * metrics export, an A/B test or metrics export, a content calendar. The refusal says what the table
 * looks like, with counts over every row of the file, and what to do instead (`journey measure` for a log).
 */

/** How many rows from the top a table's header is looked for in, and how many rows below it are sampled. */
const HEADER_ROWS = 10;
const SAMPLE_ROWS = 200;
/** Distinct customer ids counted over a whole file; past this the count says "more than". */
const MAX_COUNTED_IDS = 1_000_000;
/** What journey reads, as every refusal says it. */
export const INVENTORY = 'journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...)';

/** A header cell's words, joined ("user_id" → "user id", "publishDate" → "publish date"). */
function words(text: string): string {
  return headerWords(withoutNotes(text)).join(' ');
}

// Who a row is about: an id header ("user_id", "Contact ID") or a word for a customer in the languages journey reads.
const ID =
  /^(?:(?:user|customer|client|account|visitor|contact|member|subscriber|person|profile|distinct|anonymous|device|lead|buyer|shopper|session|cookie|case|patient|guest|student|recipient|record)(?: (?:pseudo|external|internal|unique|crm|hashed|anonymous))? ?(?:id|uuid|guid|key|number|no|nr|identifier|ref|reference)|uid|cid|distinct id|anonymous id|userid|customerid|email address|e mail address|user email|customer email|contact email|recipient email|id (?:cliente|usuario|utilisateur|client|kunde|klant)|(?:kunden|nutzer|benutzer) ?(?:id|nummer|nr)|顧客id|会員id|ユーザーid)$/;
const CUSTOMER =
  /^(?:user|customer|client|contact|member|subscriber|person|visitor|lead|buyer|shopper|patient|guest|student|case|cliente|usuario|usuaria|utilisateur|kunde|nutzer|benutzer|klant|gebruiker|utente|顧客|会員|ユーザー|利用者)s?$/;
const TIME =
  /^(?:(?:event |created |occurred |received |sent |logged |server |client |interaction |activity |visit |action |touch )?(?:timestamp|time ?stamp|datetime|date time|time|at|ts|date)|created at|occurred at|event time|event date|received at|time utc|timestamp utc|start timestamp|end timestamp|start time|complete timestamp|fecha|fecha y hora|data|data e hora|horodatage|zeitstempel|datum|tijdstip|日時|日付|タイムスタンプ)$/;
const EVENT =
  /^(?:event|event name|event type|action|event action|event category|activity|activity name|activity type|interaction|interaction type|type of event|touchpoint type|touch type|evento|actividad|atividade|evenement|activite|ereignis|aktivitat|gebeurtenis|イベント)$/;
const AB =
  /^(?:variant|variation|variant name|arm|bucket|test group|experiment|experiment name|experiment id|treatment|control|test variant|p ?value|pvalue|significance|statistical significance|confidence|confidence level|uplift|lift|chance to beat control|probability to be best)$/;
const METRIC =
  /^(?:impressions?|clicks?|ctr|cpc|cpm|cpa|cost|spend|amount spent|budget|sessions?|users?|new users|page ?views?|bounce rate|avg session duration|revenue|conversions?|conversion rate|conv rate|cvr|roas|reach|frequency|engagement rate|engagements?|views?|video views|installs?|leads?|signups?|sign ups|orders?|transactions?|aov|visitors?|unique visitors|opens?|open rate|click rate|unsubscribes?|bounces?|delivered|sent|date|day|week|month|period|p ?value|uplift|lift|variant|variation|control|treatment|confidence|sample size|participants)$/;
// What an e-mail tool reports per send (Mailchimp, Klaviyo, HubSpot, Brevo exports).
const SEND_FIGURE =
  /^(?:(?:total |unique |successful )?(?:sends?|sent|recipients|deliveries|delivered|opens?|opened|clicks?|clicked|bounces?|unsubscribes?|unsubscribed|complaints?|forwards?|replies|conversions?|orders?|revenue)|(?:soft|hard|total) bounces|abuse complaints|spam complaints|times forwarded|forwarded opens|total recipients|emails sent|emails delivered|open rate|unique open rate|click rate|click through rate|click to open rate|ctr|ctor|cto|bounce rate|unsubscribe rate|delivery rate|conversion rate|placed order rate|revenue per recipient)$/;
const CAMPAIGN =
  /^(?:campaign|campaign name|campaign title|title|subject|subject line|email|email name|email subject|message|message name|mailing|mailing name|newsletter|send|flow|flow name|template|template name|list|audience|list name|segment)$/;
const SEND_DATE =
  /^(?:send date|sent date|date sent|send time|sent at|send at|sent on|send on|delivery date|send datetime|scheduled date|campaign date|date|day|send weekday|week|month)$/;
const PUBLISH =
  /^(?:publish(?:ed|ing)? ?(?:on|date)?|publication date|pub date|post(?:ing)? date|go live(?: date)?|live date|due date|scheduled(?: date| for)?|schedule date|release date|launch date|date)$/;
const TITLE = /^(?:title|headline|topic|post title|working title|article|article title|piece|content title|subject|theme)$/;
const EDITORIAL =
  /^(?:author|writer|editor|assignee|assigned to|owner|word count|words|keyword|target keyword|keywords|category|content type|format|tags?|status|editorial status|url|link|slug|brief|cta|persona)$/;
const EDITORIAL_STAGES =
  /^(?:idea|ideas|backlog|draft|drafting|writing|in writing|editing|in edit|edit|review|in review|reviewed|approved|scheduled|published|live|done|in progress|assigned|to do|todo|ready|pitched|outline|on hold|design)$/i;

// An id as systems write one: "C001", "u_1001", "cust-42", "1001", a UUID, a hash, an e-mail address.
const ID_SHAPE =
  /^(?:[A-Za-z]{0,12}[-_#:.]?\d+[A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,64})$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
// Timings that look like ids ("T-30", "D+3", "W2", "Q3"): no customer is called that.
const TIMING_SHAPE = /^(?:[TDJW][-+]?\d+|Q[1-4]|H[12]|M\d+|Day\d+|Week\d+|Wk\d+)$/i;
// A person's name as a log writes it: "Ana Silva", "J. Ortiz".
const NAME_SHAPE = /^\p{Lu}[\p{Ll}'-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'-]+)+$|^\p{Lu}\. ?\p{Lu}[\p{Ll}'-]+$/u;
// A time of day with a date, or alone under a time header: "2026-03-01T09:12:04Z", "01/03/2026 09:12", "09:12".
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ t]\d{1,2}:\d{2}|^\d{1,2}[/.]\d{1,2}[/.]\d{4}[ ,]+\d{1,2}:\d{2}/i;
const TIME_OF_DAY = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?$/i;
// Epoch seconds, milliseconds or microseconds (BigQuery's event_timestamp), in this century.
const EPOCH = /^1[0-9]{9}(?:[0-9]{3}){0,2}$/;
// A compact date under a date header: "20191208".
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

// Fields whose column is never a customer id, whatever its cells look like: an owner's e-mail address is not a customer.
const NOT_CUSTOMERS = new Set<Field | null>(['owner', 'team', 'persona', 'audience', 'stage', 'status', 'mode', 'direction', 'day', 'frequency', 'kpi']);

/** A table that is no inventory: what it looks like, counted over every row the file holds. */
export interface NotInventory {
  /** Counts a row of the table beyond those it was recognized on (the rest of a streamed file). */
  count(row: RawRow): void;
  /** The one-line reason the table is refused, with its counts so far; `file` names the file in a suggested command. */
  message(place: { file: string; sheet: string | null }): string;
}

/** The row among the first that names the most columns: the table's header. */
function headerOf(rows: readonly RawRow[]): { index: number; names: string[] } | null {
  let best: { index: number; names: string[] } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_ROWS); index++) {
    const names = rows[index]!.cells.map((value) => (typeof value === 'string' && value.length <= 100 ? words(value) : ''));
    const named = names.filter((name) => name !== '' && !/^\d/.test(name)).length;
    if (named >= 3 && named > (best?.names.filter((n) => n !== '').length ?? 0)) best = { index, names };
  }
  return best;
}

/** What a column's cells look like to the event-log test. */
interface Shape {
  filled: number;
  distinct: number;
  /** Cells shaped like ids (a bare number too) or e-mail addresses. */
  ids: number;
  /** Of the ids, codes no figure looks like: letters with digits ("C-001", "u_1"), e-mail addresses, UUIDs. */
  codes: number;
  names: number;
  dates: number;
  /** Of the dates, those with a time of day (date-times, epoch times): the finer clock of a log. */
  stamps: number;
  /** Compact dates ("20191208"), dates only under a time header. */
  compact: number;
  times: number;
  /** The largest number of rows one value fills. */
  most: number;
  dayFirst: number;
  /** The strptime format of the first day-first date ("%d/%m/%Y %H:%M"), for `journey measure --time-format`. */
  dayFirstFormat: string | null;
}

function shapeOf(rows: readonly RawRow[], column: number): Shape {
  const counts = new Map<string, number>();
  const shape: Shape = {
    filled: 0,
    distinct: 0,
    ids: 0,
    codes: 0,
    names: 0,
    dates: 0,
    stamps: 0,
    compact: 0,
    times: 0,
    most: 0,
    dayFirst: 0,
    dayFirstFormat: null,
  };
  for (const row of rows) {
    const value = row.cells[column];
    const text = cellText(value);
    if (text === null) continue;
    shape.filled++;
    const seen = (counts.get(text) ?? 0) + 1;
    counts.set(text, seen);
    shape.most = Math.max(shape.most, seen);
    if (text.length <= 80 && !TIMING_SHAPE.test(text) && (ID_SHAPE.test(text) || EMAIL.test(text)) && /\d|@/.test(text)) {
      shape.ids++;
      if (typeof value === 'string' && /\p{L}/u.test(text) && !/^[+-]?\d/.test(text.replace(/\s/g, ''))) shape.codes++;
    } else if (text.length <= 60 && NAME_SHAPE.test(text)) shape.names++;
    if (value instanceof Date || DATE_TIME.test(text) || calendarDate(value ?? null) !== null || (typeof value === 'string' && EPOCH.test(text))) {
      shape.dates++;
      if (DATE_TIME.test(text) || EPOCH.test(text) || (value instanceof Date && value.getTime() % 86_400_000 !== 0)) shape.stamps++;
      const dmy = /^\d{1,2}([/.])\d{1,2}[/.]\d{4}(?:(,?\s+)\d{1,2}:\d{2}(:\d{2})?)?$/.exec(text);
      if (dmy) {
        shape.dayFirst++;
        shape.dayFirstFormat ??= `%d${dmy[1]}%m${dmy[1]}%Y${dmy[2] === undefined ? '' : `${dmy[2]}%H:%M${dmy[3] ? ':%S' : ''}`}`;
      }
    } else if (TIME_OF_DAY.test(text)) shape.times++;
    else if (COMPACT_DATE.test(text)) shape.compact++;
  }
  shape.distinct = counts.size;
  return shape;
}

/** The columns an event log is measured by: whose rows they are, when, and what happened. */
interface LogColumns {
  user: number;
  time: number;
  event: number | null;
}

/**
 * An event log by its evidence: a column of customers (an id or customer header, or cells shaped like
 * ids and e-mail addresses) whose values repeat, and a date or time on (nearly) every row. Stage, channel
 * and touchpoint-type columns beside them do not make it an inventory: the same customer on many rows does.
 */
function findLog(names: readonly string[], headerCells: readonly CellValue[], body: readonly RawRow[], matcher: ColumnMatcher): LogColumns | null {
  if (body.length < 2) return null;
  const shapes = names.map((_, column) => shapeOf(body, column));
  const timeColumn = (except: number): number | null => {
    let best: number | null = null;
    let bestScore = 0;
    names.forEach((name, column) => {
      if (column === except) return;
      const shape = shapes[column]!;
      // Dated on nearly every row; a time of day alone counts only under a time header.
      const dated = shape.dates + (TIME.test(name) ? shape.times + shape.compact : 0);
      if (shape.filled < 2 || dated < 0.8 * body.length || dated < 0.8 * shape.filled) return;
      const score = dated + shape.stamps / 2 + (TIME.test(name) ? body.length : 0);
      if (score > bestScore) [best, bestScore] = [column, score];
    });
    return best;
  };
  for (const [column, name] of names.entries()) {
    const shape = shapes[column]!;
    // Some customer on two rows or more, and more than one customer.
    if (shape.filled < 3 || shape.distinct < 2 || shape.most < 2) continue;
    const idHeader = ID.test(name);
    const customerHeader = CUSTOMER.test(name) && (shape.ids + shape.names) * 2 >= shape.filled;
    const idCells = shape.codes >= 0.8 * shape.filled && !NOT_CUSTOMERS.has(matcher.fieldFor(headerCells[column] ?? null));
    if (!idHeader && !customerHeader && !idCells) continue;
    const time = timeColumn(column);
    if (time === null) continue;
    // Without an id header, a table whose named touchpoints are all different is a dated plan with an
    // owner or contact column, not a log: a log meets the same touchpoint for many customers.
    if (!idHeader && distinctTouchpoints(headerCells, shapes, matcher, [column, time])) continue;
    return { user: column, time, event: eventColumn(names, headerCells, shapes, body.length, [column, time], matcher) };
  }
  return null;
}

/** True when a column the header names as the touchpoint holds a different text on (nearly) every row. */
function distinctTouchpoints(headerCells: readonly CellValue[], shapes: readonly Shape[], matcher: ColumnMatcher, taken: number[]): boolean {
  const column = headerCells.findIndex((value, index) => !taken.includes(index) && matcher.fieldFor(value) === 'touchpoint');
  const shape = column === -1 ? undefined : shapes[column];
  return shape !== undefined && shape.filled >= 5 && shape.distinct >= 0.9 * shape.filled;
}

/** The event name column: its header says so, else the short text column whose values repeat most (the same event for many customers). */
function eventColumn(
  names: readonly string[],
  headerCells: readonly CellValue[],
  shapes: readonly Shape[],
  rows: number,
  taken: number[],
  matcher: ColumnMatcher,
): number | null {
  const free = (column: number) => !taken.includes(column) && shapes[column]!.filled >= 0.5 * rows;
  const named = names.findIndex((name, column) => free(column) && EVENT.test(name));
  if (named !== -1) return named;
  // The column an inventory would call the touchpoint, or a "type" of something ("Touchpoint Type", "Interaction").
  const touchpoint = headerCells.findIndex((value, column) => free(column) && matcher.fieldFor(value) === 'touchpoint');
  if (touchpoint !== -1) return touchpoint;
  const typed = names.findIndex((name, column) => free(column) && /(?:^| )(?:type|name|interaction)$/.test(name));
  if (typed !== -1) return typed;
  let best: number | null = null;
  let bestRepeat = 0;
  names.forEach((name, column) => {
    const shape = shapes[column]!;
    if (taken.includes(column) || name === '' || shape.filled < 0.8 * rows || shape.dates > 0 || shape.ids > shape.filled / 2) return;
    if (NOT_CUSTOMERS.has(matcher.fieldFor(headerCells[column] ?? null)) || matcher.fieldFor(headerCells[column] ?? null) === 'channel') return;
    const repeat = shape.filled / shape.distinct;
    if (shape.distinct >= 2 && repeat > bestRepeat) [best, bestRepeat] = [column, repeat];
  });
  return best;
}

/** A word of a suggested command line, quoted for a POSIX shell when it needs to be. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Whole-file counts of an event log: rows, customers, and the dates they span. */
class EventLog implements NotInventory {
  private rows = 0;
  private readonly ids = new Set<string>();
  private idsOverflowed = false;
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly header: readonly CellValue[],
    private readonly columns: LogColumns,
    /** The time column's strptime format when its dates are day-first, which journey measure must be told. */
    private readonly timeFormat: string | null,
  ) {}

  count(row: RawRow): void {
    const id = cellText(row.cells[this.columns.user]);
    if (id === null) return;
    this.rows++;
    if (this.ids.size < MAX_COUNTED_IDS) this.ids.add(id);
    else if (!this.ids.has(id)) this.idsOverflowed = true;
    const day = calendarDate(dayPart(row.cells[this.columns.time]));
    if (day !== null) {
      if (day < this.first) this.first = day;
      if (day > this.last) this.last = day;
    }
  }

  message(place: { file: string; sheet: string | null }): string {
    const name = (column: number) => cellText(this.header[column]) ?? '';
    const customers = this.idsOverflowed ? `more than ${MAX_COUNTED_IDS} customers` : plural(this.ids.size, 'customer', 'customers');
    const span = this.first <= this.last ? `, ${isoDay(this.first)}${this.last > this.first ? ` to ${isoDay(this.last)}` : ''}` : '';
    const { user, time, event } = this.columns;
    const seen = [`user "${name(user)}"`, `time "${name(time)}"`, ...(event === null ? [] : [`event "${name(event)}"`])].join(', ');
    const flags = [`--user ${shellWord(name(user))}`, `--time ${shellWord(name(time))}`, ...(event === null ? [] : [`--event ${shellWord(name(event))}`])];
    if (this.timeFormat !== null) flags.push(`--time-format ${shellWord(this.timeFormat)}`);
    const csv = /\.(?:csv|tsv)$/i.test(place.file);
    const target = csv ? shellWord(place.file) : shellWord(`${place.sheet ?? place.file.replace(/\.[^./]*$/, '')}.csv`);
    const command = `journey measure ${target} ${flags.join(' ')}`;
    const table = /\.(?:md|markdown)$/i.test(place.file) ? (place.sheet !== null ? `the table under "${place.sheet}"` : 'the table') : `sheet "${place.sheet}"`;
    return `looks like an event log, one row per customer event: ${plural(this.rows, 'row', 'rows')} for ${customers}${span} (${seen}); ${INVENTORY}. To measure the journey in it, ${csv ? 'run' : `save ${table} as CSV and run`}: ${command} (add --inventory with your inventory to set it against its touchpoints)`;
  }
}

/** The date part of a time cell ("2026-03-01T09:12:04Z" → "2026-03-01"), for the span of a log. */
function dayPart(value: CellValue | undefined): CellValue {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[ tT]/.exec(text);
  if (iso) return iso[1]!;
  const dmy = /^(\d{1,2}[/.]\d{1,2}[/.]\d{4})[ ,]/.exec(text);
  if (dmy) return dmy[1]!;
  if (EPOCH.test(text)) return new Date(Number(text) / (text.length > 13 ? 1000 : text.length > 10 ? 1 : 0.001));
  if (COMPACT_DATE.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
  return value;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A table refused by its header, counted by its rows over the whole file. */
class Export implements NotInventory {
  private rows = 0;
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly describe: (counts: string) => string,
    private readonly dateColumn: number | null,
  ) {}

  count(row: RawRow): void {
    if (row.cells.every((value) => cellText(value) === null)) return;
    this.rows++;
    if (this.dateColumn === null) return;
    const day = calendarDate(dayPart(row.cells[this.dateColumn]));
    if (day === null) return;
    if (day < this.first) this.first = day;
    if (day > this.last) this.last = day;
  }

  message(): string {
    const span = this.first <= this.last ? `, ${isoDay(this.first)}${this.last > this.first ? ` to ${isoDay(this.last)}` : ''}` : '';
    return this.describe(`${plural(this.rows, 'row', 'rows')}${span}`);
  }
}

/**
 * What a table looks like when it is no inventory: an event log, a campaign metrics export, an A/B test or
 * metrics export, a content calendar. Null when it may be an inventory (a table with a journey stage column
 * is one, unless it is a log). The rows given are counted; `count` takes the rest of the file.
 */
export function recognizeNonInventory(rows: readonly RawRow[], matcher: ColumnMatcher): NotInventory | null {
  const header = headerOf(rows);
  if (header === null) return null;
  const { names } = header;
  const headerCells = rows[header.index]!.cells;
  const named = names.map((name, column) => ({ name, column })).filter(({ name }) => name !== '');
  const shown = (test: RegExp, max = 4) =>
    named
      .filter(({ name }) => test.test(name))
      .slice(0, max)
      .map(({ column }) => cellText(headerCells[column])!);
  const below = rows.slice(header.index + 1);
  const body = below.slice(0, SAMPLE_ROWS);
  const counted = (found: NotInventory) => {
    for (const row of below) found.count(row);
    return found;
  };
  const stageColumn = headerCells.findIndex((value) => matcher.fieldFor(value) === 'stage');

  // journey interview's answers sheet: its stage and touchpoint columns are the inventory's, its rows what interviewees said.
  const answerColumns = new Set(headerCells.map((value) => answerColumnOf(cellText(value) ?? '')).filter((column) => column !== undefined));
  if (answerColumns.has('interviewee') && (answerColumns.has('quote') || answerColumns.has('feeling')) && answerColumns.size >= 4) {
    const date = headerCells.findIndex((value) => answerColumnOf(cellText(value) ?? '') === 'date');
    return counted(
      new Export(
        (counts) =>
          `looks like an interview answers sheet (journey interview --template writes one): ${counts}; give it to journey audit, report or map with --answers, beside the inventory it is about`,
        date === -1 ? null : date,
      ),
    );
  }

  const log = findLog(names, headerCells, body, matcher);
  if (log !== null) {
    const time = shapeOf(body, log.time);
    return counted(new EventLog(headerCells, log, time.dayFirst * 2 > time.dates ? time.dayFirstFormat : null));
  }
  // An id and an event header with ids repeating, or an id, a time and an event header, though the sample shows no dates.
  const id = named.find(({ name }) => ID.test(name));
  const timeHeader = named.find(({ name }) => TIME.test(name));
  const eventHeader = named.find(({ name }) => EVENT.test(name) && name !== 'activity' && name !== 'interaction');
  if (id && (timeHeader || eventHeader)) {
    const shape = shapeOf(body, id.column);
    if ((shape.filled >= 2 && shape.distinct < shape.filled) || (timeHeader && eventHeader)) {
      const columns = { user: id.column, time: timeHeader?.column ?? -1, event: eventHeader?.column ?? null };
      if (columns.time !== -1) return counted(new EventLog(headerCells, columns, null));
    }
  }
  if (stageColumn !== -1 && !editorialStages(body, stageColumn)) return null;

  // A campaign metrics export: a row per campaign or send, keyed by its name or send date, with what the
  // e-mail tool counted (sends, opens, clicks, bounces), and no journey stage or channel column.
  const fields = new Set(headerCells.map((value) => matcher.fieldFor(value)));
  const figures = named.filter(({ name }) => SEND_FIGURE.test(name));
  const key = named.find(({ name }) => CAMPAIGN.test(name) || SEND_DATE.test(name));
  const mailed = figures.some(({ name }) => /open|sen[dt]|recipient|deliver|bounce|unsubscri/.test(name));
  // A timing of the journey's own (a trigger, a delay, a cadence), not the send's date, makes it a plan with its figures: an e-mail flow map.
  const timed = named.some(({ name, column }) => !SEND_DATE.test(name) && ['day', 'frequency'].includes(matcher.fieldFor(headerCells[column] ?? null) ?? ''));
  if (key && mailed && !timed && figures.length >= 3 && !fields.has('stage') && !fields.has('channel') && figures.length * 2 >= named.length - 2) {
    const date = named.find(({ name }) => SEND_DATE.test(name));
    const keys = [named.find(({ name }) => CAMPAIGN.test(name)), date].filter((found) => found !== undefined);
    const columns = [...keys.map(({ column }) => cellText(headerCells[column])!), ...figures.slice(0, 4).map(({ column }) => cellText(headerCells[column])!)];
    return counted(
      new Export(
        (counts) =>
          `looks like a campaign metrics export, one row per campaign send with what the e-mail tool counted: ${counts} (${columns.join(', ')}); ${INVENTORY}; such figures belong in an inventory as columns of the touchpoints they measure (Sent, Opens, Clicks, Unsubscribes)`,
        date?.column ?? null,
      ),
    );
  }

  // A table naming touchpoints and their channel, timing or team is a journey table, whatever figures
  // or publish dates it carries (a timeline with no stage column is one).
  if (fields.has('touchpoint') && (fields.has('channel') || fields.has('day') || fields.has('team'))) return null;

  // An A/B test or metrics export: mostly figures, with variants or significance for a test.
  const ab = named.filter(({ name }) => AB.test(name));
  const metrics = named.filter(({ name }) => METRIC.test(name));
  const dateOf = (test: RegExp) => named.find(({ name }) => test.test(name))?.column ?? null;
  if (ab.length >= 1 && metrics.length >= 2) {
    const columns = shown(new RegExp(`${AB.source}|${METRIC.source}`)).join(', ');
    return counted(new Export((counts) => `looks like an A/B test export, one row per variant: ${counts} (${columns}); ${INVENTORY}`, null));
  }
  if (metrics.length >= 3 && metrics.length * 5 >= named.length * 3) {
    const columns = shown(METRIC).join(', ');
    return counted(
      new Export(
        (counts) => `looks like a metrics export, one row per campaign, period or page with its figures: ${counts} (${columns}); ${INVENTORY}`,
        dateOf(/^(?:date|day)$/),
      ),
    );
  }

  // A content calendar: publish dates and titles, authors and statuses, no journey stage.
  const publish = named.some(({ name }) => PUBLISH.test(name));
  const title = named.some(({ name }) => TITLE.test(name));
  const editorial = named.filter(({ name }) => EDITORIAL.test(name));
  if (publish && title && editorial.length >= 1) {
    const columns = shown(new RegExp(`${PUBLISH.source}|${TITLE.source}|${EDITORIAL.source}`)).join(', ');
    return counted(
      new Export(
        (counts) =>
          `looks like a content calendar, one row per piece of content: ${counts} (${columns}) with no journey stage column; ${INVENTORY}, or add Stage and Touchpoint columns to audit it as one`,
        dateOf(PUBLISH),
      ),
    );
  }
  return null;
}

/** The reason a table is no inventory, counted over the rows given, or null (tests and one-off callers). */
export function describeNonInventory(
  rows: readonly RawRow[],
  matcher: ColumnMatcher,
  place = { file: 'input.csv', sheet: null as string | null },
): string | null {
  return recognizeNonInventory(rows, matcher)?.message(place) ?? null;
}

/** True when a "stage" column holds editorial stages (Draft, In review, Published), not journey stages. */
function editorialStages(rows: readonly RawRow[], column: number): boolean {
  let editorial = 0;
  let other = 0;
  for (const row of rows) {
    const text = cellText(row.cells[column]);
    if (text === null || text.length > 40) continue;
    if (EDITORIAL_STAGES.test(text)) editorial++;
    else other++;
  }
  return editorial > other;
}
