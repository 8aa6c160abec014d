import { reportPath } from '../engine/paths.js';
import { jsonStringify, sarifText, shorten, wellFormed } from '../escape.js';
import { type Severity, findingSentence } from '../model/schema.js';
import { RULES } from '../rules/index.js';
import type { Formatter } from './types.js';
import { placeOf } from './wording.js';
import { journeyVersion } from '../version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as a SARIF artifact URI; encodeURI throws on a lone surrogate, so those are replaced first. */
const uri = (path: string) => encodeURI(wellFormed(path));

/** SARIF 2.1.0 as GitHub code scanning reads it: every rule described, each result at its file and row, fingerprinted without the row. */
export const formatSarif: Formatter = (result, options) => {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. ${rule.docs.why}` },
    help: {
      text: `${rule.docs.why}\n\nWhat triggers it: ${rule.docs.triggers}\n\nHow to fix: ${rule.docs.fix}\n\nExample: ${rule.docs.example}`,
      markdown: `${rule.docs.why}\n\n**What triggers it:** ${rule.docs.triggers}\n\n**How to fix:** ${rule.docs.fix}\n\n**Example:** ${rule.docs.example}\n\nRun \`journey explain ${rule.id}\` for its options.`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = result.findings.map((finding) => {
    const where = shorten(placeOf(finding.location));
    const region = finding.location.row !== null ? { startLine: finding.location.row } : { startLine: 1 };
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: sarifText(`${where}: ${findingSentence(finding)}`) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: uri(reportPath(finding.location.file, options.cwd)) }, region },
          logicalLocations: [
            finding.location.cell !== null
              ? { name: finding.location.cell.replace(/^.*!/, ''), fullyQualifiedName: finding.location.cell, kind: 'element' }
              : {
                  name: finding.location.sheet ?? reportPath(finding.location.file, options.cwd),
                  kind: finding.location.sheet !== null ? 'module' : 'resource',
                },
          ],
        },
      ],
      partialFingerprints: { 'journeyFinding/v1': finding.fingerprint },
    };
  });
  const notifications = result.files
    .filter((file) => file.error !== null)
    .map((file) => ({
      level: 'error',
      message: { text: sarifText(file.error!) },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(reportPath(file.file, options.cwd)) } } }],
    }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'journey',
            version: journeyVersion(),
            semanticVersion: journeyVersion(),
            informationUri: 'https://www.npmjs.com/package/journey-audit',
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${jsonStringify(sarif, 2)}\n`;
};
