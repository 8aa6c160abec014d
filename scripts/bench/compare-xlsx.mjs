// Dumps what journey makes of every workbook of ../shared/corpus, bench-data and fixtures: the loaded
// rows (or the input error) and the audit JSON with stderr and exit code, one file each, so two builds
// can be compared byte for byte (copy bin/ and dist/ of the old build aside first):
//   node scripts/bench/compare-xlsx.mjs old-copy before && node scripts/bench/compare-xlsx.mjs . after && diff -r before after
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [rootArg, out] = process.argv.slice(2);
const root = resolve(rootArg);
mkdirSync(out, { recursive: true });
const corpus = resolve('../shared/corpus');
const files = [
  ...['calamine', 'exceljs'].flatMap((f) =>
    readdirSync(join(corpus, f))
      .filter((n) => /\.xls[xm]$/.test(n))
      .map((n) => join(corpus, f, n)),
  ),
  ...['inventory-1000.xlsx', 'inventory-100000.xlsx'].map((n) => resolve('bench-data', n)),
  ...readdirSync('fixtures')
    .filter((n) => n.endsWith('.xlsx'))
    .map((n) => resolve('fixtures', n)),
];
const { loadInventoryFile } = await import(join(root, 'dist/load/index.js'));
const { DEFAULT_READ_LIMITS } = await import(join(root, 'dist/load/limits.js'));
for (const file of files) {
  const id = file.replace(/[^\w.-]+/g, '_');
  let dump;
  try {
    const loaded = await loadInventoryFile(file, { limits: { ...DEFAULT_READ_LIMITS, readTimeoutSeconds: 60 } });
    dump = JSON.stringify(loaded, (k, v) => (v instanceof Date ? `DATE:${v.toISOString()}` : v));
  } catch (error) {
    dump = `ERROR ${error.describe ? error.describe() : error.message}`;
  }
  writeFileSync(join(out, `${id}.load`), dump);
  const audit = spawnSync(process.execPath, [join(root, 'bin/journey.js'), 'audit', file, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1795564800', JOURNEY_CODE_CACHE: '0' },
    maxBuffer: 1 << 30,
  });
  writeFileSync(join(out, `${id}.audit`), `exit ${audit.status}\n${audit.stdout}\n--stderr--\n${audit.stderr}`);
}
console.log(files.length, 'files');
