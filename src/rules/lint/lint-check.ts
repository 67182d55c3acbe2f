// A plan lint check is a module like the finding checks in ../checks: its metas describe the codes
// it reports (title, default severity, messages); `run` turns one plan (as written, with its parent
// plans) into Findings. Checks never load files and never format text: the runner and the
// formatters do. A module reports several codes only where one pass finds them all (weaker and
// stricter than the parent are the two outcomes of one comparison).

import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Check, CheckContext } from '../checks/check.js';

/** A level between a plan and one of its ancestors. */
export interface Level {
  /** Who issued it (the plan's `region`, or the `implements` entry's), when known. */
  region?: string;
  document: string;
  /** A bundled plan is itself compared; a level that is not bundled can only be named. */
  bundled: boolean;
}

export interface ParentPlan {
  /** `extends`: the child inherits what it does not restate; `implements`: the child carries it out. */
  relation: 'extends' | 'implements';
  /** The ancestor with its own `extends` resolved: everything it requires. */
  loaded: LoadedPlan;
  /** The levels between the plan and this ancestor, nearest first; empty for a direct parent. */
  via: Level[];
  /** Where the plan names the link that leads to this ancestor (`extends`, `implements.1`). */
  path: (string | number)[];
}

export interface LintContext extends CheckContext {
  /** The plan as its own document writes it (`extends` not merged in), so inherited items are not re-reported. */
  written: LoadedPlan;
  /** The plan with `extends` resolved (unit spellings, inherited items). */
  resolved: LoadedPlan;
  /** Every bundled plan above this one, nearest first (direct parents, then theirs, …). */
  parents: ParentPlan[];
}

/** A lint check judges a whole plan at once (the `run` hook of Check), reporting through `ctx.report`. */
export interface LintCheck extends Check<LintContext> {
  run(ctx: LintContext): void;
}
