// Every ledger row names its responsible units and a deadline; a sentence in a unit cell is a
// note, not a unit; separators doubled or dangling in a unit list are slips.

import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import type { LedgerRow } from '../../io/ledger-reader.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
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
  messages: ['ledger.no-deadline'],
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

function row(r: LedgerRow, { ledger, planText, report }: LedgerContext): void {
  const where = (field: string) => ledgerCell(ledger, r.row, field);
  const no = r.no;
  const label = rowLabel(r);
  if (ledger.columnOf.units && r.units.length === 0)   report(noUnit, { location: where('units'), messageId: 'ledger.no-unit', args: { no, label } });
  if (ledger.columnOf.deadline && r.deadline.kind === 'blank')   report(noDeadline, { location: where('deadline'), messageId: 'ledger.no-deadline', args: { no, label } });
  for (const note of r.notes.filter((n) => !planText?.(r.row).includes(n)))   report(unitNote, { location: where('units'), messageId: 'ledger.unit-note', args: { no, label, note } });
  for (const line of r.unitSlips)   report(unitSlip, { location: where('units'), messageId: 'ledger.unit-slip', args: { no, label, value: line } });
}

export const check = { meta: [noUnit, noDeadline, unitNote, unitSlip], row } satisfies LedgerCheck;
