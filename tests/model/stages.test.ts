import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { StageReader, stageTiming } from '../../src/model/normalize/stages.js';
import { STAGE_MODELS } from '../../src/model/stage-models.js';
import { DEFAULT_STAGE_MODEL } from '../../src/model/vocabulary.js';
import { model } from '../helpers/inventory.js';

const config = (raw: unknown) => resolveConfig(ConfigSchema.parse(raw)).normalize;
const at = { file: 'f.csv', sheet: null, row: 1, column: 'A', cell: 'A1' };

describe('a timeline with no stage column', () => {
  const journey = model([
    ['Day', 'Touchpoint', 'Channel', 'Owner'],
    [0, 'Welcome email', 'Email', 'Marketing'],
    [3, 'Kickoff call', 'Video call', 'Customer Success'],
    ['Week 2', 'Tips email', 'Email', 'Marketing'],
  ]);

  it('reads every row, without a stage and without a problem per row', () => {
    expect(journey.touchpoints.map((t) => [t.name, t.stage, t.day, t.team])).toEqual([
      ['Welcome email', null, 0, 'Marketing'],
      ['Kickoff call', null, 3, 'Customer Success'],
      ['Tips email', null, 7, 'Marketing'],
    ]);
    expect(journey.problems).toEqual([]);
    expect(journey.files[0]!.sheets[0]!.columns.stage).toBeUndefined();
  });

  it('still needs a stage, a day or a channel column besides the touchpoints', () => {
    expect(() =>
      model([
        ['Touchpoint', 'Team', 'Notes'],
        ['Welcome', 'Marketing', 'First mail'],
        ['Kickoff', 'CS', 'Call'],
      ]),
    ).toThrow(/no stage, day, channel or frequency column.*looked for stage \(/);
    // Touchpoints and their channel are an inventory (issue: a touchpoint-like column and one of stage, timing or channel).
    expect(
      model([
        ['Touchpoint', 'Channel', 'Team'],
        ['Welcome', 'Email', 'Marketing'],
      ]).touchpoints,
    ).toHaveLength(1);
  });
});

describe('timings written in the stage column', () => {
  it('reads "Day 0", "Week 1", "Month 1" and "Ongoing" as the timeline, not as unknown stages', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Day 0', 'Welcome email', 'Email'],
      [null, 'Account setup', 'In-app'],
      ['Week 1', 'Tips email', 'Email'],
      ['Month 1', 'Check-in call', 'Phone'],
      ['Ongoing', 'Newsletter', 'Email'],
    ]);
    expect(journey.problems).toEqual([]);
    expect(journey.touchpoints.map((t) => [t.stage, t.day, t.timing])).toEqual([
      // Month 1 starts on day 0, as week 1 does.
      [null, 0, null],
      [null, 0, null],
      [null, 0, null],
      [null, 0, null],
      [null, null, 'Ongoing'],
    ]);
    // The column is the timeline: the table has no stage column, and its days point there.
    expect(journey.files[0]!.sheets[0]!.columns).toMatchObject({ day: 'A' });
    expect(journey.files[0]!.sheets[0]!.columns.stage).toBeUndefined();
  });

  it('keeps a stage column whose timings are a few among stages', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel', 'Day'],
      ['Onboarding', 'Welcome email', 'Email', 3],
      ['Onboarding', 'Kickoff', 'Phone', 5],
      ['Ongoing', 'Newsletter', 'Email', null],
    ]);
    expect(journey.files[0]!.sheets[0]!.columns.stage).toBe('A');
    expect(journey.touchpoints.map((t) => [t.stage, t.day, t.timing])).toEqual([
      ['onboarding', 3, null],
      ['onboarding', 5, null],
      [null, null, 'Ongoing'],
    ]);
  });

  it.each([
    ['Day 0', 0],
    ['Week 1', 0],
    ['Month 2', 30],
    ['T+3', 3],
    ['At signup', 0],
  ])('reads %s as day %s', (text, day) => {
    expect(stageTiming(text)).toEqual({ day, timing: null });
  });
  it.each(['Ongoing', 'Any time', 'Q3', 'Always on'])('keeps %s as timing text', (text) => expect(stageTiming(text)).toEqual({ day: null, timing: text }));
  it.each(['Onboarding', 'Check-in', 'Dormant', 'Lost'])('reads %s as no timing', (text) => expect(stageTiming(text)).toBeNull());
});

describe("the file's own stage model", () => {
  it('takes a win-back ladder as its stages, in the order they first appear', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['At risk', 'Usage drop alert', 'Email'],
      ['Lapsed', 'We miss you', 'Email'],
      ['Dormant', 'Reactivation survey', 'Survey'],
      ['Lost', 'Exit interview', 'Phone'],
      ['Lapsed', 'Comeback discount', 'SMS'],
    ]);
    expect(journey.stageModel.stages.map((s) => [s.id, s.label])).toEqual([
      ['at-risk', 'At risk'],
      ['lapsed', 'Lapsed'],
      ['dormant', 'Dormant'],
      ['lost', 'Lost'],
    ]);
    expect(journey.stageSource).toEqual({ kind: 'file', name: 'custom', location: expect.objectContaining({ cell: 'A1' }) });
    expect(journey.touchpoints.map((t) => t.stage)).toEqual(['at-risk', 'lapsed', 'dormant', 'lost', 'lapsed']);
    expect(journey.problems).toEqual([]);
  });

  it('takes service-design phases whose words fall on fewer default stages (Booking and Payment would both be Decision)', () => {
    const journey = model([
      ['Phase', 'Touchpoint', 'Channel'],
      ['Search', 'Search results page', 'Website'],
      ['Booking', 'Room selection', 'Website'],
      ['Payment', 'Payment page', 'Website'],
      ['Check-in', 'Front desk welcome', 'In person'],
    ]);
    expect(journey.stageModel.stages.map((s) => s.label)).toEqual(['Search', 'Booking', 'Payment', 'Check-in']);
    expect(journey.touchpoints.map((t) => t.stage)).toEqual(['search', 'booking', 'payment', 'check-in']);
  });

  it('adds stages that first appear further down, and reads a near spelling of one as a typo, not a new stage', () => {
    const reader = new StageReader(DEFAULT_STAGE_MODEL, { kind: 'default', name: 'lifecycle' });
    reader.decide(['Search', 'Booking', 'Payment', 'Check-in'], at);
    expect(reader.read('Stay')).toEqual({ id: 'stay' });
    expect(reader.read('Bookng')).toEqual({ unknown: 'Booking', readAs: 'booking' });
    // Too short to be sure: suggested, not read as it.
    expect(reader.read('Stya')).toEqual({ unknown: 'Stay', readAs: null });
    expect(reader.result().stageModel.stages.map((s) => s.id)).toEqual(['search', 'booking', 'payment', 'check-in', 'stay']);
  });

  it('keeps the configured model when every value is one of its words, even several on one stage (Acquisition and Purchase are both Decision)', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Acquisition', 'Ads', 'Paid ads'],
      ['Purchase', 'Checkout', 'Website'],
      ['Win-back', 'We miss you', 'Email'],
      ['Churn', 'Exit survey', 'Survey'],
    ]);
    expect(journey.stageSource.kind).toBe('default');
    expect(journey.touchpoints.map((t) => t.stage)).toEqual(['decision', 'decision', 'retention', 'retention']);
  });

  it('keeps the configured model for an inventory of its stages with a typo or two', () => {
    const journey = model([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Awareness', 'Ads', 'Paid ads'],
      ['Onbaording', 'Welcome', 'Email'],
      ['Onboarding', 'Kickoff', 'Phone'],
      ['Retention', 'Renewal', 'Email'],
    ]);
    expect(journey.stageSource.kind).toBe('default');
    expect(journey.stageModel).toBe(DEFAULT_STAGE_MODEL);
    expect(journey.problems.map((p) => [p.kind, p.value])).toEqual([['unknown-value', 'Onbaording']]);
  });

  it('does not take free text for a stage model', () => {
    const reader = new StageReader(DEFAULT_STAGE_MODEL, { kind: 'default', name: 'lifecycle' });
    reader.decide(
      Array.from({ length: 30 }, (_, i) => `Note number ${i}`),
      at,
    );
    expect(reader.result().stageSource.kind).toBe('default');
  });

  it('never replaces a model the config pins', () => {
    const settings = config({ stageModel: 'lifecycle' });
    const journey = model(
      [
        ['Stage', 'Touchpoint', 'Channel'],
        ['At risk', 'A', 'Email'],
        ['Dormant', 'B', 'Email'],
        ['Lost', 'C', 'Email'],
      ],
      'f.csv',
      settings,
    );
    expect(journey.stageSource).toEqual({ kind: 'config', name: 'lifecycle', location: null });
    expect(journey.problems.filter((p) => p.kind === 'unknown-value').map((p) => p.value)).toEqual(['Dormant', 'Lost']);
  });
});

describe('stage model presets', () => {
  it.each([
    ['aarrr', ['Acquisition', 'Activation', 'Retention', 'Referral', 'Revenue']],
    ['flywheel', ['Attract', 'Engage', 'Delight']],
    ['acasl', ['Awareness', 'Consideration', 'Acquisition', 'Service', 'Loyalty']],
    ['bow-tie', ['Awareness', 'Education', 'Selection', 'Commit', 'Onboarding', 'Impact', 'Growth']],
  ])('%s gives its stages in order', (name, labels) => {
    const settings = config({ stageModel: name });
    expect(settings.stageModel.stages.map((s) => s.label)).toEqual(labels);
    expect(settings.stageSource).toEqual({ kind: 'config', name });
  });

  it('reads everyday words onto a preset (AARRR: "Onboarding" is Activation, "Upgrade" is Revenue)', () => {
    const journey = model(
      [
        ['Stage', 'Touchpoint', 'Channel'],
        ['Onboarding', 'Welcome', 'Email'],
        ['Upgrade', 'Offer', 'In-app'],
      ],
      'f.csv',
      config({ stageModel: 'aarrr' }),
    );
    expect(journey.touchpoints.map((t) => t.stage)).toEqual(['activation', 'revenue']);
  });

  it('lets stages extend a preset, and custom take the list as the whole model', () => {
    expect(config({ stageModel: 'flywheel', stages: { list: [{ id: 'renew', after: 'engage' }] } }).stageModel.stages.map((s) => s.id)).toEqual([
      'attract',
      'engage',
      'renew',
      'delight',
    ]);
    expect(config({ stageModel: 'custom', stages: { replace: true, list: [{ id: 'search' }, { id: 'book' }] } }).stageModel.stages.map((s) => s.id)).toEqual([
      'search',
      'book',
    ]);
    expect(() => config({ stageModel: 'custom' })).toThrow(/stageModel: "custom" needs its stages/);
  });

  it('has a title for each preset', () => {
    for (const { title, model: m } of Object.values(STAGE_MODELS)) {
      expect(title.length).toBeGreaterThan(3);
      expect(new Set(m.stages.map((s) => s.id)).size).toBe(m.stages.length);
    }
  });
});

describe('config synonyms for the fixed vocabularies', () => {
  it("adds words for mode, direction and status, before journey's own", () => {
    const settings = config({
      synonyms: { mode: { manual: ['white glove'], ongoing: ['no'] }, direction: { both: ['ping-pong'] }, status: { planned: ['someday'] } },
    });
    const journey = model(
      [
        ['Stage', 'Touchpoint', 'Channel', 'Mode', 'Direction', 'Status'],
        ['Onboarding', 'Kickoff', 'Phone', 'White glove', 'Ping-pong', 'Someday'],
        ['Onboarding', 'Docs', 'Help center', 'No', 'In', 'Live'],
      ],
      'f.csv',
      settings,
    );
    expect(journey.touchpoints.map((t) => [t.mode, t.direction, t.status])).toEqual([
      ['manual', 'both', 'planned'],
      ['ongoing', 'inbound', 'live'],
    ]);
    expect(journey.problems).toEqual([]);
  });

  it('names the key of an unknown value', () => {
    expect(() => config({ synonyms: { mode: { robotic: ['bot'] } } })).toThrow();
  });
});
