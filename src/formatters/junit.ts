import { reportPath } from '../engine/paths.js';
import { commandSafe, shorten, xmlText } from '../escape.js';
import { findingSentence } from '../model/schema.js';
import type { Formatter } from './types.js';
import { placeOf } from './wording.js';
import { reaches, type Severity } from '../vocab/severity.js';

/**
 * JUnit XML: one testsuite per file, one testcase per finding, one passing testcase for a clean file.
 * Only findings at or above --fail-on fail (the exit code's rule), so a green run is green in the test
 * report too; the others pass, their text in system-out.
 */
export const formatJunit: Formatter = (result, options) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const failOn = options.failOn ?? 'error';
  const fails = (severity: Severity) => reaches(severity, failOn);
  for (const file of result.files) {
    const path = xmlText(reportPath(file.file, options.cwd));
    const findings = result.findings.filter((finding) => finding.location.file === file.file);
    const cases: string[] = [];
    if (file.error !== null) {
      errors++;
      cases.push(`    <testcase classname="${path}" name="read ${path}">\n      <error message="${xmlText(file.error)}" type="input-error"/>\n    </testcase>`);
    } else if (findings.length === 0) {
      cases.push(`    <testcase classname="${path}" name="no findings"/>`);
    }
    const seen = new Map<string, number>();
    let suiteFailures = 0;
    for (const finding of findings) {
      const where = shorten(placeOf(finding.location));
      // Test case names must be unique within a suite for most JUnit readers.
      const base = `${finding.ruleId} at ${where}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const name = n === 1 ? base : `${base} (${n})`;
      // Escaped piece by piece: the line break between message and rule is ours, those in the message are data.
      const text = `${xmlText(where)}: ${xmlText(findingSentence(finding))}\nRule: ${finding.ruleId} (${finding.severity})`;
      const outcome = fails(finding.severity)
        ? `<failure message="${xmlText(findingSentence(finding))}" type="${finding.severity}">${text}</failure>`
        : `<system-out>${text}</system-out>`;
      if (fails(finding.severity)) suiteFailures++;
      cases.push(
        `    <testcase classname="${path}${finding.location.sheet ? `.${xmlText(shorten(finding.location.sheet))}` : ''}" name="${xmlText(name)}">\n      ${outcome}\n    </testcase>`,
      );
    }
    const suiteErrors = file.error !== null ? 1 : 0;
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${path}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  // --max-warnings fails a run that has no failing finding: the report says so in a test case of its own.
  const { maxWarnings } = options;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    const message = `${result.summary.warnings} warnings, more than the maximum of ${maxWarnings}`;
    tests++;
    failures++;
    suites.push(
      `  <testsuite name="journey" tests="1" failures="1" errors="0" skipped="0">\n    <testcase classname="journey" name="--max-warnings ${maxWarnings}">\n      <failure message="${message}" type="max-warnings">${message} (--max-warnings)</failure>\n    </testcase>\n  </testsuite>`,
    );
  }
  return commandSafe(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="journey" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`,
  );
};
