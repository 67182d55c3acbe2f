// The shape of the ledger itself: the columns a ledger must have, and its 序号 running 1, 2, 3 …
// without gaps or repeats.

import { LEDGER_FIELDS } from '../../schema/contract.js';
import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';

export const missingColumn = {
  code: 'ledger-missing-column',
  title: { zh: '缺少台账列', en: 'Missing ledger column' },
  description: { zh: '台账缺少序号、工作任务、具体项目、责任单位或完成时限列', en: 'the ledger lacks one of 序号, 工作任务, 具体项目, 责任单位, 完成时限' },
  severity: 'error',
  messages: ['ledger.missing-column'],
} as const satisfies CheckMeta;

export const numbering = {
  code: 'ledger-numbering',
  title: { zh: '序号不连续', en: 'Numbering gap or repeat' },
  description: { zh: '序号跳号、重号或不是数字（如 35 之后是 37）', en: 'the 序号 column skips, repeats or is not a number (35 followed by 37)' },
  severity: 'warning',
  messages: ['ledger.numbering-gap', 'ledger.numbering-repeat', 'ledger.numbering-text'],
} as const satisfies CheckMeta;

export const emptyRow = {
  code: 'ledger-empty-row',
  title: { zh: '空行', en: 'Empty row' },
  description: { zh: '台账中间的空行（已跳过）', en: 'an empty row inside the ledger (skipped)' },
  severity: 'info',
  messages: ['ledger.empty-row'],
} as const satisfies CheckMeta;

const REQUIRED = ['no', 'section', 'project', 'units', 'deadline'];
// Heading rows (一、… / （一）…) can name sections and projects in place of their columns.
const NAMED_BY_HEADINGS = new Set(['section', 'project']);

function run({ ledger, report }: LedgerContext): void {
  for (const id of REQUIRED) {
    if (ledger.columnOf[id] || (NAMED_BY_HEADINGS.has(id) && ledger.headingRows.length > 0)) continue;
    const header = LEDGER_FIELDS.find((f) => f.id === id)!.header;
    report(missingColumn, { location: { file: ledger.file, sheet: ledger.sheet, row: ledger.headerRow }, messageId: 'ledger.missing-column', args: { column: header } });
  }
  for (const row of ledger.emptyRows) report(emptyRow, { location: { file: ledger.file, sheet: ledger.sheet, row }, messageId: 'ledger.empty-row', args: { row } });
  if (!ledger.columnOf.no) return;
  let previous: number | null = null;
  const seen = new Set<number>();
  for (const r of ledger.rows) {
    const where = ledgerCell(ledger, r.row, 'no');
    if (r.no === null) continue;
    const n = Number(r.no.normalize('NFKC').replace(/[.．、]$/, ''));
    if (!Number.isInteger(n)) {
      report(numbering, { location: where, messageId: 'ledger.numbering-text', args: { value: r.no } });
      continue;
    }
    if (seen.has(n)) report(numbering, { location: where, messageId: 'ledger.numbering-repeat', args: { no: n } });
    else if (previous !== null && n !== previous + 1) report(numbering, { location: where, messageId: 'ledger.numbering-gap', args: { previous, no: n } });
    seen.add(n);
    previous = n;
  }
}

export const check = { meta: [missingColumn, numbering, emptyRow], run } satisfies LedgerCheck;
