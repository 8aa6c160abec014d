import { reportPath } from '../engine/paths.js';
import { commandSafe, markdownCode, markdownText, shorten } from '../escape.js';
import { findingSentence } from '../model/schema.js';
import type { Formatter } from './types.js';
import { SEVERITY_LABEL, findingTotal, placeOf, severityCounts } from './wording.js';
import { MARKUP_MARKER } from '../marker.js';

/** Most rows a pull-request comment gets; the rest are counted (GitHub comments stop at 65,536 characters). */
const MAX_ROWS = 100;

/** A compact findings table for a pull-request comment or a job summary; cell text never becomes markup. */
export const formatMarkdown: Formatter = (result, options) => {
  const { summary } = result;
  const total = findingTotal(summary);
  const read = summary.files - summary.inputErrors;
  const unreadable = summary.inputErrors > 0 ? `; ${summary.inputErrors} file${summary.inputErrors === 1 ? '' : 's'} could not be read` : '';
  // A run that read nothing says so, rather than "no findings".
  const heading =
    read === 0 && summary.inputErrors > 0
      ? `### journey: ${summary.inputErrors} file${summary.inputErrors === 1 ? '' : 's'} could not be read`
      : `### journey: ${total === 0 ? (summary.hidden ? 'no errors' : 'no findings') : severityCounts(summary)} in ${read} file${read === 1 ? '' : 's'} (${summary.touchpoints} touchpoints${unreadable})`;
  const lines = [heading, ''];
  for (const file of result.files) if (file.error !== null) lines.push(`> ✖ ${markdownText(file.error)}`, '');
  if (total > 0) {
    const multipleFiles = result.files.length > 1;
    lines.push(`| Severity | ${multipleFiles ? 'File | ' : ''}Cell | Rule | Message |`, `| --- | ${multipleFiles ? '--- | ' : ''}--- | --- | --- |`);
    for (const finding of result.findings.slice(0, MAX_ROWS)) {
      const file = multipleFiles ? `${markdownText(shorten(reportPath(finding.location.file, options.cwd)))} | ` : '';
      lines.push(
        `| ${SEVERITY_LABEL[finding.severity]} | ${file}${markdownCode(shorten(placeOf(finding.location)))} | \`${finding.ruleId}\` | ${markdownText(findingSentence(finding))} |`,
      );
    }
    if (result.findings.length > MAX_ROWS) lines.push('', `…and ${result.findings.length - MAX_ROWS} more; run \`journey audit\` for all of them.`);
    lines.push('');
  }
  return commandSafe(`${lines.join('\n')}\n${MARKUP_MARKER}`);
};
