// The batch thread pool on its own: outcomes for every task whatever order they finish in, a worker
// that dies takes only its file down, a plan a worker cannot load stops the batch, an abort stops
// handing out files, threads start with the pool (before the files are known); the workers run the
// sources under test, and a worker script that is missing is an error, never a quiet fallback.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchPool, runPool } from '../../src/workers/batch-pool.js';
import { workerPath } from '../../src/workers/worker-file.js';
import type { BatchOutcome, BatchTask } from '../../src/workers/batch-task.js';
import { compilePlan } from '../../src/rules/compile-plan.js';
import { CscheckError } from '../../src/schema/errors.js';
import { loadPlan } from '../../src/schema/load-plan.js';
import { recordingPositions } from '../../src/schema/plan-snapshot.js';
import { ROOT, tmpDir } from './helpers.js';

const CITY = path.join(ROOT, 'fixtures', 'batch', '泉州市');
const OUT = tmpDir('cscheck-pool-out-');
const tasks: BatchTask[] = ['洛江区/万安街道.csv', '洛江区/罗溪镇.csv', '泉港区/南埔镇.xlsx'].map((f, id) => ({
  id,
  path: path.join(CITY, f),
  display: f,
  indexHref: '../index.html',
  json: path.join(OUT, `${id}.json`),
  html: path.join(OUT, `${id}.html`),
}));
// As batch hands it over: loaded, checked and compiled once here.
const planLoad = recordingPositions(loadPlan('quanzhou'));
compilePlan(planLoad.loaded);
const setup = { plan: planLoad.snapshot(), maxFindings: 1000, lang: 'zh' as const };

async function collect(opts: Parameters<typeof runPool>[1], list = tasks) {
  const got: [number, BatchOutcome][] = [];
  const done = await runPool(list, opts, (i, o) => {
    got.push([i, o]);
  });
  return { done, got: got.sort((a, b) => a[0] - b[0]) };
}

/** A worker script in a temporary folder. */
function workerScript(code: string): string {
  const file = path.join(tmpDir('cscheck-pool-'), 'worker.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${code}\n`);
  return file;
}

describe('runPool', () => {
  it('refuses to start when the worker script is missing', async () => {
    const missing = path.join(tmpDir(), 'missing.js');
    const err = await collect({ jobs: 2, setup, workerFile: missing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(`the worker script ${missing} is missing`);
  });

  it('evaluates every file on worker threads running the TypeScript sources', async () => {
    expect(workerPath('batch-worker')).toBe(path.join(ROOT, 'src', 'workers', 'batch-worker.ts'));
    const { done, got } = await collect({ jobs: 2, setup });
    expect(done).toEqual({ aborted: false });
    expect(got.map(([i, o]) => [i, o.ok])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
    const [, wanan] = got[0];
    expect(wanan.ok && [wanan.digest.summary.rows, wanan.digest.counties]).toEqual([5, ['洛江区']]);
    // The reports are written where the task says.
    expect(JSON.parse(readFileSync(tasks[0].json, 'utf8')).summary.rows).toBe(5);
    expect(readFileSync(tasks[0].html, 'utf8')).toContain('<a href="../index.html">');
    const [, corrupt] = got[2];
    expect(!corrupt.ok && corrupt.failure).toMatchObject({ messageId: 'input.corrupt-xlsx', location: { file: '泉港区/南埔镇.xlsx' } });
  });

  it('fails only the file whose worker died, and goes on with a fresh worker', async () => {
    // Dies on its first file: every file gets a new worker, and each fails alone.
    const file = workerScript(`parentPort.on('message', () => process.exit(3));`);
    const { done, got } = await collect({ jobs: 1, setup, workerFile: file });
    expect(done.aborted).toBe(false);
    expect(got.map(([i, o]) => [i, !o.ok && o.failure.messageId, !o.ok && o.failure.args.detail])).toEqual([
      [0, 'batch.worker-failed', 'exit code 3'],
      [1, 'batch.worker-failed', 'exit code 3'],
      [2, 'batch.worker-failed', 'exit code 3'],
    ]);
  });

  it('stops the batch when a worker cannot load the plan', async () => {
    const file = workerScript(`parentPort.postMessage({ fatal: { messageId: 'plan.not-found', args: { plan: 'x', available: 'quanzhou' }, location: {} } });`);
    const err = await runPool(tasks, { jobs: 2, setup, workerFile: file }, () => undefined).catch((e) => e);
    expect(err).toBeInstanceOf(CscheckError);
    expect(err.messageId).toBe('plan.not-found');
  });

  it('hands out nothing more after an abort, and says it was aborted', async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    const done = await runPool(tasks, { jobs: 1, setup, signal: stop.signal }, (i) => {
      seen.push(i);
      stop.abort();
    });
    expect(done).toEqual({ aborted: true });
    // The first answer is handled; the file already sent to the worker is dropped with it.
    expect(seen).toEqual([0]);
  });

  it('starts its threads when made, before it has a plan or any file to hand out, and close() ends them', async () => {
    const marks = tmpDir('cscheck-pool-marks-');
    const file = workerScript(`import { writeFileSync } from 'node:fs';\nimport { threadId } from 'node:worker_threads';\nwriteFileSync(${JSON.stringify(marks)} + '/' + threadId, '');`);
    const pool = new BatchPool({ jobs: 2, workerFile: file });
    const deadline = Date.now() + 10_000;
    while (readdirSync(marks).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(marks)).toHaveLength(2);
    await pool.close();
  });

  it('passes on an error of the answer handler (a report that cannot be written) and stops', async () => {
    const err = await runPool(tasks, { jobs: 2, setup }, () =>
      Promise.reject(new CscheckError('output.write-failed', { file: 'x', detail: 'disk full' })),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(CscheckError);
    expect(err.messageId).toBe('output.write-failed');
  });
});
