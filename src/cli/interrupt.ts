// Ctrl-C (SIGINT) or SIGTERM during a command that writes outputs in steps: what it has written so
// far is removed, and the process exits as the signal asks (128 + its number), as a shell expects.

import { constants } from 'node:os';

/** Runs `cleanup` (synchronously) and exits on SIGINT / SIGTERM until the returned function is called. */
export function onInterrupt(cleanup: (signal: NodeJS.Signals) => void): () => void {
  const on = (signal: NodeJS.Signals) => {
    cleanup(signal);
    process.exit(128 + constants.signals[signal]);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
}
