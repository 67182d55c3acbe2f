// Plans checked against their own text and their parent plans.

import type { FindingList } from '../report/formats/finding-list.js';
import type { FindingsJson } from '../report/formats/findings-json.js';
import { findingsJsonObject } from '../report/formats/findings-json.js';
import type { Lang } from '../schema/messages.js';
import { shownPath } from '../report/render.js';
import { bundledPlanIds, resolvePlanPath } from '../schema/load-plan.js';
import { TOOL_VERSION } from '../schema/tool.js';
import { LINT_CODES, PlanLinter } from '../rules/lint/index.js';

/** The plan files `refs` name (bundled ids or paths; none = every bundled plan), all resolved before any is linted. */
export function planFiles(refs: string[] = []): string[] {
  return (refs.length ? refs : bundledPlanIds()).map(resolvePlanPath);
}

/** The lint findings of plans with the lint rules, before any format (see lintPlans). */
export function planLintFindings(refs: string[] = []): FindingList {
  const files = planFiles(refs);
  const linter = new PlanLinter();
  const findings = files.flatMap((file) => linter.lint(file)).map((f) => (f.location.file ? { ...f, location: { ...f.location, file: shownPath(f.location.file) } } : f));
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files: files.map((f) => shownPath(f)), findings, rules: LINT_CODES };
}

/**
 * Lints plans: bundled plan ids or plan YAML files (default: every bundled plan).
 *
 * @returns what `cscheck plans lint --format json` prints: the findings, each with its `message`
 *   rendered in `opts.lang` (default zh), and the count per severity. Paths under the working
 *   directory are relative.
 * @throws CscheckError on an unknown plan id or an unreadable file (an invalid plan is a finding).
 */
export function lintPlans(refs: string[] = [], opts: { lang?: Lang } = {}): FindingsJson {
  return findingsJsonObject(planLintFindings(refs), opts.lang ?? 'zh');
}
