// Severities, written once: their order (most severe first), their rank, and the --fail-on choices.
// Pure data, importable from every stage.

/** Every severity, most severe first (the order outputs list them in). */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity's rank: higher is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** What --fail-on and --fail-on-new accept: a severity (that one and above fail) or never. */
export const FAIL_ON = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** True when `severity` is at or above `threshold` (never: nothing is). */
export function reaches(severity: Severity, threshold: FailOn): boolean {
  return threshold !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** The more severe of two (null: none yet). */
export function worse(a: Severity | null, b: Severity): Severity {
  return a === null || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
