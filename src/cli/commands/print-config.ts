// `journey print-config FILE`: the resolved config (defaults merged in) that applies to an inventory.
import type { Command } from 'commander';
import { ConfigResolver } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import { jsonStringify } from '../../escape.js';
import { COLUMN_NAMES } from '../../model/columns.js';
import type { Field } from '../../model/schema.js';
import { configOption } from '../flags.js';

/** A resolved config as plain JSON: what `journey print-config` shows. */
export function resolvedConfigJson(config: ResolvedConfig): Record<string, unknown> {
  const columns = Object.fromEntries(
    (Object.keys(COLUMN_NAMES) as Field[]).map((field) => [field, [...(config.normalize.columns[field] ?? []), ...COLUMN_NAMES[field]]]),
  );
  return {
    configFile: config.file,
    rules: Object.fromEntries(config.rules.map(({ rule, level, options }) => [rule.id, Object.keys(options as object).length > 0 ? [level, options] : level])),
    stageModel: { ...(config.normalize.stageSource ?? { kind: 'default', name: 'lifecycle' }), fromFiles: config.normalize.stageSource?.kind !== 'config' },
    stages: config.normalize.stageModel.stages,
    channels: config.normalize.channels,
    synonyms: config.normalize.synonyms ?? {},
    columns,
    sentiment: { words: config.normalize.sentimentWords ?? {} },
    stageOwners: config.settings.stageOwners,
    personas: config.settings.personas,
    ignore: config.ignore,
    limits: config.limits,
    interview: config.interview,
  };
}

export function registerPrintConfig(program: Command): void {
  program
    .command('print-config')
    .description('print the resolved config (defaults merged in) that applies to an inventory')
    .argument('<file>', 'inventory file whose config to show')
    .addOption(configOption())
    .action(async (file: string, flags: { config?: string }) => {
      const config = await new ConfigResolver(flags.config ?? null).forFile(file);
      process.stdout.write(`${jsonStringify(resolvedConfigJson(config), 2)}\n`);
    });
}
