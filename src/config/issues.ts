import type { z } from 'zod';

const ARTICLE: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array',
  record: 'an object',
  int: 'a whole number',
  nan: 'a number',
};

/** A value as a message shows it: strings quoted, arrays and objects by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A dotted path as a user reads it: `rules.handoff-lag.maxDays`, `ignore[0].reason`. */
export function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  return text;
}

/** One zod issue as "path: expected …, got …", reading the offending value from `root`. */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, prefix = ''): string {
  const value = valueAt(root, issue.path);
  let reason: string;
  switch (issue.code) {
    case 'invalid_type':
      reason =
        value === undefined
          ? `is required (${ARTICLE[issue.expected] ?? issue.expected})`
          : `expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${describeValue(value)}`;
      break;
    case 'invalid_value':
      reason = `expected ${issue.values
        .map((v) => JSON.stringify(v))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}, got ${describeValue(value)}`;
      break;
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${issuePath(prefix, [...issue.path, key])}: unknown key`).join('; ');
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const sign = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      reason =
        issue.origin === 'array' || issue.origin === 'string'
          ? `expected ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} ${issue.origin === 'array' ? 'item' : 'character'}${Number(bound) === 1 ? '' : 's'}, got ${describeValue(value)}`
          : `expected a number ${sign} ${String(bound)}, got ${describeValue(value)}`;
      break;
    }
    default:
      reason = `${issue.message.replace(/^Invalid input: /, '')}, got ${describeValue(value)}`;
  }
  return `${issuePath(prefix, issue.path)}: ${reason}`;
}
