// `journey rules`: every rule, its default severity, whether the config turns it on, its description.
import type { Command } from 'commander';
import { ConfigResolver } from '../../config/load.js';
import { terminalLines } from '../../escape.js';
import { RULES } from '../../rules/index.js';
import { configOption } from '../flags.js';
import { rulesTable } from '../rule-help.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every rule: id, default severity, whether the current config turns it on, description')
    .addOption(configOption())
    .action(async (flags: { config?: string }) => {
      const config = await new ConfigResolver(flags.config ?? null).forFile(null);
      // Stage labels and teams come from the config: printed through the terminal escaper like every line.
      process.stdout.write(terminalLines(rulesTable(RULES, config)));
    });
}
