// The stop signals — Ctrl-C (SIGINT), kill (SIGTERM) and a closed terminal or SSH session (SIGHUP) —
// all handled alike, in one place for the whole process: whatever is being written when one comes
// is removed (temporary files, workbook parts), and the process exits as the signal asks (128 + its
// number: 130, 143, 129), as a shell expects.
//
// Two kinds of listener share the one handler: a cleanup (removes what it has written so far; the
// process then ends at once) and a graceful stop (a batch: the first signal asks it to stop and it
// ends by itself; a second signal ends the process at once, cleanups run). With no listener
// registered a signal keeps its default action, which is right: nothing is then half written.

import { constants } from 'node:os';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const satisfies readonly NodeJS.Signals[];

/** The exit code of a process stopped by `signal`, as shells report it. */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + constants.signals[signal];

type Listener = (signal: NodeJS.Signals) => void;

const cleanups = new Set<Listener>();
const stoppers = new Set<Listener>();
/** The signal a graceful stop was asked with: the next one ends the process. */
let stopping: NodeJS.Signals | null = null;

function handle(signal: NodeJS.Signals): void {
  if (!stopping && stoppers.size) {
    stopping = signal;
    for (const stop of stoppers) stop(signal);
    return;
  }
  for (const cleanup of cleanups) {
    // One failed removal must not keep the others from running, nor the process from ending.
    try {
      cleanup(signal);
    } catch {
      /* ends anyway */
    }
  }
  process.exit(signalExitCode(signal));
}

function register(set: Set<Listener>, listener: Listener): () => void {
  if (!cleanups.size && !stoppers.size) for (const s of STOP_SIGNALS) process.on(s, handle);
  set.add(listener);
  return () => {
    if (!set.delete(listener)) return;
    if (set === stoppers && !stoppers.size) stopping = null;
    if (!cleanups.size && !stoppers.size) for (const s of STOP_SIGNALS) process.off(s, handle);
  };
}

/**
 * Until the returned function is called, a stop signal runs `cleanup` (synchronously: the process
 * ends right after) and exits with the signal's code.
 */
export function onInterrupt(cleanup: Listener): () => void {
  return register(cleanups, cleanup);
}

/**
 * A graceful stop for work that can end by itself (a batch hands out no more files): the first stop
 * signal aborts `signal`; a second one runs the cleanups and ends the process at once.
 */
export function stopOnSignal(): { signal: AbortSignal; received: () => NodeJS.Signals | null; dispose: () => void } {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const dispose = register(stoppers, (sig) => {
    received = sig;
    controller.abort();
  });
  return { signal: controller.signal, received: () => received, dispose };
}
