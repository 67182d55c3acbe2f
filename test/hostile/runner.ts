// Runs bin/cscheck as a child process the way a user's shell would, under a memory cap and a time
// cap, and records what a hostile-input case asserts on: exit code or signal, stdout, stderr, wall
// time, peak resident memory, leftovers, and whether any file that was there before changed.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'cscheck');

/** The memory a run may use (the 1.5 GB). */
export const MEMORY_CAP = 1536 * 1024 * 1024;
/** The hard kill; a case asserts it ended well within it. */
export const HARD_KILL_MS = 60_000;

// RLIMIT_AS is no memory cap for V8: every isolate (each worker thread) reserves hundreds of MB of
// address space it never touches, and a batch's second worker already fails to reserve its code
// range under 1.5 GB. RLIMIT_DATA counts the writable private memory a process maps (heap, array
// buffers, malloc), not PROT_NONE reservations: 1.5 GB of it stops a runaway at 1.5 GB with
// "Array buffer allocation failed" or std::bad_alloc, both of which the cases reject.
const hasPrlimit = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));
// GNU time gives the child's CPU time and peak RSS: on a loaded machine wall time says little, CPU
// time says what the run cost. Not for signal cases: time would take the signal itself.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Setup {
  args: string[];
  /** What the error line must name (default: the first argument inside the case's folder). */
  names?: string[];
  env?: Record<string, string>;
  /** stdout: a pipe read whole (default), /dev/full, or a pipe closed after its first bytes. */
  stdout?: 'pipe' | 'devfull' | 'close-early';
  /** A signal sent once stderr matches `when` (or after `when` ms). */
  signal?: { name: NodeJS.Signals; when: RegExp | number };
  /** Working directory (default: the case's folder). */
  cwd?: string;
}

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time (user + system, all threads), ms; wall time where GNU time is not there. */
  cpuMs: number;
  /** Peak resident set, kB (GNU time, else polled from /proc). */
  peakKb: number;
  /** Killed by the hard time cap. */
  timedOut: boolean;
  /** Whether the requested signal was sent. */
  signalled: boolean;
  pid?: number;
}

const KEEP_STDOUT = 8 * 1024 * 1024;

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// Children run in process groups of their own; if the test run itself ends, they end with it.
const live = new Set<number>();
process.on('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Runs cscheck with `setup` in `dir`. */
export function runCscheck(dir: string, setup: Setup, timeFile = path.join(tmpdir(), `cscheck-time-${process.pid}-${Math.random().toString(36).slice(2)}`)): Promise<Outcome> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('CSCHECK_') && k !== 'FORCE_COLOR' && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
  Object.assign(env, { NO_COLOR: '1' }, setup.env ?? {});
  const timed = gnuTime && !setup.signal ? [gnuTime, '-o', timeFile, '-f', '%e %U %S %M', BIN] : [BIN];
  const cmd = hasPrlimit ?? '/bin/sh';
  const argv = hasPrlimit ? [`--data=${MEMORY_CAP}`, ...timed, ...setup.args] : ['-c', `ulimit -d ${MEMORY_CAP / 1024} && exec "$0" "$@"`, ...timed, ...setup.args];
  const devfull = setup.stdout === 'devfull' ? openSync('/dev/full', 'w') : undefined;
  const t0 = performance.now();
  // A process group of its own: the time cap kills GNU time and cscheck under it together.
  const child = spawn(cmd, argv, { cwd: setup.cwd ?? dir, env, stdio: ['ignore', devfull ?? 'pipe', 'pipe'], detached: true });
  if (devfull !== undefined) closeSync(devfull);
  if (child.pid) live.add(child.pid);
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  let timedOut = false;
  let signalled = false;
  const sendSignal = () => {
    if (!signalled && setup.signal && child.exitCode === null) {
      signalled = true;
      child.kill(setup.signal.name);
    }
  };
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (t: string) => {
    if (setup.stdout === 'close-early') {
      stdout += t;
      child.stdout!.destroy();
      return;
    }
    if (stdout.length < KEEP_STDOUT) stdout += t;
  });
  child.stdout?.on('error', () => {});
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (t: string) => {
    if (stderr.length < KEEP_STDOUT) stderr += t;
    if (setup.signal?.when instanceof RegExp && setup.signal.when.test(stderr)) sendSignal();
  });
  const timers: NodeJS.Timeout[] = [];
  if (typeof setup.signal?.when === 'number') timers.push(setTimeout(sendSignal, setup.signal.when));
  const poll = setInterval(() => {
    if (child.pid) peakKb = Math.max(peakKb, peakRss(child.pid));
  }, 50);
  timers.push(
    setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, HARD_KILL_MS),
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (child.pid) live.delete(child.pid);
      clearInterval(poll);
      timers.forEach(clearTimeout);
      const ms = performance.now() - t0;
      let cpuMs = ms;
      if (timed.length > 1 && existsSync(timeFile)) {
        // The last line: "%e %U %S %M" (a line before it says how the command ended).
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        rmSync(timeFile, { force: true });
        if (last.length === 4 && last.every(Number.isFinite)) {
          cpuMs = (last[1] + last[2]) * 1000;
          peakKb = Math.max(peakKb, last[3]);
        }
      }
      resolve({ code, signal, stdout, stderr, ms, cpuMs, peakKb, timedOut, signalled, pid: child.pid });
    });
  });
}

/** Every regular file under `dir` (symlinks not followed) with its SHA-256. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const LEFTOVER = /(^\.cscheck-parts-|\.tmp$)/;

/** Temporary files or part folders a run left under `dir`, or in the system temp folder for `pid`. */
export function leftovers(dir: string, pid?: number): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (LEFTOVER.test(name)) found.push(p);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  if (pid !== undefined) {
    for (const name of readdirSync(tmpdir())) if (name.includes(`.cscheck-parts-${pid}-`) || (name.includes(`.${pid}.`) && name.endsWith('.tmp'))) found.push(path.join(tmpdir(), name));
  }
  return found;
}

/** At most `n` promises at a time. */
export function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

/** Lines of a stream's text, without the empty one after a final newline. */
export const textLines = (text: string): string[] => text.split('\n').filter((l, i, a) => !(l === '' && i === a.length - 1));

/** What never belongs on a user's terminal: stack frames, V8 aborts, allocator failures, raw JS errors. */
export const CRASH = /^\s+at |^\w*Error: |Maximum call stack|FATAL ERROR|Fatal process|std::bad_alloc|Array buffer allocation failed|Invalid string length|Invalid array length|node:internal|Aborted|Segmentation fault|function \w+\(\) \{ \[native code\] \}|\[object Object\]/m;
