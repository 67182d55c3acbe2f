// Plans as the library hands them out: a bundled plan id or a YAML file, resolved, `extends`
// merged, checked against the plan schema.

import type { LoadedPlan } from '../schema/load-plan.js';
import { bundledPlanIds, loadPlan as loadPlanRef } from '../schema/load-plan.js';

export type { LoadedPlan };

/**
 * Loads a plan: a bundled plan id (e.g. `luojiang`) or the path of a plan YAML file, with the plans
 * it `extends` merged in.
 *
 * @throws CscheckError on an unknown id, an unreadable file or a plan that breaks the plan schema.
 */
export function loadPlan(idOrPath: string): LoadedPlan {
  return loadPlanRef(idOrPath);
}

/** The ids of the plans bundled with cscheck, for {@link loadPlan}. */
export function listPlans(): string[] {
  return bundledPlanIds();
}
