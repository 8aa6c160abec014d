import { type Command, Option } from 'commander';
import { ConfigResolver } from '../config/load.js';
import type { AuditInput } from '../engine/audit.js';
import { inspect } from '../engine/inspect.js';
import { ConfigError } from '../errors.js';
import { jsonStringify, terminalLine } from '../escape.js';
import { inspectText } from '../views/inspect/text.js';
import { expandInputs } from './inputs.js';
import { checkOutputs } from './outputs.js';

interface InspectFlags {
  format: 'text' | 'json';
  output?: string;
  force?: boolean;
  config?: string;
  sheet?: string[];
  stdinFilename: string;
  readTimeout?: number;
}

type Emit = (output: string, file: string | undefined) => Promise<void>;

/** `journey inspect FILE...`: how journey reads an inventory, the first thing to run on a new one. Exit 2 when a file cannot be read, else 0. */
export function registerInspect(program: Command, emit: Emit): void {
  program
    .command('inspect')
    .description('show how journey reads inventories: header row, each column\'s field, the stage model, and how each distinct value reads')
    .argument('<files...>', 'inventory files or folders (- reads CSV from stdin)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .option('--force', 'replace an existing .xlsx, .xlsm, .csv, .tsv or .md output file journey did not write (never an input)')
    .option('-c, --config <file>', 'config file to use instead of the nearest journey.config.json')
    .option('--sheet <name>', 'inspect only this sheet (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--stdin-filename <name>', 'name used for stdin', 'stdin.csv')
    .option('--read-timeout <seconds>', 'give up reading a file after this many seconds', (value) => {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--read-timeout: expected a positive number of seconds, got "${value}"`);
      return seconds;
    })
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (files: string[], flags: InspectFlags) => {
      const inputs: AuditInput[] = files.includes('-') ? [{ stream: process.stdin, name: flags.stdinFilename }] : [];
      const notes: string[] = [];
      inputs.push(...(await expandInputs(files.filter((file) => file !== '-'), notes)));
      for (const note of notes) process.stderr.write(`journey: note: ${terminalLine(note)}\n`);
      const configs = new ConfigResolver(flags.config ?? null);
      const result = await inspect(inputs, { configs, sheets: flags.sheet, readTimeoutSeconds: flags.readTimeout });
      const read = inputs.flatMap((input) => ('path' in input ? [input.path] : []));
      await checkOutputs(flags.output === undefined ? [] : [{ option: '-o', path: flags.output }], [...read, ...configs.files()], flags.force === true);
      for (const file of result.files) if (file.error !== null) process.stderr.write(`journey: ${terminalLine(file.error)}\n`);
      await emit(flags.format === 'json' ? `${jsonStringify(result, 2)}\n` : inspectText(result), flags.output);
      process.exitCode = result.files.some((file) => file.error !== null) ? 2 : 0;
    });
}
