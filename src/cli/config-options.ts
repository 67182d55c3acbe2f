// Applying the configuration file to the command that runs (see README "Configuration file"). A
// value from the file fills only an option the command line left at its default, and it is read
// exactly as the same text typed after the flag would be (choices, whole numbers, dates), so an
// error names the file:line:column it is written at.
//
// The top level holds defaults for every command: a key a command has no option for, or a value
// outside its choices (`format: sarif` for batch), is skipped for that command. In the command's
// own section the same is an error: the section names the command, so the value was meant for it.

import type { Command, Option } from 'commander';
import { CscheckError } from '../schema/errors.js';
import type { ConfigValue } from './config-file.js';
import { loadConfig } from './config-file.js';

/** The section of the configuration a command reads: its own name (`plans lint` → `lint`). */
const sectionName = (cmd: Command) => cmd.name();

/** A switch (--quiet, --no-color) takes no value on the command line; in the file it is true or false. */
const isSwitch = (option: Option) => !option.required && !option.optional;

/** `--fail-on`: how an option is named in messages. */
const flagOf = (option: Option) => option.long ?? option.flags;

/** `--config`/`--no-config` after the command, else before it (`cscheck --no-config evaluate …`). */
function configChoice(cmd: Command): string | false | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    if (c.getOptionValueSource('config') === 'cli') return c.getOptionValue('config') as string | false;
  }
  return undefined;
}

/** Fills the options the command line left at their defaults; `lang` first, so that later errors speak it. */
/** An option's parser by attribute name (options.ts holds them; handed in, so this module imports none of it back). */
export type ReaderOf = (key: string) => ((value: string, flag: string) => unknown) | undefined;

export function applyConfig(cmd: Command, cwd: string, readerOf: ReaderOf, onLang: (lang: string) => void): void {
  const config = loadConfig({ config: configChoice(cmd), cwd });
  if (!config) return;
  const byKey = new Map(cmd.options.map((o) => [o.attributeName(), o]));
  const entries = [...config.forCommand(sectionName(cmd))].sort(([a], [b]) => Number(b === 'lang') - Number(a === 'lang'));
  for (const [key, entry] of entries) {
    const option = byKey.get(key);
    if (!option) {
      if (entry.inSection) throw new CscheckError('config.no-option', { command: commandPath(cmd), option: `--${kebab(key)}` }, entry.where);
      continue;
    }
    const source = cmd.getOptionValueSource(key);
    if (source !== undefined && source !== 'default') continue;
    const value = configValue(option, entry, readerOf);
    if (value === SKIP) continue;
    cmd.setOptionValueWithSource(key, value, 'config');
    if (key === 'lang') onLang(value as string);
  }
}

const SKIP = Symbol('skip');

/** The value as the command line would have it after its parser; SKIP for a top-level value this command does not take. */
function configValue(option: Option, entry: ConfigValue, readerOf: ReaderOf): unknown {
  const flag = flagOf(option);
  if (typeof entry.value === 'boolean') {
    // A switch (--quiet, --no-color) takes true or false; an option with a value does not.
    if (!isSwitch(option)) return refuse(entry, flag, String(entry.value), option);
    return entry.value;
  }
  if (isSwitch(option)) return refuse(entry, flag, String(entry.value), option);
  const text = String(entry.value);
  const choices = option.argChoices;
  if (choices && !choices.includes(text)) return refuse(entry, flag, text, option);
  const reader = readerOf(option.attributeName());
  if (!reader) return entry.value;
  try {
    return reader(text, flag);
  } catch (err) {
    // The parser's own message, placed where the value is written.
    if (err instanceof CscheckError) throw new CscheckError(err.messageId, err.args, entry.where);
    throw err;
  }
}

function refuse(entry: ConfigValue, option: string, value: string, o: Option): typeof SKIP {
  if (!entry.inSection) return SKIP;
  const choices = o.argChoices?.join(', ') ?? (isSwitch(o) ? 'true, false' : '…');
  throw new CscheckError('config.bad-value', { option, value, choices }, entry.where);
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `plans lint`, `evaluate`: the command as typed. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
