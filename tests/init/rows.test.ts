import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/model/normalize.js';
import { SAMPLE_HEADER, SAMPLE_ROWS, sampleInventory } from '../../src/init/example.js';
import { cleanCopy } from '../../src/init/rows.js';
import { DIRECTION_CHOICES, MODE_CHOICES, STATUS_CHOICES } from '../../src/init/template.js';
import { csvFile } from '../helpers/inventory.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { root } from '../helpers/cli.js';
import { join } from 'node:path';

const copyOf = (rows: (string | number | null)[][]) => {
  const loaded = csvFile(rows);
  return cleanCopy(loaded, normalize([loaded]));
};

describe('cleanCopy', () => {
  it('writes a direction of both as "Both", a value its own dropdown offers', () => {
    const copy = copyOf([
      ['Stage', 'Touchpoint', 'Channel', 'Direction'],
      ['Adoption', 'Support chat', 'Chat', 'Two-way'],
      ['Adoption', 'Usage digest', 'Email', 'Out'],
    ]);
    const [chat, digest] = copy.personas[0]!.rows;
    expect(chat!.direction).toEqual({ value: 'Both' });
    expect(digest!.direction).toEqual({ value: 'Outbound' });
    expect(DIRECTION_CHOICES).toEqual(['Inbound', 'Outbound', 'Both']);
    expect(MODE_CHOICES).toEqual(['Ongoing', 'Automatic', 'Manual']);
    expect(STATUS_CHOICES).toEqual(['Live', 'Planned', 'Retired']);
  });

  it('writes labels for the stages and channels journey knows, keeping the changed text in Notes', () => {
    const copy = copyOf([
      ['Phase', 'Communication', 'Medium', 'Notes', 'Timing'],
      ['1. Activation', 'Welcome', 'E-mail', 'Sent by the CRM', 'Day 3'],
      ['', 'Kickoff', 'Zoom call', '', 5],
    ]);
    expect(copy.personas).toHaveLength(1);
    const [welcome, kickoff] = copy.personas[0]!.rows;
    expect(welcome).toEqual({
      stage: { value: 'Onboarding' },
      touchpoint: { value: 'Welcome' },
      channel: { value: 'Email' },
      day: { value: 3 },
      notes: { value: 'Sent by the CRM · was: Stage "1. Activation"; Day "Day 3"' },
    });
    // An inherited (blank) stage cell is written out, without a note: nothing was renamed.
    expect(kickoff).toEqual({
      stage: { value: 'Onboarding' },
      touchpoint: { value: 'Kickoff' },
      channel: { value: 'Video call' },
      day: { value: 5 },
      notes: { value: 'was: Channel "Zoom call"' },
    });
    expect(copy.changed).toBe(3);
    expect(copy.flagged).toBe(0);
  });

  it("leaves what journey cannot read as written, flagged with journey's message, and flags missing values on their empty cell", () => {
    const copy = copyOf([
      ['Stage', 'Touchpoint', 'Channel', 'Mode', 'Day', 'Open rate'],
      ['Onbaording', 'Setup guide', 'Carrier pigeon', 'Sometimes', 'soon', 'lots'],
      ['', 'Setup call', '', 'Manual', -2, '40%'],
    ]);
    const [guide, call] = copy.personas[0]!.rows;
    expect(guide!.stage).toEqual({
      value: 'Onbaording',
      problem: expect.stringMatching(/not a known stage; did you mean 'Onboarding'\? journey reads it as Onboarding meanwhile\. Fix the spelling/),
    });
    expect(guide!.channel).toEqual({ value: 'Carrier pigeon', problem: expect.stringMatching(/not a known channel/) });
    expect(guide!.mode).toEqual({ value: 'Sometimes', problem: expect.stringMatching(/not one of ongoing, automatic, manual/) });
    expect(guide!.day).toEqual({ value: 'soon', problem: expect.stringMatching(/not a number of days/) });
    expect(guide!.opens).toEqual({ value: 'lots', problem: expect.stringMatching(/not a rate/) });
    // The unknown stage is inherited by the next row, flagged there too.
    expect(call!.stage).toMatchObject({ value: 'Onbaording', problem: expect.any(String) });
    expect(call!.channel).toEqual({ value: null, problem: expect.stringMatching(/has no channel/) });
    expect(call!.day).toEqual({ value: -2, problem: expect.stringMatching(/is negative/) });
    expect(call!.opens).toEqual({ value: 0.4 });
    expect(call!.mode).toEqual({ value: 'Manual' });
    expect(copy.flagged).toBe(8);
  });

  it('writes a touchpoint on several channels as one row per channel, saying so in Notes', () => {
    const copy = copyOf([
      ['Stage', 'Touchpoint', 'Channel'],
      ['Onboarding', 'Welcome', 'Email + SMS'],
      ['Onboarding', 'Tips', 'Mail'],
    ]);
    expect(copy.personas[0]!.rows.map((row) => [row.touchpoint!.value, row.channel!.value, row.notes?.value ?? null])).toEqual([
      ['Welcome', 'Email', 'one row per channel of Channel "Email + SMS"'],
      ['Welcome', 'SMS', 'one row per channel of Channel "Email + SMS"'],
      ['Tips', 'Email', 'was: Channel "Mail"'],
    ]);
  });

  it('keeps retired rows (which the audit leaves out) and splits personas from a persona column into their own tables', () => {
    const copy = copyOf([
      ['Persona', 'Stage', 'Touchpoint', 'Channel', 'Status', 'Last reviewed', 'CSAT', 'Sentiment'],
      ['Buyer', 'Decision', 'Demo', 'Video call', 'Live', '2026-03-01', 4.2, 'Confused'],
      ['', '', 'Brochure', 'Postcard', 'Retired', '', '', ''],
      ['Admin', 'Onboarding', 'Setup call', 'Phone', 'wip', '', '84%', -1],
    ]);
    expect(copy.personas.map((p) => [p.persona, p.rows.map((r) => r.touchpoint?.value)])).toEqual([
      ['Buyer', ['Demo', 'Brochure']],
      ['Admin', ['Setup call']],
    ]);
    const [demo, brochure] = copy.personas[0]!.rows;
    expect(demo!.lastReviewed).toEqual({ value: new Date('2026-03-01T00:00:00Z') });
    expect(demo!.csat).toEqual({ value: 4.2 });
    expect(demo!.sentiment).toEqual({ value: 'Confused' });
    expect(brochure).toMatchObject({ stage: { value: 'Decision' }, channel: { value: 'Direct mail' }, status: { value: 'Retired' } });
    const setup = copy.personas[1]!.rows[0]!;
    expect(setup).toMatchObject({ status: { value: 'Planned' }, csat: { value: '84%' }, sentiment: { value: -1 } });
    expect(copy.rowCount).toBe(3);
  });

  it('the example is the README sample: the fixture CSV read by journey, without its planted blank row', async () => {
    const fixture = await loadInventoryFile(join(root, 'fixtures/sample-inventory.csv'));
    const rows = fixture.tables[0]!.rows.filter((r) => r.cells.some((c) => c !== null && c !== ''));
    const sample = sampleInventory('sample.csv').tables[0]!.rows;
    expect(sample.map((r) => r.cells.map((c) => (c === null ? '' : String(c))).join('|'))).toEqual(
      rows.map((r) =>
        r.cells
          .map((c) => (c === null ? '' : String(c)))
          .join('|')
          .replace(/\|+$/, ''),
      ),
    );
    expect(SAMPLE_ROWS).toHaveLength(26);
    expect(SAMPLE_HEADER[0]).toBe('Persona');
  });
});
