import { reportPath } from '../engine/paths.js';
import { type Finding, findingSentence } from '../model/schema.js';
import { githubData, githubProperty, shorten } from '../escape.js';
import type { Formatter } from './types.js';
import { bySeverity, placeOf } from './wording.js';
import { perSeverity } from '../vocab/severity.js';

/** GitHub shows at most this many annotations of each level per step. */
const CAP = 10;
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function annotation(finding: Finding, cwd: string): string {
  // The file property stays whole: GitHub matches it against the repository's paths.
  const properties = [`file=${githubProperty(reportPath(finding.location.file, cwd))}`];
  if (finding.location.row !== null) properties.push(`line=${finding.location.row}`);
  properties.push(`title=${githubProperty(`journey ${finding.ruleId}`)}`);
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${githubData(`${shorten(placeOf(finding.location))}: ${findingSentence(finding)}`)}`;
}

/**
 * GitHub Actions workflow commands: errors first, at most 10 per level, then one notice counting what was
 * left out. Each annotation is one line (line breaks in its data are percent-encoded), so these are the
 * only lines journey prints that start with `::`.
 */
export const formatGithub: Formatter = (result, options) => {
  const shown: Finding[] = [];
  let left = 0;
  const perLevel = perSeverity(0);
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
  for (const file of result.files)
    if (file.error !== null) lines.unshift(`::error file=${githubProperty(reportPath(file.file, options.cwd))},title=journey::${githubData(file.error)}`);
  if (left > 0)
    lines.push(
      `::notice title=journey::${githubData(`${left} more findings not annotated (GitHub shows ${CAP} per level); run journey audit for all of them.`)}`,
    );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
