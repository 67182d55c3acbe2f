// A problem that stops a command (unreadable file, invalid plan, bad usage): exit code 2, one
// clear line, no stack trace unless --debug. Problems inside readable data are Findings instead.

import type { Args, Location } from './finding.js';
import type { MessageId } from './messages.js';

export class CscheckError extends Error {
  constructor(
    readonly messageId: MessageId,
    readonly args: Args = {},
    readonly location: Location = {},
    options?: { cause?: unknown },
  ) {
    super(messageId, options);
    this.name = 'CscheckError';
  }
}
