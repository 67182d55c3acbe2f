// The one line an error ends a run with (exit 2), and its stack with --debug. Loaded only when a
// run fails: the message catalogue and the location renderer are not needed otherwise.

import { CscheckError } from '../schema/errors.js';
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
