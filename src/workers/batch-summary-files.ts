// summary.xlsx and index.html of `cscheck batch` — the two summaries that take long to render (a
// row per file × indicator, a heat map cell per file × indicator) — written on a thread of their
// own while the main thread writes summary.json and summary.md and prints the table. The thread
// starts with the batch and waits, so it is loaded by the time the summary is ready.

import type { Worker } from 'node:worker_threads';
import type { BatchSummary } from '../schema/batch.js';
import { CscheckError } from '../schema/errors.js';
import { writeBatchSummaryWorkbook } from '../report/batch-summary-xlsx.js';
import { renderBatchIndex } from '../report/html/batch-index.js';
import { startWorker, workerPath } from './worker-file.js';
import type { WireError } from './wire.js';
import { fromWire } from './wire.js';
import { writeAtomic, writeAtomicWith } from '../output/write-output.js';

export interface SummaryFilesJob {
  summary: BatchSummary;
  xlsx: string;
  html: string;
}

/** What the thread answers: done, or why a file could not be written. */
export type SummaryFilesReply = { ok: true } | { ok: false; error: WireError };

export async function writeSummaryFiles(job: SummaryFilesJob): Promise<void> {
  await writeAtomicWith(job.xlsx, (tmp) => writeBatchSummaryWorkbook(job.summary, tmp));
  await writeAtomic(job.html, renderBatchIndex(job.summary, job.summary.lang));
}

export class SummaryFilesThread {
  private readonly worker: Worker;
  /** The thread's own error (it could not start, it crashed), kept until a job can report it. */
  private crashed: Error | null = null;
  private reject: ((err: Error) => void) | null = null;

  constructor(file = workerPath('batch-summary-worker')) {
    this.worker = startWorker(file);
    this.worker.on('error', (err) => {
      this.crashed = err;
      this.reject?.(err);
    });
    // Waiting for its job, it must not keep the process alive.
    this.worker.unref();
  }

  write(job: SummaryFilesJob): Promise<void> {
    const worker = this.worker;
    const failed = (err: Error) => new CscheckError('output.write-failed', { file: job.xlsx, detail: err.message }, { file: job.xlsx }, { cause: err });
    if (this.crashed) return Promise.reject(failed(this.crashed));
    return new Promise((resolve, reject) => {
      this.reject = (err) => reject(failed(err));
      worker.once('message', (reply: SummaryFilesReply) => {
        if (reply.ok) resolve();
        else if (reply.error.messageId) reject(fromWire(reply.error));
        else reject(failed(fromWire(reply.error)));
      });
      worker.ref();
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
