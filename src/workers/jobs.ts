// How many threads a run may use: its own module, so the command line can state the default in its
// help without loading any worker code.

import { availableParallelism } from 'node:os';

export const defaultJobs = (): number => Math.max(1, availableParallelism());
