import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, InputError } from '../errors.js';
import { CONFIG_FILE_NAME, ConfigResolver } from '../config/load.js';
import { nearest } from '../config/resolve.js';
import { audit, type AuditInput } from '../engine/audit.js';
import type { AuditResult } from '../engine/result.js';
import { FORMATTERS, MACHINE_FORMATS } from '../formatters/index.js';
import { RULES, findRule } from '../rules/index.js';
import { shouldColor } from './color.js';
import { expandInputs } from './inputs.js';
import { resolvedConfigJson } from './print-config.js';
import { explainText, rulesTable } from './rule-help.js';

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 } as const;
type FailOn = keyof typeof SEVERITY_RANK | 'never';

interface AuditFlags {
  format: string;
  failOn: FailOn;
  config?: string;
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
  const configs = new ConfigResolver(flags.config ?? null);
  const result = await audit(inputs, { configs, sheets: flags.sheet, timeLimitMs: flags.readTimeout * 1000 });
  for (const file of result.files) if (file.error !== null) process.stderr.write(`journey: ${file.error}\n`);
  const formatter = await loadFormatter();
  const color = !MACHINE_FORMATS.has(flags.format) && shouldColor(process.stdout);
  process.stdout.write(formatter(result, { color, width: process.stdout.columns ?? 100 }));
  return exitCodeFor(result, flags.failOn);
}

function unknownRule(id: string): ConfigError {
  const near = nearest(id, RULES.map((rule) => rule.id));
  return new ConfigError(`no rule "${id}"${near ? `; did you mean "${near}"?` : ''} (journey rules lists them)`);
}

function buildProgram(): Command {
  const program = new Command('journey')
    .description('Audit a communication inventory for customer-journey gaps')
    .version('0.1.0')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const configOption = () => new Option('-c, --config <file>', `config file to use instead of the nearest ${CONFIG_FILE_NAME}`);

  program
    .command('audit')
    .description('audit inventories (.xlsx, .csv, .tsv, folders; - reads CSV from stdin)')
    .argument('<files...>', 'inventory files or folders')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .addOption(configOption())
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
      const { starterConfig } = await import('../config/starter.js');
      const path = join(folder, CONFIG_FILE_NAME);
      try {
        await writeFile(path, starterConfig(), { flag: flags.force ? 'w' : 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ConfigError(`${path} already exists; edit it, or pass --force to overwrite it`);
        if (code === 'ENOENT') throw new ConfigError(`${folder}: no such folder`);
        throw new ConfigError(`${path}: cannot be written (${code})`);
      }
      process.stderr.write(`journey: wrote ${relative(process.cwd(), path) || path}\n`);
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
