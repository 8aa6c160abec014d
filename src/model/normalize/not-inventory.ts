import type { RawRow } from '../../load/index.js';
import { headerWords, withoutNotes, type ColumnMatcher } from '../columns.js';
import { cellText } from './values.js';

/**
 * Tables people hand journey that are not inventories, recognized by their header (and, for an event
 * log, by ids repeating down the rows), so the refusal says what the file looks like instead of
 * listing the columns journey looked for.
 */

/** How many rows from the top a table's header is looked for in, and how many rows below it are sampled. */
const HEADER_ROWS = 10;
const SAMPLE_ROWS = 200;
const INVENTORY = 'journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...)';

/** A header cell's words, joined ("user_id" → "user id", "publishDate" → "publish date"). */
function words(text: string): string {
  return headerWords(withoutNotes(text)).join(' ');
}

const ID =
  /^(?:(?:user|customer|client|account|visitor|contact|member|subscriber|person|profile|distinct|anonymous|device|lead|buyer|shopper|session|cookie) ?(?:id|uuid|guid|key|number|no|identifier)|uid|cid|distinct id|anonymous id|userid|customerid|email address|user email|customer email)$/;
const TIME =
  /^(?:(?:event |created |occurred |received |sent |logged |server |client )?(?:timestamp|time ?stamp|datetime|date time|time|at|ts|date)|created at|occurred at|event time|event date|received at|time utc|timestamp utc)$/;
const EVENT = /^(?:event|event name|event type|action|event action|event category|activity type|interaction type|type of event)$/;
const AB =
  /^(?:variant|variation|variant name|arm|bucket|test group|experiment|experiment name|experiment id|treatment|control|test variant|p ?value|pvalue|significance|statistical significance|confidence|confidence level|uplift|lift|chance to beat control|probability to be best)$/;
const METRIC =
  /^(?:impressions?|clicks?|ctr|cpc|cpm|cpa|cost|spend|amount spent|budget|sessions?|users?|new users|page ?views?|bounce rate|avg session duration|revenue|conversions?|conversion rate|conv rate|cvr|roas|reach|frequency|engagement rate|engagements?|views?|video views|installs?|leads?|signups?|sign ups|orders?|transactions?|aov|visitors?|unique visitors|opens?|open rate|click rate|unsubscribes?|bounces?|delivered|sent|date|day|week|month|period|p ?value|uplift|lift|variant|variation|control|treatment|confidence|sample size|participants)$/;
const PUBLISH =
  /^(?:publish(?:ed|ing)? ?(?:on|date)?|publication date|pub date|post(?:ing)? date|go live(?: date)?|live date|due date|scheduled(?: date| for)?|schedule date|release date|launch date|date)$/;
const TITLE = /^(?:title|headline|topic|post title|working title|article|article title|piece|content title|subject|theme)$/;
const EDITORIAL =
  /^(?:author|writer|editor|assignee|assigned to|owner|word count|words|keyword|target keyword|keywords|category|content type|format|tags?|status|editorial status|url|link|slug|brief|cta|persona)$/;
const EDITORIAL_STAGES =
  /^(?:idea|ideas|backlog|draft|drafting|writing|in writing|editing|in edit|edit|review|in review|reviewed|approved|scheduled|published|live|done|in progress|assigned|to do|todo|ready|pitched|outline|on hold|design)$/i;

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

/** True when some value repeats in the column below the header: many rows per customer. */
function repeats(rows: readonly RawRow[], column: number): { rows: number; ids: number } {
  const seen = new Set<string>();
  let count = 0;
  for (const row of rows) {
    const text = cellText(row.cells[column]);
    if (text === null) continue;
    count++;
    seen.add(text);
  }
  return { rows: count, ids: seen.size };
}

/**
 * What a table looks like when it is no inventory: an event log, an A/B test or metrics export, a
 * content calendar. Null when it may be an inventory (a table with a journey stage column is one).
 */
export function describeNonInventory(rows: readonly RawRow[], matcher: ColumnMatcher): string | null {
  const header = headerOf(rows);
  if (header === null) return null;
  const { names } = header;
  const named = names.map((name, column) => ({ name, column })).filter(({ name }) => name !== '');
  const shown = (test: RegExp, max = 4) =>
    named
      .filter(({ name }) => test.test(name))
      .slice(0, max)
      .map(({ column }) => cellText(rows[header.index]!.cells[column])!);
  const body = rows.slice(header.index + 1, header.index + 1 + SAMPLE_ROWS);
  const headerCells = rows[header.index]!.cells;
  const stageColumn = headerCells.findIndex((value) => matcher.fieldFor(value) === 'stage');

  // An event log: a customer id, a time or an event, and ids repeating down the rows.
  const id = named.find(({ name }) => ID.test(name));
  const time = named.some(({ name }) => TIME.test(name));
  const event = named.some(({ name }) => EVENT.test(name));
  if (id && (time || event)) {
    const { rows: filled, ids } = repeats(body, id.column);
    if ((filled >= 2 && ids < filled) || (time && event)) {
      return `looks like an event log, one row per customer event (${shown(new RegExp(`${ID.source}|${TIME.source}|${EVENT.source}`)).join(', ')}${ids < filled ? `; ${filled} rows for ${ids} ${ids === 1 ? 'customer' : 'customers'}` : ''}); ${INVENTORY}`;
    }
  }
  if (stageColumn !== -1 && !editorialStages(body, stageColumn)) return null;

  // A table naming touchpoints and their channel, timing or team is a journey table, whatever figures
  // or publish dates it carries (a timeline with no stage column is one).
  const fields = new Set(headerCells.map((value) => matcher.fieldFor(value)));
  if (fields.has('touchpoint') && (fields.has('channel') || fields.has('day') || fields.has('team'))) return null;

  // An A/B test or metrics export: mostly figures, with variants or significance for a test.
  const ab = named.filter(({ name }) => AB.test(name));
  const metrics = named.filter(({ name }) => METRIC.test(name));
  if (ab.length >= 1 && metrics.length >= 2) {
    return `looks like an A/B test export, one row per variant (${shown(new RegExp(`${AB.source}|${METRIC.source}`)).join(', ')}); ${INVENTORY}`;
  }
  if (metrics.length >= 3 && metrics.length * 5 >= named.length * 3) {
    return `looks like a metrics export, one row per campaign, period or page with its figures (${shown(METRIC).join(', ')}); ${INVENTORY}`;
  }

  // A content calendar: publish dates and titles, authors and statuses, no journey stage.
  const publish = named.some(({ name }) => PUBLISH.test(name));
  const title = named.some(({ name }) => TITLE.test(name));
  const editorial = named.filter(({ name }) => EDITORIAL.test(name));
  if (publish && title && editorial.length >= 1) {
    return `looks like a content calendar, one row per piece of content (${shown(new RegExp(`${PUBLISH.source}|${TITLE.source}|${EDITORIAL.source}`)).join(', ')}) with no journey stage column; ${INVENTORY}, or add Stage and Touchpoint columns to audit it as one`;
  }
  return null;
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
