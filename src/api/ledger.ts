// Task ledgers (任务清单及工作台账) through the ledger checks, against a plan when one is given.

import type { FindingList } from '../report/formats/finding-list.js';
import type { FindingsJson } from '../report/formats/findings-json.js';
import { findingsJsonObject } from '../report/formats/findings-json.js';
import type { Lang } from '../schema/messages.js';
import type { Finding } from '../schema/finding.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import type { LedgerTaskMatch } from '../schema/results.js';
import { TOOL_VERSION } from '../schema/tool.js';
import { readLedger } from '../io/ledger-reader.js';
import { ledgerResult, LEDGER_CODES } from '../rules/ledger/index.js';
import { CHECKS } from '../rules/checks/index.js';
import { loadPlan } from './plan.js';
import { parseDate } from './parse.js';

/** Options of {@link checkLedger}. */
export interface LedgerOptions {
  /** The plan the ledger implements: a bundled plan id, a plan YAML file, or a loaded plan. */
  plan?: string | LoadedPlan;
  /** Calendar date YYYY-MM-DD: rows past their deadline on this day and not 已完成 are overdue. */
  asOf?: string;
  /** Only the rows and plan tasks this unit answers for. */
  unit?: string;
  /** XLSX: the sheet holding the ledger (default: the first sheet). */
  sheet?: string;
  /** CSV: the text encoding; default: detected. */
  encoding?: string;
  /** Language of the findings' messages (default zh). */
  lang?: Lang;
}

/** What a ledger check found, before any format: the finding list the command's formats render. */
export type LedgerFindings = FindingList & { matches?: LedgerTaskMatch[] };

/** What `cscheck ledger --format json` prints, and `checkLedger` returns. */
export type LedgerResult = FindingsJson;

/** The findings of task ledgers with the rules that could report them (see checkLedger). */
export async function ledgerFindings(files: string[], opts: LedgerOptions = {}): Promise<LedgerFindings> {
  if (opts.asOf !== undefined) parseDate(opts.asOf);
  const plan = typeof opts.plan === 'string' ? loadPlan(opts.plan) : opts.plan;
  const findings: Finding[] = [];
  const matches: LedgerTaskMatch[] = [];
  for (const file of files) {
    const ledger = await readLedger(file, { sheet: opts.sheet, encoding: opts.encoding });
    const result = ledgerResult(ledger, { plan, asOf: opts.asOf, unit: opts.unit });
    // One at a time: a spread of a large ledger's findings would overflow the call stack.
    for (const f of result.findings) findings.push(f);
    for (const m of result.matches) matches.push(m);
  }
  const rules = [...LEDGER_CODES, ...CHECKS.filter((c) => c.code === 'cell-type')];
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files, findings, rules, matches: plan ? matches : undefined };
}

/**
 * Checks task ledgers: structure, units, deadlines, and against a plan its tasks and targets.
 *
 * @returns what `cscheck ledger --format json` prints: the findings, each with its `message`
 *   rendered in `opts.lang` (default zh), the count per severity and (with a plan) how each plan
 *   task was matched to ledger rows.
 * @throws CscheckError on an unknown plan, an unreadable ledger or a bad date.
 */
export async function checkLedger(files: string[], opts: LedgerOptions = {}): Promise<LedgerResult> {
  return findingsJsonObject(await ledgerFindings(files, opts), opts.lang ?? 'zh');
}
