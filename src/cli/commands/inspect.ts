// `journey inspect FILES…`: how journey reads an inventory, the first thing to run on a new one.
import { type Command, Option } from 'commander';
import { inspect } from '../../engine/inspect.js';
import { jsonStringify } from '../../escape.js';
import { inspectText } from '../../views/inspect/text.js';
import { exitCode } from '../exit.js';
import { type InputFlags, inputOptions } from '../flags.js';
import { emit } from '../outputs.js';
import { outputOf, readInputs } from '../prologue.js';

interface InspectFlags extends InputFlags {
  format: 'text' | 'json';
}

/** Exit 2 when a file cannot be read, else 0. */
async function runInspect(files: string[], flags: InspectFlags): Promise<number> {
  const { result } = await readInputs(files, flags, { outputs: outputOf(flags) }, (inputs, settings) => inspect(inputs, settings));
  await emit(flags.format === 'json' ? `${jsonStringify(result, 2)}\n` : inspectText(result), flags.output);
  return exitCode({ inputErrors: result.files.filter((file) => file.error !== null).length });
}

export function registerInspect(program: Command): void {
  inputOptions(
    program
      .command('inspect')
      .description("show how journey reads inventories: header row, each column's field, the stage model, and how each distinct value reads")
      .argument('<files...>', 'inventory files or folders (- reads CSV from stdin)')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (files: string[], flags: InspectFlags) => {
    process.exitCode = await runInspect(files, flags);
  });
}
