// Where a worker thread's script is: the compiled sibling of the module that starts it. Under the
// test runner that module is TypeScript in src/, and a worker must still run the file in dist/.

import { fileURLToPath } from 'node:url';

/** The compiled file `name` (e.g. `evaluate-worker.js`) beside the module at `moduleUrl`. */
export function workerFile(moduleUrl: string, name: string): string {
  const here = fileURLToPath(moduleUrl);
  const compiled = here.endsWith('.ts') ? here.replace(/([\\/])src([\\/])/, '$1dist$2').replace(/\.ts$/, '.js') : here;
  return compiled.replace(/[^\\/]+$/, name);
}
