import { readFile, stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { ConfigError, InputError } from '../../errors.js';
import type { JourneyModel } from '../../model/schema.js';
import { nearest } from '../../model/text.js';
import { ConfigResolver } from '../../config/load.js';
import { readInventory as readInventoryModel } from '../../engine/pipeline.js';
import type { Role } from '../../measure/columns.js';
import { DIALECTS, type DialectName } from '../../vocab/sql-dialects.js';
import type { FindingOptions } from '../../measure/build.js';
import type { GoalPlan, InventoryPlan } from '../../measure/plan.js';
import type { MeasureResult } from '../../measure/result.js';
import type { LogReading } from '../../measure/run.js';
import type { MetricSpec } from '../../measure/spec.js';
import { checkOutputs, emit, type PlannedOutput, writeFileAtomically } from '../outputs.js';
import { note } from '../say.js';

// The command's modules load when it runs: journey audit's start-up never reads them (nor DuckDB).
const FORMATS = ['stylish', 'json', 'markdown', 'html'] as const;
const DEFAULT_UNPLANNED_SHARE = 0.05;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 } as const;

export interface MeasureFlags {
  inventory?: string;
  user?: string;
  time?: string;
  event?: string;
  segment?: string;
  timeFormat?: string;
  goal?: string;
  funnel?: string;
  window?: string;
  format: (typeof FORMATS)[number];
  output?: string;
  engine: 'duckdb' | 'clickhouse';
  clickhouseUrl?: string;
  emitSql?: DialectName;
  table?: string;
  results?: string;
  writeMetrics?: string;
  failOn: (typeof FAIL_ON)[number];
  top: number;
  segments: number;
  unplannedShare: number;
  memoryLimit?: string;
  threads?: number;
  config?: string;
  force?: boolean;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** A window such as 7d, 36h, 90min, 2w as milliseconds. */
export function parseWindow(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|min|m|h|d|w)\s*$/i.exec(text);
  if (!match) throw new ConfigError(`--window: expected a number and a unit (30min, 36h, 7d, 2w), got "${text}"`);
  const ms = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  if (ms <= 0) throw new ConfigError(`--window: must be longer than 0, got "${text}"`);
  return Math.round(ms);
}

function whole(flag: string, min: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigError(`${flag}: expected a whole number ≥ ${min}, got "${value}"`);
    return Number(value);
  };
}

export function registerMeasure(program: Command): void {
  program
    .command('measure')
    .description(
      'measure the journey customers walk from an event log (CSV/TSV, gzip, Parquet, JSON lines, XES): reach, drop-off, conversion, routes, funnels, against the inventory',
    )
    .argument('<events>', 'the event log (with --emit-sql: a sample of it, or the name of the warehouse table)')
    .option('--inventory <file>', 'the inventory to join: touchpoints by their Event column (event names or COLUMN=value), else by their names')
    .option('--user <column>', 'the user (case) id column (found by name or content otherwise)')
    .option('--time <column>', 'the time column')
    .option('--event <column>', 'the event name column')
    .option('--segment <column>', 'figures per value of this column (a persona column is used by itself), each against everyone else')
    .option('--time-format <format>', 'strptime format of the time column, when it is not ISO 8601 or epoch seconds (e.g. "%d/%m/%Y %H:%M")')
    .option('--goal <goal>', 'the goal: an event name, a touchpoint of the inventory, or COLUMN=value (interaction=conversion)')
    .option('--funnel <steps>', 'funnel steps in order, comma-separated touchpoint (or event) names')
    .option('--window <duration>', 'every funnel step within this time of the step-1 event that starts the attempt (30min, 36h, 7d)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .addOption(
      new Option(
        '--engine <name>',
        'the engine that runs the metrics: DuckDB embedded, or ClickHouse in process (chdb, when installed; on a server with --clickhouse-url)',
      )
        .choices(['duckdb', 'clickhouse'])
        .default('duckdb'),
    )
    .addOption(
      new Option('--emit-sql <dialect>', 'print the SQL of every metric for this dialect instead of running it, to run where the events live').choices(
        DIALECTS,
      ),
    )
    .option(
      '--clickhouse-url <url>',
      'run the ClickHouse SQL on this server (http[s]://[user:password@]host:port[/database]; or $CLICKHOUSE_USER, $CLICKHOUSE_PASSWORD): EVENTS (or --table) is the table the events are in',
    )
    .option('--table <name>', 'with --emit-sql or --clickhouse-url: the table the events are in (default: events for --emit-sql, EVENTS for --clickhouse-url)')
    .option('--results <file>', "render what the warehouse returned for --emit-sql's query (CSV or JSON lines), with the same flags")
    .option('--write-metrics <file>', 'write per-touchpoint measured figures (reach, drop-off, conversion) as a CSV keyed like the inventory')
    .addOption(new Option('--fail-on <severity>', 'lowest severity of a finding that makes the exit code 1').choices(FAIL_ON).default('error'))
    .option('--top <count>', 'routes listed by name (the rest are counted as other routes)', whole('--top', 1), 10)
    .option('--segments <count>', 'segment values given their own figures (the largest; the rest are counted)', whole('--segments', 1), 10)
    .option(
      '--unplanned-share <fraction>',
      'report an event the inventory lacks when at least this share of users meet it',
      (value) => {
        const share = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
        if (!Number.isFinite(share) || share < 0 || share > 1) throw new ConfigError(`--unplanned-share: expected a share 0–1 or a percentage, got "${value}"`);
        return share;
      },
      DEFAULT_UNPLANNED_SHARE,
    )
    .option('--memory-limit <size>', "DuckDB's memory limit before it spills to disk (e.g. 4GB; default half the machine's memory)")
    .option('--threads <count>', 'DuckDB threads (default: every core)', whole('--threads', 1))
    .option('-c, --config <file>', 'config file for reading the inventory')
    .option('--force', 'replace an existing output file journey did not write (never an input)')
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (events: string, flags: MeasureFlags) => {
      process.exitCode = await runMeasure(events, flags);
    });
}

/** The inventory's model, read as every command reads one (load → model), with the config that applies to it. */
async function readInventory(file: string, flags: MeasureFlags): Promise<{ plan: InventoryPlan; model: JourneyModel }> {
  const config = await new ConfigResolver(flags.config ?? null).forFile(file);
  const { model } = await readInventoryModel({ path: file }, config);
  if (model.touchpoints.length === 0) throw new InputError({ file }, 'no touchpoints in this inventory');
  const { inventoryPlan } = await import('../../measure/plan.js');
  const { unknown, ...plan } = inventoryPlan(file, model, { file: config.file, events: config.events });
  // A config may serve several inventories: a name this one lacks is said, not an error.
  for (const name of unknown) {
    const near = nearest(
      name,
      plan.touchpoints.map((tp) => tp.name),
    );
    note(`${config.file ?? 'config'}: events names "${name}", which is no touchpoint of ${file}${near ? `; did you mean "${near}"?` : ''}`);
  }
  return { plan, model };
}

function goalPlan(
  text: string | undefined,
  plan: InventoryPlan | null,
  parsePredicates: typeof import('../../measure/plan.js').parsePredicates,
): GoalPlan | null {
  if (text === undefined || text.trim() === '') return null;
  const goal = text.trim();
  const touchpoint = plan?.touchpoints.find((tp) => tp.name.toLowerCase() === goal.toLowerCase());
  if (touchpoint) return { label: touchpoint.name, predicates: touchpoint.predicates, touchpoint: touchpoint.name };
  const predicates = parsePredicates(goal);
  if (predicates.length !== 1) throw new ConfigError(`--goal: one event name or COLUMN=value, got "${text}"`);
  return { label: goal, predicates, touchpoint: null };
}

function funnelSteps(text: string | undefined, plan: InventoryPlan | null, goal: GoalPlan | null): string[] | null {
  if (text === undefined) return null;
  const steps = text
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '');
  if (steps.length === 0) throw new ConfigError('--funnel: name at least one step');
  const resolved = steps.map((step) => {
    if (plan === null) return step;
    const names = [...plan.touchpoints.map((tp) => tp.name), ...(goal && goal.touchpoint === null ? [goal.label] : [])];
    const found = names.find((name) => name.toLowerCase() === step.toLowerCase());
    if (found === undefined) {
      const near = nearest(step, names);
      throw new ConfigError(`--funnel: "${step}" is no touchpoint of the inventory${near ? `; did you mean "${near}"?` : ''}`);
    }
    return found;
  });
  const seen = new Set<string>();
  for (const step of resolved) {
    if (seen.has(step)) throw new ConfigError(`--funnel: "${step}" is named twice; each step is a different touchpoint`);
    seen.add(step);
  }
  return resolved;
}

async function runMeasure(events: string, flags: MeasureFlags): Promise<number> {
  if (flags.emitSql !== undefined && flags.results !== undefined)
    throw new ConfigError('--emit-sql and --results cannot be used together: emit the SQL, run it, then render its results with --results');
  if (flags.clickhouseUrl !== undefined && (flags.emitSql !== undefined || flags.results !== undefined))
    throw new ConfigError(`--clickhouse-url runs the SQL on the server: it cannot go with ${flags.emitSql !== undefined ? '--emit-sql' : '--results'}`);
  if (flags.window !== undefined && flags.funnel === undefined) throw new ConfigError('--window applies to a funnel: name its steps with --funnel');
  const windowMs = flags.window === undefined ? null : parseWindow(flags.window);
  const inventory = flags.inventory === undefined ? null : await readInventory(flags.inventory, flags);
  const plan = inventory?.plan ?? null;
  const { parsePredicates } = await import('../../measure/plan.js');
  const { DEFAULT_FINDING_OPTIONS, buildResult } = await import('../../measure/build.js');
  const goal = goalPlan(flags.goal, plan, parsePredicates);
  const steps = funnelSteps(flags.funnel, plan, goal);
  const columns: Partial<Record<Role, string>> = {};
  for (const role of ['user', 'time', 'event', 'segment'] as const) if (flags[role] !== undefined) columns[role] = flags[role];
  const spec: MetricSpec = {
    steps,
    windowMs,
    goal: goal !== null,
    topVariants: flags.top,
    segments: 0,
    stages: plan !== null && plan.stages.length > 0,
    inventory: plan !== null,
    unplannedLimit: 100,
  };

  if (flags.emitSql !== undefined) return emitSql(events, flags, columns, plan, goal, spec);

  const outputs: PlannedOutput[] = [];
  if (flags.output !== undefined) outputs.push({ option: '-o', path: flags.output });
  if (flags.writeMetrics !== undefined) outputs.push({ option: '--write-metrics', path: flags.writeMetrics });
  await checkOutputs(outputs, [events, ...(flags.inventory ? [flags.inventory] : []), ...(flags.results ? [flags.results] : [])], flags.force === true);

  let result: MeasureResult;
  const findingOptions = { ...DEFAULT_FINDING_OPTIONS, unplannedShare: flags.unplannedShare };
  if (flags.results !== undefined) {
    result = await fromResults(flags.results, flags, await sqlColumns(events, columns, flags), plan, goal, spec, findingOptions, buildResult);
  } else {
    const { measureWithDuckdb } = await import('../../measure/run.js');
    // Segments: the flag's column, else a persona column the log has (found with the other columns).
    const segmented = { ...spec, segments: flags.segments };
    const readOptions = { columns, timeFormat: flags.timeFormat, memoryLimit: flags.memoryLimit, threads: flags.threads };
    const run =
      flags.clickhouseUrl !== undefined
        ? await (await import('../../measure/chdb.js')).measureOnClickHouseServer(
            flags.clickhouseUrl,
            flags.table ?? events,
            readOptions,
            plan,
            goal,
            segmented,
          )
        : flags.engine === 'clickhouse'
          ? await (await import('../../measure/chdb.js')).measureWithChdb(events, readOptions, plan, goal, segmented)
          : await measureWithDuckdb(events, readOptions, plan, goal, segmented);
    result = buildResult({ reading: run.reading, figures: run.figures, spec: run.spec, plan, goal, windowText: flags.window ?? null, findingOptions });
  }
  for (const text of result.notes) note(text);
  for (const step of result.funnel ?? []) {
    if (plan === null && !result.touchpoints.some((tp) => tp.name === step.step)) {
      const near = nearest(
        step.step,
        result.touchpoints.map((tp) => tp.name),
      );
      note(`--funnel: no event is named "${step.step}"${near ? `; did you mean "${near}"?` : ''}`);
    }
  }
  await emit(await render(result, flags.format), flags.output);
  if (flags.writeMetrics !== undefined) {
    const { metricsCsv } = await import('../../measure/metrics-csv.js');
    const personasOf = (name: string) => [...new Set(inventory?.model.touchpoints.filter((tp) => tp.name === name).map((tp) => tp.persona) ?? [''])];
    await writeFileAtomically('--write-metrics', flags.writeMetrics, metricsCsv(result, plan, personasOf));
  }
  if (flags.failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[flags.failOn];
  return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? 1 : 0;
}

async function render(result: MeasureResult, format: MeasureFlags['format']): Promise<string> {
  if (format === 'json') {
    const { jsonStringify } = await import('../../escape.js');
    return `${jsonStringify(result, 2)}\n`;
  }
  if (format === 'html') return (await import('../../views/measure/html.js')).measureHtml(result);
  const text = await import('../../views/measure/text.js');
  return format === 'markdown' ? text.measureMarkdown(result) : text.measureStylish(result);
}

/** The columns for emitted SQL: the flags, else found in a sample file of the log. */
async function sqlColumns(
  events: string,
  columns: Partial<Record<Role, string>>,
  flags: MeasureFlags,
): Promise<{ user: string; time: string; event: string; segment: string | null; table: string }> {
  const isFile = await stat(events).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) {
    const missing = (['user', 'time', 'event'] as const).filter((role) => columns[role] === undefined);
    if (missing.length > 0)
      throw new ConfigError(
        `--${flags.results === undefined ? 'emit-sql' : 'results'}: "${events}" is no file, so it is taken as the table's name; name its columns with ${missing.map((r) => `--${r}`).join(', ')}`,
      );
    return { user: columns.user!, time: columns.time!, event: columns.event!, segment: columns.segment ?? null, table: flags.table ?? events };
  }
  const { detectLogColumns } = await import('../../measure/run.js');
  const detected = await detectLogColumns(events, columns);
  return { ...detected, table: flags.table ?? 'events' };
}

async function emitSql(
  events: string,
  flags: MeasureFlags,
  columns: Partial<Record<Role, string>>,
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
): Promise<number> {
  const { DIALECT } = await import('../../measure/dialects.js');
  const { normalizeCtes } = await import('../../measure/plan.js');
  const d = DIALECT[flags.emitSql!];
  const found = await sqlColumns(events, columns, flags);
  const { metricQuery } = await import('../../measure/sql.js');
  const withSegments = found.segment === null ? spec : { ...spec, segments: flags.segments };
  const table = found.table
    .split('.')
    .map((part) => d.id(part))
    .join('.');
  const ctes = normalizeCtes(d, table, found, d.epochMillis(d.id(found.time)), null, plan, goal);
  const header = [
    `-- journey measure: every metric of ${found.table} in ${d.name} SQL.`,
    `-- Columns: user ${found.user}, time ${found.time}, event ${found.event}${found.segment ? `, segment ${found.segment}` : ''}. Ties in time are ordered by event name (a table has no file order).`,
    '-- Run it where the events live, export the rows (CSV or JSON lines), then: journey measure --results FILE with the same flags.',
  ]
    .map((line) => line.replace(/[\r\n]/g, ' '))
    .join('\n');
  await emit(`${header}\n${metricQuery(d, withSegments, ctes)}`, flags.output);
  return 0;
}

async function fromResults(
  file: string,
  flags: MeasureFlags,
  columns: { user: string; time: string; event: string; segment: string | null },
  plan: InventoryPlan | null,
  goal: GoalPlan | null,
  spec: MetricSpec,
  findingOptions: FindingOptions,
  buildResult: typeof import('../../measure/build.js').buildResult,
): Promise<MeasureResult> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError({ file }, error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`);
  });
  const { parseMetricRows, ResultsError } = await import('../../measure/results.js');
  const { assembleFigures } = await import('../../measure/assemble.js');
  const withSegments = { ...spec, segments: flags.segments };
  let figures: ReturnType<typeof assembleFigures>;
  try {
    figures = assembleFigures(parseMetricRows(text), withSegments);
  } catch (error) {
    if (error instanceof ResultsError) throw new InputError({ file, line: error.line }, error.message);
    throw new InputError({ file }, `not the results of journey's SQL for these flags (${(error as Error).message})`);
  }
  const hasSegments = [...figures.keys()].some((key) => key.startsWith('s:'));
  const reading: LogReading = {
    file,
    format: 'results',
    columns: {
      user: columns.user,
      time: columns.time,
      event: columns.event,
      segment: hasSegments ? (columns.segment ?? 'segment') : null,
      how: { user: 'flag', time: 'flag', event: 'flag', segment: 'flag' },
    },
    rows: null,
    exclusions: [],
    notes: [],
  };
  return buildResult({ reading, figures, spec: hasSegments ? withSegments : spec, plan, goal, windowText: flags.window ?? null, findingOptions });
}
