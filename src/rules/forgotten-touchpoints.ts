import * as z from 'zod';
import type { JourneyModel, Location, Touchpoint } from '../model/schema.js';
import { withoutAccents } from '../model/text.js';
import { defineRule, type Report } from './rule.js';
import { listAnd } from './wording.js';

/** A touchpoint teams often leave out of their inventory, and how to recognise it under the words teams use. */
interface Forgettable {
  label: string;
  examples: string;
  /** A touchpoint on one of these channels covers it whatever its name. */
  channels: string[];
  /** Matched against the folded name and notes of each touchpoint. */
  words: RegExp;
  /** Checked only when some touchpoint's words match this (a trial-ending notice only for a product with a trial). */
  when?: RegExp;
}

const item = (label: string, examples: string, words: RegExp, channels: string[] = []): Forgettable => ({ label, examples, words, channels });

/** Every check, by id: what a customer meets that inventories forget. */
const FORGETTABLE = {
  'transactional-email': item(
    'transactional message',
    'receipts, invoices, password resets',
    /\b(receipts?|invoices?|billing|payments?|(order|purchase|booking|reservation|payment|shipping|delivery|contract|registration|appointment) (confirmation|confirmed|notice)s?|transactional|password resets?|reset password|renewal notices?|docusign|e ?signature)\b/,
  ),
  'opt-in-confirmation': item(
    'opt-in or subscription confirmation',
    'double opt-in, subscription confirmed, verify your email',
    /\b(opt ?ins?|double opt|subscription confirm\w*|confirm (your )?(subscription|email|account)|verify (your )?(email|account)|email verification|verification emails?|account (activation|verification))\b/,
  ),
  'error-page': item(
    'error page',
    '404, maintenance page, status page',
    /\b(404|500|error pages?|not found pages?|page not found|maintenance pages?|status pages?|outage (notice|page)s?|incident (notice|update)s?)\b/,
  ),
  'review-site': item(
    'review site',
    'G2, Capterra, Trustpilot, app store ratings',
    /\b(g2|capterra|trustpilot|tripadvisor|yelp|booking com reviews?|review sites?|app store|play store|online reviews?|google reviews?|review requests?|reviews? (response|reply|replies)|ratings?|rate (us|your))\b/,
    ['review-site'],
  ),
  'real-world-service': item(
    'real-world service',
    'reception, technicians, in-person visits',
    /\b(reception|receptionist|technicians?|in person|on ?site|installation|field service|store visits?|front desk|delivery drivers?|courier|deliver(y|ies)|visits?|consultations?|check ?in desk|concierge|housekeeping)\b/,
    ['in-person', 'event'],
  ),
  'trial-ending': {
    ...item(
      'trial-ending notice',
      'trial ends in 3 days, trial expired',
      /\b(trial (end\w*|expir\w*|over|reminder)|end of (the )?trial|trial conversion|upgrade before)\b/,
    ),
    when: /\b(trials?|free plan|freemium)\b/,
  },
  'shipping-update': item(
    'shipping or delivery update',
    'dispatched, out for delivery, tracking link',
    /\b(shipping|shipped|shipment|dispatch\w*|deliver(y|ed|ies)|tracking|out for delivery|parcel|courier)\b/,
  ),
  returns: item('returns and refunds', 'return label, refund confirmation', /\b(returns?|refunds?|exchanges?|rma)\b/),
  'pre-arrival': item(
    'pre-arrival message',
    'directions, what to bring, upgrade offer before the stay',
    /\b(pre ?arrival|before (your|the) (stay|arrival|visit|trip)|directions|getting here|arrival (info|information|guide|details)|know before you go)\b/,
  ),
  'check-in': item(
    'check-in',
    'online check-in, front desk, key pickup',
    /\b(check ?ins?|front desk|reception|keys? (pick ?up|card|collection)|arrival desk)\b/,
  ),
  'appointment-reminder': item(
    'appointment reminder',
    'reminder the day before, reschedule link',
    /\b(appointment (reminders?|confirm\w*)|reminder of (your )?appointment|reschedul\w*|booking reminders?|visit reminders?)\b/,
  ),
  results: item('results notification', 'test results ready, lab results', /\b(results?|lab (report|results?)|test (report|outcome)s?|diagnos\w*)\b/),
  'event-logistics': item(
    'event logistics',
    'tickets, joining instructions, venue and agenda',
    /\b(tickets?|joining (instructions|link|details)|agenda|venue|badges?|calendar invites?|how to join|logistics|know before you go)\b/,
  ),
  'post-event': item(
    'post-event follow-up',
    'recording, thank you, results and winners',
    /\b(post ?event|recordings?|thank (you|s) (for (attending|joining|coming))|follow ?ups?|winners?|results?|wrap ?up|recap)\b/,
  ),
  'application-status': item(
    'application status update',
    'application received, in review, decision',
    /\b(application (received|status|update|confirm\w*)|status (update|check|tracker)|case (update|status)|decision (letter|notice)|your (application|claim|request) (is|has))\b/,
  ),
  accessibility: item(
    'accessible and offline channel',
    'phone line, paper form, in-person counter',
    /\b(accessib\w*|paper forms?|helplines?|hotline|counters?|service (desk|point|centre|center)|walk ?in|assisted (digital|service))\b/,
    ['phone', 'in-person'],
  ),
} satisfies Record<string, Forgettable>;

type Check = keyof typeof FORGETTABLE;
const CHECKS = Object.keys(FORGETTABLE) as [Check, ...Check[]];

/** A kind of business an inventory describes, how its words show it, and what its customers meet that inventories forget. */
interface Business {
  label: string;
  words: RegExp;
  checks: Check[];
}

const BUSINESSES = {
  saas: {
    label: 'a software product',
    words:
      /\b(trials?|saas|onboarding|activation|feature|in app|product tour|workspace|admin|seats?|subscription|renewal|churn|upgrade|api|integrations?|login|dashboard|release notes|changelog|qbr|customer success|csm|demo)\b/g,
    checks: ['transactional-email', 'opt-in-confirmation', 'error-page', 'review-site', 'trial-ending'],
  },
  ecommerce: {
    label: 'an online shop',
    words: /\b(orders?|cart|basket|checkout|shipping|delivery|parcel|returns?|refunds?|products? page|sku|abandoned|coupon|discount|shop|store|purchase)\b/g,
    checks: ['transactional-email', 'opt-in-confirmation', 'error-page', 'review-site', 'shipping-update', 'returns'],
  },
  hospitality: {
    label: 'hospitality',
    words:
      /\b(bookings?|reservations?|stay|guests?|hotel|room|check ?in|check ?out|arrival|departure|concierge|housekeeping|front desk|resort|spa|restaurant|table)\b/g,
    checks: ['transactional-email', 'error-page', 'review-site', 'pre-arrival', 'check-in', 'real-world-service'],
  },
  health: {
    label: 'health care',
    words:
      /\b(patients?|appointments?|clinic|doctor|gp|nurse|prescriptions?|lab|results|diagnos\w*|treatment|therapy|referral letter|pharmacy|dental|care plan|provider|telehealth)\b/g,
    checks: ['transactional-email', 'appointment-reminder', 'results', 'real-world-service', 'error-page'],
  },
  events: {
    label: 'events',
    words:
      /\b(events?|hackathons?|conference|attendees?|registration|tickets?|speakers?|sessions?|venue|agenda|sponsors?|meetup|summit|participants?|submissions?|judg\w*)\b/g,
    checks: ['transactional-email', 'event-logistics', 'post-event', 'real-world-service', 'error-page'],
  },
  public: {
    label: 'a public service',
    words:
      /\b(citizens?|residents?|applications?|permits?|licen[cs]es?|benefits?|council|municipal\w*|government|tax|claims?|eligibility|case ?workers?|public|passport|registry|social services?)\b/g,
    checks: ['application-status', 'appointment-reminder', 'accessibility', 'error-page', 'transactional-email'],
  },
} satisfies Record<string, Business>;

type BusinessId = keyof typeof BUSINESSES;
const BUSINESS_IDS = Object.keys(BUSINESSES) as [BusinessId, ...BusinessId[]];
/** The checklist when the words name no business: what any customer meets. */
const GENERAL: Check[] = ['transactional-email', 'opt-in-confirmation', 'error-page', 'review-site'];
/** Fewest words of a business an inventory needs before its checklist is used. */
const MIN_WORDS = 3;

const folded = (text: string) =>
  withoutAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const textOf = (t: Touchpoint) => folded(`${t.name} ${t.notes ?? ''} ${t.kpi ?? ''}`);

/** The businesses the inventory's words describe, most words first: those with at least MIN_WORDS and at least half the leader's. */
export function inferBusinesses(model: Pick<JourneyModel, 'touchpoints'>): BusinessId[] {
  const counts = new Map<BusinessId, number>(BUSINESS_IDS.map((id) => [id, 0]));
  for (const t of model.touchpoints) {
    const text = textOf(t);
    for (const id of BUSINESS_IDS) counts.set(id, counts.get(id)! + (text.match(BUSINESSES[id].words)?.length ?? 0));
  }
  const ranked = BUSINESS_IDS.filter((id) => counts.get(id)! >= MIN_WORDS).sort((a, b) => counts.get(b)! - counts.get(a)!);
  const top = ranked.length ? counts.get(ranked[0]!)! : 0;
  return ranked.filter((id) => counts.get(id)! * 2 >= top);
}

function covers(check: Forgettable, touchpoint: Touchpoint, text: string): boolean {
  return touchpoint.channels.some((channel) => check.channels.includes(channel)) || check.words.test(text);
}

/** Touchpoints the business's customers meet that teams most often forget, once per file. */
export const forgottenTouchpoints = defineRule({
  id: 'forgotten-touchpoints',
  description:
    'Touchpoints teams often forget for the business the inventory describes: receipts, confirmations, error pages, review sites, deliveries, check-in, results',
  defaultSeverity: 'info',
  summary: 'touchpoints the business the inventory describes often forgets (software, shop, hospitality, health, events, public services), once per file',
  weight: 1,
  options: z
    .object({
      business: z
        .union([z.literal('auto'), z.enum(BUSINESS_IDS)])
        .default('auto')
        .describe(`What the inventory is about, which picks the checklist: auto (read from its words), or one of ${BUSINESS_IDS.join(', ')}`),
      checks: z
        .array(z.enum(CHECKS))
        .default([...CHECKS])
        .describe(`Which forgotten touchpoints may be looked for (the business's checklist, limited to these): ${CHECKS.join(', ')}`),
    })
    .strict(),
  docs: {
    why: 'Inventories list campaigns; customers also meet receipts, confirmation emails, 404 pages, review sites, the parcel at the door and the front desk. These shape the journey as much as any campaign and are rarely owned.',
    triggers:
      'Once per file: the checklist of the business its touchpoint names, notes and KPIs describe (a software product: transactional messages, opt-in, error page, review site, trial ending; an online shop: also shipping updates and returns; hospitality: pre-arrival, check-in, real-world service; health: appointment reminders, results, visits; events and hackathons: logistics, post-event follow-up; public services: application status, appointment reminders, accessible channels; none recognised: transactional, opt-in, error page, review site), limited to `checks`. A check no touchpoint covers is listed; coverage is recognised under other words (a delivery or a provider visit is real-world service, a booking confirmation is transactional).',
    fix: 'Add the touchpoint to the inventory with its owner, or, when the journey truly has none, remove the check from `checks` (or set `business`).',
    example:
      'This inventory (a software product) has no error page (404, maintenance page, status page) or trial-ending notice (trial ends in 3 days, trial expired); add those if customers meet them, since teams often forget them.',
  },
  check({ model, options }) {
    if (model.touchpoints.length === 0) return [];
    const businesses = options.business === 'auto' ? inferBusinesses(model) : [options.business];
    const listed = businesses.length ? [...new Set(businesses.flatMap((id) => BUSINESSES[id].checks))] : GENERAL;
    const texts = model.touchpoints.map(textOf);
    const applies = (check: Check) => {
      const { when } = FORGETTABLE[check] as Forgettable;
      return options.checks.includes(check) && (when === undefined || texts.some((text) => when.test(text)));
    };
    const open = new Set(listed.filter(applies));
    for (const [i, touchpoint] of model.touchpoints.entries()) {
      if (open.size === 0) break;
      const text = texts[i]!;
      for (const check of open) if (covers(FORGETTABLE[check], touchpoint, text)) open.delete(check);
    }
    const items = CHECKS.filter((check) => open.has(check)).map((check) => {
      const found: Forgettable = FORGETTABLE[check];
      return `${found.label} (${found.examples})`;
    });
    if (items.length === 0) return [];
    const file = model.touchpoints[0]!.place.file;
    const location: Location = { file, sheet: null, row: null, column: null, cell: null };
    const about = businesses.length ? ` (${listAnd(businesses.map((id) => BUSINESSES[id].label))})` : '';
    const report: Report = {
      message: `This inventory${about} has no ${items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`}`,
      fix: `add ${items.length === 1 ? 'it' : 'those'} if customers meet ${items.length === 1 ? 'one' : 'them'}, since teams often forget ${items.length === 1 ? 'it' : 'them'}.`,
      location,
      related: [],
      persona: null,
      stage: null,
      touchpoint: null,
      // One finding per file whatever it lists: adding one of the touchpoints must not make it a new finding.
      identity: 'forgotten touchpoints',
    };
    return [report];
  },
});
