// The `journey` command: registers each command (one file each in ./commands/) and maps what goes wrong
// to an exit code and one line on stderr.
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { ConfigError, InputError } from '../errors.js';
import { terminalLines } from '../escape.js';
import { journeyVersion } from '../version.js';
import { registerAudit } from './commands/audit.js';
import { registerCompletion } from './commands/completion.js';
import { registerDiff } from './commands/diff.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerInitConfig } from './commands/init-config.js';
import { registerInspect } from './commands/inspect.js';
import { registerInterview } from './commands/interview.js';
import { registerMap } from './commands/map.js';
import { registerMeasure } from './commands/measure.js';
import { registerPrintConfig } from './commands/print-config.js';
import { registerReport } from './commands/report.js';
import { registerRules } from './commands/rules.js';
import { EXIT } from './exit.js';
import { say } from './say.js';

const debugRequested = process.argv.includes('--debug');

function buildProgram(): Command {
  const program = new Command('journey')
    .description('Audit a communication inventory for customer-journey gaps')
    .version(journeyVersion(), '-v, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(terminalLines(text)) });
  // In the order `journey --help` lists them.
  for (const register of [
    registerAudit,
    registerReport,
    registerDiff,
    registerInspect,
    registerMap,
    registerMeasure,
    registerInterview,
    registerRules,
    registerExplain,
    registerInitConfig,
    registerInit,
    registerPrintConfig,
    registerCompletion,
  ]) {
    register(program);
  }
  return program;
}

/** The exit code and the line to say for an error that ends the run. */
function failure(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
  if (error instanceof InputError) for (const line of error.lines()) say(line);
  else if (error instanceof ConfigError) say(error.message);
  else {
    const message = error instanceof Error ? error.message : String(error);
    say(`unexpected error: ${message}${debugRequested ? '' : ' (run with --debug for details)'}`);
  }
  if (debugRequested && error instanceof Error) process.stderr.write(`${terminalLines(error.stack ?? '')}\n`);
  return EXIT.usage;
}

async function main(): Promise<void> {
  // Keeps a million-row audit's peak under 1 GB; V8 reads it at each collection (docs/design.md, Memory).
  setFlagsFromString('--heap-growing-percent=30');
  // A closed pipe (journey audit … | head) stops the output, not the run: the exit code stays the one the
  // findings give, so `set -o pipefail` gates still work. What is left to write is dropped.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    process.exitCode = failure(error);
  }
}

// Not awaited at the top level: the bundle runs as a CommonJS script (src/boot/code-cache.ts).
void main();
