// Plans checked against their own text and their parent plans.

import type { FindingList } from '../report/formats/finding-list.js';
import { shownPath } from '../report/render.js';
import { bundledPlanIds, resolvePlanPath } from '../schema/load-plan.js';
import { TOOL_VERSION } from '../schema/tool.js';
import { LINT_CODES, PlanLinter } from '../rules/lint/index.js';

/** The plan files `refs` name (bundled ids or paths; none = every bundled plan), all resolved before any is linted. */
export function planFiles(refs: string[] = []): string[] {
  return (refs.length ? refs : bundledPlanIds()).map(resolvePlanPath);
}

/**
 * Lints plans: bundled plan ids or plan YAML files (default: every bundled plan).
 *
 * @returns the findings and the lint rules — what `cscheck plans lint --format json` prints,
 *   before messages are rendered in one language. Paths under the working directory are relative.
 * @throws CscheckError on an unknown plan id or an unreadable file (an invalid plan is a finding).
 */
export function lintPlans(refs: string[] = []): FindingList {
  const files = planFiles(refs);
  const linter = new PlanLinter();
  const findings = files.flatMap((file) => linter.lint(file)).map((f) => (f.location.file ? { ...f, location: { ...f.location, file: shownPath(f.location.file) } } : f));
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files: files.map((f) => shownPath(f)), findings, rules: LINT_CODES };
}
