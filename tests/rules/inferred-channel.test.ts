import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { ChannelWords } from '../../src/model/channel-words.js';
import { CHANNELS } from '../../src/model/vocabulary.js';
import { inferredChannel, rowRanges } from '../../src/rules/inferred-channel.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { check, model } from '../helpers/inventory.js';

const words = new ChannelWords(CHANNELS);

describe('channel words in touchpoint names', () => {
  it.each([
    ['Welcome email', 'email'],
    ['Kickoff call', 'video-call'],
    ['Webinar invite', 'webinar'],
    ['In-app tour', 'in-app'],
    ['SMS reminder', 'sms'],
    ['Retargeting ads', 'paid-ads'],
    ['Facebook ad', 'paid-ads'],
    ['Reminder texts', 'sms'],
    ['Push notification: trial ends', 'push'],
    ['Webinar invite email', 'email'],
    ['LinkedIn post', 'social'],
    ['Help center article on SSO', 'help-center'],
    ['NPS survey', 'survey'],
    ['Welcome postcard', 'direct-mail'],
    ['Customer community forum', 'community'],
    ['E-mail: renewal notice', 'email'],
  ])('reads %j as %s', (name, channel) => {
    expect(words.channelOf(name)).toBe(channel);
  });

  it.each(['Quarterly business review', 'Product update', 'Onboarding', 'Pricing change', 'Video walkthrough', 'x'.repeat(201) + ' email'])(
    'reads no channel in %j',
    (name) => {
      expect(words.channelOf(name)).toBeNull();
    },
  );

  it('uses channels and synonyms from the config', () => {
    const custom = new ChannelWords([...CHANNELS, { id: 'line', label: 'LINE', synonyms: ['line message'], automatable: true, inbound: false }]);
    expect(custom.channelOf('Renewal LINE message')).toBe('line');
  });
});

describe('inferred-channel', () => {
  const header = ['Stage', 'Touchpoint', 'Team'];

  it('reads channels from names when there is no channel column, and says so once for the table', () => {
    const journey = model([
      header,
      ['Onboarding', 'Welcome email', 'Lifecycle'],
      ['Onboarding', 'Kickoff call', 'CS'],
      ['Onboarding', 'In-app tour', 'Product'],
      ['Onboarding', 'Account setup', 'CS'],
      ['Adoption', 'SMS reminder', 'Lifecycle'],
      ['Adoption', 'Quarterly business review', 'CS'],
    ]);
    expect(journey.touchpoints.map((t) => [t.name, t.channel, t.channels])).toEqual([
      ['Welcome email', 'email', ['email']],
      ['Kickoff call', 'video-call', ['video-call']],
      ['In-app tour', 'in-app', ['in-app']],
      ['Account setup', null, []],
      ['SMS reminder', 'sms', ['sms']],
      ['Quarterly business review', null, []],
    ]);
    expect(check(invalidValue, journey)).toEqual([]);
    expect(check(unknownValue, journey)).toEqual([]);
    const reports = check(inferredChannel, journey);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.location.cell).toBe('B1');
    expect(findingSentence(reports[0]!)).toBe(
      'No channel column: read the channel from 4 touchpoint names (rows 2–4 and 6, e.g. "Welcome email" → Email, "Kickoff call" → Video call, "In-app tour" → In-app); 2 rows name no channel (rows 5 and 7); add a Channel column to say each touchpoint\'s channel outright',
    );
  });

  it('says when no name names a channel', () => {
    const journey = model([header, ['Onboarding', 'Account setup', 'CS']]);
    expect(check(inferredChannel, journey).map((r) => findingSentence(r))).toEqual([
      "No channel column, and no touchpoint name names a channel (row 2), so channel checks skip this table; add a Channel column to say each touchpoint's channel outright",
    ]);
  });

  it('is silent for a table with a channel column, where a blank channel is still a missing value', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Onboarding', 'Welcome email', ''],
    ]);
    expect(check(inferredChannel, journey)).toEqual([]);
    expect(journey.touchpoints[0]!.channels).toEqual([]);
    expect(check(invalidValue, journey).map((r) => findingSentence(r))).toEqual([
      '"Welcome email" has no channel; fill in the channel it reaches the customer on',
    ]);
  });

  it('writes rows as ranges and counts those past the list', () => {
    expect(rowRanges([2, 3, 4, 6, 8, 9], 6)).toBe('2–4, 6 and 8, 9');
    expect(rowRanges([2], 25)).toBe('2 and 24 more');
  });
});
