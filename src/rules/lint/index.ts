// `cscheck plans lint`: load each plan twice — as written and with `extends` resolved — find the
// bundled plans above it (what it extends or implements, and theirs), and run every check. A plan that cannot be loaded yields
// its `plan-schema` finding and is not checked further.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CscheckError } from '../../schema/errors.js';
import type { Finding } from '../../schema/finding.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import { bundledPlanIds, loadPlan, loadPlanFile, resolvePlanPath } from '../../schema/load-plan.js';
import { metasOf, reportInto } from '../checks/check.js';
import * as ancestors from './ancestors.js';
import { ancestorsOf } from './ancestors.js';
import * as doubledWording from './doubled-wording.js';
import * as expressionFields from './expression-fields.js';
import type { LintCheck } from './lint-check.js';
import * as numberingGap from './numbering-gap.js';
import * as parentTargets from './parent-targets.js';
import * as parentTasks from './parent-task-uncovered.js';
import * as planSchema from './plan-schema.js';
import * as taskBlankCells from './task-blank-cells.js';
import * as textTable from './text-table-mismatch.js';
import * as unitNote from './unit-note.js';

export const LINT_CHECKS = [
  expressionFields.check,
  parentTargets.check,
  textTable.check,
  parentTasks.check,
  taskBlankCells.check,
  unitNote.check,
  numberingGap.check,
  doubledWording.check,
] satisfies LintCheck[];

/** Every code `plans lint` can report, with its description (for docs and formatters). */
export const LINT_CODES = [planSchema.meta, ancestors.meta, ...metasOf(LINT_CHECKS)];

/** A parent named in `extends` is looked for beside the child first, as loadPlan does. */
const siblingOr = (from: LoadedPlan, ref: string) => {
  const sibling = join(dirname(from.file), `${ref}.yaml`);
  return existsSync(sibling) ? sibling : ref;
};

/** In file order, as a reader goes through the plan; a stable sort keeps a check's own order. */
const byPosition = (a: Finding, b: Finding) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.col ?? 0) - (b.location.col ?? 0);

/** Lints plan files (absolute paths, already resolved from ids), loading each plan file once. */
export class PlanLinter {
  /** Resolved plans by file, failed loads as null: a plan linted earlier may be a later one's parent. */
  private readonly plans = new Map<string, LoadedPlan | null>();

  lint(file: string): Finding[] {
    let written: LoadedPlan;
    let resolved: LoadedPlan;
    try {
      const hit = this.plans.get(file);
      written = hit && !hit.plan.extends ? hit : loadPlanFile(file);
    } catch (err) {
      if (err instanceof CscheckError) return [planSchema.schemaFinding(err, file)];
      throw err;
    }
    try {
      resolved = written.plan.extends ? loadPlan(file) : written;
    } catch (err) {
      if (err instanceof CscheckError) return [planSchema.schemaFinding(err, file, { ...written.locate(['extends']), planPath: 'extends' })];
      throw err;
    }
    this.plans.set(file, resolved);
    const { parents, findings } = ancestorsOf(written, (ref, from, relation) => this.load(relation === 'extends' ? siblingOr(from, ref) : ref), bundledPlanIds());
    const ctx = { written, resolved, parents, report: reportInto(findings) };
    for (const c of LINT_CHECKS) c.run(ctx);
    return findings.sort(byPosition);
  }

  /** A parent that does not load is reported when it is linted itself; here it is skipped. */
  private load(ref: string): LoadedPlan | null {
    let file: string;
    try {
      file = resolvePlanPath(ref);
    } catch (err) {
      if (err instanceof CscheckError) return null;
      throw err;
    }
    if (!this.plans.has(file)) {
      try {
        this.plans.set(file, loadPlan(file));
      } catch (err) {
        if (!(err instanceof CscheckError)) throw err;
        this.plans.set(file, null);
      }
    }
    return this.plans.get(file)!;
  }
}
