import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { forgottenTouchpoints } from '../../src/rules/forgotten-touchpoints.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const row = (name: string, channel: string, persona = 'P') => [persona, 'Retention', name, 'Ops', channel, '', '', '', ''];

describe('forgotten-touchpoints', () => {
  it('names each forgotten touchpoint once per persona, at the persona', () => {
    const reports = check(forgottenTouchpoints, model([HEADER, row('Newsletter', 'Email'), row('Newsletter', 'Email', 'Q')]));
    expect(reports).toHaveLength(10);
    expect(findingSentence(reports[0]!)).toBe('P has no transactional email (receipts, invoices, password resets) in the inventory; add it if customers meet one, since teams often forget it.');
    expect(reports.filter((r) => r.persona === 'Q')).toHaveLength(5);
  });

  it('recognises each one by channel and name', () => {
    const reports = check(forgottenTouchpoints, model([HEADER,
      row('Invoice email', 'Email'), row('Double opt-in confirmation', 'Email'), row('404 page', 'Website'), row('Ask for a review', 'G2'), row('Installation visit', 'Phone')]));
    expect(reports).toEqual([]);
  });

  it('needs the channel where the check says so: an invoice sent by post is not a transactional email', () => {
    const reports = check(forgottenTouchpoints, model([HEADER, row('Invoice', 'Direct mail')]), { checks: ['transactional-email'] });
    expect(reports).toHaveLength(1);
  });

  it('runs only the checks listed', () => {
    expect(check(forgottenTouchpoints, model([HEADER, row('Newsletter', 'Email')]), { checks: ['error-page'] }).map((r) => findingSentence(r))).toEqual([
      'P has no error page (404, maintenance page) in the inventory; add it if customers meet one, since teams often forget it.',
    ]);
    expect(check(forgottenTouchpoints, model([HEADER, row('Newsletter', 'Email')]), { checks: [] })).toEqual([]);
  });
});
