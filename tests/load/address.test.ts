import { describe, expect, it } from 'vitest';
import { cellAddress, columnIndex, columnLetter, parseCellRef } from '../../src/load/address.js';

describe('cell addresses', () => {
  it('parses A1 references, absolute or lower-case, and rejects anything else', () => {
    expect(parseCellRef('B20')).toEqual({ col: 1, row: 20 });
    expect(parseCellRef('$AA$7')).toEqual({ col: 26, row: 7 });
    expect(parseCellRef('xfd1048576')).toEqual({ col: 16383, row: 1048576 });
    for (const bad of ['', '12', 'B', 'ABCD1', 'B2C', 'B-2', '$']) expect(parseCellRef(bad)).toBeNull();
  });

  it('turns indices into letters and back, and names cells as a spreadsheet does', () => {
    for (const index of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetter(index))).toBe(index);
    expect(cellAddress('Practitioner', 'B', 20)).toBe('Practitioner!B20');
    expect(cellAddress('My sheet', 'B', 20)).toBe("'My sheet'!B20");
    expect(cellAddress(null, 'B', 20)).toBe('B20');
  });
});
