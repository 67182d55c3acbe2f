// Errors crossing a thread: classes do not survive structured cloning, so an error travels as
// plain data and is rebuilt on the other side. A CscheckError comes back as a CscheckError with the
// same message id, arguments and location; anything else as an Error with its message and the
// worker's stack (for --debug).

import { CscheckError } from '../schema/errors.js';
import type { Args, Location } from '../schema/finding.js';
import type { MessageId } from '../schema/messages.js';

/** An error as it crosses a thread. */
export type WireError = { messageId: MessageId; args: Args; location: Location; stack?: string } | { messageId?: undefined; message: string; stack?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof CscheckError) return { messageId: err.messageId, args: err.args, location: err.location, stack: err.stack };
  const e = err as Error | undefined;
  return { message: e?.message ?? String(err), stack: e?.stack };
}

export function fromWire(w: WireError): Error {
  const err = w.messageId ? new CscheckError(w.messageId, w.args, w.location) : new Error(w.message);
  if (w.stack) err.stack = w.stack;
  return err;
}

/** Why one file could not be evaluated: always a catalogue message located in that file. */
export type FileFailure = Extract<WireError, { messageId: MessageId }>;

/** Any error of one file as a catalogue message with its location (unexpected ones as input.read-failed). */
export function fileFailure(err: unknown, display: string): FileFailure {
  const w = toWire(err);
  if (w.messageId) return { ...w, location: { file: display, ...w.location } };
  return { messageId: 'input.read-failed', args: { detail: w.message }, location: { file: display }, stack: w.stack };
}
