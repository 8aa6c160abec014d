import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/measure/dialects.js';
import { DuckEngine } from '../../src/measure/duckdb.js';
import type { MeasureResult } from '../../src/measure/result.js';
import { journey, root } from '../helpers/cli.js';

const published = JSON.parse(readFileSync(join(root, 'journey-measure.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(published);
const CLICKSTREAM = 'fixtures/measure/clickstream.csv';
const INVENTORY = 'fixtures/measure/inventory.csv';
const FUNNEL = ['--funnel', 'Paid social ad,Sign-up form,Checkout', '--window', '7d', '--goal', 'Checkout'];
const dir = mkdtempSync(join(tmpdir(), 'journey-measure-e2e-'));

function measureJson(args: string[]): MeasureResult {
  const run = journey(['measure', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout) as MeasureResult;
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  return result;
}

/** One line on stderr, no stack, exit 2. */
function inputError(args: string[], pattern: RegExp): void {
  const run = journey(['measure', ...args]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('journey measure', () => {
  it('joins the inventory: touchpoints by their Event cells, the goal, unreached and unplanned, findings at their cells', () => {
    const result = measureJson([CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL]);
    expect(result.touchpoints.map((tp) => [tp.name, tp.users])).toEqual([
      ['Paid social ad', 7],
      ['Pricing page', 3],
      ['Sign-up form', 5],
      ['Checkout', 5],
      ['Welcome email', 0],
    ]);
    expect(result.inventory).toMatchObject({ matched: 4, planned: 5, unreached: ['Welcome email'], unplanned: ['page_view'] });
    expect(result.funnel!.map((s) => s.users)).toEqual([7, 4, 3]);
    const unreached = result.findings.find((f) => f.ruleId === 'unreached-touchpoint')!;
    expect(unreached.location).toMatchObject({ file: INVENTORY, cell: 'F6' });
    expect(result.findings.map((f) => f.ruleId)).toContain('unplanned-event');
  });

  it('exits 1 on findings at or above --fail-on, 0 below it', () => {
    expect(journey(['measure', CLICKSTREAM, '--inventory', INVENTORY]).code).toBe(0);
    expect(journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, '--fail-on', 'warning']).code).toBe(1);
    expect(journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, '--fail-on', 'never']).code).toBe(0);
  });

  it('renders stylish, markdown and HTML (a funnel and a Sankey of every user)', () => {
    const stylish = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL]);
    expect(stylish.stdout).toContain('Funnel within 7d');
    expect(stylish.stdout).toContain('left out: 1 row without a user id');
    const markdown = journey(['measure', CLICKSTREAM, ...FUNNEL.slice(0, 0), '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^# Measured journey/);
    expect(markdown.stdout).toContain('| Touchpoint | Users |');
    const html = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL, '--format', 'html', '--top', '2']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<svg class="sankey"');
    expect(html.stdout).toContain('other routes (5 variants)');
    expect(html.stdout).toContain('class="funnel"');
  });

  it('escapes what the log says in every output', () => {
    const file = join(dir, 'hostile.csv');
    writeFileSync(
      file,
      'user_id,timestamp,event\nu1,2024-01-01T00:00:00Z,"<img src=x onerror=alert(1)>"\nu1,2024-01-01T01:00:00Z,"\u001b[31mred\u001b[0m | *bold*"\nu2,2024-01-01T00:00:00Z,plain\n',
    );
    const html = journey(['measure', file, '--format', 'html']).stdout;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    const stylish = journey(['measure', file]).stdout;
    expect(stylish).not.toContain('\u001b');
    const markdown = journey(['measure', file, '--format', 'markdown']).stdout;
    expect(markdown).toContain('\\| \\*bold\\*');
  });

  it('writes the measured figures as a CSV keyed like the inventory, never into it', () => {
    const out = join(dir, 'metrics.csv');
    const before = readFileSync(INVENTORY, 'utf8');
    const run = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, '--goal', 'Checkout', '--write-metrics', out]);
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Persona,Stage,Touchpoint,Reach,Share,Drop-off rate,Conversion rate,Median hours to next,Observed day');
    expect(lines[1]).toMatch(/^[^,]*,Awareness,Paid social ad,7,87\.5%,14\.29%,57\.14%,/);
    expect(lines.at(-1)).toMatch(/^"# Written by journey/);
    expect(readFileSync(INVENTORY, 'utf8')).toBe(before);
    expect(journey(['measure', CLICKSTREAM, '--write-metrics', INVENTORY]).code).toBe(2);
    // A metrics file journey wrote is replaced on the next run, as every file it writes.
    expect(journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, '--write-metrics', out]).code).toBe(0);
  });

  it('reads a marketing log with flags: the channel as the event, a COL=VALUE goal', () => {
    const result = measureJson(['fixtures/measure/marketing.jsonl', '--event', 'channel', '--goal', 'interaction=conversion']);
    expect(result.columns).toMatchObject({ user: 'anonymousId', event: 'channel' });
    expect(result.goal).toBe('interaction=conversion');
    expect(result.touchpoints.every((tp) => typeof tp.conversion === 'number')).toBe(true);
  });
});

describe('journey measure: bad input is one line and exit 2, or a counted exclusion', () => {
  it('names a missing file, an inventory given as the log, a missing column and a bad flag', () => {
    inputError(['nope.csv'], /nope\.csv: no such file/);
    inputError([INVENTORY], /looks like a communication inventory, not an event log/);
    inputError([CLICKSTREAM, '--user', 'usr_id'], /--user usr_id: no such column; did you mean "user_id"\?/);
    inputError([CLICKSTREAM, '--window', '7 parsecs', '--funnel', 'a'], /--window: expected a number and a unit/);
    inputError([CLICKSTREAM, '--inventory', INVENTORY, '--funnel', 'Chekout'], /"Chekout" is no touchpoint of the inventory; did you mean "Checkout"\?/);
    inputError([CLICKSTREAM, '--funnel', 'a,b,a'], /"a" is named twice/);
  });

  it('refuses a log whose times mostly cannot be read, and says how to name their format', () => {
    const file = join(dir, 'dates.csv');
    writeFileSync(file, 'user_id,when,event\nu1,03/01/2024 10:00,a\nu2,04/01/2024 11:00,b\n');
    inputError([file, '--time', 'when'], /2 of 2 times in "when" cannot be read \(e\.g\. "03\/01\/2024 10:00"\): name the format with --time-format/);
    const run = journey(['measure', file, '--time', 'when', '--time-format', '%d/%m/%Y %H:%M', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).first).toBe('2024-01-03T10:00:00.000Z');
  });

  it('says when times mix zones, and reads epoch seconds and gzip', () => {
    const file = join(dir, 'zones.csv.gz');
    writeFileSync(file, gzipSync('user_id,timestamp,event\nu1,2024-01-01 10:00:00,a\nu1,2024-01-01T10:00:00+02:00,b\nu2,1704103200,a\n'));
    const run = journey(['measure', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/have no time zone and are read as UTC/);
    const result = JSON.parse(run.stdout) as MeasureResult;
    // +02:00 is 08:00 UTC, before the zoneless 10:00: the route is b, a.
    expect(result.variants.top.map((v) => v.steps.join(','))).toContain('b,a');
    expect(result.first).toBe('2024-01-01T08:00:00.000Z');
  });

  it('counts rows without a user id when there are many (the ASOF NULL-key trap past 64 rows cannot match them)', () => {
    const file = join(dir, 'nulls.csv');
    const rows = ['user_id,timestamp,event'];
    for (let i = 0; i < 200; i++)
      rows.push(`${i % 3 === 0 ? '' : `u${i % 7}`},2024-01-01T${String(i % 24).padStart(2, '0')}:00:00Z,${i % 2 === 0 ? 'a' : 'b'}`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const result = measureJson([file, '--funnel', 'a,b']);
    expect(result.excluded[0]).toMatchObject({ rows: 67 });
    expect(result.users).toBe(7);
    expect(result.funnel![0]!.users).toBeLessThanOrEqual(7);
  });

  it('a malformed CSV and a truncated gzip are one line', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'user_id,timestamp,event\nu1,2024-01-01,"open quote\n');
    const run = journey(['measure', bad]);
    expect([0, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const gz = join(dir, 'cut.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(CLICKSTREAM)).subarray(0, 60));
    inputError([gz], /cut\.csv\.gz/);
  });
});

describe('journey measure --emit-sql and --results', () => {
  it('prints SQL for every dialect, quoting what the inventory and flags name', () => {
    for (const dialect of DIALECTS) {
      const run = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL, '--emit-sql', dialect]);
      expect(run.code, `${dialect}: ${run.stderr}`).toBe(0);
      expect(run.stdout, dialect).toMatch(/^-- journey measure/);
      expect(run.stdout, dialect).toContain('UNION ALL');
    }
    const table = journey(['measure', 'analytics.events', '--user', 'uid', '--time', 'ts', '--event', "it's", '--emit-sql', 'bigquery']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('`analytics`.`events`');
    expect(table.stdout).toContain("`it's`");
    expect(journey(['measure', 'analytics.events', '--emit-sql', 'postgres']).stderr).toMatch(/name its columns with --user, --time, --event/);
  });

  it('the DuckDB SQL run on the log as a table, rendered with --results, gives the figures journey measure computes', async () => {
    const sql = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL, '--emit-sql', 'duckdb']).stdout;
    const engine = await DuckEngine.open({ threads: 1 });
    const results = join(dir, 'results.csv');
    try {
      await engine.run(`CREATE TABLE events AS SELECT * FROM read_csv('${join(root, CLICKSTREAM)}', all_varchar = true)`);
      await engine.run(
        `COPY (${sql
          .replace(/^--.*$/gm, '')
          .trim()
          .replace(/;$/, '')}) TO '${results}' (HEADER, DELIMITER ',')`,
      );
    } finally {
      await engine.close();
    }
    const fromWarehouse = measureJson([CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL, '--results', results]);
    const direct = measureJson([CLICKSTREAM, '--inventory', INVENTORY, ...FUNNEL]);
    expect(fromWarehouse.touchpoints).toEqual(direct.touchpoints);
    expect(fromWarehouse.funnel).toEqual(direct.funnel);
    expect(fromWarehouse.variants).toEqual(direct.variants);
    expect(fromWarehouse.segments).toEqual(direct.segments);
    expect(fromWarehouse.findings.map((f) => f.ruleId)).toEqual(direct.findings.map((f) => f.ruleId));
  });

  it('a results file that is not journey SQL results is one line', () => {
    const file = join(dir, 'wrong.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    inputError([CLICKSTREAM, '--results', file], /no "kind" column/);
  });
});

describe('--metrics: audit, report and map on measured figures', () => {
  const metrics = join(dir, 'measured.csv');
  const write = () => {
    const run = journey(['measure', CLICKSTREAM, '--inventory', INVENTORY, '--goal', 'purchase', '--write-metrics', metrics, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
  };

  it('audit finds friction in measured drop-off the inventory has no column for, and notes what it filled', () => {
    write();
    const before = readFileSync(INVENTORY, 'utf8');
    const plain = journey(['audit', INVENTORY, '-f', 'json']);
    expect(JSON.parse(plain.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'friction-point')).toEqual([]);
    const run = journey(['audit', INVENTORY, '--metrics', metrics, '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const friction = JSON.parse(run.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'friction-point');
    expect(friction.map((f: { message: string }) => f.message)).toEqual([
      '"Pricing page" is a friction point: measured drop-off 33.3% (limit 30%)',
      '"Checkout" is a friction point: measured drop-off 80% (limit 30%)',
    ]);
    expect(friction[0].related).toContainEqual(expect.objectContaining({ file: metrics, row: 3 }));
    expect(run.stderr).toContain(`note: ${metrics}: measured figures filled in for 5 of 5 touchpoints`);
    expect(readFileSync(INVENTORY, 'utf8')).toBe(before);
  });

  it('report and map say which figures were measured', () => {
    write();
    const report = journey(['report', INVENTORY, '--metrics', metrics]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('measured drop-off 80%');
    const map = journey(['map', INVENTORY, '--metrics', metrics, '--format', 'svg']);
    expect(map.code, map.stderr).toBe(0);
    expect(map.stdout).toContain('>80% (measured)<');
    const html = journey(['map', INVENTORY, '--metrics', metrics]).stdout;
    expect(html).toContain('>80% (measured)<');
    expect(html).toContain('["Drop-off","80% (measured)"]');
  });

  it('a row no touchpoint matches is a note; a bad metrics file is one line naming its line, exit 2', () => {
    const odd = join(dir, 'odd-metrics.csv');
    writeFileSync(odd, 'Touchpoint,Drop-off rate\nCheckout,50%\nNo such touchpoint,10%\n');
    const run = journey(['audit', INVENTORY, '--metrics', odd, '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`note: ${odd}: 1 row matches no touchpoint of the inventory: "No such touchpoint" (line 3)`);
    const bad = join(dir, 'bad-metrics.csv');
    writeFileSync(bad, 'Touchpoint,Drop-off rate\nCheckout,half\n');
    for (const command of ['audit', 'report', 'map']) {
      const failed = journey([command, INVENTORY, '--metrics', bad]);
      expect(failed.code, failed.stderr).toBe(2);
      expect(failed.stderr).toBe(`journey: ${bad}:2: Drop-off rate "half" is not a rate (41%, 0.41)\n`);
    }
    const missing = journey(['audit', INVENTORY, '--metrics', join(dir, 'none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(journey(['audit', INVENTORY, 'fixtures/sample-inventory.csv', '--metrics', metrics]).stderr).toContain(
      '--metrics: goes with one inventory file, not 2',
    );
  });
});

describe("the config's events map", () => {
  const folder = mkdtempSync(join(tmpdir(), 'journey-measure-config-'));
  const inventory = join(folder, 'inventory.csv');
  const configFile = join(folder, 'journey.config.json');
  writeFileSync(inventory, readFileSync(INVENTORY));
  const withConfig = (events: unknown) => writeFileSync(configFile, JSON.stringify({ events }));

  it('measures a touchpoint it names by its events instead of the Event cell, and says a name no touchpoint has', () => {
    withConfig({ 'sign-up FORM': 'page_view', 'Welcome email': ['email_open', 'persona=Admin'], Webinar: 'webinar_join' });
    const run = journey(['measure', CLICKSTREAM, '--inventory', inventory, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    // The same as an inventory whose Event cells say so: the config wins over the cells of the touchpoints it names.
    const edited = join(dir, 'edited-inventory.csv');
    writeFileSync(edited, readFileSync(INVENTORY, 'utf8').replace(',signup', ',page_view').replace(',email_open', ',"email_open, persona=Admin"'));
    const same = measureJson([CLICKSTREAM, '--inventory', edited]);
    const result = JSON.parse(run.stdout) as MeasureResult;
    expect(result.touchpoints).toEqual(same.touchpoints);
    expect(result.touchpoints).not.toEqual(measureJson([CLICKSTREAM, '--inventory', INVENTORY]).touchpoints);
    expect(run.stderr).toContain(`note: ${configFile}: events names "Webinar", which is no touchpoint of ${inventory}`);
  });

  it('a column the log lacks is one line naming the config entry; a bad entry is a config error', () => {
    withConfig({ Checkout: 'plan=pro' });
    let run = journey(['measure', CLICKSTREAM, '--inventory', inventory]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^journey: .*journey\.config\.json events\["Checkout"\]: the log .* has no column "plan"/);
    withConfig({ Checkout: 42 });
    run = journey(['measure', CLICKSTREAM, '--inventory', inventory]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/events\.Checkout/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('journey inspect on an event log', () => {
  it('shows the columns journey measure uses with their evidence, what the log holds, and the command to run', () => {
    const run = journey(['inspect', CLICKSTREAM]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('An event log (CSV), one row per customer event');
    expect(run.stdout).toMatch(/user +"user_id" by its name: 8 distinct ids in \d+ sampled rows/);
    expect(run.stdout).toMatch(/time +"timestamp" by its name: \d+% of \d+ sampled values read as times/);
    expect(run.stdout).toContain('28 rows: 25 events of 8 users, from 2024-03-01T08:00:00.000Z to 2024-03-22T12:00:00.000Z');
    expect(run.stdout).toContain('1 row without a user id (user_id) left out');
    expect(run.stdout).toContain('"ad_click" ×8 (7 users)');
    expect(run.stdout).toContain(`journey measure ${CLICKSTREAM}\n`);
    // The same figures journey measure reads.
    const measured = measureJson([CLICKSTREAM]);
    const json = journey(['inspect', 'fixtures/measure/process.xes', CLICKSTREAM, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const [xes, csv] = JSON.parse(json.stdout).files;
    expect(xes.eventLog.columns.map((c: { column: string | null }) => c.column)).toEqual(['case:concept:name', 'time:timestamp', 'concept:name', null]);
    expect({ users: csv.eventLog.users, events: csv.eventLog.events, first: csv.eventLog.first }).toEqual({
      users: measured.users,
      events: measured.events,
      first: measured.first,
    });
  });

  it('names a column found by its values in the command, and leaves a table that is no log refused', () => {
    const named = join(dir, 'named-log.csv');
    writeFileSync(named, 'user_id,timestamp,what\na,2024-01-01T10:00:00Z,open\na,2024-01-02T10:00:00Z,click\nb,2024-01-03T10:00:00Z,open\n');
    const run = journey(['inspect', named]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`journey measure ${named} --event what`);
    // A CSV must be a log by its header: a metrics export with a date column and repeating campaigns stays refused.
    const metrics = join(dir, 'campaigns.csv');
    writeFileSync(metrics, 'date,campaign,clicks,cost\n2024-01-01,a,3,1\n2024-01-02,b,4,2\n2024-01-02,a,1,2\n');
    const refused = journey(['inspect', metrics]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).not.toContain('event log (CSV)');
    const broken = join(dir, 'broken.parquet');
    writeFileSync(broken, 'PAR1 not really');
    const failed = journey(['inspect', broken]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('cannot be read as parquet');
  });
});
