import { Command, CommanderError, Option } from 'commander';
import { ConfigError, InputError } from '../errors.js';
import { DEFAULT_CONFIG } from '../config/schema.js';
import { audit, type AuditInput } from '../engine/audit.js';
import type { AuditResult } from '../engine/result.js';
import { FORMATTERS, MACHINE_FORMATS } from '../formatters/index.js';
import { shouldColor } from './color.js';
import { expandInputs } from './inputs.js';

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 } as const;
type FailOn = keyof typeof SEVERITY_RANK | 'never';

interface AuditFlags {
  format: string;
  failOn: FailOn;
  sheet?: string[];
  stdinFilename: string;
  readTimeout: number;
  debug?: boolean;
}

const debugRequested = process.argv.includes('--debug');

/** The exit code for a result: input errors win, then findings at or above the threshold. */
export function exitCodeFor(result: AuditResult, failOn: FailOn): number {
  if (result.summary.inputErrors > 0) return EXIT.usage;
  if (failOn === 'never') return EXIT.clean;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT.findings : EXIT.clean;
}

async function runAudit(files: string[], flags: AuditFlags): Promise<number> {
  const loadFormatter = FORMATTERS[flags.format];
  if (!loadFormatter) throw new ConfigError(`--format: unknown format "${flags.format}" (expected one of ${Object.keys(FORMATTERS).join(', ')})`);
  const inputs: AuditInput[] = files.includes('-') ? [{ stream: process.stdin, name: flags.stdinFilename }] : [];
  inputs.push(...(await expandInputs(files.filter((file) => file !== '-'))));
  const result = await audit(inputs, { config: DEFAULT_CONFIG, sheets: flags.sheet, timeLimitMs: flags.readTimeout * 1000 });
  for (const file of result.files) if (file.error !== null) process.stderr.write(`journey: ${file.error}\n`);
  const formatter = await loadFormatter();
  const color = !MACHINE_FORMATS.has(flags.format) && shouldColor(process.stdout);
  process.stdout.write(formatter(result, { color, width: process.stdout.columns ?? 100 }));
  return exitCodeFor(result, flags.failOn);
}

function buildProgram(): Command {
  const program = new Command('journey')
    .description('Audit a communication inventory for customer-journey gaps')
    .version('0.1.0')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('audit')
    .description('audit inventories (.xlsx, .csv, .tsv, folders; - reads CSV from stdin)')
    .argument('<files...>', 'inventory files or folders')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--sheet <name>', 'audit only this sheet (repeatable; also reads hidden sheets)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--stdin-filename <name>', 'name used for stdin in locations', 'stdin.csv')
    .option('--read-timeout <seconds>', 'give up reading a workbook after this many seconds', (value) => {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--read-timeout: expected a positive number of seconds, got "${value}"`);
      return seconds;
    }, 30)
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (files: string[], flags: AuditFlags) => {
      process.exitCode = await runAudit(files, flags);
    });
  return program;
}

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.clean : EXIT.usage;
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`journey: ${error.describe()}\n`);
    } else if (error instanceof ConfigError) {
      process.stderr.write(`journey: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`journey: unexpected error: ${message}${debugRequested ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debugRequested && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.usage;
  }
}

await main();
