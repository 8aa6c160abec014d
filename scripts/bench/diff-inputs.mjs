// Two versions of a 100k-row inventory for `journey diff`: "before" is the bench's seeded inventory,
// "after" the same one edited as a quarter's work might: every 97th touchpoint retired, every 89th
// renamed, every 61st moved a week later, and 1,000 new touchpoints from another seed.
// Usage: node scripts/bench/diff-inputs.mjs <folder> [rows]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { HEADER, inventoryRows } from './generate.mjs';

const quote = (value) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

async function write(path, rows) {
  const out = createWriteStream(path);
  const line = (row) => `${row.map(quote).join(',')}\n`;
  if (!out.write(line(HEADER))) await once(out, 'drain');
  for (const row of rows) if (!out.write(line(row))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* after(count, seed) {
  let i = 0;
  for (const row of inventoryRows(count, seed)) {
    i++;
    if (i % 97 === 0) continue;
    const edited = [...row];
    if (i % 89 === 0) edited[2] = `${edited[2]} (revised)`;
    if (i % 61 === 0 && edited[7] !== '' && Number.isFinite(Number(edited[7]))) edited[7] = String(Number(edited[7]) + 7);
    yield edited;
  }
  yield* inventoryRows(1000, seed + 1);
}

const [folder, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 100000);
await write(join(folder, `diff-before-${rows}.csv`), inventoryRows(rows, 20261125));
await write(join(folder, `diff-after-${rows}.csv`), after(rows, 20261125));
