// `journey explain RULE`: a rule's docs, with the options the config gives it.
import type { Command } from 'commander';
import { ConfigResolver } from '../../config/load.js';
import { ConfigError } from '../../errors.js';
import { terminalLines } from '../../escape.js';
import { nearest } from '../../model/text.js';
import { RULES, findRule } from '../../rules/index.js';
import { configOption } from '../flags.js';
import { explainText } from '../rule-help.js';

function unknownRule(id: string): ConfigError {
  const near = nearest(id, RULES.map((rule) => rule.id));
  return new ConfigError(`no rule "${id}"${near ? `; did you mean "${near}"?` : ''} (journey rules lists them)`);
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description("print a rule's docs: why it matters, what triggers it, options, how to fix, an example")
    .argument('<rule>', 'rule id')
    .addOption(configOption())
    .action(async (id: string, flags: { config?: string }) => {
      const rule = findRule(id);
      if (!rule) throw unknownRule(id);
      const config = await new ConfigResolver(flags.config ?? null).forFile(null);
      // Stage labels and teams come from the config: printed through the terminal escaper like every line.
      process.stdout.write(terminalLines(explainText(rule, config)));
    });
}
