import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInventoryFile } from '../../src/load/index.js';
import { DEFAULT_READ_LIMITS } from '../../src/load/limits.js';
import { normalize } from '../../src/model/normalize.js';
import { SHARED, sharedAvailable } from '../helpers/shared.js';

const available = sharedAvailable('the workbook robustness corpus tests');
const corpus = join(SHARED, 'corpus');
const files = !available
  ? []
  : ['calamine', 'exceljs'].flatMap((folder) =>
      readdirSync(join(corpus, folder))
        .filter((name) => /\.xls[xm]$/.test(name))
        .map((name) => join(folder, name)),
    );

describe.runIf(available)('robustness corpus (../shared/corpus)', () => {
  it('holds the workbooks the shared README describes', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it.each(files)('%s loads cleanly or fails with a clean input error', async (file) => {
    const path = join(corpus, file);
    try {
      const loaded = await loadInventoryFile(path, { limits: { ...DEFAULT_READ_LIMITS, readTimeoutSeconds: 20 } });
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
