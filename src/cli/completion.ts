import type { Command, Option } from 'commander';

/** The shells `journey completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What completes an option's value or an argument: fixed words, folders, file names, or nothing (a number, a name). */
type Values = { words: readonly string[] } | 'folders' | 'files' | 'none';

interface OptionSpec {
  short: string | null;
  long: string | null;
  description: string;
  /** null: the option takes no value. */
  values: Values | null;
  repeatable: boolean;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What the command's arguments complete to, first argument first; the last repeats when variadic. */
  args: Values[];
  variadic: boolean;
}

/** Argument names whose values are known words (explain's rule ids), by argument name. */
export type ArgumentWords = Record<string, readonly string[]>;

const FOLDER_ARGUMENTS = new Set(['folder']);

function optionSpec(option: Option): OptionSpec {
  const takesValue = option.required || option.optional;
  // The value's placeholder says what it is: <file>, <folder>, or something else to type (<count>, <name>).
  const values: Values | null = !takesValue
    ? null
    : option.argChoices
      ? { words: option.argChoices }
      : /<(file|path)/.test(option.flags)
        ? 'files'
        : /<(folder|dir)/.test(option.flags)
          ? 'folders'
          : 'none';
  return {
    short: option.short ?? null,
    long: option.long ?? null,
    description: option.description,
    values,
    repeatable: option.variadic || /repeatable/.test(option.description),
  };
}

/** The commands, options and arguments of the program, as the scripts need them: read from commander, so they never drift. */
export function describeProgram(program: Command, argumentWords: ArgumentWords = {}): { global: OptionSpec[]; commands: CommandSpec[] } {
  const help: OptionSpec = { short: '-h', long: '--help', description: 'display help for command', values: null, repeatable: false };
  const commands = program.commands.map((command) => {
    const args = command.registeredArguments.map((argument): Values => {
      if (argument.argChoices) return { words: argument.argChoices };
      const words = argumentWords[argument.name()];
      if (words) return { words };
      return FOLDER_ARGUMENTS.has(argument.name()) ? 'folders' : 'files';
    });
    return {
      name: command.name(),
      description: command.description(),
      options: [...command.options.map(optionSpec), help],
      args,
      variadic: command.registeredArguments.at(-1)?.variadic ?? false,
    };
  });
  return { global: [...program.options.map(optionSpec), help], commands };
}

/** Text safe inside a single-quoted shell word. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const flagsOf = (option: OptionSpec) => [option.short, option.long].filter((flag): flag is string => flag !== null);

function bash(program: ReturnType<typeof describeProgram>, name: string): string {
  const fn = `_${name.replace(/[^a-zA-Z0-9_]/g, '_')}_completion`;
  const words = (values: Values) => (typeof values === 'string' ? '' : values.words.join(' '));
  const reply = (values: Values) =>
    values === 'none'
      ? 'COMPREPLY=()'
      : values === 'files'
        ? 'COMPREPLY=( $(compgen -f -- "$cur") )'
        : values === 'folders'
          ? 'COMPREPLY=( $(compgen -d -- "$cur") )'
          : `COMPREPLY=( $(compgen -W ${quoted(words(values))} -- "$cur") )`;
  const cases = program.commands.map((command) => {
    const valued = command.options.filter((option) => option.values !== null);
    const byPrev = valued.map((option) => `        ${flagsOf(option).join('|')}) ${reply(option.values!)}; return ;;`);
    const flags = command.options.flatMap(flagsOf).join(' ');
    // Which argument is being typed: words so far that are neither options nor option values.
    const args = command.args.map((values, i) => `          ${i}) ${reply(values)} ;;`);
    const last = command.args.at(-1);
    const rest = command.variadic && last ? `          *) ${reply(last)} ;;` : '          *) COMPREPLY=() ;;';
    const valuedFlags = valued.flatMap(flagsOf).join('|') || '--never-a-flag';
    return [
      `    ${command.name})`,
      '      case "$prev" in',
      ...byPrev,
      '      esac',
      `      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W ${quoted(flags)} -- "$cur") ); return; fi`,
      '      local n=0 i',
      '      for (( i=2; i < COMP_CWORD; i++ )); do',
      '        case "${COMP_WORDS[i]}" in',
      `          ${valuedFlags}) (( i++ )) ;;`,
      '          -*) ;;',
      '          *) (( n++ )) ;;',
      '        esac',
      '      done',
      '      case $n in',
      ...args,
      rest,
      '      esac',
      '      ;;',
    ].join('\n');
  });
  const commandNames = program.commands.map((command) => command.name).join(' ');
  const globalFlags = program.global.flatMap(flagsOf).join(' ');
  return `# bash completion for ${name}, generated by \`${name} completion bash\`.
# Load it in ~/.bashrc:  source <(${name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=( $(compgen -W ${quoted(`${commandNames} ${globalFlags}`)} -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -o default -F ${fn} ${name}
`;
}

/** A description as zsh's _arguments and _describe take it: one line, no brackets or colons. */
const zshText = (text: string) =>
  text
    .replace(/[[\]:\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/'/g, '’')
    .trim();

function zsh(program: ReturnType<typeof describeProgram>, name: string): string {
  const action = (values: Values, label: string) =>
    values === 'none'
      ? `:${label}: `
      : values === 'files'
        ? `:${label}:_files`
        : values === 'folders'
          ? `:${label}:_files -/`
          : `:${label}:(${values.words.join(' ')})`;
  const optionSpecs = (options: OptionSpec[]) =>
    options.flatMap((option) =>
      flagsOf(option).map(
        (flag) => `'${option.repeatable ? '*' : ''}${flag}[${zshText(option.description)}]${option.values === null ? '' : action(option.values, 'value')}'`,
      ),
    );
  const cases = program.commands.map((command) => {
    const args = command.args.map((values, i) => `'${command.variadic && i === command.args.length - 1 ? '*' : `${i + 1}`}${action(values, 'argument')}'`);
    return `    ${command.name})\n      _arguments -s \\\n        ${[...optionSpecs(command.options), ...args].join(' \\\n        ')}\n      ;;`;
  });
  const described = program.commands.map((command) => `'${command.name}:${zshText(command.description)}'`);
  return `#compdef ${name}
# zsh completion for ${name}, generated by \`${name} completion zsh\`.
# Load it in ~/.zshrc (after compinit):  source <(${name} completion zsh)
_${name}() {
  local -a commands
  commands=(
    ${described.join('\n    ')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands '${name} command' commands
    _arguments -s ${optionSpecs(program.global).join(' ')}
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
${cases.join('\n')}
  esac
}
compdef _${name} ${name}
`;
}

function fish(program: ReturnType<typeof describeProgram>, name: string): string {
  const lines = [
    `# fish completion for ${name}, generated by \`${name} completion fish\`.`,
    `# Install it:  ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
  ];
  const option = (spec: OptionSpec, condition: string) => {
    const parts = [`complete -c ${name} -n ${quoted(condition)}`];
    if (spec.short) parts.push(`-s ${spec.short.slice(1)}`);
    if (spec.long) parts.push(`-l ${spec.long.slice(2)}`);
    if (spec.values === 'none') parts.push('-x');
    else if (spec.values !== null) parts.push(typeof spec.values === 'string' ? '-r -F' : `-x -a ${quoted(spec.values.words.join(' '))}`);
    parts.push(`-d ${quoted(spec.description)}`);
    return parts.join(' ');
  };
  for (const spec of program.global) lines.push(option(spec, '__fish_use_subcommand'));
  for (const command of program.commands) {
    lines.push(`complete -c ${name} -n __fish_use_subcommand -a ${command.name} -d ${quoted(command.description)}`);
    const when = `__fish_seen_subcommand_from ${command.name}`;
    for (const spec of command.options) lines.push(option(spec, when));
    // Arguments: known words, else files (fish cannot tell the first argument from the second simply).
    const words = command.args.flatMap((values) => (typeof values === 'string' ? [] : values.words));
    if (words.length > 0) lines.push(`complete -c ${name} -n ${quoted(when)} -a ${quoted(words.join(' '))}`);
    if (command.args.some((values) => values === 'files' || values === 'folders')) lines.push(`complete -c ${name} -n ${quoted(when)} -F`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for a shell, generated from the commander program. */
export function completionScript(shell: Shell, program: Command, argumentWords: ArgumentWords = {}): string {
  const spec = describeProgram(program, argumentWords);
  const name = program.name();
  return shell === 'bash' ? bash(spec, name) : shell === 'zsh' ? zsh(spec, name) : fish(spec, name);
}
