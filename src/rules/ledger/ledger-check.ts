// A ledger check is a module like the finding checks in ../checks: metas describe the codes it
// reports; `run` turns one read ledger (and, where given, the plan it implements) into Findings.

import type { Localized } from '../../schema/finding.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Ledger, LedgerRow } from '../../io/ledger-reader.js';
import type { Check, CheckContext } from '../checks/check.js';
import type { TaskMatch } from './task-match.js';
import type { UnitIndex } from './unit-index.js';

export interface LedgerContext extends CheckContext {
  ledger: Ledger;
  /** The plan the ledger implements, `extends` resolved; absent: structure checks only. */
  plan?: LoadedPlan;
  units?: UnitIndex;
  /** Plan tasks matched to ledger rows, computed once for the checks that need it. */
  matches?: TaskMatch[];
  /** ISO date: rows past their deadline on this day and not 已完成 are overdue. */
  asOf?: string;
  /**
   * What the plan itself writes for a row (its matched tasks' content, units and notes): a slip the
   * ledger copies faithfully from the plan is the plan's, not something the submitter can fix.
   */
  planText?: (row: number) => string;
}

/**
 * A ledger check looks at one row at a time (`row`, the runner going through the rows once for
 * every check) or judges the whole read ledger at once (`run`); either reports through `ctx.report`.
 */
export type LedgerCheck = Check<LedgerContext, LedgerRow>;

/** How a message names a row: by its 序号, or by its row in the file when it has none. */
export function rowLabel(r: LedgerRow): Localized {
  return r.no !== null ? { zh: `序号 ${r.no}`, en: `序号 ${r.no}` } : { zh: `第 ${r.row} 行`, en: `row ${r.row}` };
}
