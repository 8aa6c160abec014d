import { forgottenTouchpoints } from '../../src/rules/forgotten-touchpoints.js';
import { type ExpectedFinding, type Row, ruleTester } from '../helpers/rule-tester.js';

const touch = (Touchpoint: string, Channel: string, Persona = 'P'): Row => ({ Persona, Stage: 'Retention', Touchpoint, Team: 'Ops', Channel });
const FIX = 'add it if customers meet one, since teams often forget it.';
const ALL = ['transactional email', 'opt-in or subscription confirmation', 'error page', 'review site', 'real-world service'];
const missingAll = (persona: string): ExpectedFinding => ({
  cell: null,
  persona,
  messageIncludes: [`${persona} has no transactional email (`, ...ALL.slice(1, -1).map((label) => `, ${label} (`), ' or real-world service ('],
  fix: 'add those if customers meet them, since teams often forget them.',
});

ruleTester(forgottenTouchpoints, {
  valid: [
    {
      name: 'each one recognised by channel and name',
      rows: [touch('Invoice email', 'Email'), touch('Double opt-in confirmation', 'Email'), touch('404 page', 'Website'), touch('Ask for a review', 'G2'), touch('Installation visit', 'Phone')],
    },
    { name: 'no check listed', rows: [touch('Newsletter', 'Email')], options: { checks: [] } },
  ],
  invalid: [
    {
      name: 'one finding per persona listing what it misses, at the persona',
      rows: [touch('Newsletter', 'Email'), touch('Newsletter', 'Email', 'Q')],
      expect: [missingAll('P'), missingAll('Q')],
    },
    {
      name: 'a booking confirmation counts as transactional email, a TripAdvisor reply as a review site',
      rows: [touch('Booking confirmation', 'Email'), touch('TripAdvisor response', 'Website')],
      options: { checks: ['transactional-email', 'review-site', 'error-page'] },
      expect: [{ cell: null, message: 'P has no error page (404, maintenance page) in the inventory', fix: FIX }],
    },
    {
      name: 'the channel where the check says so: an invoice sent by post is not a transactional email',
      rows: [touch('Invoice', 'Direct mail')],
      options: { checks: ['transactional-email'] },
      expect: [{ cell: null, messageIncludes: 'transactional email' }],
    },
    {
      name: 'only the checks listed',
      rows: [touch('Newsletter', 'Email')],
      options: { checks: ['error-page'] },
      expect: [{ cell: null, message: 'P has no error page (404, maintenance page) in the inventory', fix: FIX }],
    },
  ],
});
