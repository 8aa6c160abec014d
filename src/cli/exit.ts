import { type FailOn, type Severity, reaches } from '../vocab/severity.js';

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** What a run came to, as far as its exit code is concerned. */
export interface Outcome {
  /** Inputs that could not be read. */
  inputErrors: number;
  /** The severities of the findings that count (all of an audit's; a diff's introduced ones); none for commands that only draw or show. */
  severities?: Iterable<Severity>;
  warnings?: number;
}

/** How findings turn into an exit code (--fail-on, --max-warnings, --exit-zero). */
export interface ExitPolicy {
  failOn?: FailOn;
  maxWarnings?: number | undefined;
  exitZero?: boolean | undefined;
}

/** The exit code of every command: input errors win, then --exit-zero, then --max-warnings, then findings at or above --fail-on. */
export function exitCode(outcome: Outcome, policy: ExitPolicy = {}): number {
  if (outcome.inputErrors > 0) return EXIT.usage;
  if (policy.exitZero) return EXIT.clean;
  if (policy.maxWarnings !== undefined && (outcome.warnings ?? 0) > policy.maxWarnings) return EXIT.findings;
  const failOn = policy.failOn ?? 'never';
  if (failOn === 'never') return EXIT.clean;
  for (const severity of outcome.severities ?? []) if (reaches(severity, failOn)) return EXIT.findings;
  return EXIT.clean;
}
