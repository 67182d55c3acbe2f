// A ledger's 责任单位 cell holds one unit per line; a line that names no unit at all is a note that
// slipped into the column (Luojiang row 1: “以下均需各乡镇（街道）落实，不再列出。”). Prose unit
// texts of plans (“市发改委、教育局……等按职责分工负责”) name units and are not reported.

import type { CheckMeta } from '../checks/check.js';
import { at } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const meta = {
  code: 'unit-note',
  title: { zh: '责任单位栏中的说明', en: 'A note in the unit column' },
  description: {
    zh: '责任单位栏中有一行不含任何责任单位名称（是说明文字，不是单位）',
    en: 'a line of the responsible-unit cell names no unit: it is a note, not a unit',
  },
  severity: 'info',
  messages: ['lint.unit-note'],
} as const satisfies CheckMeta;

function notes(ctx: LintContext): void {
  const { written, resolved } = ctx;
  const names = (resolved.plan.units ?? []).flatMap((u) => [u.name, ...(u.spellings ?? [])]);
  (written.plan.tasks ?? []).forEach((task, i) => {
    for (const raw of (task.units_as_written ?? '').split('\n')) {
      const line = raw.trim();
      if (!line || names.some((n) => line.includes(n))) continue;
      ctx.report(meta, {
        ruleId: task.id,
        location: at(written, ['tasks', i, 'units_as_written']),
        messageId: 'lint.unit-note',
        args: { section: task.source.section, line },
      });
    }
  });
}

export const check = { meta: [meta], run: notes } satisfies LintCheck;
