import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Argument, Command, CommanderError, Option } from 'commander';
import { ConfigError, InputError } from '../errors.js';
import { terminalLine, terminalLines } from '../escape.js';
import { CONFIG_FILE_NAME, ConfigResolver } from '../config/load.js';
import { runAudit as runApiAudit } from '../api/run.js';
import type { AuditOptions } from '../engine/audit.js';
import { applyBaseline, baselineText, readBaseline } from '../engine/baseline.js';
import type { AuditResult } from '../engine/result.js';
import { recount } from '../engine/summary.js';
import { nearest } from '../model/text.js';
import { FORMATTERS, MACHINE_FORMATS, loadReportFormatter, type Formatter } from '../formatters/index.js';
import { RULES, findRule } from '../rules/index.js';
import { shouldColor } from './color.js';
import { defaultFormat, wrapWidth } from './terminal.js';
import { plural } from '../english.js';
import { registerDiff } from './diff.js';
import { type InputFlags, inputOptions } from './flags.js';
import { registerInspect } from './inspect.js';
import { defineMapCommand, runMap, type MapFlags } from './map.js';
import { checkOutputs, ensureFolderOf, writeAtomically, writeFileAtomically, type PlannedOutput } from './outputs.js';
import { resolvedConfigJson } from './print-config.js';
import { explainText, rulesTable } from './rule-help.js';
import { journeyVersion } from '../version.js';

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 } as const;
type FailOn = keyof typeof SEVERITY_RANK | 'never';

interface AuditFlags extends InputFlags {
  /** Unset: stylish for a terminal, compact otherwise. */
  format?: string;
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
  exitZero?: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** Unset: append to GITHUB_STEP_SUMMARY only with --format github. */
  stepSummary?: boolean;
}

const debugRequested = process.argv.includes('--debug');

/** The exit code for a result: input errors win, then --exit-zero, then findings at or above --fail-on, then --max-warnings. */
export function exitCodeFor(result: AuditResult, flags: Pick<AuditFlags, 'failOn' | 'maxWarnings' | 'exitZero'>): number {
  if (result.summary.inputErrors > 0) return EXIT.usage;
  if (flags.exitZero) return EXIT.clean;
  if (flags.maxWarnings !== undefined && result.summary.warnings > flags.maxWarnings) return EXIT.findings;
  if (flags.failOn === 'never') return EXIT.clean;
  const threshold = SEVERITY_RANK[flags.failOn];
  return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT.findings : EXIT.clean;
}

/** How auditFiles runs: the overview for the report, the files the command will write, other files it reads, a model hook. */
interface AuditRun {
  overview: boolean;
  outputs: PlannedOutput[];
  alsoRead?: string[];
  onModel?: AuditOptions['onModel'];
}

/**
 * Expands the file arguments and audits them with the config each one resolves to. Before anything is
 * written, the files the run will write are checked against every file it read.
 */
async function auditFiles(files: string[], flags: InputFlags, run: AuditRun): Promise<AuditResult> {
  const notes: string[] = [];
  const targets = files.map((file) => (file === '-' ? { stream: process.stdin, name: flags.stdinFilename } : file));
  // Through the programmatic API's runner (src/api/run.ts), as a library user's audit() goes.
  const { result, inputs, configFiles } = await runApiAudit(targets, { configFile: flags.config, sheets: flags.sheet, readTimeoutSeconds: flags.readTimeout, overview: run.overview, onModel: run.onModel, notes });
  for (const note of notes) process.stderr.write(`journey: note: ${terminalLine(note)}\n`);
  const read = inputs.flatMap((input) => ('path' in input ? [input.path] : []));
  await checkOutputs(run.outputs, [...read, ...configFiles, ...(run.alsoRead ?? [])], flags.force === true);
  for (const file of result.files) if (file.error !== null) process.stderr.write(`journey: ${terminalLine(file.error)}\n`);
  return result;
}

/** The files a command writes: -o, and for audit --write-baseline. */
function plannedOutputs(flags: InputFlags & { writeBaseline?: string }): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  if (flags.output !== undefined) outputs.push({ option: '-o', path: flags.output });
  if (flags.writeBaseline !== undefined) outputs.push({ option: '--write-baseline', path: flags.writeBaseline });
  return outputs;
}

/** Writes text to a stream, waiting when it is full; false once the reader has gone (a closed pipe: journey … | head). */
async function writeAll(stream: NodeJS.WritableStream & { destroyed?: boolean }, output: string | Iterable<string>, onError: (error: NodeJS.ErrnoException) => Error | null): Promise<boolean> {
  let closed = false;
  const failed = new Promise<void>((resolve, reject) =>
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const failure = onError(error);
      closed = true;
      if (failure === null) resolve();
      else reject(failure);
    }),
  );
  // Awaited only while waiting on the stream; an error at another moment must not go unhandled.
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (closed || stream.destroyed) return;
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  if (typeof output === 'string') await write(output);
  else {
    // Pieces are batched into writes of ~64 KB (docs/design.md, Output is streamed).
    let buffer = '';
    for (const piece of output) {
      if (closed) break;
      buffer += piece;
      if (buffer.length >= 1 << 16) {
        await write(buffer);
        buffer = '';
      }
    }
    await write(buffer);
  }
  if (closed) await failed;
  return !closed;
}

/**
 * Writes a rendered report (a string or its pieces) to -o FILE, whole or not at all, or to stdout. A
 * closed stdout ends the writing quietly; the run still exits with the code its findings give.
 */
async function emit(output: string | Iterable<string>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    await writeAll(process.stdout, output, (error) => (error.code === 'EPIPE' ? null : error));
    return;
  }
  await ensureFolderOf('-o', file);
  const cannotWrite = (error: NodeJS.ErrnoException) => new ConfigError(`-o ${file}: cannot be written (${error.code})`, { cause: error });
  await writeAtomically(file, async (temporary) => {
    const stream = createWriteStream(temporary, { flags: 'wx' });
    await writeAll(stream, output, cannotWrite);
    stream.end();
    await new Promise<void>((resolve, reject) => {
      stream.once('error', (error: NodeJS.ErrnoException) => reject(cannotWrite(error)));
      stream.once('close', resolve);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw error instanceof ConfigError ? error : cannotWrite(error);
  });
}

/** How a format renders: colors and wrapping only for a terminal (COLUMNS respected), never into an -o file. */
function renderOptions(format: string, output?: string, failOn?: FailOn) {
  const toFile = output !== undefined;
  return { color: !toFile && !MACHINE_FORMATS.has(format) && shouldColor(process.stdout), width: wrapWidth(process.stdout, toFile), cwd: process.cwd(), failOn };
}

/** The result --quiet shows: errors only, with how many findings it hid, so a quiet run never claims "No findings". */
function quietResult(result: AuditResult): AuditResult {
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const shown = recount(result, errors);
  return { ...shown, summary: { ...shown.summary, hidden: result.findings.length - errors.length } };
}

async function runAudit(files: string[], flags: AuditFlags): Promise<number> {
  const format = flags.format ?? defaultFormat(process.stdout, flags.output !== undefined);
  const loadFormatter = FORMATTERS[format];
  if (!loadFormatter) throw new ConfigError(`--format: unknown format "${format}" (expected one of ${Object.keys(FORMATTERS).join(', ')})`);
  if (flags.baseline !== undefined && flags.writeBaseline !== undefined) throw new ConfigError('--baseline and --write-baseline cannot be used together: write the baseline once, then audit against it');
  // Read the baseline first, so a bad one fails before any work.
  const baseline = flags.baseline === undefined ? null : await readBaseline(flags.baseline, (await new ConfigResolver(flags.config ?? null).forFile(null)).limits.baselineMiB);
  let result = await auditFiles(files, flags, { overview: false, outputs: plannedOutputs(flags), alsoRead: flags.baseline === undefined ? [] : [flags.baseline] });
  if (flags.writeBaseline !== undefined) {
    await writeFileAtomically('--write-baseline', flags.writeBaseline, baselineText(result));
    process.stderr.write(terminalLine(`journey: wrote ${result.findings.length} findings to the baseline ${flags.writeBaseline}; audit with --baseline ${flags.writeBaseline} to report only new ones`) + '\n');
  }
  if (baseline !== null) {
    result = applyBaseline(result, baseline);
    const { baselined = 0, fixed = 0 } = result.summary;
    process.stderr.write(`journey: ${baselined} baselined findings left out${fixed > 0 ? `; ${fixed} baselined findings are gone (fixed or changed), rewrite the baseline with --write-baseline to drop them` : ''}\n`);
  }
  const shown = flags.quiet ? quietResult(result) : result;
  const formatter: Formatter = await loadFormatter();
  // Writing a baseline accepts today's findings, so only unreadable inputs fail it; the formats agree with the exit code.
  const exitZero = flags.exitZero || flags.writeBaseline !== undefined;
  await emit(formatter(shown, { ...renderOptions(format, flags.output, exitZero ? 'never' : flags.failOn), maxWarnings: exitZero ? undefined : flags.maxWarnings }), flags.output);
  // One summary per workflow run: only the annotations step (--format github) writes one unless told
  // otherwise, so a workflow that also uploads SARIF or writes the gap report does not get two or three.
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && (flags.stepSummary ?? format === 'github')) {
    const { formatMarkdown } = await import('../formatters/markdown.js');
    const summary = formatMarkdown(shown, renderOptions('markdown'));
    await appendFile(summaryFile, typeof summary === 'string' ? summary : [...summary].join('')).catch((error: NodeJS.ErrnoException) =>
      process.stderr.write(`journey: could not append to GITHUB_STEP_SUMMARY (${error.code})\n`),
    );
  }
  const { warnings } = result.summary;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings && !exitZero && result.summary.inputErrors === 0) {
    // Said, as ESLint does, so a failing run with no error-level finding is not a mystery.
    process.stderr.write(`journey: ${plural(warnings, 'warning')}, more than the maximum of ${flags.maxWarnings} (--max-warnings)\n`);
  }
  return exitCodeFor(result, { ...flags, exitZero });
}

async function runReport(files: string[], flags: InputFlags & { failOn: FailOn }): Promise<number> {
  const { figurePaths, reportJourneys } = await import('../views/map/report-figures.js');
  const journeys = new Map<string, string>();
  // Written to a file, the report links each persona's overview SVG, written beside it.
  const figures: { path: string; svg: string }[] = [];
  const place = flags.output === undefined ? null : figurePaths(flags.output);
  const onModel: AuditOptions['onModel'] = (file, model, findings) =>
    reportJourneys({ file, model, findings, fileLabel: relative(process.cwd(), file) || file }, journeys, place && { add: (figure) => figures.push(figure), place });
  const result = await auditFiles(files, flags, { overview: true, outputs: plannedOutputs(flags), onModel });
  // The report's own path is answered for first: its folder is the figures' folder.
  if (flags.output !== undefined) await ensureFolderOf('-o', flags.output);
  await checkOutputs(figures.map((f) => ({ option: '-o', path: f.path })), result.files.map((f) => f.file), flags.force === true);
  for (const figure of figures) {
    await writeFileAtomically('-o', figure.path, figure.svg);
    process.stderr.write(`${terminalLine(`journey: wrote ${figure.path}`)}\n`);
  }
  const formatter = await loadReportFormatter();
  await emit(formatter(result, { ...renderOptions('markdown'), journeys }), flags.output);
  return exitCodeFor(result, flags);
}

function unknownRule(id: string): ConfigError {
  const near = nearest(id, RULES.map((rule) => rule.id));
  return new ConfigError(`no rule "${id}"${near ? `; did you mean "${near}"?` : ''} (journey rules lists them)`);
}

function buildProgram(): Command {
  const program = new Command('journey')
    .description('Audit a communication inventory for customer-journey gaps')
    .version(journeyVersion(), '-v, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(terminalLines(text)) });
  const configOption = () => new Option('-c, --config <file>', `config file to use instead of the nearest ${CONFIG_FILE_NAME}, journey.config.jsonc or package.json "journey" key`);

  inputOptions(
    program
      .command('audit')
      .description('audit inventories (.xlsx, .csv, .tsv, folders; - reads CSV from stdin)')
      .argument('<files...>', 'inventory files or folders')
      .addOption(new Option('-f, --format <name>', 'output format (default: stylish in a terminal, compact — one line per finding — otherwise)').choices(Object.keys(FORMATTERS)))
      .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
      .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', (value) => {
        if (!/^\d+$/.test(value)) throw new ConfigError(`--max-warnings: expected a whole number ≥ 0, got "${value}"`);
        return Number(value);
      })
      .option('--quiet', 'report errors only (the summary says how many warnings and infos it hid)')
      .option('--step-summary', 'append a findings table to $GITHUB_STEP_SUMMARY (the default with --format github only)')
      .option('--no-step-summary', 'never append to $GITHUB_STEP_SUMMARY')
      .option('--exit-zero', 'exit 0 even when there are findings (input and config errors still exit 2)')
      .option('--baseline <file>', 'report and fail only on findings not in this baseline')
      .option('--write-baseline <file>', "record today's findings as the baseline, then exit 0"),
  ).action(async (files: string[], flags: AuditFlags) => {
    process.exitCode = await runAudit(files, flags);
  });

  inputOptions(
    program
      .command('report')
      .description('write a markdown gap report: coverage per persona, stage tables, handoff timelines, findings by stage, action items')
      .argument('<files...>', 'inventory files or folders')
      .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('never')),
  ).action(async (files: string[], flags: InputFlags & { failOn: FailOn }) => {
    process.exitCode = await runReport(files, flags);
  });

  registerDiff(program, emit);
  registerInspect(program, emit);

  inputOptions(defineMapCommand(program.command('map'))).action(async (files: string[], flags: MapFlags) => {
    process.exitCode = await runMap(files, flags);
  });

  program
    .command('rules')
    .description('list every rule: id, default severity, whether the current config turns it on, description')
    .addOption(configOption())
    .action(async (flags: { config?: string }) => {
      const config = await new ConfigResolver(flags.config ?? null).forFile(null);
      process.stdout.write(rulesTable(RULES, config));
    });

  program
    .command('explain')
    .description("print a rule's docs: why it matters, what triggers it, options, how to fix, an example")
    .argument('<rule>', 'rule id')
    .addOption(configOption())
    .action(async (id: string, flags: { config?: string }) => {
      const rule = findRule(id);
      if (!rule) throw unknownRule(id);
      const config = await new ConfigResolver(flags.config ?? null).forFile(null);
      process.stdout.write(explainText(rule, config));
    });

  program
    .command('init-config')
    .description(`write a commented starter ${CONFIG_FILE_NAME}`)
    .argument('[folder]', 'folder to write it in', '.')
    .option('--force', 'overwrite an existing config')
    .action(async (folder: string, flags: { force?: boolean }) => {
      const { schemaReference, starterConfig } = await import('../config/starter.js');
      const path = join(folder, CONFIG_FILE_NAME);
      try {
        await writeAtomically(path, (temporary) => writeFile(temporary, starterConfig(schemaReference(folder)), { flag: 'wx' }), { replace: flags.force === true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ConfigError(`${path} already exists; edit it, or pass --force to overwrite it`);
        if (code === 'ENOENT') throw new ConfigError(`${folder}: no such folder`);
        throw new ConfigError(`${path}: cannot be written (${code})`);
      }
      process.stderr.write(`journey: wrote ${terminalLine(relative(process.cwd(), path) || path)}\n`);
    });

  program
    .command('init')
    .description('write a starter inventory workbook with dropdowns (or a clean copy of an inventory with --from)')
    .argument('[file]', 'the .xlsx (or .csv) to write (default inventory.xlsx)')
    .option('--personas <names>', 'one sheet per persona, comma-separated (default: the config\'s personas, else one "Persona" sheet)')
    .option('--example', 'fill in the sample inventory from the README instead of empty rows')
    .option('--csv', 'write a CSV template with the same columns')
    .option('--from <file>', 'copy this inventory into the template: canonical columns, normalized values, unknown values highlighted')
    .option('--force', 'overwrite the file if it exists')
    .addOption(configOption())
    .action(async (file: string | undefined, flags: import('./init.js').InitFlags) => {
      const { runInit } = await import('./init.js');
      process.exitCode = await runInit(file, flags, (line) => process.stderr.write(`${line}\n`));
    });

  program
    .command('print-config')
    .description('print the resolved config (defaults merged in) that applies to an inventory')
    .argument('<file>', 'inventory file whose config to show')
    .addOption(configOption())
    .action(async (file: string, flags: { config?: string }) => {
      const config = await new ConfigResolver(flags.config ?? null).forFile(file);
      process.stdout.write(`${JSON.stringify(resolvedConfigJson(config), null, 2)}\n`);
    });
  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish (e.g. source <(journey completion bash))')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./completion.js');
      // Generated from this very program, so every command, option and choice is in it; explain completes rule ids.
      process.stdout.write(completionScript(shell, program, { rule: RULES.map((rule) => rule.id) }));
    });
  return program;
}

async function main(): Promise<void> {
  // Keeps a million-row audit's peak under 1 GB; V8 reads it at each collection (docs/design.md, Memory).
  setFlagsFromString('--heap-growing-percent=30');
  // A closed pipe (journey audit … | head) stops the output, not the run: the exit code stays the one the
  // findings give, so `set -o pipefail` gates still work. What is left to write is dropped.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.clean : EXIT.usage;
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`journey: ${terminalLine(error.describe())}\n`);
    } else if (error instanceof ConfigError) {
      process.stderr.write(`journey: ${terminalLine(error.message)}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`journey: unexpected error: ${terminalLine(message)}${debugRequested ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debugRequested && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.usage;
  }
}

// Not awaited at the top level: the bundle runs as a CommonJS script (src/boot/code-cache.ts).
void main();
