import { cellOf } from '../model/cells.js';
import type { Finding, JourneyModel, Severity, Touchpoint } from '../model/schema.js';
import { nearest } from '../model/text.js';
import { clip } from '../rules/wording.js';
import { fingerprintOf } from './fingerprint.js';

/** `journey-ignore: rule-a, rule-b` anywhere in a Notes cell; ids are kebab-case. */
const DIRECTIVE = /journey-ignore:\s*([a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)/gi;

/** One rule a row's Notes cell silences. */
interface Suppression {
  ruleId: string;
  touchpoint: Touchpoint;
  used: boolean;
}

const rowKey = (file: string, sheet: string | null, row: number | null) => `${file}\u0000${sheet ?? ''}\u0000${row ?? ''}`;

/**
 * Applies the inline suppressions of an inventory: a `journey-ignore: rule-id` note in a row's Notes
 * cell silences that rule's findings located on that row. Notes that silence nothing, or name no rule,
 * become `unused-suppression` findings at the Notes cell when that rule is on (`unusedSeverity`).
 */
export function applySuppressions(
  findings: Finding[],
  model: JourneyModel,
  ruleIds: readonly string[],
  unusedSeverity: Severity | null,
): { kept: Finding[]; suppressed: number; unused: Finding[] } {
  const byRow = new Map<string, Suppression[]>();
  for (const touchpoint of model.touchpoints) {
    // Most notes are blank or plain prose: a substring check before the expression.
    if (touchpoint.notes === null || !touchpoint.notes.toLowerCase().includes('journey-ignore:')) continue;
    const key = rowKey(touchpoint.place.file, touchpoint.place.sheet, touchpoint.row);
    for (const match of touchpoint.notes.matchAll(DIRECTIVE)) {
      for (const id of match[1]!.split(',')) {
        const list = byRow.get(key) ?? [];
        list.push({ ruleId: id.trim().toLowerCase(), touchpoint, used: false });
        byRow.set(key, list);
      }
    }
  }
  if (byRow.size === 0) return { kept: findings, suppressed: 0, unused: [] };
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    const suppression = byRow.get(rowKey(finding.location.file, finding.location.sheet, finding.location.row))?.find((s) => s.ruleId === finding.ruleId);
    if (suppression) {
      suppression.used = true;
      suppressed++;
    } else kept.push(finding);
  }
  const unused: Finding[] = [];
  if (unusedSeverity !== null) {
    for (const list of byRow.values()) {
      for (const { ruleId, touchpoint, used } of list) {
        if (used) continue;
        const name = clip(touchpoint.name);
        const known = ruleIds.includes(ruleId);
        const near = known ? null : nearest(ruleId, ruleIds);
        const message = known
          ? `Unused suppression of "${ruleId}" in the notes of "${name}": no ${ruleId} finding on row ${touchpoint.row}`
          : `Suppression of "${ruleId}" in the notes of "${name}" names no rule`;
        const fix = known ? `remove "journey-ignore: ${ruleId}" from the note.` : near ? `did you mean "${near}"?` : 'journey rules lists them.';
        const finding: Finding = {
          ruleId: 'unused-suppression',
          severity: unusedSeverity,
          message,
          fix,
          location: cellOf(touchpoint, 'notes'),
          related: [],
          persona: touchpoint.persona,
          stage: touchpoint.stage,
          touchpoint: touchpoint.name,
          fingerprint: '',
        };
        // Its identity is the rule it names: the row number in the message changes when rows move.
        finding.fingerprint = fingerprintOf(finding, undefined, ruleId);
        unused.push(finding);
      }
    }
  }
  return { kept, suppressed, unused };
}
