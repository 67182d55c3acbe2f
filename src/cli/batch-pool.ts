// The thread pool of `cscheck batch`: N worker threads, each evaluating whole files, one file a
// task. A worker gets its next file as soon as it answers, while this thread handles the answer,
// so memory holds at most two answers per worker whatever the number of files. A file that breaks
// its worker (out of memory, a crash) fails alone; a fresh worker takes the next file. Aborting
// (Ctrl-C) stops handing out files and terminates the workers; answers being handled finish first.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CscheckError } from '../schema/errors.js';
import { fromSnapshot } from '../schema/load-plan.js';
import { compilePlan } from '../rules/compile-plan.js';
import type { CompiledPlan } from '../rules/compile-plan.js';
import type { FileFailure } from '../rules/batch-evaluate.js';
import type { BatchOutcome, BatchTask, BatchWorkerSetup } from './batch-task.js';
import { evaluateTask } from './batch-task.js';
import { workerFile } from '../rules/worker-file.js';

/** A worker's message: an answer for a task, or a plan it cannot load. */
export type BatchReply = (BatchOutcome & { id: number }) | { fatal: FileFailure };

export interface PoolOptions {
  jobs: number;
  setup: BatchWorkerSetup;
  signal?: AbortSignal;
  /** The compiled worker; when it is missing (sources run without a build) files are evaluated on this thread. */
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

  constructor(file: string, setup: BatchWorkerSetup, onFatal: (f: FileFailure) => void) {
    this.worker = new Worker(file, { workerData: setup });
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

/** Evaluation on this thread, for a build without the worker file. */
class InlineRunner implements Runner {
  readonly usable = true;
  constructor(
    private readonly plan: CompiledPlan,
    private readonly setup: BatchWorkerSetup,
    private readonly signal?: AbortSignal,
  ) {}

  async run(task: BatchTask): Promise<BatchOutcome | null> {
    return this.signal?.aborted ? null : evaluateTask(this.plan, task, this.setup);
  }

  async close(): Promise<void> {}
}

/**
 * Evaluates every task on `jobs` threads and hands each outcome to `onOutcome` (with the task's
 * index) as it arrives, in whatever order files finish. Resolves when every task is handled or,
 * after an abort, when the workers are stopped and the outcomes being handled are done. An error
 * thrown by `onOutcome` (a report that cannot be written) stops the pool and is rethrown.
 */
export async function runPool(
  tasks: readonly BatchTask[],
  opts: PoolOptions,
  onOutcome: (index: number, outcome: BatchOutcome) => Promise<void>,
): Promise<{ aborted: boolean }> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  opts.signal?.addEventListener('abort', abort);
  if (opts.signal?.aborted) stop.abort();

  const file = opts.workerFile ?? workerFile(import.meta.url, 'batch-worker.js');
  const inline = !existsSync(file);
  const plan = inline ? compilePlan(fromSnapshot(opts.setup.plan)) : null;
  let fatal: FileFailure | null = null;
  const runners = new Set<Runner>();
  const newRunner = (): Runner => {
    const r = inline
      ? new InlineRunner(plan!, opts.setup, stop.signal)
      : new WorkerRunner(file, opts.setup, (f) => {
          fatal = f;
          stop.abort();
        });
    runners.add(r);
    return r;
  };
  stop.signal.addEventListener('abort', () => {
    for (const r of runners) void r.close();
  });

  let next = 0;
  const take = () => (stop.signal.aborted || next >= tasks.length ? -1 : next++);

  async function slot(): Promise<void> {
    let i = take();
    if (i < 0) return;
    let runner = newRunner();
    let reply = runner.run(tasks[i]);
    try {
      for (;;) {
        const outcome = await reply;
        if (outcome === null) return;
        if (!runner.usable) {
          runners.delete(runner);
          runner = newRunner();
        }
        // The worker starts on its next file while this thread handles the answer.
        const k = take();
        if (k >= 0) reply = runner.run(tasks[k]);
        await onOutcome(i, outcome);
        if (k < 0) return;
        i = k;
      }
    } finally {
      runners.delete(runner);
      await runner.close();
    }
  }

  const slots = Math.max(1, Math.min(inline ? 1 : opts.jobs, tasks.length));
  const settled = await Promise.allSettled(Array.from({ length: slots }, () => slot().catch((err) => {
    stop.abort();
    throw err;
  })));
  opts.signal?.removeEventListener('abort', abort);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  if (fatal) {
    const f: FileFailure = fatal;
    throw new CscheckError(f.messageId, f.args, f.location);
  }
  return { aborted: Boolean(opts.signal?.aborted) };
}
