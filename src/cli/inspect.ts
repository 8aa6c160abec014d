import { type Command, Option } from 'commander';
import { ConfigResolver } from '../config/load.js';
import type { AuditInput } from '../engine/audit.js';
import { inspect } from '../engine/inspect.js';
import { jsonStringify, terminalLine } from '../escape.js';
import { inspectText } from '../views/inspect/text.js';
import { type InputFlags, inputOptions } from './flags.js';
import { expandInputs } from './inputs.js';
import { checkOutputs } from './outputs.js';

interface InspectFlags extends InputFlags {
  format: 'text' | 'json';
}

type Emit = (output: string, file: string | undefined) => Promise<void>;

/** `journey inspect FILE...`: how journey reads an inventory, the first thing to run on a new one. Exit 2 when a file cannot be read, else 0. */
export function registerInspect(program: Command, emit: Emit): void {
  inputOptions(
    program
      .command('inspect')
      .description('show how journey reads inventories: header row, each column\'s field, the stage model, and how each distinct value reads')
      .argument('<files...>', 'inventory files or folders (- reads CSV from stdin)')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text')),
  )
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
