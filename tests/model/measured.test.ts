import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { measuredFrom, mergeMeasured, readMeasuredRows } from '../../src/model/measured.js';
import { channelEffectiveness } from '../../src/rules/channel-effectiveness.js';
import { frictionPoint } from '../../src/rules/friction-point.js';
import { check, csvFile, model } from '../helpers/inventory.js';

const INVENTORY = [
  ['Persona', 'Stage', 'Touchpoint', 'Channel', 'Conversion rate'],
  ['Buyer', 'Awareness', 'Paid social ad', 'Paid social', ''],
  ['Buyer', 'Consideration', 'Pricing page', 'Website', '20%'],
  ['Buyer', 'Consideration', 'Webinar', 'Events', ''],
  ['Admin', 'Consideration', 'Pricing page', 'Website', ''],
];

const rowsOf = (rows: (string | number | null)[][], file = 'metrics.csv') => readMeasuredRows(csvFile(rows, file).tables, file);

describe('reading a metrics file', () => {
  it('reads the columns --write-metrics writes, by the field catalogue: rates as fractions, reach as the audience', () => {
    const rows = rowsOf([
      ['Persona', 'Stage', 'Touchpoint', 'Reach', 'Share', 'Drop-off rate', 'Conversion rate', 'Median hours to next', 'Observed day'],
      ['Buyer', 'Awareness', 'Paid social ad', 120, '60%', '41%', '12.5%', '3', '0'],
      ['', '', 'Webinar', '8', '4%', '', '', '', ''],
    ]);
    expect(rows).toEqual([
      {
        persona: 'Buyer',
        stage: 'Awareness',
        touchpoint: 'Paid social ad',
        figures: { audience: 120, dropOffRate: 0.41, conversionRate: 0.125 },
        location: { file: 'metrics.csv', sheet: null, row: 2, column: null, cell: null },
      },
      { persona: '', stage: '', touchpoint: 'Webinar', figures: { audience: 8 }, location: expect.objectContaining({ row: 3 }) },
    ]);
  });

  it('finds the header below a title and takes figure headers an inventory would have (Conversion, NPS)', () => {
    const rows = rowsOf([['Measured 2026-11'], [], ['Touchpoint', 'Conversion', 'NPS'], ['Webinar', '0.3', '-20']]);
    expect(rows.map((row) => row.figures)).toEqual([{ conversionRate: 0.3, nps: -20 }]);
  });

  it('says the first cell that cannot be read by its line, and how many more there are', () => {
    const read = () =>
      rowsOf([
        ['Touchpoint', 'Drop-off rate', 'Reach'],
        ['Webinar', 'lots', '3'],
        ['Pricing page', '140%', '-2'],
      ]);
    expect(read).toThrow(InputError);
    try {
      read();
    } catch (error) {
      expect((error as InputError).describe()).toBe('metrics.csv:2: Drop-off rate "lots" is not a rate (41%, 0.41) (and 2 more cells that cannot be read)');
    }
  });

  it('refuses a file without a touchpoint column and a figure, and a row with figures but no name', () => {
    expect(() =>
      rowsOf([
        ['Name of thing', 'Colour'],
        ['a', 'b'],
      ]),
    ).toThrow(/has no metrics header/);
    expect(() =>
      rowsOf([
        ['Touchpoint', 'Reach'],
        ['', '4'],
      ]),
    ).toThrow(expect.objectContaining({ place: { file: 'metrics.csv', line: 2 }, message: 'has figures but no touchpoint name' }));
  });
});

describe('merging measured figures into the model', () => {
  it("fills only the figures a row lacks (the inventory's own win), keyed by persona, stage and name, and says what it did", () => {
    const journey = model(INVENTORY);
    const notes = mergeMeasured(
      journey,
      rowsOf([
        ['Persona', 'Stage', 'Touchpoint', 'Reach', 'Conversion rate'],
        ['buyer', 'consideration', 'PRICING PAGE', '50', '30%'],
        ['Buyer', 'Awareness', 'Paid social ad', '200', '5%'],
        ['Buyer', 'Awareness', 'Paid social ad', '999', '99%'],
        ['Buyer', 'Decision', 'Webinar', '9', '9%'],
        ['', '', 'Newsletter', '9', '9%'],
      ]),
      'metrics.csv',
    );
    const [ad, pricing, webinar, adminPricing] = journey.touchpoints;
    expect(pricing!.metrics).toMatchObject({ audience: 50, conversionRate: 0.2 });
    expect(pricing!.measured?.fields).toEqual(['audience']);
    expect(measuredFrom(pricing!, 'conversionRate')).toBeNull();
    expect(measuredFrom(pricing!, 'audience')).toMatchObject({ file: 'metrics.csv', row: 2 });
    expect(ad!.metrics).toMatchObject({ audience: 200, conversionRate: 0.05 });
    expect(webinar!.measured).toBeUndefined();
    // A persona the row names is the only one it fills.
    expect(adminPricing!.measured).toBeUndefined();
    expect(notes).toEqual([
      'metrics.csv: measured figures filled in for 2 of 4 touchpoints',
      "metrics.csv: 1 measured figure not used where the inventory has its own (the inventory's figure wins)",
      'metrics.csv: 2 rows match no touchpoint of the inventory: "Webinar" (line 5), "Newsletter" (line 6)',
      'metrics.csv: 1 row repeats touchpoints an earlier row gave figures for, not used: "Paid social ad" (line 4)',
    ]);
  });

  it('a row without persona or stage fills the touchpoint of that name in every persona', () => {
    const journey = model(INVENTORY);
    mergeMeasured(
      journey,
      rowsOf([
        ['Touchpoint', 'Drop-off rate'],
        ['Pricing page', '45%'],
      ]),
      'metrics.csv',
    );
    expect(journey.touchpoints.filter((t) => t.measured).map((t) => t.persona)).toEqual(['Buyer', 'Admin']);
  });

  it('friction-point and channel-effectiveness run on measured figures and call them measured', () => {
    const journey = model(INVENTORY);
    mergeMeasured(
      journey,
      rowsOf([
        ['Persona', 'Stage', 'Touchpoint', 'Drop-off rate', 'Conversion rate'],
        ['Buyer', 'Awareness', 'Paid social ad', '41%', ''],
        ['Buyer', 'Consideration', 'Webinar', '', '2%'],
      ]),
      'metrics.csv',
    );
    const [friction] = check(frictionPoint, journey);
    expect(friction!.message).toBe('"Paid social ad" is a friction point: measured drop-off 41% (limit 30%)');
    // The finding stays on the inventory's row; the metrics file's row is related.
    expect(friction!.location).toMatchObject({ file: 'inventory.csv', row: 2 });
    expect(friction!.related).toContainEqual(expect.objectContaining({ file: 'metrics.csv', row: 2 }));
    const [channels] = check(channelEffectiveness, journey);
    expect(channels!.message).toBe('In Consideration, Buyer converts best on Website (20%) and worst on Event (2%, measured)');
  });
});
