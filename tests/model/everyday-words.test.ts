import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { buildOverview } from '../../src/engine/overview.js';
import { singleChannelStage } from '../../src/rules/single-channel-stage.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { check, model } from '../helpers/inventory.js';

describe('inventories as people write them', () => {
  it('splits several channels in one cell; each is reached and counted, none is unknown', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Onboarding', 'Welcome', 'Email + SMS'],
      ['Onboarding', 'Reminder', 'Email/SMS'],
      ['Onboarding', 'Setup help', 'Phone / App'],
      ['Onboarding', 'Digest', 'Blog, Newsletter'],
      ['Onboarding', 'Nudge', 'Email & push'],
      ['Onboarding', 'Odd', 'Email + Carrier pigeon'],
    ]);
    expect(journey.touchpoints.map((t) => t.channels)).toEqual([
      ['email', 'sms'],
      ['email', 'sms'],
      ['phone', 'in-app'],
      ['blog', 'email'],
      ['email', 'push'],
      ['email'],
    ]);
    expect(check(unknownValue, journey).map((r) => findingSentence(r))).toEqual([
      'Channel \'Carrier pigeon\' of "Odd" is not a known channel; use one of the channels journey knows (journey explain unknown-value lists them), or add "Carrier pigeon" to a channel\'s synonyms (channels[].synonyms in journey.config.json).',
    ]);
    const stage = buildOverview(journey, 'inventory.csv').personas[0]!.stages.find((s) => s.stage === 'onboarding')!;
    expect(stage.channels).toEqual({ email: 5, sms: 2, phone: 1, 'in-app': 1, blog: 1, push: 1 });
    expect(
      check(
        singleChannelStage,
        model([
          ['Stage', 'Touchpoint', 'Channel'],
          ['Onboarding', 'A', 'Email + SMS'],
          ['Onboarding', 'B', 'Email'],
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    ['campaign_name', 'touchpoint'],
    ['touchpointType', 'mode'],
    ['Journey phase', 'stage'],
    ['Medium', 'channel'],
    ['Auto?', 'mode'],
    ['In/Out', 'direction'],
    ['Drop-off (%)', 'dropOff'],
    ['Day (offset)', 'day'],
    ['Touchpoint name', 'touchpoint'],
    ['lifecycle_stage', 'stage'],
    ['ownerTeam', 'team'],
  ])('maps the header %s to %s', (header, field) => {
    const journey = model([['Stage', 'Touchpoint', 'Channel', header].filter((h, i, all) => all.indexOf(h) === i), ['Awareness', 'Ad', 'Blog', 'x']]);
    expect(journey.files[0]!.sheets[0]!.columns[field as 'stage']).toBeDefined();
  });

  it('reads an Owner column of team names as the team, and one of people as the owner', () => {
    const teams = model([
      ['Stage', 'Touchpoint', 'Channel', 'Owner'],
      ['Awareness', 'Ad', 'Blog', 'Marketing'],
      ['Onboarding', 'Kickoff', 'Phone', 'CS'],
      ['Adoption', 'Tips', 'Email', 'Support'],
    ]);
    expect(teams.touchpoints.map((t) => [t.team, t.owner])).toEqual([
      ['Marketing', null],
      ['CS', null],
      ['Support', null],
    ]);
    const people = model([
      ['Stage', 'Touchpoint', 'Channel', 'Owner'],
      ['Awareness', 'Ad', 'Blog', 'Maria Lopez'],
      ['Onboarding', 'Kickoff', 'Phone', 'jo@acme.com'],
    ]);
    expect(people.touchpoints.map((t) => [t.team, t.owner])).toEqual([
      [null, 'Maria Lopez'],
      [null, 'jo@acme.com'],
    ]);
  });

  it.each([
    ['channel', 'In-person meeting', 'in-person'],
    ['channel', 'Mobile app', 'in-app'],
    ['channel', 'Word of mouth', 'word-of-mouth'],
    ['channel', 'System', 'system'],
    ['channel', 'Portal', 'in-app'],
    ['channel', 'Online', 'website'],
    ['channel', 'Support ticket', 'support-desk'],
    ['channel', 'Slack community', 'community'],
    ['stage', 'Acquisition', 'decision'],
    ['stage', 'Win-back', 'retention'],
    ['stage', 'Post-purchase', 'onboarding'],
    ['stage', 'Loyalty', 'advocacy'],
    ['mode', 'Yes', 'automatic'],
    ['mode', 'Human', 'manual'],
    ['mode', '1:1', 'manual'],
    ['mode', 'Scheduled', 'automatic'],
    ['direction', 'Both', 'both'],
    ['direction', 'Two-way', 'both'],
    ['direction', 'Inbound + outbound', 'both'],
    ['direction', 'In', 'inbound'],
  ])('reads the %s %s as %s', (field, text, id) => {
    const row = { stage: 'Awareness', channel: 'Blog', mode: '', direction: '', [field]: text };
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Mode', 'Direction'],
      [row.stage, 'A touchpoint', row.channel, row.mode, row.direction],
    ]);
    expect(journey.touchpoints[0]![field as 'stage']).toBe(id);
  });
});
