// `journey completion SHELL`: a completion script, generated from the program itself.
import { Argument, type Command } from 'commander';
import { RULES } from '../../rules/index.js';

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish (e.g. source <(journey completion bash))')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('../completion.js');
      // Generated from this very program, so every command, option and choice is in it; explain completes rule ids.
      process.stdout.write(completionScript(shell, program, { rule: RULES.map((rule) => rule.id) }));
    });
}
