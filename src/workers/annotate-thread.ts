// evaluate --annotate with the workbook written on a thread of its own: the reading and checking
// stay on the main thread, and what the annotator is told (tables, rows, findings) goes to a worker
// in batches, in order. On two cores the writing then costs little more than the reading.

import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CscheckError } from '../schema/errors.js';
import type { Finding } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { EchoTable } from '../io/sheet-echo.js';
import type { Raw } from '../io/values.js';
import type { PassObserver } from '../api/observer.js';
import { startWorker, workerPath } from './worker-file.js';
import type { WireError } from './wire.js';
import { fromWire } from './wire.js';
import { removeLeftovers } from '../output/temp-files.js';

/** One call on the annotator, as the worker replays it. */
export type AnnotatorEvent = ['table', EchoTable] | ['row', number, readonly Raw[], readonly number[] | undefined] | ['end'] | ['finding', Finding];

export type AnnotatorRequest =
  | { kind: 'events'; events: AnnotatorEvent[] }
  | { kind: 'finish'; report: Report; path: string }
  | { kind: 'abort' };

export type AnnotatorReply = { kind: 'ack' } | { kind: 'done' } | { kind: 'failed'; error: WireError };

const BATCH = 256;
/** Batches sent and not yet written before the reader is asked to wait. */
const IN_FLIGHT = 4;


export class AnnotatorThread implements PassObserver {
  private readonly worker: Worker;
  private events: AnnotatorEvent[] = [];
  private inFlight = 0;
  private waiting: (() => void) | null = null;
  private settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private closed = false;

  constructor(
    lang: Lang,
    private readonly path: string,
  ) {
    // The writer keeps little (styles, at most 50,000 short shared texts, the batches waiting
    // their turn): a bounded heap makes its collector run early instead of letting the garbage of
    // millions of cells pile up.
    this.worker = startWorker(workerPath('annotate-worker'), { workerData: { lang, path }, resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32 } });
    this.worker.on('message', (reply: AnnotatorReply) => {
      if (reply.kind === 'ack') {
        this.inFlight--;
        if (this.waiting && this.inFlight < IN_FLIGHT) {
          this.waiting();
          this.waiting = null;
        }
      } else if (reply.kind === 'done') this.settle?.resolve();
      // Anything else the writer hit (a full disk) is a failure to write the workbook, and says so.
      else this.fail(reply.error.messageId ? fromWire(reply.error) : new CscheckError('output.write-failed', { file: path, detail: reply.error.message }, { file: path }, { cause: fromWire(reply.error) }));
    });
    this.worker.on('error', (err) => this.fail(new CscheckError('output.write-failed', { file: path, detail: err.message }, { file: path }, { cause: err })));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.waiting?.();
    this.settle?.reject(err);
  }

  private push(event: AnnotatorEvent): void {
    this.events.push(event);
    if (this.events.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.events.length) return;
    this.inFlight++;
    this.worker.postMessage({ kind: 'events', events: this.events } satisfies AnnotatorRequest);
    this.events = [];
  }

  onFinding = (f: Finding): void => this.push(['finding', f]);
  table = (t: EchoTable): void => this.push(['table', t]);
  // Arrays are copied when their batch is sent; a reader never changes a row it has echoed.
  row = (n: number, cells: readonly Raw[], styles?: readonly number[]): void => this.push(['row', n, cells, styles]);
  end = (): void => this.push(['end']);

  wait = (): Promise<void> | undefined => {
    if (this.failure) return Promise.reject(this.failure);
    if (this.inFlight < IN_FLIGHT) return undefined;
    return new Promise((resolve) => (this.waiting = resolve));
  };

  /** Sends the report and waits for the workbook to be written to `path`. */
  async finish(report: Report, path: string): Promise<void> {
    this.flush();
    const done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.worker.postMessage({ kind: 'finish', report, path } satisfies AnnotatorRequest);
    if (this.failure) throw this.failure;
    await done;
    this.closed = true;
    await this.worker.terminate();
  }

  /**
   * Stops the worker, which removes what it had written; a worker that failed or died cannot, so
   * what it left beside the output is removed here.
   */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.failure) {
      const done = new Promise<void>((resolve) => (this.settle = { resolve, reject: () => resolve() }));
      this.worker.postMessage({ kind: 'abort' } satisfies AnnotatorRequest);
      await Promise.race([done, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await this.worker.terminate();
    removeLeftovers(dirname(this.path));
  }
}
