// The benchmark: npm run bench [-- --quick] [-- --runs N] [-- --long-runs N] (journey measure's: npm run bench -- --measure [--events N])
// Times whole processes (median of several runs) with their peak RSS, side by side in one run, and
// prints the ratios the targets are stated in. Nothing here is asserted by the test suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const data = join(root, 'bench-data');
const args = process.argv.slice(2);
// journey measure's bench is a part of its own (it writes a 10M-event log): npm run bench -- --measure.
if (args.includes('--measure')) {
  await import('./measure.mjs');
  process.exit(0);
}
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 5 : Number(args[runsAt + 1]);
// Runs of the million-row audit (a minute each on a quiet machine): -- --long-runs N.
const longRunsAt = args.indexOf('--long-runs');
const LONG_RUNS = longRunsAt === -1 ? 3 : Number(args[longRunsAt + 1]);
const hasTime = existsSync('/usr/bin/time');

const file = (name) => join(data, name);
const loadAtStart = os.loadavg();
const needed = ['inventory-1000.csv', 'inventory-1000.xlsx', 'inventory-100000.xlsx', 'inventory-100000.csv', ...(quick ? [] : ['inventory-1000000.csv'])];
if (needed.some((name) => !existsSync(file(name)))) {
  mkdirSync(data, { recursive: true });
  process.stderr.write('bench: writing the inventories (seed 20261125)…\n');
  execFileSync(
    process.execPath,
    [join(root, 'scripts/bench/generate.mjs'), data, '--csv', quick ? '1000,100000' : '1000,100000,1000000', '--xlsx', '1000,100000'],
    { stdio: 'inherit' },
  );
}

// Settings that make every Node process start slower (npm run sets NODE_EXTRA_CA_CERTS here, which
// alone adds ~0.2 s of certificate loading) are cleared, so start-up is measured as a user meets it.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;

/** Runs a command once; returns wall seconds and peak RSS in MB (from GNU time, when present). */
function once(command) {
  const wrapped = hasTime ? ['/usr/bin/time', ['-f', '%e %M', 'bash', '-c', `${command} > /dev/null`]] : ['bash', ['-c', `${command} > /dev/null`]];
  const start = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const match = /^([\d.]+) (\d+)$/.exec(last);
  // Exit code 1 is journey reporting findings; anything else is a failure of the benchmark.
  if (result.status !== 0 && !(result.status === 1 && command.includes('journey'))) throw new Error(`bench: "${command}" failed:\n${result.stderr}`);
  return { seconds: match ? Number(match[1]) : wall, rssMb: match ? Number(match[2]) / 1024 : null };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median seconds and peak RSS (max over runs) of each command, run in turn round after round, so drift in the machine's speed touches all alike. */
function measureTogether(entries, runs = RUNS, { warmUp = true } = {}) {
  // One discarded round first: the first processes after a build or a git command run on a busy machine.
  // Not for the minute-long runs, which such a start does not move.
  if (warmUp) for (const [, command] of entries) once(command);
  const samples = entries.map(() => []);
  for (let round = 0; round < runs; round++) entries.forEach(([, command], i) => samples[i].push(once(command)));
  return entries.map(([label, command], i) => {
    const taken = samples[i];
    const result = {
      label,
      command,
      seconds: median(taken.map((s) => s.seconds)),
      rssMb: taken.every((s) => s.rssMb !== null) ? Math.max(...taken.map((s) => s.rssMb)) : null,
      runs,
    };
    process.stderr.write(`bench: ${label}: ${result.seconds.toFixed(2)} s, ${result.rssMb?.toFixed(0) ?? '?'} MB (${runs} runs)\n`);
    return result;
  });
}

const measure = (label, command, runs = RUNS, options) => measureTogether([[label, command]], runs, options)[0];

const node = JSON.stringify(process.execPath);
const journey = `${node} ${JSON.stringify(join(root, 'bin/journey.js'))} audit`;
const script = (name) => `${node} ${JSON.stringify(join(root, 'scripts/bench', name))}`;

// The linters users already run, on one small file each (devDependencies for this comparison only).
const lint = join(data, 'lint');
mkdirSync(lint, { recursive: true });
writeFileSync(
  join(lint, 'eslint.config.js'),
  "export default [{ files: ['**/*.js'], rules: { 'no-unused-vars': 'error', 'no-undef': 'error', eqeqeq: 'error', semi: 'error' } }];\n",
);
writeFileSync(join(lint, 'small.js'), "export function greet(name) {\n  const greeting = `Hello, ${name}`;\n  return greeting === '' ? null : greeting;\n}\n");
writeFileSync(
  join(lint, 'small.md'),
  '# Journey\n\nA small page with a list:\n\n- one item\n- another item\n\nSee the [journey README](https://example.com/journey).\n',
);
const eslint = `cd ${JSON.stringify(lint)} && ${node} ${JSON.stringify(join(root, 'node_modules/eslint/bin/eslint.js'))} small.js`;
const markdownlint = `cd ${JSON.stringify(lint)} && ${node} ${JSON.stringify(join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'))} small.md`;
// The code cache (src/boot/code-cache.ts) lives in its own folder here, filled by measureTogether's discarded first round.
env.JOURNEY_CACHE_DIR = join(data, 'code-cache');

const m = {};
[m.floor, m.version, m.csv1k, m.xlsx1k, m.eslint, m.markdownlint, m.csv1kCold] = measureTogether(
  [
    ['node -e 0', `${node} -e 0`],
    ['journey --version', `${node} ${JSON.stringify(join(root, 'bin/journey.js'))} --version`],
    ['journey audit, 1k-row CSV', `${journey} ${file('inventory-1000.csv')} --format json`],
    ['journey audit, 1k-row XLSX', `${journey} ${file('inventory-1000.xlsx')} --format json`],
    ['eslint, one small .js file', eslint],
    ['markdownlint-cli2, one small .md file', markdownlint],
    ['journey audit, 1k-row CSV, code cache off (JOURNEY_CODE_CACHE=0)', `JOURNEY_CODE_CACHE=0 ${journey} ${file('inventory-1000.csv')} --format json`],
  ],
  RUNS * 2,
);
m.unzip = measure('unzip -p sheet1.xml piped to wc -c, 100k XLSX', `unzip -p ${file('inventory-100000.xlsx')} xl/worksheets/sheet1.xml | wc -c`);
m.exceljs = measure('exceljs streaming read, 100k XLSX', `${script('read-exceljs.mjs')} ${file('inventory-100000.xlsx')}`, 3);
m.xlsx100k = measure('journey audit, 100k-row XLSX', `${journey} ${file('inventory-100000.xlsx')} --format json`, 3);
m.csvParse100k = measure('csv-parse streaming read, 100k CSV', `${script('read-csv-parse.mjs')} ${file('inventory-100000.csv')}`, 3);
m.papaparse100k = measure('papaparse streaming read, 100k CSV', `${script('read-papaparse.mjs')} ${file('inventory-100000.csv')}`, 3);
m.csv100k = measure('journey audit, 100k-row CSV', `${journey} ${file('inventory-100000.csv')} --format json`, 3);
// What a terminal user runs: the default format, which once took 19× as long as JSON here.
m.csv100kStylish = measure('journey audit, 100k-row CSV, default (stylish) output', `${journey} ${file('inventory-100000.csv')}`, 3);
// journey diff of two 100k-row versions against auditing both in one run (issue 18: at most 2.5×).
if (['before', 'after'].some((side) => !existsSync(file(`diff-${side}-100000.csv`)))) {
  execFileSync(process.execPath, [join(root, 'scripts/bench/diff-inputs.mjs'), data, '100000'], { stdio: 'inherit' });
}
[m.auditBoth, m.diff100k] = measureTogether(
  [
    ['journey audit of both diff versions, 100k rows each', `${journey} ${file('diff-before-100000.csv')} ${file('diff-after-100000.csv')} --format json`],
    [
      'journey diff, two 100k-row versions',
      `${node} ${JSON.stringify(join(root, 'bin/journey.js'))} diff ${file('diff-before-100000.csv')} ${file('diff-after-100000.csv')} --format json`,
    ],
  ],
  3,
);
if (!quick) {
  m.csvParse1m = measure('csv-parse streaming read, 1M CSV', `${script('read-csv-parse.mjs')} ${file('inventory-1000000.csv')}`, 3, { warmUp: false });
  m.papaparse1m = measure('papaparse streaming read, 1M CSV', `${script('read-papaparse.mjs')} ${file('inventory-1000000.csv')}`, 3, { warmUp: false });
  m.csv1m = measure('journey audit, 1M-row CSV', `${journey} ${file('inventory-1000000.csv')} --format json`, LONG_RUNS, { warmUp: false });
}

/** Rule time alone, in process (load and normalize are not timed). */
function ruleTime(name) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', join(root, 'scripts/bench/rule-time.mjs'), file(name)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const parsed = JSON.parse(out);
  process.stderr.write(`bench: rules on ${name}: ${parsed.totalMs} ms\n`);
  return parsed;
}
const rules100k = ruleTime('inventory-100000.csv');
const rules1m = quick ? null : ruleTime('inventory-1000000.csv');

const ratio = (a, b) => (a === undefined || b === undefined ? null : a / b);
// The targets of issue 29 (start-up, 1M rows, XLSX); the rest is context.
const rows = [
  ['Start-up: journey --version ÷ node -e 0', ratio(m.version.seconds, m.floor.seconds), '≤ 1.5'],
  [
    'Start-up: journey 1k CSV ÷ the faster linter (eslint, markdownlint-cli2)',
    ratio(m.csv1k.seconds, Math.min(m.eslint.seconds, m.markdownlint.seconds)),
    '≤ 0.6',
  ],
  ['Start-up: journey 1k CSV ÷ node -e 0', ratio(m.csv1k.seconds, m.floor.seconds), '(context)'],
  ['Start-up: eslint ÷ node -e 0', ratio(m.eslint.seconds, m.floor.seconds), '(context)'],
  ['Start-up: markdownlint-cli2 ÷ node -e 0', ratio(m.markdownlint.seconds, m.floor.seconds), '(context)'],
  ['Start-up: journey 1k XLSX ÷ node -e 0', ratio(m.xlsx1k.seconds, m.floor.seconds), '(context)'],
  ['Start-up: journey 1k CSV without ÷ with the code cache', ratio(m.csv1kCold.seconds, m.csv1k.seconds), '(context)'],
  ['100k XLSX: journey ÷ exceljs streaming read (time)', ratio(m.xlsx100k.seconds, m.exceljs.seconds), '≤ 0.6'],
  ['100k XLSX: journey ÷ exceljs streaming read (peak RSS)', ratio(m.xlsx100k.rssMb, m.exceljs.rssMb), '(context)'],
  ['100k XLSX: journey ÷ decompression floor', ratio(m.xlsx100k.seconds, m.unzip.seconds), '≤ 10'],
  ['100k CSV: journey ÷ papaparse streaming read', ratio(m.csv100k.seconds, m.papaparse100k.seconds), '(context)'],
  ['100k CSV: csv-parse ÷ papaparse streaming read', ratio(m.csvParse100k.seconds, m.papaparse100k.seconds), '(context)'],
  ['100k CSV: default (stylish) output ÷ --format json', ratio(m.csv100kStylish.seconds, m.csv100k.seconds), '(context)'],
  ['diff of two 100k versions ÷ auditing both', ratio(m.diff100k.seconds, m.auditBoth.seconds), '≤ 2.5'],
  ...(quick
    ? []
    : [
        ['1M CSV: journey peak RSS (MiB)', m.csv1m.rssMb, '≤ 800'],
        ['1M CSV: journey ÷ papaparse streaming read', ratio(m.csv1m.seconds, m.papaparse1m.seconds), '≤ 6'],
        ['1M CSV: journey time at 1M ÷ at 100k rows', ratio(m.csv1m.seconds, m.csv100k.seconds), '≤ 11'],
        ['1M CSV: journey ÷ csv-parse streaming read', ratio(m.csv1m.seconds, m.csvParse1m.seconds), '(context)'],
        ['Rules: time at 1M ÷ time at 100k', ratio(rules1m.totalMs, rules100k.totalMs), '(context)'],
      ]),
];
const met = (value, target) => {
  const bound = /([<≤]) ([\d.]+)/.exec(target);
  if (!bound || value === null) return '';
  return (bound[1] === '<' ? value < Number(bound[2]) : value <= Number(bound[2])) ? 'met' : 'not met';
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
// Other programs on the machine slow every measurement: the load average is part of the result.
const load = (values) => values.map((value) => value.toFixed(2)).join(', ');
const lines = [
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}${quick ? ' (--quick: no 1M rows)' : ''}.`,
  `Load average (1, 5, 15 min) at the start: ${load(loadAtStart)}; at the end: ${load(os.loadavg())}.`,
  '',
  '| Measurement | Median s | Peak RSS MB | Runs |',
  '| --- | ---: | ---: | ---: |',
  ...Object.values(m).map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.rssMb?.toFixed(0) ?? '—'} | ${r.runs} |`),
  `| rules alone, 100k rows (in process) | ${(rules100k.totalMs / 1000).toFixed(2)} | — | 1 |`,
  ...(rules1m ? [`| rules alone, 1M rows (in process) | ${(rules1m.totalMs / 1000).toFixed(2)} | — | 1 |`] : []),
  '',
  '| Ratio | Value | Target | |',
  '| --- | ---: | --- | --- |',
  ...rows.map(([label, value, target]) => `| ${label} | ${value === null ? '—' : value.toFixed(2)} | ${target} | ${met(value, target)} |`),
  '',
  `Slowest rules at ${rules1m ? '1M' : '100k'} rows (ms): ${Object.entries((rules1m ?? rules100k).perRule)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, ms]) => `${id} ${ms}`)
    .join(', ')}.`,
];
const text = `${lines.join('\n')}\n`;
writeFileSync(join(data, 'results.md'), text);
process.stdout.write(text);

// journey map at 1,000 and 2,000 touchpoints (its own script: it drives the system Chromium when present).
execFileSync(process.execPath, [join(root, 'scripts/bench/map.mjs')], { stdio: 'inherit', env });
