// Large CSV files are cut at record boundaries and evaluated on several cores: this thread takes
// the first part, worker threads the others, and their counters are merged in file order, so the
// report is the one a single pass would give.

import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { CscheckError } from '../schema/errors.js';
import type { CsvOptions, CsvParts } from '../io/csv-reader.js';
import { planCsvParts, readCsvPart } from '../io/csv-reader.js';
import type { TableSummary } from '../io/table-summary.js';
import type { Evaluation, EvaluationState } from '../rules/evaluation.js';
import type { WorkerInput, WorkerResult } from './evaluate-worker.js';
import { startWorker, workerPath } from './worker-file.js';
import { fromWire } from './wire.js';


/**
 * Below this size a second thread costs more than it saves. CSCHECK_PARALLEL_MIN_BYTES moves it, so
 * that a test (or a machine with other trade-offs) takes the parallel path with a small file; it is a
 * tuning point, not a limit: every size is read either way.
 */
export const PARALLEL_MIN_BYTES = minBytesFromEnv(16 << 20);

function minBytesFromEnv(fallback: number): number {
  const raw = process.env.CSCHECK_PARALLEL_MIN_BYTES;
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  // Like a limit override, a value that is no size is ignored rather than fatal.
  return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
}

export interface ParallelOptions extends CsvOptions {
  /** Threads to use, the calling one included. */
  jobs: number;
  minBytes?: number;
  plan: string;
  maxFindings: number;
}



function runWorker(input: WorkerInput, workers: Worker[]): Promise<{ state: EvaluationState; summary: TableSummary }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(workerPath('evaluate-worker'), { workerData: input });
    workers.push(worker);
    worker.once('message', (msg: WorkerResult) => {
      if (msg.ok) resolve(msg);
      else reject(fromWire(msg.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Reads a CSV file into `evaluation` using up to `jobs` threads. Returns null when the file is
 * better read in one stream (small, or a shape that cannot be cut safely).
 */
export async function evaluateCsvInParallel(evaluation: Evaluation, path: string, display: string, options: ParallelOptions): Promise<TableSummary[] | null> {
  if (options.jobs < 2) return null;
  const { size } = await stat(path);
  if (size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const parts: CsvParts | null = await planCsvParts(path, display, options, options.jobs);
  if (!parts || parts.ranges.length < 2) return null;
  const workers: Worker[] = [];
  const others = parts.ranges.slice(1).map((_, i) =>
    runWorker({ plan: options.plan, maxFindings: options.maxFindings, path, display, parts, part: i + 1 }, workers),
  );
  // Keep every worker's rejection handled even if the first part fails first.
  for (const p of others) p.catch(() => undefined);
  let first: TableSummary;
  let results: Awaited<(typeof others)[number]>[];
  try {
    first = await readCsvPart(path, display, evaluation, parts, 0);
    results = await Promise.all(others);
  } catch (err) {
    // One part failed: the others have nothing left to contribute.
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  const summary: TableSummary = { ...first };
  for (const r of results) {
    evaluation.merge(r.state);
    summary.rows += r.summary.rows;
    summary.blankRows += r.summary.blankRows;
  }
  if (summary.rows === 0) throw new CscheckError('input.no-rows', {}, { file: display });
  return [summary];
}
