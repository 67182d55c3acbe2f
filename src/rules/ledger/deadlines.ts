// Deadlines and progress: a row due later than the plan's task, a row past its deadline and not
// finished (with --as-of), and a status that contradicts its progress figure.

import type { Finding } from '../../schema/finding.js';
import { ledgerCell, parseDeadline } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';

export const later = {
  code: 'ledger-deadline-later',
  title: { zh: '完成时限晚于计划', en: 'Deadline later than the plan' },
  description: { zh: '台账行的完成时限晚于计划中对应任务的时限', en: 'a row’s deadline is later than that of its plan task' },
  severity: 'error',
  messages: ['ledger.deadline-later'],
} as const satisfies CheckMeta;

export const overdue = {
  code: 'ledger-overdue',
  title: { zh: '逾期未完成', en: 'Overdue' },
  description: { zh: '按 --as-of 日期，已过完成时限但状态不是“已完成”', en: 'past its deadline on the --as-of date and not 已完成' },
  severity: 'error',
  messages: ['ledger.overdue'],
} as const satisfies CheckMeta;

export const inconsistent = {
  code: 'ledger-status-inconsistent',
  title: { zh: '状态与进度不符', en: 'Status contradicts progress' },
  description: { zh: '“已完成”但进度不到100%，或进度100%但状态不是“已完成”', en: 'marked 已完成 below 100%, or at 100% with another status' },
  severity: 'error',
  messages: ['ledger.done-not-full', 'ledger.full-not-done'],
} as const satisfies CheckMeta;

/**
 * The milder half of `inconsistent`: at 100% with another status the work is likely done and only
 * the status is stale, so it warns. Same code, so it is not listed again among the check's metas.
 */
const fullNotDone = { ...inconsistent, severity: 'warning', messages: ['ledger.full-not-done'] } as const satisfies CheckMeta;

function run({ ledger, matches, asOf, report }: LedgerContext): void {
  const push = (meta: typeof later | typeof overdue | typeof inconsistent | typeof fullNotDone, row: number, field: string, messageId: Finding['messageId'], args: Finding['args']) =>
    report(meta, { location: ledgerCell(ledger, row, field), messageId, args });
  for (const m of matches ?? []) {
    const due = parseDeadline(m.task.deadline ?? null);
    if (due.kind !== 'date') continue;
    for (const r of m.rows) {
      if (r.deadline.kind === 'date' && r.deadline.year > due.year) {
        push(later, r.row, 'deadline', 'ledger.deadline-later', { no: r.no, label: rowLabel(r), written: r.deadlineText ?? '', plan: m.task.deadline ?? '', task: m.task.no !== undefined ? String(m.task.no) : m.task.id });
      }
    }
  }
  for (const r of ledger.rows) {
    const no = r.no;
    const label = rowLabel(r);
    if (asOf && ledger.columnOf.status && r.deadline.kind === 'date' && r.deadline.date < asOf && r.status !== '已完成') {
      push(overdue, r.row, 'status', 'ledger.overdue', { no, label, deadline: r.deadlineText ?? '', status: r.status ?? '', asOf });
    }
    if (r.status === '已完成' && r.progress !== null && r.progress < 100) push(inconsistent, r.row, 'progress', 'ledger.done-not-full', { no, label, progress: r.progress });
    if (r.progress === 100 && r.status !== null && r.status !== '已完成') push(fullNotDone, r.row, 'status', 'ledger.full-not-done', { no, label, status: r.status });
  }
}

export const check = { meta: [later, overdue, inconsistent], run } satisfies LedgerCheck;
