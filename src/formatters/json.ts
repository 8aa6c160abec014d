import { jsonStringify } from '../escape.js';
import type { Formatter } from './types.js';
import { PACKAGE_NAME, journeyVersion } from '../version.js';

/** A value as JSON indented by two spaces, itself starting `depth` levels in. */
const indented = (value: unknown, depth: number) => jsonStringify(value, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * The documented JSON contract: `{ version, tool, files, findings, summary }`, indented, with one finding
 * per line (easy to grep and diff). It is yielded a finding at a time, so a result with hundreds of
 * thousands of findings is never held as one string.
 */
export const formatJson: Formatter = function* (result) {
  const { findings, ...rest } = result;
  yield `{\n  "version": ${jsonStringify(result.version)},\n  "tool": ${indented({ name: PACKAGE_NAME, version: journeyVersion() }, 1)},\n  "files": ${indented(result.files, 1)},\n  "findings": [`;
  for (let i = 0; i < findings.length; i++) yield `${i === 0 ? '' : ','}\n    ${jsonStringify(findings[i])}`;
  yield `${findings.length ? '\n  ' : ''}],\n  "summary": ${indented(result.summary, 1)}`;
  if (rest.overviews !== undefined) yield `,\n  "overviews": ${indented(rest.overviews, 1)}`;
  yield '\n}\n';
};
