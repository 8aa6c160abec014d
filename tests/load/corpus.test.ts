import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const files = ['calamine', 'exceljs'].flatMap((folder) =>
  readdirSync(join(corpus, folder))
    .filter((name) => /\.xls[xm]$/.test(name))
    .map((name) => join(folder, name)),
);

describe('robustness corpus (../shared/corpus)', () => {
  it('holds the workbooks the shared README describes', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it.each(files)('%s loads cleanly or fails with a clean input error', async (file) => {
    const path = join(corpus, file);
    try {
      const loaded = await loadInventoryFile(path, { timeLimitMs: 20_000 });
      expect(loaded.tables.length + loaded.skipped.length).toBeGreaterThan(0);
      try {
        normalize([loaded]);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).describe()).toContain(path);
    }
  });

  it('names the password-protected workbook as encrypted', async () => {
    await expect(loadInventoryFile(join(corpus, 'calamine/pass_protected.xlsx'))).rejects.toThrow(/password-protected \(encrypted\)/);
  });
});
