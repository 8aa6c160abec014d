import * as z from 'zod';
import type { ResolvedConfig } from '../config/resolve.js';
import { STAGE_MODELS } from '../model/stage-models.js';
import type { Rule } from '../rules/rule.js';

interface OptionSchema {
  type?: string;
  enum?: unknown[];
  items?: OptionSchema;
  anyOf?: OptionSchema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

/** A JSON-schema type in words: "integer ≥ 0", "array of string", "one of a, b". */
function typeText(schema: OptionSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.anyOf) return schema.anyOf.map(typeText).join(' or ');
  if (schema.type === 'array') return `array of ${schema.items ? typeText(schema.items) : 'values'}`;
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? `≤ ${schema.maximum}` : '',
  ].filter(Boolean);
  return [schema.type ?? 'value', ...bounds].join(' ');
}

/** A rule's options as lines: name, type, default, description. */
export function optionLines(rule: Rule): string[] {
  const schema = z.toJSONSchema(rule.options, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, OptionSchema> };
  return Object.entries(schema.properties ?? {}).flatMap(([name, option]) => [
    `${name}  ${typeText(option)}${option.default !== undefined ? `, default ${JSON.stringify(option.default)}` : ''}`,
    ...(option.description ? [`    ${option.description}`] : []),
  ]);
}

/** How the config sets a rule: "warning", "off", "error (config)". */
function levelText(rule: Rule, config: ResolvedConfig): string {
  const setting = config.rules.find((r) => r.rule.id === rule.id)!;
  return setting.level === 'off' ? 'off' : `on (${setting.level})`;
}

/** The `journey rules` table. */
export function rulesTable(rules: readonly Rule[], config: ResolvedConfig): string {
  const rows = rules.map((rule) => [rule.id, rule.defaultSeverity, levelText(rule, config), rule.description]);
  const head = ['Rule', 'Default', 'Current', 'Description'];
  const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  const source = config.file === null ? 'journey defaults (no journey.config.json found)' : config.file;
  return `${[line(head), ...rows.map(line)].join('\n')}\n\nCurrent: ${source}. \`journey explain RULE\` describes a rule.\n`;
}

/** The stage model a config puts in force, in words: where it comes from, then its stages in order. */
export function stagesText(config: ResolvedConfig): string {
  const { stageModel, stageSource } = config.normalize;
  const named = stageSource?.name ?? 'lifecycle';
  const from =
    stageSource?.kind === 'config'
      ? `${named === 'custom' ? 'a custom model' : `${named} (${STAGE_MODELS[named as keyof typeof STAGE_MODELS]?.title ?? named})`}, set in ${config.file ?? 'the config'}`
      : `${STAGE_MODELS.lifecycle.title}; an inventory whose stage values are mostly its own brings its own model (stage-model-from-file says so)`;
  return `${from}:\n${stageModel.stages.map((stage, i) => `${i + 1}. ${stage.label} (${stage.id})`).join('\n')}`;
}

/** The `journey explain RULE` text. */
export function explainText(rule: Rule, config: ResolvedConfig): string {
  const options = optionLines(rule);
  const defaults = rule.options.parse({}) as Record<string, unknown>;
  const setting = Object.keys(defaults).length > 0 ? `["${rule.defaultSeverity}", ${JSON.stringify(defaults)}]` : `"${rule.defaultSeverity}"`;
  const sections: [string, string][] = [
    ['Why it matters', rule.docs.why],
    ['What triggers it', rule.docs.triggers],
    ['Options', options.length > 0 ? options.join('\n') : 'none'],
    ['How to fix', rule.docs.fix],
    ['Example', rule.docs.example],
    ['Configure (journey.config.json)', `"rules": { "${rule.id}": ${setting} }`],
  ];
  if (rule.needsStages) sections.push(['Stages in force', stagesText(config)]);
  if (rule.reference) sections.push(['Reference', rule.reference()]);
  const header = `${rule.id}: ${rule.description}\nDefault: ${rule.defaultSeverity}; currently ${levelText(rule, config)}${config.file ? ` in ${config.file}` : ''}.`;
  return `${header}\n\n${sections.map(([title, body]) => `${title}\n  ${body.replace(/\n/g, '\n  ')}`).join('\n\n')}\n`;
}
