import { describe, expect, it } from 'vitest';
import { INPUT_EXTENSIONS, auditedInFolders, extensionOf, formatOfBytes, formatOfName } from '../../src/load/formats.js';

describe('the input formats table', () => {
  it('names a format by the file name, whatever its case, and none for other names', () => {
    expect(['a.xlsx', 'b.XLSM', 'c.csv', 'd.TSV', 'e.md', 'f.markdown'].map((name) => formatOfName(name)?.kind)).toEqual([
      'xlsx',
      'xlsx',
      'csv',
      'csv',
      'markdown',
      'markdown',
    ]);
    expect([formatOfName('notes.txt'), formatOfName('Makefile'), formatOfName('.csv'), formatOfName('dir.csv/file')]).toEqual([null, null, null, null]);
    expect(extensionOf('folder.v2/inventory.CSV')).toBe('.csv');
  });

  it('sniffs a workbook by its bytes, and no text format', () => {
    expect(formatOfBytes(Buffer.from('PK\u0003\u0004'))?.kind).toBe('xlsx');
    expect(formatOfBytes(Buffer.from('Stage,Touchpoint'))).toBeNull();
  });

  it('audits every format in folders but Excel lock files', () => {
    expect(INPUT_EXTENSIONS.every((extension) => auditedInFolders(`sub/inventory${extension}`))).toBe(true);
    expect(auditedInFolders('sub/~$inventory.xlsx')).toBe(false);
  });
});
