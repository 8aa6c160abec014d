import { realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, InputError } from '../../errors.js';
import { ConfigResolver } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import { plural } from '../../english.js';
import { readInventory } from '../../engine/pipeline.js';
import { loadInventoryFile } from '../../load/index.js';
import { normalize } from '../../model/normalize.js';
import type { CleanCopy, PersonaRows } from '../../init/rows.js';
import type { TemplateSpec } from '../../init/template.js';
import { EXIT } from '../exit.js';
import { configOption } from '../flags.js';
import { writeAtomically } from '../outputs.js';
import { say } from '../say.js';
import { announceWritten, shownPath } from '../written.js';

export interface InitFlags {
  personas?: string;
  example?: boolean;
  csv?: boolean;
  from?: string;
  force?: boolean;
  config?: string;
}

/** A path's real location, following symlinks; for a file not yet written, its folder's real location. */
async function realLocation(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return resolve(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Reads an inventory into its model (through the pipeline every command uses) and its raw cells. */
async function readSource(source: string, config: ResolvedConfig): Promise<CleanCopy> {
  const { cleanCopy } = await import('../../init/rows.js');
  const { model } = await readInventory({ path: source }, config);
  // The model says what each value reads as; the raw cells give the text as written, for Notes and for what it could not read.
  const loaded = await loadInventoryFile(source, { limits: config.limits });
  return cleanCopy(loaded, model);
}

const alreadyExists = (output: string) =>
  new ConfigError(`${output} already exists; journey init never overwrites a file, so pass --force to replace it or name another file`);

/** Writes a starter inventory (or a clean copy of one); returns the exit code. */
async function runInit(target: string | undefined, flags: InitFlags): Promise<number> {
  // The template modules load only for init, keeping them out of every other command's start-up.
  const [{ sampleInventory }, { cleanCopy }, { DEFAULT_PERSONA, distinct, parsePersonas, templateSpec }, { templateCsv }] = await Promise.all([
    import('../../init/example.js'),
    import('../../init/rows.js'),
    import('../../init/template.js'),
    import('../../init/write-csv.js'),
  ]);
  if (flags.example && flags.from !== undefined)
    throw new ConfigError('--example and --from cannot be used together: --example writes the sample, --from copies your inventory');
  const extension = target === undefined ? '' : extname(target).toLowerCase();
  const csv = Boolean(flags.csv) || extension === '.csv';
  if (csv && (extension === '.xlsx' || extension === '.xlsm'))
    throw new ConfigError(`--csv writes a CSV file, but ${target} ends in ${extension}; name it .csv, or drop --csv`);
  if (!csv && extension !== '' && extension !== '.xlsx')
    throw new ConfigError(`${target}: journey init writes .xlsx (or .csv with --csv); name the file .xlsx`);
  const output = target ?? (csv ? 'inventory.csv' : 'inventory.xlsx');
  const requested = flags.personas === undefined ? [] : parsePersonas(flags.personas);
  if (flags.personas !== undefined && requested.length === 0)
    throw new ConfigError('--personas: expected persona names separated by commas, e.g. --personas "Practitioner,Executive"');

  if (flags.from !== undefined) {
    const [source, written] = await Promise.all([realLocation(flags.from), realLocation(output)]);
    if (source === written) throw new ConfigError(`${output} is the --from file ${flags.from}; journey never writes to an input, so name another output file`);
  }
  // Checked before any work (and again, atomically, when writing).
  if (
    !flags.force &&
    (await stat(output).then(
      () => true,
      () => false,
    ))
  )
    throw alreadyExists(output);
  const configs = new ConfigResolver(flags.config ?? null);
  const config = await configs.forFile(output);

  let copy: CleanCopy | null = null;
  try {
    if (flags.from !== undefined) copy = await readSource(flags.from, await configs.forFile(flags.from));
    else if (flags.example) copy = cleanCopy(sampleInventory('sample-inventory.csv'), normalize([sampleInventory('sample-inventory.csv')], config.normalize));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(error.describe());
    return EXIT.usage;
  }

  const fromRows = copy?.personas.map((p) => p.persona) ?? [];
  const personas = distinct([...fromRows, ...requested, ...(copy === null && requested.length === 0 ? config.settings.personas : [])]);
  const teams = distinct([...Object.values(config.settings.stageOwners).flat(), ...(copy?.teams ?? [])]);
  const options = {
    stageModel: config.normalize.stageModel,
    channels: config.normalize.channels,
    columnNames: config.normalize.columns,
    teams,
    personas: personas.length > 0 ? personas : [DEFAULT_PERSONA],
    dataRows: Math.max(0, ...(copy?.personas.map((p) => p.rows.length) ?? [0])),
  };
  let spec: TemplateSpec = templateSpec(options);
  // A persona whose name cannot be a sheet name as written keeps it in a Persona column, so the audit still sees it.
  const renamed = spec.sheets.some(({ persona, sheet }) => persona !== sheet);
  if (renamed && !csv) spec = templateSpec({ ...options, personaColumn: true });
  const rows: PersonaRows[] = (copy?.personas ?? []).map(({ persona, rows: personaRows }) => ({
    persona,
    rows: renamed ? personaRows.map((row) => ({ persona: { value: persona }, ...row })) : personaRows,
  }));

  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const created = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH !== '' ? new Date(epoch * 1000) : new Date();
  try {
    // Whole or not at all: a full disk or Ctrl-C leaves no partial file and any previous one as it was.
    if (csv) await writeAtomically(output, (temporary) => writeFile(temporary, templateCsv(spec, rows), { flag: 'wx' }), { replace: Boolean(flags.force) });
    else {
      // The workbook writer loads only here: audit start-up never parses it.
      const { writeTemplateXlsx } = await import('../../init/write-xlsx.js');
      await writeAtomically(output, (temporary) => writeTemplateXlsx(temporary, spec, rows, created, false), { replace: Boolean(flags.force) });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(output);
    if (code === 'ENOENT') throw new ConfigError(`${output}: no such folder`);
    if (code !== undefined) throw new ConfigError(`${output}: cannot be written (${code})`);
    throw error;
  }

  const shown = shownPath(output);
  const sheets = csv ? '' : ` (${spec.sheets.map((s) => s.sheet).join(', ')}, How to use, Lists)`;
  let what = copy === null ? 'an empty template' : `${plural(copy.rowCount, 'row')}`;
  if (copy !== null && flags.from !== undefined) {
    if (copy.changed > 0) what += `; ${plural(copy.changed, 'value')} normalized (the original text is in Notes)`;
    if (copy.flagged > 0) what += `; ${plural(copy.flagged, 'cell')} journey could not read ${csv ? 'kept as written' : 'highlighted to fix'}`;
  }
  announceWritten(output, `${sheets}: ${what}. Next: journey audit ${shown}`);
  return EXIT.clean;
}

export function registerInit(program: Command): void {
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
    .action(async (file: string | undefined, flags: InitFlags) => {
      process.exitCode = await runInit(file, flags);
    });
}
