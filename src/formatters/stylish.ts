import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { plural } from '../english.js';
import type { Finding, Severity } from '../model/schema.js';
import type { Formatter } from './types.js';


function severityText(chalk: ChalkInstance, severity: Severity): string {
  if (severity === 'error') return chalk.red('error');
  if (severity === 'warning') return chalk.yellow('warning');
  return chalk.blue('info');
}

/** Findings grouped by file and sheet, a table per group, and a summary line. */
export const formatStylish: Formatter = (result, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];

  for (const file of result.files) {
    if (file.error !== null) continue;
    const groups = new Map<string | null, Finding[]>();
    for (const sheet of file.sheets) groups.set(sheet.sheet, []);
    for (const finding of result.findings) {
      if (finding.location.file !== file.file) continue;
      const group = groups.get(finding.location.sheet) ?? [];
      group.push(finding);
      groups.set(finding.location.sheet, group);
    }
    for (const [sheet, findings] of groups) {
      if (findings.length === 0) continue;
      lines.push('', chalk.underline(sheet === null ? file.file : `${file.file} › ${sheet}`));
      const cells = findings.map((finding) => finding.location.cell ?? finding.location.sheet ?? '(file)');
      // reduce, not Math.max(...): a sheet can have hundreds of thousands of findings.
      const cellWidth = cells.reduce((width, cell) => Math.max(width, cell.length), 6) + 2;
      const ruleWidth = findings.reduce((width, finding) => Math.max(width, finding.ruleId.length), 6) + 2;
      const messageWidth = Math.max(30, options.width - cellWidth - ruleWidth - 10 - 6);
      const table = new Table({
        head: ['Cell', 'Severity', 'Rule', 'Message'].map((h) => chalk.dim(h)),
        colWidths: [cellWidth, 10, ruleWidth, messageWidth],
        wordWrap: true,
        style: { head: [], border: [], compact: true },
        chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: ' ', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ' },
      });
      findings.forEach((finding, i) => table.push([cells[i]!, severityText(chalk, finding.severity), chalk.dim(finding.ruleId), finding.message]));
      lines.push(table.toString());
    }
    for (const sheet of file.sheets) {
      if (sheet.skipped) lines.push(chalk.dim(`note: ${file.file} › ${sheet.sheet}: ${sheet.skipped}`));
    }
  }

  const { errors, warnings, infos, files, touchpoints, inputErrors } = result.summary;
  const total = errors + warnings + infos;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
  const { ignored, baselined } = result.summary;
  const left = [ignored ? `${ignored} ignored by the config` : '', baselined ? `${baselined} in the baseline` : ''].filter(Boolean).join(', ');
  const scope = `in ${plural(files, 'file')} (${plural(touchpoints, 'touchpoint')} read${inputErrors ? `, ${inputErrors} unreadable` : ''}${left ? `; ${left}` : ''})`;
  const mark = errors > 0 || inputErrors > 0 ? chalk.red.bold('✖') : total > 0 ? chalk.yellow.bold('⚠') : chalk.green.bold('✔');
  lines.push('', `${mark} ${total === 0 ? 'No findings' : `${plural(total, 'finding')}: ${counts}`} ${scope}`, '');
  return lines.join('\n');
};
