// The thread pool of `cscheck batch`: N worker threads, each evaluating whole files, one file a
// task. A worker gets its next file as soon as it answers, while this thread handles the answer,
// so memory holds at most two answers per worker whatever the number of files. A file that breaks
// its worker (out of memory, a crash) fails alone; a fresh worker takes the next file. Aborting
// (Ctrl-C) stops handing out files and terminates the workers; answers being handled finish first.
// The threads start with the pool, so they load their modules while the caller loads the plan.

import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { FileFailure } from './wire.js';
import { fromWire } from './wire.js';
import type { BatchOutcome, BatchTask, BatchWorkerSetup } from './batch-task.js';
import { startWorker, workerPath } from './worker-file.js';

/** A worker's message: an answer for a task, or a plan it cannot load. */
export type BatchReply = (BatchOutcome & { id: number }) | { fatal: FileFailure };

export interface PoolOptions {
  jobs: number;
  setup: BatchWorkerSetup;
  signal?: AbortSignal;
  /** The worker script (default: batch-worker beside the pool); a missing one is an error. */
  workerFile?: string;
}


/** Runs one task at a time on something that evaluates files; null = stopped (abort). */
interface Runner {
  run(task: BatchTask): Promise<BatchOutcome | null>;
  /** False after the runner broke; a new one takes over. */
  readonly usable: boolean;
  close(): Promise<void>;
}

class WorkerRunner implements Runner {
  private readonly worker: Worker;
  private pending: ((o: BatchOutcome | null) => void) | null = null;
  private started = 0;
  usable = true;
  private stopping = false;

  constructor(file: string, onFatal: (f: FileFailure) => void) {
    this.worker = startWorker(file);
    this.worker.on('message', (msg: BatchReply) => {
      if ('fatal' in msg) {
        onFatal(msg.fatal);
        return;
      }
      const { id: _id, ...outcome } = msg;
      this.settle(outcome);
    });
    // An uncaught error or an exit in the middle of a file: that file fails, the worker is replaced.
    this.worker.on('error', (err) => this.broken(err.message));
    this.worker.on('exit', (code) => this.broken(`exit code ${code}`));
  }

  private settle(o: BatchOutcome | null): void {
    const p = this.pending;
    this.pending = null;
    p?.(o);
  }

  private broken(detail: string): void {
    this.usable = false;
    if (this.stopping) this.settle(null);
    else this.settle({ ok: false, failure: { messageId: 'batch.worker-failed', args: { detail }, location: {} }, ms: performance.now() - this.started });
  }

  /** What every file is evaluated with: the first message the thread gets. */
  configure(setup: BatchWorkerSetup): void {
    this.worker.postMessage(setup);
  }

  run(task: BatchTask): Promise<BatchOutcome | null> {
    if (!this.usable) return Promise.resolve(this.stopping ? null : { ok: false, failure: { messageId: 'batch.worker-failed', args: { detail: 'stopped' }, location: {} }, ms: 0 });
    return new Promise((resolve) => {
      this.pending = resolve;
      this.started = performance.now();
      this.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
    this.settle(null);
  }
}

/**
 * `jobs` threads, started when the pool is made: they load their modules while the caller loads
 * the plan, and compile it (configure()) while the caller lists the files. run() hands the files
 * out; close() ends the threads.
 */
export class BatchPool {
  private readonly stop = new AbortController();
  private readonly file: string;
  private setup: BatchWorkerSetup | null = null;
  private readonly runners = new Set<Runner>();
  private readonly idle: Runner[] = [];
  private fatal: FileFailure | null = null;

  constructor(private readonly opts: Omit<PoolOptions, 'signal' | 'setup'>) {
    this.file = opts.workerFile ?? workerPath('batch-worker');
    this.stop.signal.addEventListener('abort', () => {
      for (const r of this.runners) void r.close();
    });
    for (let i = 0; i < this.width(Infinity); i++) this.idle.push(this.newRunner());
  }

  /** The plan and options every file is evaluated with; the threads may already be waiting for them. */
  configure(setup: BatchWorkerSetup): void {
    this.setup = setup;
    for (const r of this.runners) if (r instanceof WorkerRunner) r.configure(setup);
  }

  /** Threads at work on `tasks` files. */
  private width(tasks: number): number {
    return Math.max(1, Math.min(this.opts.jobs, tasks));
  }

  private newRunner(): Runner {
    const r = new WorkerRunner(this.file, (f) => {
      this.fatal = f;
      this.stop.abort();
    });
    if (this.setup) r.configure(this.setup);
    this.runners.add(r);
    return r;
  }

  /**
   * Evaluates every task and hands each outcome to `onOutcome` (with the task's index) as it
   * arrives, in whatever order files finish. Resolves when every task is handled or, after an
   * abort, when the workers are stopped and the outcomes being handled are done. An error thrown
   * by `onOutcome` (a report that cannot be written) stops the pool and is rethrown.
   */
  async run(tasks: readonly BatchTask[], onOutcome: (index: number, outcome: BatchOutcome) => void | Promise<void>, signal?: AbortSignal): Promise<{ aborted: boolean }> {
    if (!this.setup) throw new Error('BatchPool.run before configure');
    const { stop } = this;
    const abort = () => stop.abort();
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) stop.abort();

    let next = 0;
    const take = () => (stop.signal.aborted || next >= tasks.length ? -1 : next++);

    const slot = async (): Promise<void> => {
      let i = take();
      if (i < 0) return;
      let runner = this.idle.pop() ?? this.newRunner();
      let reply = runner.run(tasks[i]);
      try {
        for (;;) {
          const outcome = await reply;
          if (outcome === null) return;
          if (!runner.usable) {
            this.runners.delete(runner);
            runner = this.newRunner();
          }
          // The worker starts on its next file while this thread handles the answer.
          const k = take();
          if (k >= 0) reply = runner.run(tasks[k]);
          await onOutcome(i, outcome);
          if (k < 0) return;
          i = k;
        }
      } finally {
        this.runners.delete(runner);
        await runner.close();
      }
    };

    const settled = await Promise.allSettled(
      Array.from({ length: this.width(tasks.length) }, () =>
        slot().catch((err) => {
          stop.abort();
          throw err;
        }),
      ),
    );
    signal?.removeEventListener('abort', abort);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    if (this.fatal) {
      throw fromWire(this.fatal);
    }
    return { aborted: Boolean(signal?.aborted) };
  }

  /** Ends the threads left (those no file needed, or all of them when run() was never called). */
  async close(): Promise<void> {
    const left = [...this.runners];
    this.runners.clear();
    this.idle.length = 0;
    await Promise.all(left.map((r) => r.close()));
  }
}

/** A pool for one run: started, run over `tasks`, closed. */
export async function runPool(
  tasks: readonly BatchTask[],
  opts: PoolOptions,
  onOutcome: (index: number, outcome: BatchOutcome) => void | Promise<void>,
): Promise<{ aborted: boolean }> {
  const pool = new BatchPool(opts);
  pool.configure(opts.setup);
  try {
    return await pool.run(tasks, onOutcome, opts.signal);
  } finally {
    await pool.close();
  }
}
