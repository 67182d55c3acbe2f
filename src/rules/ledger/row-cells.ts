// Every ledger row names its responsible units and a deadline; a sentence in a unit cell is a
// note, not a unit; separators doubled or dangling in a unit list are slips.

import { ledgerCell } from '../../io/ledger-reader.js';
import type { LedgerRow } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import type { TaskMatch } from './task-match.js';
import { rowLabel } from './ledger-check.js';

export const noUnit = {
  code: 'ledger-no-unit',
  title: { zh: '未填责任单位', en: 'No responsible unit' },
  description: { zh: '台账行的责任单位为空', en: 'a ledger row names no responsible unit' },
  severity: 'error',
  messages: ['ledger.no-unit'],
} as const satisfies CheckMeta;

export const noDeadline = {
  code: 'ledger-no-deadline',
  title: { zh: '未填完成时限', en: 'No deadline' },
  description: { zh: '台账行的完成时限为空', en: 'a ledger row has no deadline' },
  severity: 'error',
  messages: ['ledger.no-deadline', 'ledger.reported-no-deadline'],
} as const satisfies CheckMeta;

export const planNoDeadline = {
  code: 'ledger-plan-no-deadline',
  title: { zh: '计划未定完成时限', en: 'No deadline in the plan' },
  description: {
    zh: '完成时限为空，对应的计划任务也未定时限，且本行尚未填报进展；一旦填报完成状态、进度、进展或佐证而仍未填时限，即为“未填完成时限”错误',
    en: 'no deadline, the plan task sets none either, and the row reports no progress yet; once it reports a status, progress, note or evidence without a deadline, it is a “no deadline” error',
  },
  severity: 'info',
  messages: ['ledger.plan-no-deadline'],
} as const satisfies CheckMeta;

export const unitNote = {
  code: 'ledger-unit-note',
  title: { zh: '责任单位栏中的说明', en: 'Note in a unit cell' },
  description: { zh: '责任单位栏中有一句说明（如“以下均需各乡镇（街道）落实”），不作为责任单位', en: 'a unit cell holds a sentence (such as 以下均需各乡镇（街道）落实); it is not taken as a unit' },
  severity: 'info',
  messages: ['ledger.unit-note'],
} as const satisfies CheckMeta;

export const unitSlip = {
  code: 'ledger-unit-slip',
  title: { zh: '责任单位标点错误', en: 'Stray punctuation in units' },
  description: { zh: '责任单位列表中分隔符重复或多余（如“区民政局、、区妇联”）', en: 'a unit list has a doubled or dangling separator (two 、 in a row, or one at an end)' },
  severity: 'warning',
  messages: ['ledger.unit-slip'],
} as const satisfies CheckMeta;

/** Something the submitter reports on the row: its status, progress, progress note or evidence. */
const reports = (r: LedgerRow) => r.status !== null || r.progress !== null || r.progressNote !== null || r.evidence !== null;

/**
 * A blank 完成时限 is the submitter's to fill unless the plan left it blank too (a plan row with no
 * deadline, copied into a template): then it is the plan's gap until the row reports progress —
 * work reported against no deadline cannot be judged on time or late. The plan task is the one
 * the row matched; a row matching no task, or no plan, is the submitter's own.
 */
function planLeftBlank(r: LedgerRow, matches: TaskMatch[] | undefined): TaskMatch | undefined {
  const own = matches?.filter((m) => m.rows.includes(r)) ?? [];
  return own.length > 0 && own.every((m) => !m.task.deadline) ? own[0] : undefined;
}

function row(r: LedgerRow, { ledger, planText, matches, report }: LedgerContext): void {
  const where = (field: string) => ledgerCell(ledger, r.row, field);
  const no = r.no;
  const label = rowLabel(r);
  if (ledger.columnOf.units && r.units.length === 0) report(noUnit, { location: where('units'), messageId: 'ledger.no-unit', args: { no, label } });
  if (ledger.columnOf.deadline && r.deadline.kind === 'blank') {
    const gap = planLeftBlank(r, matches);
    const task = gap && (gap.task.no !== undefined ? String(gap.task.no) : gap.task.id);
    if (!gap) report(noDeadline, { location: where('deadline'), messageId: 'ledger.no-deadline', args: { no, label } });
    else if (reports(r)) report(noDeadline, { location: where('deadline'), messageId: 'ledger.reported-no-deadline', args: { no, label, task } });
    else report(planNoDeadline, { location: where('deadline'), messageId: 'ledger.plan-no-deadline', args: { no, label, task } });
  }
  for (const note of r.notes.filter((n) => !planText?.(r.row).includes(n))) report(unitNote, { location: where('units'), messageId: 'ledger.unit-note', args: { no, label, note } });
  for (const line of r.unitSlips) report(unitSlip, { location: where('units'), messageId: 'ledger.unit-slip', args: { no, label, value: line } });
}

export const check = { meta: [noUnit, noDeadline, planNoDeadline, unitNote, unitSlip], row } satisfies LedgerCheck;
