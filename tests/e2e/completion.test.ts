import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-completion-'));
const script = (shell: string) => {
  const run = journey(['completion', shell]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

/** The commands `journey --help` lists, and the long options `journey <command> --help` lists. */
const commands = () => [...journey(['--help']).stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
const longOptions = (command: string) => [...journey([command, '--help']).stdout.matchAll(/(--[a-z][a-z-]*)/g)].map((m) => m[1]!);

/** What bash completes for a command line, the cursor at its end (an empty last word when it ends in a space). */
function bashComplete(line: string): string[] {
  const path = join(dir, 'journey.bash');
  writeFileSync(path, script('bash'));
  const words = line.split(' ');
  const program = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _journey_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['--noprofile', '--norc', '-c', program], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean);
}

describe('journey completion', () => {
  it('writes bash, zsh and fish scripts naming every command and every option, read from the program itself', () => {
    const names = commands();
    expect(names).toEqual(expect.arrayContaining(['audit', 'report', 'diff', 'map', 'explain', 'init', 'init-config', 'completion']));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = script(shell);
      for (const name of names) expect(text, `${shell}: ${name}`).toContain(name);
      for (const name of ['audit', 'map', 'diff']) {
        for (const option of longOptions(name)) expect(text, `${shell}: ${name} ${option}`).toContain(shell === 'fish' ? `-l ${option.slice(2)}` : option);
      }
    }
    expect(journey(['completion', 'powershell']).code).toBe(2);
  });

  it('completes in bash: commands, options, option values, rule ids for explain, files for inputs', () => {
    expect(bashComplete('journey au')).toEqual(['audit']);
    expect(bashComplete('journey audit --fo')).toEqual(['--format', '--force']);
    expect(bashComplete('journey audit x.csv -f ')).toEqual(['compact', 'github', 'json', 'junit', 'markdown', 'sarif', 'stylish']);
    expect(bashComplete('journey audit --fail-on w')).toEqual(['warning']);
    expect(bashComplete('journey explain handoff')).toEqual(['handoff-lag']);
    expect(bashComplete('journey completion ')).toEqual(['bash', 'zsh', 'fish']);
    writeFileSync(join(dir, 'inventory.csv'), '');
    expect(bashComplete('journey audit inv')).toEqual(['inventory.csv']);
    // A value that is typed, not chosen, offers nothing.
    expect(bashComplete('journey audit --max-warnings ')).toEqual([]);
  });

  it('writes zsh and fish scripts their shells accept', () => {
    for (const shell of ['zsh', 'fish']) {
      if (spawnSync(shell, ['--version']).status !== 0) {
        process.stdout.write(`skipped: checking the ${shell} completion script's syntax (${shell} is not installed)\n`);
        continue;
      }
      const path = join(dir, `journey.${shell}`);
      writeFileSync(path, script(shell));
      const check = spawnSync(shell, ['-n', path], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      if (shell === 'fish') {
        const complete = (line: string) =>
          spawnSync('fish', ['-c', `source ${path}; complete -C '${line}'`], { encoding: 'utf8' })
            .stdout.split('\n')
            .filter(Boolean)
            .map((l) => l.split('\t')[0]);
        expect(complete('journey explain handoff')).toEqual(['handoff-lag']);
        expect(complete('journey audit --fail-on ').sort()).toEqual(['error', 'info', 'never', 'warning']);
      } else {
        const load = spawnSync('zsh', ['-c', `autoload -U compinit; compinit -u; source ${path}; print -r -- $_comps[journey]`], { encoding: 'utf8' });
        expect(load.stdout.trim(), load.stderr).toBe('_journey');
      }
    }
    expect(script('zsh')).toMatch(/^#compdef journey\n/);
    expect(script('zsh')).toContain("'--format[output format");
    expect(script('fish')).toContain("complete -c journey -n '__fish_seen_subcommand_from explain' -a 'automation-opportunity ");
  });
});
