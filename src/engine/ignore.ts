import { dirname, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../config/glob.js';
import type { IgnoreEntry } from '../config/schema.js';
import type { Finding } from '../model/schema.js';
import { foldKey } from '../model/text.js';

/** Splits findings into those reported and those a config's `ignore` entries accept. */
export function applyIgnores(findings: Finding[], ignore: IgnoreEntry[], configFile: string | null): { kept: Finding[]; ignored: Finding[] } {
  if (ignore.length === 0) return { kept: findings, ignored: [] };
  const base = configFile === null ? process.cwd() : dirname(configFile);
  const matchers = ignore.map((entry) => ({
    files: entry.files ? globMatcher(entry.files) : null,
    sheets: entry.sheets ? new Set(entry.sheets.map(foldKey)) : null,
    rules: entry.rules ? new Set(entry.rules) : null,
    touchpoints: entry.touchpoints ? new Set(entry.touchpoints.map(foldKey)) : null,
    personas: entry.personas ? new Set(entry.personas.map(foldKey)) : null,
    stages: entry.stages ? new Set(entry.stages) : null,
  }));
  const kept: Finding[] = [];
  const ignored: Finding[] = [];
  for (const finding of findings) {
    const file = relative(base, resolve(finding.location.file)).split(sep).join('/');
    const matches = matchers.some(
      (m) =>
        (m.files === null || m.files(file)) &&
        (m.sheets === null || (finding.location.sheet !== null && m.sheets.has(foldKey(finding.location.sheet)))) &&
        (m.rules === null || m.rules.has(finding.ruleId)) &&
        (m.touchpoints === null || (finding.touchpoint !== null && m.touchpoints.has(foldKey(finding.touchpoint)))) &&
        (m.personas === null || (finding.persona !== null && m.personas.has(foldKey(finding.persona)))) &&
        (m.stages === null || (finding.stage !== null && m.stages.has(finding.stage))),
    );
    (matches ? ignored : kept).push(finding);
  }
  return { kept, ignored };
}
