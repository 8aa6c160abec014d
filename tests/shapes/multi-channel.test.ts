import { describe, expect, it } from 'vitest';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/multi-channel.csv';

describe('shape: several channels in one cell', () => {
  it('splits "Email + SMS", "Email/SMS", "Phone / App", "Blog, Newsletter", "Email & push", "Chat or phone"', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.name, t.channel, t.channels])).toEqual([
      ['Order confirmation', 'email', ['email', 'sms']],
      ['Delivery window', 'email', ['email', 'sms']],
      ['Appointment booking', 'phone', ['phone', 'in-app']],
      ['Seasonal recipes', 'blog', ['blog', 'email']],
      ['Subscription renewal', 'email', ['email', 'push']],
      ['Help with an order', 'chat', ['chat', 'phone']],
    ]);
    expect(model.problems).toEqual([]);
  });

  it('audits with no unknown channel, "Channel(s)" read as the channel column', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result!.files[0]!.sheets[0]).toMatchObject({ touchpoints: 6, columns: { stage: 'A', touchpoint: 'B', channel: 'C', team: 'D' } });
    expect(ruleIds(result!)).not.toContain('unknown-value');
    expect(ruleIds(result!)).not.toContain('invalid-value');
    // Every channel of a cell counts: onboarding reaches email and SMS, so it is not a single-channel stage.
    expect(result!.findings.filter((f) => f.ruleId === 'single-channel-stage')).toEqual([]);
  });
});
