// `cscheck ledger FILE... [--plan ID] [--as-of DATE] [--unit NAME]`: read each task ledger, run the
// ledger checks (against the plan when one is given) and report the findings in any format.

import { CscheckError } from '../schema/errors.js';
import type { Finding } from '../schema/finding.js';
import { loadPlan } from '../schema/load-plan.js';
import { readLedger } from '../io/ledger-reader.js';
import { isCalendarDate } from '../schema/dates.js';
import { ledgerResult, LEDGER_CODES } from '../rules/ledger/index.js';
import type { LedgerTaskMatch } from '../schema/results.js';
import { TOOL_VERSION } from '../schema/tool.js';
import type { Io } from './main.js';
import type { ReportOptions } from './report-options.js';
import { checkOutputPath, reportFindings, SEVERITY_FAIL_ON } from './report-options.js';
import { CHECKS } from '../rules/checks/index.js';

export interface LedgerOptions {
  plan?: string;
  asOf?: string;
  unit?: string;
  sheet?: string;
  encoding?: string;
}

export async function ledgerFindings(files: string[], opts: LedgerOptions): Promise<{ findings: Finding[]; matches: LedgerTaskMatch[] }> {
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) {
    throw new CscheckError('ledger.bad-date', { value: opts.asOf });
  }
  const plan = opts.plan ? loadPlan(opts.plan) : undefined;
  const findings: Finding[] = [];
  const matches: LedgerTaskMatch[] = [];
  for (const file of files) {
    const ledger = await readLedger(file, { sheet: opts.sheet, encoding: opts.encoding });
    const result = ledgerResult(ledger, { plan, asOf: opts.asOf, unit: opts.unit });
    // One at a time: a spread of a large ledger's findings would overflow the call stack.
    for (const f of result.findings) findings.push(f);
    for (const m of result.matches) matches.push(m);
  }
  return { findings, matches };
}

export async function ledgerCommand(files: string[], opts: LedgerOptions & ReportOptions, io: Io): Promise<number> {
  checkOutputPath(opts.output, files);
  const { findings, matches } = await ledgerFindings(files, opts);
  const rules = [...LEDGER_CODES, ...CHECKS.filter((c) => c.code === 'cell-type')];
  return reportFindings({ tool: { name: 'cscheck', version: TOOL_VERSION }, files, findings, rules, matches: opts.plan ? matches : undefined }, opts, SEVERITY_FAIL_ON, io);
}
