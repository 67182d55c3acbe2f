// What an evaluation produces, besides Findings: one result per indicator and per requirement.
// The JSON report is these objects as they are (schemaVersion below), so keep changes additive.

import type { Finding, Localized, Severity } from './finding.js';
import type { MessageId } from './messages.js';
import type { Attribute, Comparison, Scope, Source } from './plan.js';

export const REPORT_SCHEMA_VERSION = 1;

export type Status = 'met' | 'not-met' | 'no-data';

export interface Breakdown {
  /** Township (乡镇（街道）), prefixed with the county when the data names one. */
  township: string;
  value: number | null;
  /** The township's own value against the plan's target. */
  status: Status;
  /** Its distance to the target in the indicator's unit (positive = short), as IndicatorResult.gap. */
  gap: number | null;
  withData: number;
  inScope: number;
  /** How much of the numerator this township lacks to reach the target on its own (0 = none). */
  shortfall: number;
}

export interface Contributor {
  township: string;
  community: string;
  file: string;
  sheet?: string;
  row: number;
  shortfall: number;
}

export interface IndicatorResult {
  id: string;
  name: Localized;
  measure: 'coverage' | 'ratio' | 'count' | 'reported';
  unit: string;
  scope: Scope;
  attribute: Attribute;
  binding: boolean;
  target: { op: Comparison; value: number; text?: string };
  baseline?: { value: number; year: number };
  due?: string;
  value: number | null;
  status: Status;
  /** Distance to the target in the indicator's unit: positive = short of it. */
  gap: number | null;
  /** Rows in scope that had the data / rows in scope. */
  withData: number;
  inScope: number;
  numerator?: number;
  denominator?: number;
  /** Why there is no value, as a message id with arguments. */
  noData?: { messageId: MessageId; args: Record<string, string | number> };
  townships: Breakdown[];
  worstTownships: Breakdown[];
  worstCommunities: Contributor[];
  source: Source;
  note?: Localized;
  /**
   * With --as-of: where the value should be by then on the straight line from the baseline (end of
   * its year) to the target (its due date, or the end of the plan period), and how far behind it is
   * (in the indicator's unit; ≤ 0 = on track). After the due date the target itself is expected.
   */
  progress?: { asOf: string; expected: number; behind: number; status: 'on-track' | 'behind' | 'overdue' };
  /** Where the reported value came from, for `reported` indicators. */
  reportedFrom?: { file?: string; sheet?: string; row?: number };
}

export interface RequirementResult {
  id: string;
  name: Localized;
  scope: Scope;
  severity: Severity;
  checked: number;
  breaches: number;
  noData: number;
  /** Columns the rule needs that no input had. */
  missingColumns: string[];
  source: Source;
}

export interface InputResult {
  file: string;
  sheet?: string;
  level: 'community' | 'township' | 'values';
  rows: number;
  blankRows: number;
  columns: string[];
  encoding?: string;
  delimiter?: string;
}

export interface Report {
  schemaVersion: number;
  tool: { name: 'cscheck'; version: string };
  plan: { id: string; name: Localized; document: string; level: string; region: string; file: string; extends: string[] };
  inputs: InputResult[];
  indicators: IndicatorResult[];
  requirements: RequirementResult[];
  findings: Finding[];
  /** Findings counted but not listed, per code and rule (see --max-findings). */
  omitted: { code: string; ruleId?: string; count: number }[];
  summary: {
    rows: number;
    townships: number;
    indicators: Record<Status, number>;
    findings: Record<Severity, number>;
  };
  /**
   * Every community row the inputs held, once each: present when asked for (`cscheck compare`
   * records it; `cscheck batch` writes it into each file's report), absent otherwise. `key` is the
   * 统计用区划代码 when the row has one, else county / township / name (NFKC, no white space).
   */
  communities?: { key: string; code?: string; county?: string; township: string; name: string }[];
}

/** How `cscheck ledger` matched one plan task to ledger rows (the JSON report's `matches`). */
export interface LedgerTaskMatch {
  file: string;
  /** The plan task: its id, 序号 if it has one, and section. */
  task: string;
  no?: number;
  section: string;
  /** Rows (1-based, in the ledger file) holding the task's sentences, best first. */
  rows: number[];
  /** Share of the task's sentences found in the ledger, 0–100. */
  covered: number;
  /** Each sentence of the task with its best similarity (0–1) and the row it was found in. */
  sentences: { text: string; score: number; row: number | null }[];
}
