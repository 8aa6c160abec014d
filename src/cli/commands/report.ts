// `journey report FILES…`: the markdown gap report.
import type { Command } from 'commander';
import { audit, type AuditOptions } from '../../engine/audit.js';
import { loadReportFormatter } from '../../formatters/index.js';
import type { PlanChanges } from '../../formatters/types.js';
import type { FailOn } from '../../vocab/severity.js';
import { answersOption, metricsOption, failOnOption, type InputFlags, inputOptions, stateOption } from '../flags.js';
import { reportPath } from '../../engine/paths.js';
import { emit, ensureFolderOf, writeFileAtomically } from '../outputs.js';
import { announceWritten } from '../written.js';
import { outputOf, readInputs } from '../prologue.js';
import { renderOptions } from '../terminal.js';
import { EXIT } from '../exit.js';
import { say } from '../say.js';
import { auditExitCode } from './audit.js';

type ReportFlags = InputFlags & { failOn: FailOn };

async function runReport(files: string[], flags: ReportFlags): Promise<number> {
  const { figurePaths, reportJourneys } = await import('../../views/map/report-figures.js');
  const { compareInventories } = await import('../../views/diff/compare.js');
  const journeys = new Map<string, string>();
  const plans = new Map<string, PlanChanges>();
  // Written to a file, the report links each persona's overview SVG, written beside it.
  const figures: { path: string; svg: string }[] = [];
  const place = flags.output === undefined ? null : figurePaths(flags.output);
  const onModel: AuditOptions['onModel'] = (file, model, findings, future) => {
    reportJourneys({ file, model, findings, fileLabel: reportPath(file) }, journeys, place && { add: (figure) => figures.push(figure), place });
    // Today's gaps beside the plan's effect: what `journey diff --planned` computes for this file.
    if (future === undefined) return;
    const diff = compareInventories({ file, model, findings }, { file, model: future.model, findings: future.findings });
    plans.set(file, {
      planned: future.model.touchpoints.length - model.touchpoints.length,
      resolved: diff.findings.resolved,
      introduced: diff.findings.introduced,
    });
  };
  const state = flags.state ?? 'current';
  const alsoState = state === 'current' ? 'future' : undefined;
  const { result, guard } = await readInputs(files, flags, { outputs: outputOf(flags) }, (inputs, settings) =>
    audit(inputs, { ...settings, overview: true, alsoState, onModel }),
  );
  // No inventory read: the refusals were said, and a report would read as a journey without gaps.
  if (result.files.length > 0 && result.files.every((file) => file.error !== null)) {
    say(
      `no report written: ${result.files.length === 1 ? 'the one input was not read' : `none of the ${result.files.length} inputs was read`} as an inventory (see above)`,
    );
    return EXIT.usage;
  }
  // The report's own path is answered for first: its folder is the figures' folder.
  if (flags.output !== undefined) await ensureFolderOf('-o', flags.output);
  for (const figure of figures) {
    await guard({ option: '-o', path: figure.path });
    await writeFileAtomically('-o', figure.path, figure.svg);
    announceWritten(figure.path);
  }
  const formatter = await loadReportFormatter();
  await emit(formatter(result, { ...renderOptions('markdown'), journeys, state, plans }), flags.output);
  return auditExitCode(result, flags);
}

export function registerReport(program: Command): void {
  inputOptions(
    metricsOption(
      answersOption(
        program
          .command('report')
          .description('write the markdown gap report: the most serious gaps, what the plan changes, coverage and findings per persona, data hygiene')
          .argument('<files...>', 'inventory files or folders')
          .addOption(failOnOption('--fail-on', 'lowest severity that makes the exit code 1', 'never'))
          .addOption(stateOption()),
      ),
    ),
  ).action(async (files: string[], flags: ReportFlags) => {
    process.exitCode = await runReport(files, flags);
  });
}
