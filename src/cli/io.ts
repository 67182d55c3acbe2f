// Where a command writes (stdout, stderr, the environment it reads) and the exit codes it ends
// with: a module of its own, so commands need not import the entry point that imports them.

export interface Io {
  // Properties, not methods: they are handed on detached (commander's writeOut/writeErr).
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars); as stdout when not given. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** Waits for what was written to stdout; the first write error, if any (the process's stdout only). */
  finished?(): Promise<NodeJS.ErrnoException | null>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The argument that means standard input (an input) or standard output (-o). */
export const STDIO = '-';


/**
 * Writing to the process's stdout. Its write errors arrive later, as events: they are kept (the
 * first one) and `finished` hands it over once every write has settled, so main can end with one
 * line instead of the stream's uncaught error and a stack trace.
 */
export function processIo(): Io {
  let pending = 0;
  let failure: NodeJS.ErrnoException | null = null;
  let settled: (() => void) | null = null;
  const fail = (err: NodeJS.ErrnoException) => {
    failure ??= err;
  };
  process.stdout.on('error', fail);
  // Nothing can be said about a closed stderr; its errors must not end the process either.
  process.stderr.on('error', () => undefined);
  return {
    stdout: (t) => {
      // Once stdout has failed, the rest goes nowhere (a closed pipe would fail every write).
      if (failure) return;
      pending++;
      process.stdout.write(t, (err) => {
        if (err) fail(err);
        if (--pending === 0) settled?.();
      });
    },
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    finished: async () => {
      if (pending) await new Promise<void>((resolve) => (settled = resolve));
      return failure;
    },
  };
}

