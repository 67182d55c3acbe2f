// `cscheck plans list|show|units|lint`: thin wiring from plan ids and files to the loader, the lint
// checks and the plan formatters. Exit codes as for evaluate: 0, 1 (lint findings at or above
// --fail-on, or more warnings than --max-warnings), 2 (bad input: unknown plan, unreadable or —
// outside lint — invalid plan file).

import type { LoadedPlan } from '../schema/load-plan.js';
import { bundledPlanIds, loadPlan, loadPlanFile } from '../schema/load-plan.js';
import type { Lang } from '../schema/messages.js';
import { PLAN_LIST_FORMATS, planSummary } from '../report/formats/plan-list.js';
import { PLAN_SHOW_FORMATS } from '../report/formats/plan-show.js';
import { PLAN_UNITS_FORMATS, responsibilityMatrix } from '../report/formats/plan-units.js';
import type { Io } from './io.js';
import { EXIT } from './io.js';
import type { ReportOptions } from './report-options.js';
import { checkOutputPath, reportFindings } from './report-options.js';
import { SEVERITY_FAIL_ON } from './options.js';

export interface PlanOutputOptions {
  format: string;
  lang: Lang;
  color: boolean;
}

const ctxOf = (opts: PlanOutputOptions, io: Io) => ({ lang: opts.lang, color: opts.color && io.isTTY && io.env.NO_COLOR === undefined });

/** The plan with `extends` merged in; a plan without `extends` is its own resolution. */
const resolvedOf = (written: LoadedPlan, ref: string): LoadedPlan => (written.plan.extends ? loadPlan(ref) : written);

export function listCommand(opts: PlanOutputOptions, io: Io): number {
  const plans = bundledPlanIds().map((id) => {
    const written = loadPlanFile(id);
    return planSummary(written.plan, resolvedOf(written, id).plan, written.file);
  });
  io.stdout(PLAN_LIST_FORMATS[opts.format](plans, ctxOf(opts, io)));
  return EXIT.ok;
}

export function showCommand(ref: string, opts: PlanOutputOptions & { resolved?: boolean }, io: Io): number {
  const written = loadPlanFile(ref);
  const plan = opts.resolved ? resolvedOf(written, ref).plan : written.plan;
  io.stdout(PLAN_SHOW_FORMATS[opts.format](plan, ctxOf(opts, io)));
  return EXIT.ok;
}

export function unitsCommand(ref: string, opts: PlanOutputOptions, io: Io): number {
  const written = loadPlanFile(ref);
  // A child that lists no units of its own names its parent's.
  const units = written.plan.units?.length ? written.plan.units : resolvedOf(written, ref).plan.units;
  io.stdout(PLAN_UNITS_FORMATS[opts.format](responsibilityMatrix({ ...written.plan, units }), ctxOf(opts, io)));
  return EXIT.ok;
}


export async function lintCommand(refs: string[], opts: ReportOptions, io: Io): Promise<number> {
  // Every name is resolved before anything is linted: an unknown plan is a usage error (exit 2).
  // The lint checks are loaded by the one command that runs them, not by every plans command.
  const { planLintFindings, planFiles } = await import('../api/lint.js');
  checkOutputPath(opts.output, planFiles(refs));
  return reportFindings(planLintFindings(refs), opts, SEVERITY_FAIL_ON, io);
}
