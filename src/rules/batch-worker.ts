// A worker thread of `cscheck batch`: compiles the plan once, then evaluates whole files one at a
// time as the pool sends them, answering each with its Report (or why it failed) as plain data.

import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { loadPlan } from '../schema/load-plan.js';
import { compilePlan } from './compile-plan.js';
import type { CompiledPlan } from './compile-plan.js';
import { evaluateWholeFile, fileFailure } from './batch-evaluate.js';
import type { BatchReply, BatchTask, BatchWorkerSetup } from './batch-pool.js';

const setup = workerData as BatchWorkerSetup;
const port = parentPort!;

let plan: CompiledPlan | null = null;
try {
  plan = compilePlan(loadPlan(setup.plan));
} catch (err) {
  // The pool checked the plan before starting threads; this is for a plan file changed meanwhile.
  port.postMessage({ fatal: fileFailure(err, setup.plan) } satisfies BatchReply);
}

if (plan) {
  const compiled = plan;
  port.on('message', async (task: BatchTask) => {
    const t0 = performance.now();
    let reply: BatchReply;
    try {
      const { report, counties } = await evaluateWholeFile(compiled, task.path, task.display, setup);
      reply = { id: task.id, ok: true, report, counties, ms: performance.now() - t0 };
    } catch (err) {
      reply = { id: task.id, ok: false, failure: fileFailure(err, task.display), ms: performance.now() - t0 };
    }
    port.postMessage(reply);
  });
}
