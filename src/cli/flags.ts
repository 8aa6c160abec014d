import { type Command, Option } from 'commander';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { MAX_TIMEOUT_SECONDS } from '../load/limits.js';
import { JOURNEY_STATES, type JourneyState } from '../model/state.js';
import { FAIL_ON, type FailOn } from '../vocab/severity.js';
import { INPUT_FORMATS, extensionList } from '../load/formats.js';

/** Flags every command that reads inventories shares (audit, report, map, inspect): inputOptions defines them. */
export interface InputFlags {
  config?: string;
  sheet?: string[];
  stdinFilename: string;
  readTimeout?: number;
  output?: string;
  force?: boolean;
  /** An interview answers sheet about the inventory (audit, report, map). */
  answers?: string;
  /** Measured figures about the inventory (the CSV journey measure --write-metrics writes; audit, report, map). */
  metrics?: string;
  /** Which journey is judged: --state of audit and report, or what map's --type draws; today's rows when unset. */
  state?: JourneyState;
}

/** -c, --config: one config file for every input instead of the one each finds. */
export function configOption(): Option {
  return new Option('-c, --config <file>', `config file to use instead of the nearest ${CONFIG_FILE_NAME}, journey.config.jsonc or package.json "journey" key`);
}

/** --fail-on (audit, report) or --fail-on-new (diff): the lowest severity that makes the exit code 1. */
export function failOnOption(flag: string, description: string, fallback: FailOn): Option {
  return new Option(`${flag} <severity>`, description).choices(FAIL_ON).default(fallback);
}

/** Adds the options of InputFlags to a command that reads inventories. */
export function inputOptions(command: Command): Command {
  return command
    .addOption(configOption())
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .option('--force', `replace an existing ${extensionList(INPUT_FORMATS, 'or')} output file journey did not write (never an input)`)
    .option('--sheet <name>', 'read only this sheet (repeatable; also reads hidden sheets)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--stdin-filename <name>', 'name used for stdin in locations', 'stdin.csv')
    .option('--read-timeout <seconds>', "give up reading a file after this many seconds (default 30, or the config's limits.readTimeoutSeconds)", (value) => {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
        throw new ConfigError(
          `--read-timeout: expected a positive number of seconds up to ${MAX_TIMEOUT_SECONDS} (about 24 days, the longest timer Node.js keeps), got "${value}"`,
        );
      }
      return seconds;
    })
    .option('--debug', 'show stack traces for unexpected errors');
}

/** Adds --answers to a command that judges or draws an inventory (audit, report, map). */
export function answersOption(command: Command): Command {
  return command.option(
    '--answers <file>',
    'interview answers about the inventory (the sheet journey interview --template writes): friction from interviews, quotes, feelings',
  );
}

/** Adds --metrics to a command that judges or draws an inventory (audit, report, map). */
export function metricsOption(command: Command): Command {
  return command.option(
    '--metrics <file>',
    "measured figures about the inventory (the CSV journey measure --write-metrics writes): reach, drop-off and conversion where the inventory has none (the inventory's own figures win)",
  );
}

/** `--state` (audit, report): which journey is judged, today's live rows or the planned journey (src/model/state.ts). */
export function stateOption(): Option {
  return new Option('--state <state>', 'which journey to judge: current (live rows only) or future (live and planned rows; retired rows are in neither)')
    .choices(JOURNEY_STATES)
    .default('current');
}
