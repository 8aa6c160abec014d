import { describe, expect, it } from 'vitest';
import { forgottenTouchpoints, inferBusinesses } from '../../src/rules/forgotten-touchpoints.js';
import { model } from '../helpers/inventory.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Channel: string, Persona = 'P', Notes = ''): Row => ({
  Persona,
  Stage: 'Retention',
  Touchpoint,
  Team: 'Ops',
  Channel,
  Notes,
});
const FIX = 'add it if customers meet one, since teams often forget it.';
/** A software product's words: trial, onboarding, feature, admin. */
const saas = [
  touch('Trial welcome email', 'Email'),
  touch('Onboarding checklist', 'In-app'),
  touch('Feature tour', 'In-app'),
  touch('Admin setup guide', 'Help center'),
];
/** An online shop's words: order, cart, delivery, returns. */
const shop = [touch('Abandoned cart email', 'Email'), touch('Order confirmation', 'Email'), touch('Product page', 'Website'), touch('Checkout', 'Website')];

ruleTester(forgottenTouchpoints, {
  valid: [
    {
      name: 'a general checklist, each recognised by channel and name',
      rows: [touch('Invoice email', 'Email'), touch('Double opt-in confirmation', 'Email'), touch('404 page', 'Website'), touch('Ask for a review', 'G2')],
    },
    { name: 'no check listed', rows: [touch('Newsletter', 'Email')], options: { checks: [] } },
    {
      name: 'a software product: real-world service is not on its checklist',
      rows: [
        ...saas,
        touch('Receipt', 'Email'),
        touch('Verify your email', 'Email'),
        touch('Status page', 'Website'),
        touch('G2 review request', 'Email'),
        touch('Trial ends in 3 days', 'Email'),
      ],
    },
    {
      name: 'an online shop: a delivery is real-world, a parcel tracking link a shipping update, returns by their words',
      rows: [
        ...shop,
        touch('Confirm your subscription', 'Email'),
        touch('Maintenance page', 'Website'),
        touch('Trustpilot invite', 'Email'),
        touch('Parcel tracking SMS', 'SMS'),
        touch('Refund confirmation', 'Email'),
      ],
    },
    {
      name: 'a clinic: provider visits are real-world service, lab results and appointment reminders under their words',
      rows: [
        touch('Appointment reminder SMS', 'SMS'),
        touch('Patient portal results', 'Website'),
        touch('Doctor consultation', 'In person'),
        touch('Clinic invoice', 'Email'),
        touch('Prescription renewal', 'Email'),
        touch('Online booking page error', 'Website', 'P', '404 when the clinic is closed'),
      ],
    },
  ],
  invalid: [
    {
      name: 'once per file, not per persona, naming the business it read',
      rows: [...saas, touch('Newsletter', 'Email', 'Q'), touch('Newsletter', 'Email', 'R')],
      expect: [
        {
          cell: null,
          persona: null,
          message:
            'This inventory (a software product) has no transactional message (receipts, invoices, password resets), opt-in or subscription confirmation (double opt-in, subscription confirmed, verify your email), error page (404, maintenance page, status page), review site (G2, Capterra, Trustpilot, app store ratings) or trial-ending notice (trial ends in 3 days, trial expired)',
          fix: 'add those if customers meet them, since teams often forget them.',
        },
      ],
    },
    {
      name: 'a hotel: pre-arrival and check-in; a booking confirmation is transactional, a TripAdvisor reply a review site',
      rows: [
        touch('Booking confirmation', 'Email'),
        touch('TripAdvisor response', 'Website'),
        touch('Room upsell', 'Email'),
        touch('Guest stay survey', 'Email'),
        touch('Housekeeping', 'In person'),
        touch('Hotel 404 page', 'Website'),
      ],
      expect: [
        {
          cell: null,
          message:
            'This inventory (hospitality) has no pre-arrival message (directions, what to bring, upgrade offer before the stay) or check-in (online check-in, front desk, key pickup)',
        },
      ],
    },
    {
      name: 'a hackathon: logistics and follow-up',
      rows: [
        touch('Hackathon registration confirmation', 'Email'),
        touch('Team matching session', 'Event'),
        touch('Submissions open', 'Email'),
        touch('Judging', 'Event'),
        touch('Event site 404', 'Website'),
      ],
      expect: [{ cell: null, messageIncludes: ['(events)', 'event logistics', 'post-event follow-up'] }],
    },
    {
      name: 'only the checks listed',
      rows: [touch('Newsletter', 'Email')],
      options: { checks: ['error-page'] },
      expect: [{ cell: null, message: 'This inventory has no error page (404, maintenance page, status page)', fix: FIX }],
    },
    {
      name: 'the business option',
      rows: [touch('Newsletter', 'Email')],
      options: { business: 'public', checks: ['accessibility'] },
      expect: [{ cell: null, message: 'This inventory (a public service) has no accessible and offline channel (phone line, paper form, in-person counter)' }],
    },
  ],
});

describe('forgotten-touchpoints', () => {
  const names = (rows: string[]) => model([['Stage', 'Touchpoint'], ...rows.map((name) => ['Retention', name])]);
  it('reads the business from the words', () => {
    expect(inferBusinesses(names(['Trial welcome', 'Feature tour', 'Admin seats', 'Renewal call']))).toEqual(['saas']);
    expect(inferBusinesses(names(['Order confirmation', 'Shipping update', 'Returns portal']))).toEqual(['ecommerce']);
    expect(inferBusinesses(names(['Newsletter', 'Thank you']))).toEqual([]);
  });
});
