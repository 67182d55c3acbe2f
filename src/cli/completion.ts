// `cscheck completion bash|zsh|fish`: a completion script generated from the command tree itself,
// so a new option completes without anyone remembering this file. Plan ids and indicator ids are
// written into the script when it is generated (they change only with cscheck's own version).

import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Words that complete values: the bundled plan ids, and every indicator id of the bundled plans. */
export interface CompletionWords {
  plans: string[];
  indicators: string[];
}

interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** What its value completes to: a word list (choices, plan ids), files too, or nothing (a flag). */
  value: { words: string[]; files: boolean } | null;
}

interface CommandSpec {
  /** The words that lead to it: [] for cscheck itself, ['plans', 'lint'] for `plans lint`. */
  path: string[];
  description: string;
  options: OptionSpec[];
  subcommands: CommandSpec[];
  /** What its arguments complete to. */
  args: { words: string[]; files: boolean };
}

/** A help text's first clause, one line, for a completion menu. */
function short(text: string): string {
  const line = text.split(/[:;\n]|, (?=[a-z])/)[0].trim();
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

function optionSpec(o: Option, words: CompletionWords): OptionSpec {
  const takesValue = o.required || o.optional;
  const name = o.attributeName();
  const value = !takesValue ? null : o.argChoices ? { words: o.argChoices, files: false } : name === 'plan' ? { words: words.plans, files: true } : { words: [], files: true };
  return { short: o.short, long: o.long, description: short(o.description), value };
}

function spec(cmd: Command, words: CompletionWords, path: string[]): CommandSpec {
  const help: OptionSpec = { short: '-h', long: '--help', description: 'help', value: null };
  const options = [...cmd.options.map((o) => optionSpec(o, words)), help];
  const argNames = cmd.registeredArguments.map((a) => a.name());
  const args = argNames.includes('indicator') ? { words: words.indicators, files: false } : argNames.some((n) => n === 'plan' || n === 'plans') ? { words: words.plans, files: true } : { words: [], files: argNames.length > 0 };
  const subcommands = cmd.commands.filter((c) => c.name() !== 'help').map((c) => spec(c, words, [...path, c.name()]));
  return { path, description: short(cmd.description()), options, subcommands, args };
}

function all(root: CommandSpec): CommandSpec[] {
  const out: CommandSpec[] = [];
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    stack.push(...c.subcommands);
  }
  return out.sort((a, b) => a.path.join(' ').localeCompare(b.path.join(' ')));
}

const flags = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));
/** A shell word in single quotes. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(root: CommandSpec, name: string): string {
  const specs = all(root);
  const lines = [
    `# ${name} completion for bash. Load it in this shell: source <(npx ${name} completion bash)`,
    `# or for good: npx ${name} completion bash > ~/.local/share/bash-completion/completions/${name}`,
    `_${name}() {`,
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path="" w i opts="" words="" files=""',
    // Only words that extend a known command path count: option values never do.
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    w=${COMP_WORDS[i]}',
    '    case "${path:+$path }$w" in',
    ...specs.filter((s) => s.path.length).map((s) => `      ${sq(s.path.join(' '))}) path="${'${path:+$path }'}$w" ;;`),
    '    esac',
    '  done',
    '  case "$path" in',
  ];
  for (const s of specs) {
    lines.push(`    ${sq(s.path.join(' '))})`);
    const valued = s.options.filter((o) => o.value);
    if (valued.length) {
      lines.push('      case "$prev" in');
      for (const o of valued) {
        const reply = [o.value!.words.length ? `COMPREPLY=($(compgen -W ${sq(o.value!.words.join(' '))} -- "$cur"))` : 'COMPREPLY=()', o.value!.files ? 'COMPREPLY+=($(compgen -f -- "$cur"))' : ''].filter(Boolean).join('; ');
        lines.push(`        ${flags(o).join('|')}) ${reply}; return ;;`);
      }
      lines.push('      esac');
    }
    lines.push(`      opts=${sq(s.options.flatMap(flags).join(' '))}`);
    lines.push(`      words=${sq([...s.subcommands.map((c) => c.path[c.path.length - 1]), ...s.args.words].join(' '))}`);
    lines.push(`      files=${s.args.files ? 1 : '""'} ;;`);
  }
  lines.push(
    '  esac',
    '  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '  if [[ -n $files ]]; then COMPREPLY+=($(compgen -f -- "$cur")); fi',
    '}',
    `complete -o filenames -o bashdefault -F _${name} ${name}`,
    '',
  );
  return lines.join('\n');
}

/** zsh: `name:description` entries for _describe, with the colons of a description escaped. */
const described = (word: string, description: string) => sq(`${word.replace(/:/g, '\\:')}:${description.replace(/:/g, '\\:')}`);

function zsh(root: CommandSpec, name: string): string {
  const specs = all(root);
  const lines = [
    `#compdef ${name}`,
    `# ${name} completion for zsh. Load it in this shell: source <(npx ${name} completion zsh)`,
    `# or for good: npx ${name} completion zsh > "\${fpath[1]}/_${name}" (then restart zsh)`,
    `_${name}() {`,
    '  local p="" w i cur=${words[CURRENT]} prev=${words[CURRENT-1]}',
    '  local -a opts subs vals',
    '  local files=""',
    '  for ((i = 2; i < CURRENT; i++)); do',
    '    w=${words[i]}',
    '    case "${p:+$p }$w" in',
    ...specs.filter((s) => s.path.length).map((s) => `      (${s.path.join('\\ ')}) p="${'${p:+$p }'}$w" ;;`),
    '    esac',
    '  done',
    '  case "$p" in',
  ];
  for (const s of specs) {
    lines.push(`    (${s.path.length ? s.path.join('\\ ') : "''"})`);
    const valued = s.options.filter((o) => o.value);
    if (valued.length) {
      lines.push('      case "$prev" in');
      for (const o of valued) {
        const words = o.value!.words.length ? `vals=(${o.value!.words.map(sq).join(' ')}); compadd -a vals; ` : '';
        lines.push(`        (${flags(o).join('|')}) ${words}${o.value!.files ? '_files; ' : ''}return ;;`);
      }
      lines.push('      esac');
    }
    lines.push(`      opts=(${s.options.flatMap((o) => flags(o).map((f) => described(f, o.description))).join(' ')})`);
    lines.push(`      subs=(${s.subcommands.map((c) => described(c.path[c.path.length - 1], c.description)).join(' ')})`);
    lines.push(`      vals=(${s.args.words.map(sq).join(' ')})`);
    lines.push(`      files=${s.args.files ? 1 : '""'} ;;`);
  }
  lines.push(
    '  esac',
    "  if [[ $cur == -* ]]; then _describe 'option' opts; return; fi",
    "  (( ${#subs} )) && _describe 'command' subs",
    '  (( ${#vals} )) && compadd -a vals',
    '  [[ -n $files ]] && _files',
    '  return 0',
    '}',
    `if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _${name} "$@"; else compdef _${name} ${name}; fi`,
    '',
  );
  return lines.join('\n');
}

function fish(root: CommandSpec, name: string): string {
  const specs = all(root);
  const lines = [
    `# ${name} completion for fish. Load it in this shell: npx ${name} completion fish | source`,
    `# or for good: npx ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
  ];
  // The condition that a command line is inside `path` (and, for a command with subcommands, not yet in one of them).
  const inside = (s: CommandSpec) => {
    const seen = s.path.map((w) => `__fish_seen_subcommand_from ${w}`);
    const subs = s.subcommands.map((c) => c.path[c.path.length - 1]);
    const notYet = subs.length ? [`not __fish_seen_subcommand_from ${subs.join(' ')}`] : [];
    const conditions = s.path.length ? [...seen, ...notYet] : ['__fish_use_subcommand'];
    return sq(conditions.join('; and '));
  };
  const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  for (const s of specs) {
    const cond = inside(s);
    for (const c of s.subcommands) lines.push(`complete -c ${name} -n ${cond} -a ${c.path[c.path.length - 1]} -d ${fq(c.description)}`);
    for (const o of s.options) {
      const parts = [`complete -c ${name} -n ${cond}`];
      if (o.short) parts.push(`-s ${o.short.slice(1)}`);
      if (o.long) parts.push(`-l ${o.long.slice(2)}`);
      if (o.value) parts.push(o.value.files ? '-r -F' : '-x');
      if (o.value?.words.length) parts.push(`-a ${fq(o.value.words.join(' '))}`);
      parts.push(`-d ${fq(o.description)}`);
      lines.push(parts.join(' '));
    }
    if (s.args.words.length) lines.push(`complete -c ${name} -n ${cond} -a ${fq(s.args.words.join(' '))}`);
    if (s.args.files) lines.push(`complete -c ${name} -n ${cond} -F`);
  }
  return lines.join('\n') + '\n';
}

/** The completion script for a shell, from the program's commands and options. */
export function completionScript(shell: Shell, program: Command, words: CompletionWords): string {
  const root = spec(program, words, []);
  const name = program.name();
  return shell === 'bash' ? bash(root, name) : shell === 'zsh' ? zsh(root, name) : fish(root, name);
}
