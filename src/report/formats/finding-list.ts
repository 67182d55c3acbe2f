// What the finding formatters read: the findings of one run (`plans lint`, `ledger`, and `evaluate`
// through `fromReport`), the files it checked, and the metadata of every code it can report. The
// CI formats (junit, sarif, github, markdown, codeclimate) read nothing else.

import type { Finding, Localized, Severity } from '../../schema/finding.js';
import type { IndicatorResult, LedgerTaskMatch, Report, RequirementResult } from '../../schema/results.js';
import type { CheckMeta } from '../../rules/checks/check.js';

export interface FindingList {
  tool: { name: string; version: string };
  /** The files the findings are about, in the order they were checked. */
  files: string[];
  findings: Finding[];
  /** Every code the command can report, with title and description (SARIF rules, JUnit test cases). */
  rules?: CheckMeta[];
  /** The plan the files were checked against (evaluate, ledger). */
  plan?: { id: string; name: Localized; document: string; file: string };
  /** evaluate: one result per indicator and per requirement; their findings carry the item's id as ruleId. */
  indicators?: IndicatorResult[];
  requirements?: RequirementResult[];
  /** Findings counted but not listed (see --max-findings). */
  omitted?: { code: string; ruleId?: string; count: number }[];
  /** Findings per severity, the omitted ones included; default: counted from `findings`. */
  counts?: Record<Severity, number>;
  /** ledger against a plan: how each plan task was matched to rows. */
  matches?: LedgerTaskMatch[];
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** The counts a list reports: what was found, listed or not. */
export const listCounts = (list: FindingList): Record<Severity, number> => list.counts ?? countBySeverity(list.findings);

/** evaluate's Report as a finding list: its inputs (each file once), findings, results and counts. */
export function fromReport(report: Report, rules: CheckMeta[]): FindingList {
  return {
    tool: report.tool,
    files: [...new Set(report.inputs.map((i) => i.file))],
    findings: report.findings,
    rules,
    plan: { id: report.plan.id, name: report.plan.name, document: report.plan.document, file: report.plan.file },
    indicators: report.indicators,
    requirements: report.requirements,
    omitted: report.omitted,
    counts: report.summary.findings,
  };
}
