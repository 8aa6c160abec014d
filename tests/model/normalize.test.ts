import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { findHeader } from '../../src/model/columns.js';
import { normalize } from '../../src/model/normalize.js';
import { csvFile, model } from '../helpers/inventory.js';

describe('normalize', () => {
  it('finds a header below title and blank rows, matching synonyms case- and punctuation-insensitively', () => {
    const rows = [
      ['Communication inventory'],
      [],
      ['LIFECYCLE STAGE', 'Touchpoint name', 'Owner Team', 'Medium', 'Ongoing / Automatic / Manual', 'In/Out', 'Day offset (days)', 'Cadence', 'Segment'],
      ['Awareness', 'Blog', 'Marketing', 'Blog', 'Ongoing', 'Inbound', '0', 'Weekly', 'Admin'],
    ];
    const header = findHeader(csvFile(rows).tables[0]!.rows);
    expect(header?.row).toBe(3);
    expect(header?.columns).toEqual({ stage: 0, touchpoint: 1, team: 2, channel: 3, mode: 4, direction: 5, day: 6, frequency: 7, persona: 8 });
    const touchpoint = model(rows).touchpoints[0]!;
    expect(touchpoint).toMatchObject({
      persona: 'Admin',
      stage: 'awareness',
      channel: 'blog',
      mode: 'ongoing',
      direction: 'inbound',
      day: 0,
      team: 'Marketing',
    });
    expect(touchpoint.frequency).toEqual({ text: 'Weekly', cadence: 'weekly', recurring: true });
  });

  it('inherits blank stage and persona cells from the row above', () => {
    const journey = model([
      ['Persona', 'Stage', 'Touchpoint', 'Channel'],
      ['Buyer', 'Decision', 'Demo', 'Video call'],
      ['', '', 'Proposal', 'Email'],
      ['Admin', '', 'Setup call', 'Phone'],
      ['', 'Onboarding', 'Welcome', 'Email'],
    ]);
    expect(journey.touchpoints.map((t) => [t.persona, t.stage])).toEqual([
      ['Buyer', 'decision'],
      ['Buyer', 'decision'],
      ['Admin', 'decision'],
      ['Admin', 'onboarding'],
    ]);
  });

  it('takes the persona from the sheet name, else the file name', () => {
    const sheet = normalize([
      {
        file: 'x.xlsx',
        kind: 'xlsx',
        skipped: [],
        tables: [
          {
            file: 'x.xlsx',
            sheet: 'Practitioner',
            rows: [
              { row: 1, cells: ['Stage', 'Touchpoint', 'Channel'] },
              { row: 2, cells: ['Awareness', 'Ad', 'Paid ads'] },
            ],
          },
        ],
      },
    ]);
    expect(sheet.personas.map((p) => p.name)).toEqual(['Practitioner']);
    expect(
      model(
        [
          ['Stage', 'Touchpoint', 'Channel'],
          ['Awareness', 'Ad', 'Paid ads'],
        ],
        'data/smb-owner.csv',
      ).personas[0]!.name,
    ).toBe('smb-owner');
  });

  it('skips a sheet without a header, and fails a file where no sheet has one, listing what it looked for', () => {
    const notes = { file: 'w.xlsx', sheet: 'Notes', rows: [{ row: 1, cells: ['Read me first'] }] };
    const inventory = {
      file: 'w.xlsx',
      sheet: 'P',
      rows: [
        { row: 1, cells: ['Stage', 'Touchpoint', 'Channel'] },
        { row: 2, cells: ['Awareness', 'Ad', 'Paid ads'] },
      ],
    };
    const journey = normalize([{ file: 'w.xlsx', kind: 'xlsx', skipped: [], tables: [notes, inventory] }]);
    expect(journey.files[0]!.sheets[0]).toMatchObject({ sheet: 'Notes', headerRow: null, skipped: expect.stringContaining('no inventory header') });
    expect(() => normalize([{ file: 'w.xlsx', kind: 'xlsx', skipped: [], tables: [notes] }])).toThrow(
      /none of its sheets \("Notes"\) has a header row.*stage \(this, or day or channel or frequency\).*touchpoint \(required\)/,
    );
  });

  it('fails a header that lacks a required column, naming the sheet and what it looked for', () => {
    const error = (() => {
      try {
        model([
          ['Stage', 'Channel', 'Team'],
          ['Awareness', 'Paid ads', 'Marketing'],
        ]);
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.describe()).toMatch(
      /^inventory\.csv row 1: is not a communication inventory: the header \(Stage, Channel, Team\) has no touchpoint column, by its words or its cells; looked for touchpoint \(touchpoint, touch point, communication, /,
    );
  });
});
