// A worker thread that evaluates one byte range of a large CSV file and sends its counters back.
// Errors travel as plain data (wire.ts): classes do not cross threads.

import { parentPort, workerData } from 'node:worker_threads';
import { loadPlan } from '../schema/load-plan.js';
import type { CsvParts } from '../io/csv-reader.js';
import { readCsvPart } from '../io/csv-reader.js';
import { compilePlan } from '../rules/compile-plan.js';
import { Evaluation } from '../rules/evaluation.js';
import type { EvaluationState } from '../rules/evaluation.js';
import type { TableSummary } from '../io/table-summary.js';
import type { WireError } from './wire.js';
import { toWire } from './wire.js';

export interface WorkerInput {
  plan: string;
  maxFindings: number;
  path: string;
  display: string;
  parts: CsvParts;
  part: number;
}

/** The one message the worker sends back. */
export type WorkerResult =
  | { ok: true; state: EvaluationState; summary: TableSummary }
  | { ok: false; error: WireError };

const input = workerData as WorkerInput;
try {
  const evaluation = new Evaluation(compilePlan(loadPlan(input.plan)), { maxFindings: input.maxFindings });
  const summary = await readCsvPart(input.path, input.display, evaluation, input.parts, input.part);
  parentPort!.postMessage({ ok: true, state: evaluation.snapshot(), summary } satisfies WorkerResult);
} catch (err) {
  parentPort!.postMessage({ ok: false, error: toWire(err) } satisfies WorkerResult);
}
