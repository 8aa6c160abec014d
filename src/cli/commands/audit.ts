// `journey audit FILES…`: the findings, in a format for a person, an editor or CI, with exit codes.
import { appendFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { ConfigResolver } from '../../config/load.js';
import { audit } from '../../engine/audit.js';
import { applyBaseline, baselineText, readBaseline } from '../../engine/baseline.js';
import type { AuditResult } from '../../engine/result.js';
import { recount } from '../../engine/summary.js';
import { plural } from '../../english.js';
import { ConfigError } from '../../errors.js';
import { FORMATTERS, type Formatter } from '../../formatters/index.js';
import type { FailOn } from '../../vocab/severity.js';
import { exitCode } from '../exit.js';
import { answersOption, metricsOption, failOnOption, type InputFlags, inputOptions, stateOption } from '../flags.js';
import { emit, type PlannedOutput, writeFileAtomically } from '../outputs.js';
import { readInputs } from '../prologue.js';
import { say } from '../say.js';
import { announceWritten } from '../written.js';
import { defaultFormat, renderOptions } from '../terminal.js';

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

/** The exit code for an audit result and its flags (exitCode, fed an audit's findings). */
export function auditExitCode(result: AuditResult, flags: Pick<AuditFlags, 'failOn' | 'maxWarnings' | 'exitZero'>): number {
  return exitCode(
    { inputErrors: result.summary.inputErrors, warnings: result.summary.warnings, severities: result.findings.map((finding) => finding.severity) },
    flags,
  );
}

/** The files audit writes: -o, and --write-baseline. */
function plannedOutputs(flags: AuditFlags): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  if (flags.output !== undefined) outputs.push({ option: '-o', path: flags.output });
  if (flags.writeBaseline !== undefined) outputs.push({ option: '--write-baseline', path: flags.writeBaseline });
  return outputs;
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
  if (flags.baseline !== undefined && flags.writeBaseline !== undefined)
    throw new ConfigError('--baseline and --write-baseline cannot be used together: write the baseline once, then audit against it');
  // Read the baseline first, so a bad one fails before any work.
  const baseline =
    flags.baseline === undefined ? null : await readBaseline(flags.baseline, (await new ConfigResolver(flags.config ?? null).forFile(null)).limits.baselineMiB);
  const plan = { outputs: plannedOutputs(flags), alsoRead: flags.baseline === undefined ? [] : [flags.baseline] };
  let { result } = await readInputs(files, flags, plan, (inputs, settings) => audit(inputs, { ...settings, overview: false }));
  if (flags.writeBaseline !== undefined) {
    await writeFileAtomically('--write-baseline', flags.writeBaseline, baselineText(result));
    announceWritten(
      flags.writeBaseline,
      ` (the baseline: ${plural(result.findings.length, 'finding')} accepted); audit with --baseline ${flags.writeBaseline} to report only new ones`,
    );
  }
  if (baseline !== null) {
    result = applyBaseline(result, baseline);
    const { baselined = 0, fixed = 0 } = result.summary;
    say(
      `${baselined} baselined findings left out${fixed > 0 ? `; ${fixed} baselined findings are gone (fixed or changed), rewrite the baseline with --write-baseline to drop them` : ''}`,
    );
  }
  const shown = flags.quiet ? quietResult(result) : result;
  const formatter: Formatter = await loadFormatter();
  // Writing a baseline accepts today's findings, so only unreadable inputs fail it; the formats agree with the exit code.
  const exitZero = flags.exitZero || flags.writeBaseline !== undefined;
  // Writing a baseline prints only what it wrote; the findings it accepted go only where -o names.
  if (flags.writeBaseline === undefined || flags.output !== undefined)
    await emit(
      formatter(shown, { ...renderOptions(format, flags.output, exitZero ? 'never' : flags.failOn), maxWarnings: exitZero ? undefined : flags.maxWarnings }),
      flags.output,
    );
  // One summary per workflow run: only the annotations step (--format github) writes one unless told
  // otherwise, so a workflow that also uploads SARIF or writes the gap report does not get two or three.
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && flags.writeBaseline === undefined && (flags.stepSummary ?? format === 'github')) {
    const { formatMarkdown } = await import('../../formatters/markdown.js');
    const summary = formatMarkdown(shown, renderOptions('markdown'));
    await appendFile(summaryFile, typeof summary === 'string' ? summary : [...summary].join('')).catch((error: NodeJS.ErrnoException) =>
      say(`could not append to GITHUB_STEP_SUMMARY (${error.code})`),
    );
  }
  const { warnings } = result.summary;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings && !exitZero && result.summary.inputErrors === 0) {
    // Said, as ESLint does, so a failing run with no error-level finding is not a mystery.
    say(`${plural(warnings, 'warning')}, more than the maximum of ${flags.maxWarnings} (--max-warnings)`);
  }
  return auditExitCode(result, { ...flags, exitZero });
}

export function registerAudit(program: Command): void {
  inputOptions(
    metricsOption(
      answersOption(
        program
          .command('audit')
          .description('audit inventories (.xlsx, .csv, .tsv, folders; - reads CSV from stdin)')
          .argument('<files...>', 'inventory files or folders')
          .addOption(
            new Option('-f, --format <name>', 'output format (default: stylish in a terminal, compact — one line per finding — otherwise)').choices(
              Object.keys(FORMATTERS),
            ),
          )
          .addOption(failOnOption('--fail-on', 'lowest severity that makes the exit code 1', 'error'))
          .addOption(stateOption())
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
      ),
    ),
  ).action(async (files: string[], flags: AuditFlags) => {
    process.exitCode = await runAudit(files, flags);
  });
}
