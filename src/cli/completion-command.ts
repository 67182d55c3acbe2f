// `cscheck completion <shell>`: the script for the program as described in main.ts, with the plan
// ids and the indicator ids of the bundled plans written in. The plans are read as the build
// precompiled them (a JSON.parse each), not compiled: the script needs their ids only.

import type { Command } from 'commander';
import { join } from 'node:path';
import { listPlans } from '../api/plan.js';
import { BUNDLED_PLANS_DIR, precompilePlan, precompiledPlan } from '../schema/bundled-plans.js';
import type { Shell } from './completion.js';
import { completionScript } from './completion.js';
import type { Io } from './io.js';
import { EXIT } from './io.js';

/** Every indicator id of the bundled plans, sorted, each once (a child plan names its parent's too). */
function bundledIndicatorIds(plans: string[]): string[] {
  const ids = new Set<string>();
  for (const id of plans) {
    const file = join(BUNDLED_PLANS_DIR, `${id}.yaml`);
    const { plan } = precompiledPlan(file) ?? precompilePlan(file);
    for (const indicator of plan.indicators) ids.add(indicator.id);
  }
  return [...ids].sort();
}

export function completionCommand(shell: Shell, program: Command, io: Io): number {
  const plans = listPlans();
  io.stdout(completionScript(shell, program, { plans, indicators: bundledIndicatorIds(plans) }));
  return EXIT.ok;
}
