import type { ResolvedConfig } from '../config/resolve.js';
import { columnIndex } from '../load/address.js';
import type { Finding, JourneyModel, Location, Severity } from '../model/schema.js';
import type { JourneySettings, Rule } from '../rules/rule.js';
import { fingerprintOf, rememberIdentity } from './fingerprint.js';

/** A rule switched on, with its severity and parsed options. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

/** The rules a resolved config turns on, in id order. */
export function enabledRules(config: ResolvedConfig): EnabledRule[] {
  return config.rules.flatMap(({ rule, level, options }) => (level === 'off' ? [] : [{ rule, severity: level, options }]));
}

/** Today as YYYY-MM-DD; SOURCE_DATE_EPOCH (seconds) fixes it so a report can be reproduced byte for byte. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

/** Orders findings as a reader walks the inventory: file, sheet, row, column, then rule and report order. */
export function sortFindings(findings: Finding[], model: JourneyModel): Finding[] {
  const fileOrder = new Map(model.files.map((file, index) => [file.file, index]));
  const sheetOrder = new Map<string, number>();
  for (const file of model.files) file.sheets.forEach((sheet, index) => sheetOrder.set(`${file.file}\u0000${sheet.sheet}`, index));
  const position = (location: Location) => [
    fileOrder.get(location.file) ?? Number.MAX_SAFE_INTEGER,
    sheetOrder.get(`${location.file}\u0000${location.sheet}`) ?? -1,
    location.row ?? 0,
    location.column === null ? -1 : columnIndex(location.column),
  ];
  const keyed = findings.map((finding, order) => ({ finding, order, key: position(finding.location) }));
  // Ties keep the order each rule reported in (missing stages in stage order, say).
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : a.order - b.order;
  });
  return keyed.map((entry) => entry.finding);
}

/** Runs every enabled rule over the model and returns their findings, sorted. */
export function runRules(model: JourneyModel, rules: EnabledRule[], settings: JourneySettings, date: string = today()): Finding[] {
  const findings: Finding[] = [];
  const stageRules = rules.filter(({ rule }) => rule.needsStages).map(({ rule }) => rule.id);
  for (const { rule, severity, options } of rules) {
    for (const report of rule.check({ model, options, settings, today: date, stageRules })) {
      // One object per finding, fields in the schema's order (docs/design.md, One object per thing).
      const finding: Finding = {
        ruleId: rule.id,
        severity,
        message: report.message,
        fix: report.fix,
        location: report.location,
        related: report.related,
        persona: report.persona,
        stage: report.stage,
        touchpoint: report.touchpoint,
        fingerprint: '',
      };
      finding.fingerprint = fingerprintOf(finding, undefined, report.identity);
      rememberIdentity(finding, report.identity);
      findings.push(finding);
    }
  }
  return sortFindings(findings, model);
}
