// `cscheck ledger`: run every ledger check on a read ledger, against the plan when one is given,
// and narrow the result to one unit's rows with --unit.

import type { Finding } from '../../schema/finding.js';
import type { LedgerTaskMatch } from '../../schema/results.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Ledger } from '../../io/ledger-reader.js';
import { finding, metasOf, reportInto } from '../checks/check.js';
import * as coverage from './coverage.js';
import * as deadlines from './deadlines.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import * as rowCells from './row-cells.js';
import * as slips from './slips.js';
import * as structure from './structure.js';
import * as targets from './targets.js';
import { matchTasks } from './task-match.js';
import { UnitIndex } from './unit-index.js';
import { canonicalUnit, unitFilter } from './unit-filter.js';
import * as units from './units.js';

export const LEDGER_CHECKS = [structure.check, rowCells.check, units.check, coverage.check, targets.check, deadlines.check, slips.check] satisfies LedgerCheck[];

/** Every code `cscheck ledger` can report, with its description. */
export const LEDGER_CODES = [...metasOf(LEDGER_CHECKS), unitFilter];

export interface LedgerOptions {
  plan?: LoadedPlan;
  asOf?: string;
  /** Only this unit's rows (and the plan tasks it answers for): a canonical name (see resolveUnit). */
  unit?: string;
  /** The unit as --unit wrote it, when a short form of `unit`: said once in an info finding. */
  unitAsked?: string;
}

/** The findings of a ledger, and against a plan how each plan task was matched to its rows. */
export function ledgerResult(ledger: Ledger, options: LedgerOptions = {}): { findings: Finding[]; matches: LedgerTaskMatch[] } {
  const { plan } = options;
  const index = new UnitIndex(plan?.plan.units);
  const matches = plan ? matchTasks(plan.plan.tasks ?? [], ledger.rows) : undefined;
  const planText = new Map<number, string>();
  for (const m of matches ?? []) {
    const t = m.task;
    const text = [t.content, t.units_as_written ?? '', typeof t.note === 'string' ? t.note : t.note?.zh ?? ''].join('\n');
    for (const r of m.rows) planText.set(r.row, `${planText.get(r.row) ?? ''}\n${text}`);
  }
  const shared = { ledger, plan, units: index, asOf: options.asOf, matches, planText: (row: number) => planText.get(row) ?? '' };
  // Each check keeps its own findings, so they are listed check by check whichever hook made them.
  const own = LEDGER_CHECKS.map(() => [] as Finding[]);
  const ctxs = LEDGER_CHECKS.map((_, i) => ({ ...shared, report: reportInto(own[i]) }));
  const each = (hook: (c: LedgerCheck, ctx: LedgerContext) => void) => LEDGER_CHECKS.forEach((c, i) => hook(c, ctxs[i]));
  each((c, ctx) => c.start?.(ctx));
  for (const r of ledger.rows) each((c, ctx) => c.row?.(r, ctx));
  each((c, ctx) => {
    c.finish?.(ctx);
    c.run?.(ctx);
  });
  const findings = [...ledger.findings, ...own.flat()];
  const explained = (matches ?? []).map(
    (m): LedgerTaskMatch => ({
      file: ledger.file,
      task: m.task.id,
      no: m.task.no,
      section: m.task.source.section,
      rows: m.rows.map((r) => r.row),
      covered: Math.round(m.covered * 100),
      sentences: m.sentences,
    }),
  );
  if (!options.unit) return { findings, matches: explained };
  const wanted = canonicalUnit(index, options.unit);
  const isWanted = (name: string) => canonicalUnit(index, name) === wanted;
  const rows = new Set(ledger.rows.filter((r) => r.units.some(isWanted)).map((r) => r.row));
  const tasks = new Set((plan?.plan.tasks ?? []).filter((t) => t.units.some(isWanted)).map((t) => t.id));
  const where = { file: ledger.file, sheet: ledger.sheet };
  const said: Finding[] = [];
  if (options.unitAsked !== undefined && options.unitAsked !== wanted) said.push(finding(unitFilter, { location: where, messageId: 'ledger.unit-short', args: { unit: options.unitAsked, canonical: wanted } }));
  if (rows.size === 0 && tasks.size > 0) said.push(finding(unitFilter, { location: where, messageId: 'ledger.unit-no-rows', args: { unit: wanted, tasks: tasks.size } }));
  return {
    findings: [...said, ...findings.filter((f) => (f.location.row !== undefined ? rows.has(f.location.row) : f.ruleId !== undefined && tasks.has(f.ruleId)))],
    matches: explained.filter((m) => tasks.has(m.task)),
  };
}

/** The findings of a ledger (see ledgerResult). */
export const checkLedger = (ledger: Ledger, options: LedgerOptions = {}): Finding[] => ledgerResult(ledger, options).findings;
