// A loaded plan as plain data, to hand to a worker thread. Apart from load-plan.ts so that a worker
// never loads the YAML parser and the JSON Schema validator it has no use for (two packages of ~180
// CommonJS modules that each thread would otherwise read, lex and compile).

import type { LoadedPlan, PlanPosition } from './load-plan.js';
import type { Plan } from './plan.js';

/**
 * A loaded plan as plain data, for a worker thread: parsing and validating the YAML again there
 * costs each worker about half a second, and the YAML document behind `locate` cannot cross
 * threads. The positions stand in for it: those `locate` gave while the plan was compiled here,
 * which are the ones compiling it again asks for.
 */
export interface PlanSnapshot {
  plan: Plan;
  file: string;
  parents: string[];
  positions: Record<string, PlanPosition>;
}

const positionKey = (path: (string | number)[]) => path.join('\u0000');

/** `loaded`, keeping every position it gives for snapshot(). */
export function recordingPositions(loaded: LoadedPlan): { loaded: LoadedPlan; snapshot(): PlanSnapshot } {
  const positions: Record<string, PlanPosition> = {};
  const recording: LoadedPlan = {
    ...loaded,
    locate: (path) => (positions[positionKey(path)] ??= loaded.locate(path)),
  };
  return { loaded: recording, snapshot: () => ({ plan: loaded.plan, file: loaded.file, parents: loaded.parents, positions }) };
}

/** The plan again, from a snapshot; a position it did not record is the plan file alone. */
export function fromSnapshot(s: PlanSnapshot): LoadedPlan {
  return { plan: s.plan, file: s.file, parents: s.parents, locate: (path) => s.positions[positionKey(path)] ?? { file: s.file } };
}
