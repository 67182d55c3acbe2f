// `cscheck plans list|show|units|lint`: thin wiring from plan ids and files to the loader, the lint
// checks and the plan formatters. Exit codes as for evaluate: 0, 1 (lint findings at or above
// --fail-on), 2 (bad input: unknown plan, unreadable or — outside lint — invalid plan file).

import { isAbsolute, relative } from 'node:path';
import type { Finding, Severity } from '../schema/finding.js';
import { SEVERITY_RANK } from '../schema/finding.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import { bundledPlanIds, loadPlan, loadPlanFile, resolvePlanPath } from '../schema/load-plan.js';
import type { Lang } from '../schema/messages.js';
import { PlanLinter } from '../rules/lint/index.js';
import { TOOL_VERSION } from '../rules/evaluation.js';
import { FINDING_FORMATS } from '../report/formats/findings-formats.js';
import { PLAN_LIST_FORMATS, planSummary } from '../report/formats/plan-list.js';
import { PLAN_SHOW_FORMATS } from '../report/formats/plan-show.js';
import { PLAN_UNITS_FORMATS, responsibilityMatrix } from '../report/formats/plan-units.js';
import type { Io } from './main.js';
import { EXIT } from './main.js';

export interface PlanOutputOptions {
  format: string;
  lang: Lang;
  color: boolean;
}

export type FailOn = Severity | 'none';

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

/** A path under the working directory is shown relative to it, as linters print paths. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function lintExitCode(findings: Finding[], failOn: FailOn): number {
  if (failOn === 'none') return EXIT.ok;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? EXIT.findings : EXIT.ok;
}

export function lintCommand(refs: string[], opts: PlanOutputOptions & { failOn: FailOn }, io: Io): number {
  // Every name is resolved before anything is linted: an unknown plan is a usage error (exit 2).
  const files = (refs.length ? refs : bundledPlanIds()).map(resolvePlanPath);
  const linter = new PlanLinter();
  const findings = files.flatMap((file) => linter.lint(file)).map((f) => (f.location.file ? { ...f, location: { ...f.location, file: shownPath(f.location.file) } } : f));
  io.stdout(FINDING_FORMATS[opts.format]({ tool: { name: 'cscheck', version: TOOL_VERSION }, files: files.map(shownPath), findings }, ctxOf(opts, io)));
  return lintExitCode(findings, opts.failOn);
}
