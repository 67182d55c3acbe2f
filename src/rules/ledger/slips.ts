// A word typed twice in a row (“推进推进”, “力争力争”) — the same slip `plans lint` finds in plans.

import type { Finding } from '../../schema/finding.js';
import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import { DOUBLED } from '../lint/doubled-wording.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';

export const doubled: CheckMeta = {
  code: 'ledger-doubled-wording',
  title: { zh: '词语重复', en: 'Doubled wording' },
  description: { zh: '主要内容中同一个词连写两遍，如“力争力争”', en: 'a word is written twice in a row in 主要内容, e.g. 力争力争' },
  severity: 'warning',
  messages: ['ledger.doubled-wording'],
};

function run({ ledger, planText }: LedgerContext): Finding[] {
  return ledger.rows.flatMap((r) =>
    [...(r.content ?? '').matchAll(DOUBLED)].filter((m) => !planText?.(r.row).includes(m[0])).map((m): Finding => ({
      code: doubled.code,
      severity: doubled.severity,
      location: ledgerCell(ledger, r.row, 'content'),
      messageId: 'ledger.doubled-wording',
      args: { no: r.no, label: rowLabel(r), run: m[0] },
    })),
  );
}

export const check: LedgerCheck = { codes: [doubled], run };
