import * as z from 'zod';
import { touchesPerWeek } from './cadence.js';
import { isOutbound } from './groups.js';
import type { Touchpoint } from './schema.js';

/**
 * What a customer receives as messages, the one weekly-load number audit (over-communication), the
 * report, diff and the day map all show. Messages the customer asked for (receipts, confirmations,
 * password resets) and two-way conversations are not pressure; an ad seen every day is not seven messages.
 */

/** Kinds of outbound touchpoints that are not messages pushed at the customer. */
export const UNPRESSURED_KINDS = ['transactional', 'conversation'] as const;
export type UnpressuredKind = (typeof UNPRESSURED_KINDS)[number];

export const LoadOptionsSchema = z
  .object({
    notCounted: z
      .array(z.enum(UNPRESSURED_KINDS))
      .default([...UNPRESSURED_KINDS])
      .describe(
        'Kinds of outbound touchpoints that are not pressure: transactional (receipts, order and shipping confirmations, invoices, e-signatures, password resets) and conversation (two-way touchpoints, calls and meetings)',
      ),
    channelLimits: z
      .record(z.string(), z.number().nonnegative())
      .default({ 'paid-ads': 1, social: 1 })
      .describe(
        'Most touches a week one touchpoint on a channel counts for (channel id → number; 0 leaves the channel out): a retargeting ad shown daily is at most one message a week',
      ),
  })
  .strict();
export type LoadOptions = z.infer<typeof LoadOptionsSchema>;

/** The defaults, for views that draw the load without a rule's options. */
export const DEFAULT_LOAD: LoadOptions = LoadOptionsSchema.parse({});

// Words of messages a customer asked for by acting: they confirm what the customer did.
const TRANSACTIONAL =
  /\b(receipts?|invoices?|billing statement|statement|(order|purchase|booking|reservation|payment|shipping|shipment|delivery|dispatch|contract|signature|signed|subscription|registration|appointment|cancellation|refund|return) (confirmations?|confirmed|notices?|notifications?|updates?|receipts?)|(contract|order|booking) signed|docusign|e-?sign\w*|password (reset|change)|reset (your )?password|verification code|verify (your )?(email|account)|email verification|activation link|one[- ]time (code|password)|2fa|otp|tracking (link|number|email|sms)|out for delivery|shipped|dispatched|payment (failed|declined|received)|order (placed|received)|confirmation (email|sms|e-?mail))\b/;
// Channels where the customer and a person talk both ways.
const CONVERSATION_CHANNELS = new Set(['phone', 'video-call', 'in-person']);

const folded = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Why an outbound touchpoint is not pressure, or null when it is a message pushed at the customer. */
export function unpressuredKind(touchpoint: Touchpoint): UnpressuredKind | null {
  if (TRANSACTIONAL.test(folded(touchpoint.name))) return 'transactional';
  if (touchpoint.direction === 'both') return 'conversation';
  if (touchpoint.channels.length > 0 && touchpoint.channels.every((channel) => CONVERSATION_CHANNELS.has(channel))) return 'conversation';
  return null;
}

// Channels that reach an audience, not a person: an ad or a social post is seen, not received.
const BROADCAST_CHANNELS = new Set(['paid-ads', 'social']);

/** True when the touchpoint reaches an audience rather than the customer as a person (ads, social posts): no team takes the customer over through it. */
export function isBroadcast(touchpoint: Touchpoint): boolean {
  return touchpoint.channels.length > 0 && touchpoint.channels.every((channel) => BROADCAST_CHANNELS.has(channel));
}

/** True when a touchpoint adds to what the customer receives: outbound, and not of a kind the options leave out. */
export function countsAsMessage(touchpoint: Touchpoint, options: LoadOptions = DEFAULT_LOAD): boolean {
  if (!isOutbound(touchpoint)) return false;
  const kind = unpressuredKind(touchpoint);
  if (kind !== null && options.notCounted.includes(kind)) return false;
  return channelLimit(touchpoint, options) !== 0;
}

/** The most one touchpoint counts for a week on its channels (the highest of its channels' limits), or Infinity. */
function channelLimit(touchpoint: Touchpoint, options: LoadOptions): number {
  let limit = -1;
  for (const channel of touchpoint.channels) {
    const own = options.channelLimits[channel];
    limit = Math.max(limit, own === undefined ? Infinity : own);
  }
  return limit === -1 ? Infinity : limit;
}

/** Messages a week a recurring touchpoint adds (0 when it does not count or does not recur), its channel's limit applied. */
export function messagesPerWeek(touchpoint: Touchpoint, options: LoadOptions = DEFAULT_LOAD): number {
  if (!countsAsMessage(touchpoint, options)) return 0;
  return Math.min(touchesPerWeek(touchpoint.frequency), channelLimit(touchpoint, options));
}

/** A group's weekly load: what recurs each week plus the busiest 7 days of one-off messages. */
export interface WeeklyLoad {
  /** Messages a week. */
  load: number;
  /** The recurring touchpoints that add to it, with their messages a week. */
  recurring: { touchpoint: Touchpoint; perWeek: number }[];
  /** The one-off messages of the busiest 7 days, in day order. */
  week: Touchpoint[];
  /** The first day of those 7 days, in the schedule they fall in (null when no one-off has a day). */
  weekStart: number | null;
  /**
   * With a date column per cohort: the header of the schedule whose busiest week this is, when it is not
   * the first (every schedule is checked; the busiest one is the load). Null for the first schedule.
   */
  schedule: string | null;
  /** Every touchpoint that counts as a message (the outbound, pressure-adding ones). */
  messages: Touchpoint[];
}

/** A touchpoint's day in schedule `n`: 0 is its day; 1 on, its other schedules (a date column per cohort). */
function dayIn(touchpoint: Touchpoint, n: number): number | null {
  return n === 0 ? touchpoint.day : (touchpoint.schedules?.[n - 1]?.day ?? null);
}

/** The most one-off touchpoints with a day in schedule `n` that fall within any 7 days (sorted days, two pointers). */
function busiestWeek(oneOffs: Touchpoint[], n: number): { week: Touchpoint[]; start: number | null } {
  const dated = oneOffs
    .flatMap((touchpoint) => {
      const day = dayIn(touchpoint, n);
      return day === null ? [] : [{ touchpoint, day }];
    })
    .sort((a, b) => a.day - b.day || a.touchpoint.index - b.touchpoint.index);
  let [bestStart, bestEnd] = [0, 0];
  let start = 0;
  for (let end = 0; end < dated.length; end++) {
    while (dated[end]!.day - dated[start]!.day >= 7) start++;
    if (end + 1 - start > bestEnd - bestStart) [bestStart, bestEnd] = [start, end + 1];
  }
  return { week: dated.slice(bestStart, bestEnd).map((d) => d.touchpoint), start: dated[bestStart]?.day ?? null };
}

/** The messages a week a persona receives from these touchpoints (one stage, or a timeline): the number every output shows. */
export function weeklyLoad(touchpoints: readonly Touchpoint[], options: LoadOptions = DEFAULT_LOAD): WeeklyLoad {
  const messages = touchpoints.filter((t) => countsAsMessage(t, options));
  const recurring: WeeklyLoad['recurring'] = [];
  const oneOffs: Touchpoint[] = [];
  for (const touchpoint of messages) {
    const perWeek = messagesPerWeek(touchpoint, options);
    if (perWeek > 0) recurring.push({ touchpoint, perWeek });
    else if (!touchpoint.frequency?.recurring) oneOffs.push(touchpoint);
  }
  // Every schedule of a date column per cohort is checked: the busiest week of any is the load.
  const schedules = oneOffs.reduce((most, touchpoint) => Math.max(most, 1 + (touchpoint.schedules?.length ?? 0)), 1);
  let best = busiestWeek(oneOffs, 0);
  let schedule: string | null = null;
  for (let n = 1; n < schedules; n++) {
    const busiest = busiestWeek(oneOffs, n);
    if (busiest.week.length > best.week.length) {
      best = busiest;
      schedule = oneOffs.find((touchpoint) => touchpoint.schedules?.[n - 1] !== undefined)!.schedules![n - 1]!.label;
    }
  }
  return {
    load: recurring.reduce((sum, r) => sum + r.perWeek, 0) + best.week.length,
    recurring,
    week: best.week,
    weekStart: best.week.length > 0 ? best.start : null,
    schedule,
    messages,
  };
}
