import * as z from 'zod';
import type { Touchpoint } from '../model/schema.js';
import { defineRule, type Report } from './rule.js';
import { clip } from './wording.js';

/** A touchpoint teams often leave out of their inventory, and how to recognise it by channel and name. */
interface Forgettable {
  label: string;
  examples: string;
  channels: string[];
  /** Matched against the folded name; with `channels`, a touchpoint on one of them counts regardless of name when `anyName` is set. */
  name: RegExp;
  anyName: boolean;
}

const FORGETTABLE = {
  'transactional-email': {
    label: 'transactional email',
    examples: 'receipts, invoices, password resets',
    channels: ['email'],
    name: /\b(receipts?|invoices?|billing|payments?|(order|purchase|booking|reservation|payment|shipping|delivery) confirmation|transactional|password reset|shipping|renewal notice)\b/,
    anyName: false,
  },
  'opt-in-confirmation': {
    label: 'opt-in or subscription confirmation',
    examples: 'double opt-in, subscription confirmed, verify your email',
    channels: [],
    name: /\b(opt ?in|double opt|subscription confirm\w*|confirm (your )?(subscription|email)|verify (your )?email|email verification|verification email)\b/,
    anyName: false,
  },
  'error-page': {
    label: 'error page',
    examples: '404, maintenance page',
    channels: [],
    name: /\b(404|500|error pages?|not found page|page not found|maintenance page)\b/,
    anyName: false,
  },
  'review-site': {
    label: 'review site',
    examples: 'G2, Capterra, Trustpilot, app store ratings',
    channels: ['review-site'],
    name: /\b(g2|capterra|trustpilot|tripadvisor|yelp|review sites?|app store|play store|online reviews?|google reviews?|review requests?|reviews? response|ratings?)\b/,
    anyName: true,
  },
  'real-world-service': {
    label: 'real-world service',
    examples: 'reception, technicians, in-person visits',
    channels: ['in-person'],
    name: /\b(reception|receptionist|technicians?|in person|on ?site|installation|field service|store visit|front desk|delivery driver)\b/,
    anyName: true,
  },
} satisfies Record<string, Forgettable>;

type Check = keyof typeof FORGETTABLE;
const CHECKS = Object.keys(FORGETTABLE) as [Check, ...Check[]];

const folded = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function covers(item: Forgettable, touchpoint: Touchpoint, name: string): boolean {
  const onChannel = touchpoint.channels.some((channel) => item.channels.includes(channel));
  if (onChannel && item.anyName) return true;
  return (item.channels.length === 0 || onChannel || item.anyName) && item.name.test(name);
}

/** Touchpoints teams most often forget, once per persona. */
export const forgottenTouchpoints = defineRule({
  id: 'forgotten-touchpoints',
  description: 'Touchpoints teams often forget: transactional email, opt-in confirmation, error pages, review sites, real-world service',
  defaultSeverity: 'info',
  options: z
    .object({
      checks: z.array(z.enum(CHECKS)).default([...CHECKS]).describe(`Which forgotten touchpoints to look for: ${CHECKS.join(', ')}`),
    })
    .strict(),
  docs: {
    why: 'Inventories list campaigns; customers also meet receipts, confirmation emails, 404 pages, review sites and the technician at the door. These shape the journey as much as any campaign and are rarely owned.',
    triggers:
      'For each persona, one finding listing each check in `checks` that no touchpoint matches: transactional-email (an Email touchpoint named like a receipt, invoice, payment or password reset), opt-in-confirmation (named like opt-in, subscription confirmation, verify email), error-page (named 404, error page, maintenance page), review-site (on the Review site channel or named G2, Capterra, Trustpilot, app store), real-world-service (on the In person channel or named reception, technician, installation, on-site).',
    fix: 'Add the touchpoint to the inventory with its owner, or, when the journey truly has none, remove the check from `checks`.',
    example: 'Practitioner has no transactional email (receipts, invoices, password resets) or error page (404, maintenance page) in the inventory; add those if customers meet them, since teams often forget them.',
  },
  check({ model, options }) {
    // One pass: each touchpoint's name is folded once and ticks off the checks it covers for its persona.
    const missing = new Map(model.personas.map((persona) => [persona.name, new Set(CHECKS.filter((check) => options.checks.includes(check)))]));
    for (const touchpoint of model.touchpoints) {
      const open = missing.get(touchpoint.persona);
      if (!open || open.size === 0) continue;
      const name = folded(touchpoint.name);
      for (const check of open) if (covers(FORGETTABLE[check], touchpoint, name)) open.delete(check);
    }
    const reports: Report[] = [];
    // One finding per persona listing what is missing: five lines with the same advice would be noise.
    for (const persona of model.personas) {
      const open = missing.get(persona.name)!;
      const items = CHECKS.filter((check) => open.has(check)).map((check) => {
        const item: Forgettable = FORGETTABLE[check];
        return `${item.label} (${item.examples})`;
      });
      if (items.length === 0) continue;
      reports.push({
        message: `${clip(persona.name)} has no ${items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`} in the inventory`,
        fix: `add ${items.length === 1 ? 'it' : 'those'} if customers meet ${items.length === 1 ? 'one' : 'them'}, since teams often forget ${items.length === 1 ? 'it' : 'them'}.`,
        location: persona.location,
        related: [],
        persona: persona.name,
        stage: null,
        touchpoint: null,
        // One finding per persona whatever it lists: adding one of the touchpoints must not make it a new finding.
        identity: 'forgotten touchpoints',
      });
    }
    return reports;
  },
});
