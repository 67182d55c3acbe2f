// The one line an error ends a run with (exit 2), and its stack with --debug. Loaded only when a
// run fails: the message catalogue and the location renderer are not needed otherwise.

import type { Command, CommanderError } from 'commander';
import { CscheckError } from '../schema/errors.js';
import type { Lang, MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { locationLine } from '../report/render.js';
import { boundedMessage, visible } from '../report/safe-text.js';
import type { CommonState } from './options.js';

export function errorLines(err: unknown, { lang, debug }: CommonState): string {
  if (err instanceof CscheckError) {
    // The line quotes file names and cell values: control characters in them must not reach the terminal.
    const where = locationLine(err.location, lang);
    const line = `cscheck: ${where ? `${where}: ` : ''}${visible(boundedMessage(err.messageId, err.args, lang))}\n`;
    return debug ? `${line}${err.stack}\n${err.cause instanceof Error ? err.cause.stack : ''}\n` : line;
  }
  const e = err as Error | undefined;
  const line = `cscheck: ${visible(e?.message ?? String(err))}\n`;
  return debug ? `${line}${e?.stack}\n` : line;
}

/** An option as the user types it: `--plan` for `-p, --plan <id|path>`. */
const optionName = (flags: string) => /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0];

/** commander's `(Did you mean X?)` / `(Did you mean one of X, Y?)`, if it made a suggestion. */
const suggestion = (text: string) => /\(Did you mean (?:one of )?(.+)\?\)/.exec(text)?.[1];

/**
 * Each usage error commander raises, by its code: the message and its arguments, read out of
 * commander's English (its only carrier of the names). Null: no pattern matched.
 */
function usageMessage(code: string, text: string): [MessageId, Record<string, string>] | null {
  let m: RegExpExecArray | null;
  const close = suggestion(text);
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /unknown option '(.*?)'/.exec(text))) return close ? ['cli.unknown-option-close', { option: m[1], close }] : ['cli.unknown-option', { option: m[1] }];
      break;
    case 'commander.unknownCommand':
      if ((m = /unknown command '(.*?)'/.exec(text))) return close ? ['cli.unknown-command-close', { command: m[1], close }] : ['cli.unknown-command', { command: m[1] }];
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /required option '(.*)' not specified/.exec(text))) return ['cli.missing-option', { option: optionName(m[1]) }];
      break;
    case 'commander.missingArgument':
      if ((m = /missing required argument '(.*)'/.exec(text))) return ['cli.missing-argument', { argument: m[1] }];
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)/.exec(text))) return ['cli.excess-arguments', { expected: m[1], got: m[2] }];
      break;
    case 'commander.optionMissingArgument':
      if ((m = /option '(.*)' argument missing/.exec(text))) return ['cli.option-missing-value', { option: optionName(m[1]) }];
      break;
    case 'commander.invalidArgument':
      if ((m = /option '(.*?)' argument '(.*)' is invalid\.(?: Allowed choices are (.*)\.)?/s.exec(text))) {
        const [, flags, value, choices] = m;
        return choices ? ['cli.invalid-choice', { option: optionName(flags), value, choices }] : ['cli.invalid-value', { option: optionName(flags), value }];
      }
      break;
  }
  return null;
}

/**
 * The one line of a commander usage error, in `lang`, ending with where to look: the help of the
 * command being parsed. An error commander may raise that is not mapped here keeps its own words.
 */
export function usageErrorLine(err: CommanderError, cmd: Command, lang: Lang): string {
  const found = usageMessage(err.code, err.message);
  const detail = found ? message(found[0], found[1], lang) : err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `cscheck: ${visible(message('cli.see-help', { detail, command: names.join(' ') }, lang))}\n`;
}
