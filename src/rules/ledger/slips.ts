// A word typed twice in a row (“推进推进”, “力争力争”) — the same slip `plans lint` finds in plans.
// A slip the ledger copies from its plan is still in the submitter's own document, and the
// submitter can correct it there: it is reported too, as information that names the plan's row.

import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import { DOUBLED } from '../lint/doubled-wording.js';
import type { LedgerRow } from '../../io/ledger-reader.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';

export const doubled = {
  code: 'ledger-doubled-wording',
  title: { zh: '词语重复', en: 'Doubled wording' },
  description: { zh: '主要内容中同一个词连写两遍，如“力争力争”', en: 'a word is written twice in a row in 主要内容, e.g. 力争力争' },
  severity: 'warning',
  messages: ['ledger.doubled-wording'],
} as const satisfies CheckMeta;

export const inherited = {
  code: 'ledger-doubled-wording-inherited',
  title: { zh: '照抄计划的词语重复', en: 'Doubled wording copied from the plan' },
  description: {
    zh: '主要内容中同一个词连写两遍，而计划原文对应任务也这样写：台账是填报单位自己的文件，可以改正；计划的笔误不算台账的错误，仅作提示',
    en: 'a word is written twice in a row in 主要内容 and the plan’s matching task writes it so too: the ledger is the submitter’s own document and can be corrected; a slip of the plan is no fault of the ledger, so information only',
  },
  severity: 'info',
  messages: ['ledger.doubled-wording-inherited'],
} as const satisfies CheckMeta;

/** The plan task matched to this row whose text has the same slip (its section names it). */
function planSection({ matches }: LedgerContext, row: number, run: string): string | undefined {
  return matches?.find((m) => m.task.content.includes(run) && m.rows.some((r) => r.row === row))?.task.source.section;
}

function row(r: LedgerRow, ctx: LedgerContext): void {
  const { ledger, planText } = ctx;
  for (const m of (r.content ?? '').matchAll(DOUBLED)) {
    const copied = planText?.(r.row).includes(m[0]);
    const meta = copied ? inherited : doubled;
    const args = { no: r.no, label: rowLabel(r), run: m[0] };
    ctx.report(meta, {
      location: ledgerCell(ledger, r.row, 'content'),
      messageId: meta.messages[0],
      args: copied ? { ...args, section: planSection(ctx, r.row, m[0]) ?? '—' } : args,
    });
  }
}

export const check = { meta: [doubled, inherited], row } satisfies LedgerCheck;
