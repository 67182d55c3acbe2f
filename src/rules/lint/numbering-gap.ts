// Items under one project are numbered 1., 2., 3. … in their 主要内容 cell. A skipped number is
// often a lost row (the Luojiang ledger's 加快社区数字化建设 runs 1, 2, 4), a repeated one a copy slip.
// Numbers need not start at 1: some documents number items through the whole task list.

import type { Task } from '../../schema/plan.js';
import type { CheckMeta } from '../checks/check.js';
import { at, brief } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const meta = {
  code: 'numbering-gap',
  title: { zh: '条目编号跳号或重号', en: 'Item numbers skip or repeat' },
  description: {
    zh: '同一具体项目下各条主要内容开头的编号（1. 2. 3.）跳号或重复，可能漏了一行或抄错',
    en: 'the item numbers that open the 主要内容 cells of one project (1. 2. 3.) skip or repeat: a row may be missing or miscopied',
  },
  severity: 'warning',
  messages: ['lint.numbering-gap', 'lint.numbering-repeat'],
} as const satisfies CheckMeta;

const ITEM_NO = /^\s*(\d+)\s*[.．、]/;

function gaps(ctx: LintContext): void {
  const { written } = ctx;
  const groups = new Map<string, { task: Task; index: number; no: number }[]>();
  (written.plan.tasks ?? []).forEach((task, index) => {
    const m = ITEM_NO.exec(task.content);
    if (!m) return;
    const key = `${task.section}\u0000${task.project ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push({ task, index, no: Number(m[1]) });
    groups.set(key, list);
  });
  for (const items of groups.values()) {
    const numbers = items.map((i) => i.no).join(', ');
    for (let k = 1; k < items.length; k++) {
      const prev = items[k - 1].no;
      const { task, index, no } = items[k];
      if (no === prev + 1) continue;
      const missing = no > prev + 1 ? Array.from({ length: no - prev - 1 }, (_, n) => prev + 1 + n).join(', ') : null;
      ctx.report(meta, {
        ruleId: task.id,
        location: at(written, ['tasks', index, 'content']),
        messageId: missing ? 'lint.numbering-gap' : 'lint.numbering-repeat',
        args: { project: task.project ?? task.section, numbers, missing, no, section: task.source.section, quote: brief(task.content) },
      });
    }
  }
}

export const check = { meta: [meta], run: gaps } satisfies LintCheck;
