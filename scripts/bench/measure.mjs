// The bench of journey measure, an optional part of npm run bench: npm run bench -- --measure [--events N] [--memory-limit SIZE]
// Writes a clickstream of N events (default 10M, a tenth as many users) once into bench-data/, then times
// in one run, round after round: the 5-step funnel with a 7-day window through journey measure, and the
// same funnel written by hand as one DuckDB query (ASOF joins) on the same file. Target: journey within
// 1.5x. With --events 100000000 it checks that 100M events complete under the memory limit, spilling.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { totalmem } from 'node:os';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const events = Number(option('--events', '10000000'));
const memoryLimit = option('--memory-limit', undefined);
const runs = Number(option('--runs', '3'));
const data = join(root, 'bench-data');
const file = join(data, `events-${events}.csv`);
const STEPS = ['visit', 'signup', 'activate', 'subscribe', 'renew'];

if (!existsSync(file)) {
  mkdirSync(data, { recursive: true });
  process.stderr.write(`bench: writing ${events.toLocaleString('en-US')} events (seed 20261204)…\n`);
  const out = createWriteStream(file);
  out.write('user_id,timestamp,event\n');
  let state = 20261204;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const users = Math.max(1, Math.floor(events / 10));
  const start = Date.UTC(2025, 0, 1);
  let chunk = '';
  for (let i = 0; i < events; i++) {
    const user = Math.floor(random() * users);
    const step = random() < 0.6 ? STEPS[Math.min(4, Math.floor(-Math.log(random()) * 1.2))] : 'page_view';
    chunk += `u${user},${new Date(start + Math.floor(random() * 90 * 86_400_000)).toISOString()},${step}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const window = 7 * 86_400_000;
// The funnel as one hand-written DuckDB query: each step the earliest event at or after the previous one's (ASOF), within the window of the step-1 event.
const handWritten = `
SET memory_limit = '${memoryLimit ?? `${Math.floor(totalmem() / 2 / 2 ** 20)}MB`}';
CREATE TEMP TABLE e AS SELECT user_id AS u, epoch_ms(CAST(timestamp AS TIMESTAMPTZ)) AS t, event FROM read_csv('${file}', header = true, all_varchar = true) WHERE user_id IS NOT NULL;
${STEPS.map((s, i) => `CREATE TEMP TABLE s${i + 1} AS SELECT u, t FROM e WHERE event = '${s}';`).join('\n')}
WITH a AS (
  SELECT s1.u, s1.t AS t1, s2.t AS t2 FROM s1 ASOF LEFT JOIN s2 ON s2.u = s1.u AND s2.t >= s1.t
), b AS (SELECT a.*, s3.t AS t3 FROM a ASOF LEFT JOIN s3 ON s3.u = a.u AND s3.t >= a.t2),
c AS (SELECT b.*, s4.t AS t4 FROM b ASOF LEFT JOIN s4 ON s4.u = b.u AND s4.t >= b.t3),
d AS (SELECT c.*, s5.t AS t5 FROM c ASOF LEFT JOIN s5 ON s5.u = c.u AND s5.t >= c.t4),
r AS (SELECT u, MAX(CASE WHEN t2 IS NULL OR t2 - t1 > ${window} THEN 1 WHEN t3 IS NULL OR t3 - t1 > ${window} THEN 2 WHEN t4 IS NULL OR t4 - t1 > ${window} THEN 3 WHEN t5 IS NULL OR t5 - t1 > ${window} THEN 4 ELSE 5 END) AS reached FROM d GROUP BY u)
SELECT ${STEPS.map((_, i) => `COUNT(*) FILTER (WHERE reached >= ${i + 1})`).join(', ')} FROM r;`;

const script = join(data, 'funnel-by-hand.mjs');
const { writeFileSync } = await import('node:fs');
writeFileSync(
  script,
  `import { DuckDBInstance } from '${join(root, 'node_modules/@duckdb/node-api/lib/index.js')}';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
for (const statement of ${JSON.stringify(handWritten)}.split(';').map((s) => s.trim()).filter(Boolean)) await c.run(statement);
`,
);
const commands = {
  journey: [
    process.execPath,
    [
      join(root, 'bin/journey.js'),
      'measure',
      file,
      '--funnel',
      STEPS.join(','),
      '--window',
      '7d',
      '--format',
      'json',
      ...(memoryLimit ? ['--memory-limit', memoryLimit] : []),
    ],
  ],
  'by hand': [process.execPath, [script]],
};
const hasTime = existsSync('/usr/bin/time');
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const peaks = {};
for (let round = 0; round < runs; round++) {
  for (const [name, [command, argv]] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const result = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 })
      : spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (result.status !== 0) throw new Error(`bench: ${name} failed:\n${result.stderr}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e9);
    const rss = Number(result.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(rss)) peaks[name] = Math.max(peaks[name] ?? 0, rss / 1024);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ours = median(times.journey);
const theirs = median(times['by hand']);
console.log(`journey measure, ${events.toLocaleString('en-US')} events, 5-step funnel within 7 days (median of ${runs}):`);
console.log(`  journey measure  ${ours.toFixed(2)} s${peaks.journey ? `, peak ${Math.round(peaks.journey)} MB` : ''}`);
console.log(`  by hand (DuckDB) ${theirs.toFixed(2)} s${peaks['by hand'] ? `, peak ${Math.round(peaks['by hand'])} MB` : ''}`);
console.log(`  ratio ${(ours / theirs).toFixed(2)}x (target: at most 1.5x)`);
