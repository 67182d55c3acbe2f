// A worker thread that evaluates one byte range of a large CSV file and sends its counters back.
// Errors travel as plain data (message id, arguments, location): classes do not cross threads.

import { parentPort, workerData } from 'node:worker_threads';
import { CscheckError } from '../schema/errors.js';
import { loadPlan } from '../schema/load-plan.js';
import type { CsvParts } from '../io/csv-reader.js';
import { readCsvPart } from '../io/csv-reader.js';
import { compilePlan } from '../rules/compile-plan.js';
import { Evaluation } from '../rules/evaluation.js';
import type { EvaluationState } from '../rules/evaluation.js';
import type { TableSummary } from '../io/table-summary.js';
import type { MessageId } from '../schema/messages.js';
import type { Args, Location } from '../schema/finding.js';

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
  | { ok: false; error: { messageId: MessageId; args: Args; location: Location } | { messageId?: undefined; message: string; stack?: string } };

const input = workerData as WorkerInput;
try {
  const evaluation = new Evaluation(compilePlan(loadPlan(input.plan)), { maxFindings: input.maxFindings });
  const summary = await readCsvPart(input.path, input.display, evaluation, input.parts, input.part);
  parentPort!.postMessage({ ok: true, state: evaluation.snapshot(), summary } satisfies WorkerResult);
} catch (err) {
  const e = err instanceof CscheckError ? err : null;
  parentPort!.postMessage({
    ok: false,
    error: e ? { messageId: e.messageId, args: e.args, location: e.location } : { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack },
  } satisfies WorkerResult);
}
