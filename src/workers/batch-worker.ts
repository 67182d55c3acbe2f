// A worker thread of `cscheck batch`: compiles the plan (loaded by the main thread) once, then evaluates whole files one at a
// time as the pool sends them, writes their reports, and answers each with its digest (or why it
// failed).

import { parentPort } from 'node:worker_threads';
import { fromSnapshot } from '../schema/plan-snapshot.js';
import { compilePlan } from '../rules/compile-plan.js';
import type { CompiledPlan } from '../rules/compile-plan.js';
import { fileFailure } from './wire.js';
import type { BatchReply } from './batch-pool.js';
import type { BatchTask, BatchWorkerSetup } from './batch-task.js';
import { evaluateTask } from './batch-task.js';

const port = parentPort!;

// What to evaluate with comes first: the thread starts before the main thread has loaded the plan.
port.once('message', (setup: BatchWorkerSetup) => {
  let plan: CompiledPlan;
  try {
    plan = compilePlan(fromSnapshot(setup.plan));
  } catch (err) {
    // The main thread compiled the same plan: this is for the unforeseen.
    port.postMessage({ fatal: fileFailure(err, setup.plan.file) } satisfies BatchReply);
    return;
  }
  // evaluateTask settles every failure into its outcome; the listener's promise is dropped on purpose.
  port.on('message', (task: BatchTask) => void evaluateTask(plan, task, setup).then((outcome) => port.postMessage({ id: task.id, ...outcome } satisfies BatchReply)));
});
