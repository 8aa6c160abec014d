import { ConfigError } from '../errors.js';
import type { Config } from '../config/schema.js';
import { columnIndex } from '../load/address.js';
import type { Finding, JourneyModel, Location, Severity } from '../model/schema.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

/** A rule switched on, with its severity and parsed options. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

/** The rules a config turns on, each with its severity and validated options (defaults filled in). */
export function enabledRules(config: Config): EnabledRule[] {
  for (const id of Object.keys(config.rules)) {
    if (!RULES.some((rule) => rule.id === id)) throw new ConfigError(`rules.${id}: no such rule (journey rules lists them)`);
  }
  const enabled: EnabledRule[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    const [level, rawOptions] = Array.isArray(setting) ? setting : [setting, {}];
    if (level === 'off') continue;
    const parsed = rule.options.safeParse(rawOptions);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(`rules.${rule.id}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
    }
    enabled.push({ rule, severity: level, options: parsed.data });
  }
  return enabled;
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
    return a.finding.ruleId.localeCompare(b.finding.ruleId) || a.order - b.order;
  });
  return keyed.map((entry) => entry.finding);
}

/** Runs every enabled rule over the model and returns their findings, sorted. */
export function runRules(model: JourneyModel, rules: EnabledRule[]): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of rules) {
    for (const report of rule.check({ model, options })) findings.push({ ruleId: rule.id, severity, ...report });
  }
  return sortFindings(findings, model);
}
