// `journey report FILES…`: the markdown gap report.
import type { Command } from 'commander';
import { audit, type AuditOptions } from '../../engine/audit.js';
import { loadReportFormatter } from '../../formatters/index.js';
import type { FailOn } from '../../vocab/severity.js';
import { failOnOption, type InputFlags, inputOptions } from '../flags.js';
import { emit } from '../outputs.js';
import { outputOf, readInputs } from '../prologue.js';
import { renderOptions } from '../terminal.js';
import { auditExitCode } from './audit.js';

type ReportFlags = InputFlags & { failOn: FailOn };

async function runReport(files: string[], flags: ReportFlags): Promise<number> {
  const { journeyDiagrams } = await import('../../views/map/mermaid.js');
  const journeys = new Map<string, string>();
  const onModel: AuditOptions['onModel'] = (file, model, findings) => journeyDiagrams(file, model, findings, journeys);
  const { result } = await readInputs(files, flags, { outputs: outputOf(flags) }, (inputs, settings) => audit(inputs, { ...settings, overview: true, onModel }));
  const formatter = await loadReportFormatter();
  await emit(formatter(result, { ...renderOptions('markdown'), journeys }), flags.output);
  return auditExitCode(result, flags);
}

export function registerReport(program: Command): void {
  inputOptions(
    program
      .command('report')
      .description('write a markdown gap report: coverage per persona, stage tables, handoff timelines, findings by stage, action items')
      .argument('<files...>', 'inventory files or folders')
      .addOption(failOnOption('--fail-on', 'lowest severity that makes the exit code 1', 'never')),
  ).action(async (files: string[], flags: ReportFlags) => {
    process.exitCode = await runReport(files, flags);
  });
}
