// Starting a worker thread: every worker script lives in this folder beside this module. Built
// (dist/), a worker is the compiled .js beside it; under the test runner this module is the
// TypeScript source in src/, and so are the workers, run through the tsx loader — the tests then
// exercise the very code they test, never an older build. A worker file that is not there is an
// error saying so: a run never quietly does on one thread what it meant to spread over several.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

const HERE = fileURLToPath(import.meta.url);
const FROM_SOURCES = HERE.endsWith('.ts');

/** The script of worker `name` (e.g. `evaluate-worker`): .ts beside the sources, .js in a build. */
export function workerPath(name: string): string {
  return HERE.replace(/[^\\/]+$/, `${name}${FROM_SOURCES ? '.ts' : '.js'}`);
}

/**
 * A worker that first registers the tsx loader, then imports the TypeScript worker. (`--import tsx`
 * in the worker's execArgv does not reach the worker's own entry module on Node 20.)
 */
function sourceBootstrap(file: string): string {
  // The package's `import` entry: require.resolve finds its `require` one beside it, whose
  // register() cannot find its own module files.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(pathToFileURL(file).href)}));`;
}

/** Starts the worker at `file` (a script of this folder, or any other, e.g. a test's); a missing file throws. */
export function startWorker(file: string, options: WorkerOptions = {}): Worker {
  if (!existsSync(file)) throw new Error(`the worker script ${file} is missing${FROM_SOURCES ? '' : ' (an incomplete installation: reinstall cscheck, or run `npm run build`)'}`);
  return file.endsWith('.ts') ? new Worker(sourceBootstrap(file), { ...options, eval: true }) : new Worker(file, options);
}
