// Task ledgers (任务清单及工作台账) through the ledger checks, against a plan when one is given.

import type { FindingList } from '../report/formats/finding-list.js';
import type { FindingsJson } from '../report/formats/findings-json.js';
import { findingsJsonObject } from '../report/formats/findings-json.js';
import type { Lang } from '../schema/messages.js';
import type { Finding } from '../schema/finding.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import type { LedgerTaskMatch } from '../schema/results.js';
import { TOOL_VERSION } from '../schema/tool.js';
import type { Ledger } from '../io/ledger-reader.js';
import { readLedger } from '../io/ledger-reader.js';
import { UnitIndex } from '../rules/ledger/unit-index.js';
import { namedUnits, resolveUnit } from '../rules/ledger/unit-filter.js';
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
  /**
   * Only the rows and plan tasks this unit answers for. It must be a unit a row or a plan task
   * names, or a short form only one of them contains (民政局 for 区民政局).
   */
  unit?: string;
  /** XLSX: the sheet holding the ledger (default: the first sheet). */
  sheet?: string;
  /** CSV: the text encoding; default: detected. */
  encoding?: string;
  /** Names to show for the files in the result (default: the paths as given). */
  display?: string[];
  /** Language of the findings' messages (default zh). */
  lang?: Lang;
}

/** The unit --unit means among those the rows and the plan's tasks name; a usage error if none. */
function unitOf(asked: string, ledgers: Ledger[], plan: LoadedPlan | undefined): string {
  const index = new UnitIndex(plan?.plan.units);
  return resolveUnit(asked, index, namedUnits(index, ledgers, plan));
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
  // Read all first: --unit is resolved against the units every ledger and the plan name.
  const ledgers: Ledger[] = [];
  for (const [i, file] of files.entries()) ledgers.push(await readLedger(file, { sheet: opts.sheet, encoding: opts.encoding }, opts.display?.[i] ?? file));
  const unit = opts.unit === undefined ? undefined : unitOf(opts.unit, ledgers, plan);
  for (const ledger of ledgers) {
    const result = ledgerResult(ledger, { plan, asOf: opts.asOf, unit, unitAsked: opts.unit });
    // One at a time: a spread of a large ledger's findings would overflow the call stack.
    for (const f of result.findings) findings.push(f);
    for (const m of result.matches) matches.push(m);
  }
  const rules = [...LEDGER_CODES, ...CHECKS.filter((c) => c.code === 'cell-type')];
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files: opts.display ?? files, findings, rules, matches: plan ? matches : undefined };
}

/**
 * Checks task ledgers: structure, units, deadlines, and against a plan its tasks and targets.
 *
 * @returns what `cscheck ledger --format json` prints: the findings, each with its `message`
 *   rendered in `opts.lang` (default zh), the count per severity and (with a plan) how each plan
 *   task was matched to ledger rows.
 * @throws CscheckError on an unknown plan, an unreadable ledger, a bad date or a unit no row or
 *   plan task names.
 */
export async function checkLedger(files: string[], opts: LedgerOptions = {}): Promise<LedgerResult> {
  return findingsJsonObject(await ledgerFindings(files, opts), opts.lang ?? 'zh');
}
