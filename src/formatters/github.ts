import { reportPath } from '../engine/fingerprint.js';
import type { Finding } from '../model/schema.js';
import type { Formatter } from './types.js';
import { bySeverity, placeOf } from './wording.js';

/** GitHub shows at most this many annotations of each level per step. */
const CAP = 10;
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a workflow command's message (GitHub's toolkit escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (GitHub's toolkit escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, cwd: string): string {
  const properties = [`file=${escapeProperty(reportPath(finding.location.file, cwd))}`];
  if (finding.location.row !== null) properties.push(`line=${finding.location.row}`);
  properties.push(`title=${escapeProperty(`journey ${finding.ruleId}`)}`);
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(`${placeOf(finding.location)}: ${finding.message}`)}`;
}

/** GitHub Actions workflow commands: errors first, at most 10 per level, then one notice counting what was left out. */
export const formatGithub: Formatter = (result, options) => {
  const shown: Finding[] = [];
  let left = 0;
  const perLevel = { error: 0, warning: 0, info: 0 };
  for (const finding of bySeverity(result.findings)) {
    if (perLevel[finding.severity] < CAP) {
      perLevel[finding.severity]++;
      shown.push(finding);
    } else left++;
  }
  // The closing notice needs a notice slot of its own.
  if (left > 0 && perLevel.info === CAP) {
    const last = shown.findLastIndex((f) => f.severity === 'info');
    shown.splice(last, 1);
    left++;
  }
  const lines = shown.map((finding) => annotation(finding, options.cwd));
  for (const file of result.files) if (file.error !== null) lines.unshift(`::error file=${escapeProperty(reportPath(file.file, options.cwd))},title=journey::${escapeData(file.error)}`);
  if (left > 0) lines.push(`::notice title=journey::${escapeData(`${left} more findings not annotated (GitHub shows ${CAP} per level); run journey audit for all of them.`)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
