// What every command that reads inventories does around its own work (audit, report, map, inspect;
// diff uses its pieces): expand the arguments, say the notes, read with each file's config, refuse an
// output that would overwrite something read, and say the inputs that could not be read.
import { ConfigResolver } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { expandTargets, type AuditInput, type AuditTarget } from '../engine/inputs.js';
import type { JourneyState } from '../model/state.js';
import type { InputFlags } from './flags.js';
import { checkOutputs, type PlannedOutput } from './outputs.js';
import { note, say } from './say.js';

/** What a command's work is given: the inputs, and how to read them. */
export interface ReadSettings {
  configs: ConfigResolver;
  sheets: string[] | undefined;
  readTimeoutSeconds: number | undefined;
  /** --answers: the interview answers sheet about the one inventory read (audit, report, map). */
  answers?: string | undefined;
  /** --metrics: measured figures about the one inventory read (audit, report, map). */
  metrics?: string | undefined;
  /** Says a note about the inputs on stderr (what --metrics filled in and could not match). */
  onNote: (text: string) => void;
  /** The journey every command judges the same way (src/model/state.ts): today's rows unless --state or map --type says otherwise. */
  state: JourneyState;
}

/** The files a command writes and the other files it reads (a baseline), for the output guard. */
export interface OutputPlan {
  outputs: PlannedOutput[];
  alsoRead?: string[];
}

/** After the prologue: the work's result, the configs it read, and the guard for outputs named later (one SVG per persona). */
export interface Prologue<R> {
  result: R;
  configs: ConfigResolver;
  guard: (output: PlannedOutput) => Promise<void>;
}

/** The command-line arguments as targets: `-` is stdin (once, named by --stdin-filename). */
export function targetsOf(files: string[], flags: Pick<InputFlags, 'stdinFilename'>): AuditTarget[] {
  const targets: AuditTarget[] = files.includes('-') ? [{ stream: process.stdin, name: flags.stdinFilename }] : [];
  for (const file of files) if (file !== '-') targets.push(file);
  return targets;
}

/** The paths a run read: its inputs (not stdin) and the configs. */
export function pathsRead(inputs: AuditInput[], configs: ConfigResolver): string[] {
  return [...inputs.flatMap((input) => ('path' in input ? [input.path] : [])), ...configs.files()];
}

/**
 * Expands the arguments, runs `work` over the inputs, then, before anything is written, checks the
 * planned outputs against every file the run read; notes and input errors go to stderr escaped.
 */
export async function readInputs<R extends { files: readonly { error: string | null }[] }>(
  files: string[],
  flags: InputFlags,
  plan: OutputPlan,
  work: (inputs: AuditInput[], settings: ReadSettings) => Promise<R>,
): Promise<Prologue<R>> {
  const notes: string[] = [];
  const inputs = await expandTargets(targetsOf(files, flags), notes);
  for (const text of notes) note(text);
  for (const [flag, value] of [
    ['--answers', flags.answers],
    ['--metrics', flags.metrics],
  ] as const)
    if (value !== undefined && inputs.length !== 1) throw new ConfigError(`${flag}: goes with one inventory file, not ${inputs.length}`);
  const configs = new ConfigResolver(flags.config ?? null);
  const result = await work(inputs, {
    configs,
    sheets: flags.sheet,
    readTimeoutSeconds: flags.readTimeout,
    state: flags.state ?? 'current',
    answers: flags.answers,
    metrics: flags.metrics,
    onNote: note,
  });
  const read = [...pathsRead(inputs, configs), ...(plan.alsoRead ?? []), ...[flags.answers, flags.metrics].filter((path) => path !== undefined)];
  const guard = (output: PlannedOutput) => checkOutputs([output], read, flags.force === true);
  await checkOutputs(plan.outputs, read, flags.force === true);
  for (const file of result.files) if (file.error !== null) say(file.error);
  return { result, configs, guard };
}

/** The -o output of a command, as a planned output (none when it writes to stdout). */
export function outputOf(flags: Pick<InputFlags, 'output'>): PlannedOutput[] {
  return flags.output === undefined ? [] : [{ option: '-o', path: flags.output }];
}
