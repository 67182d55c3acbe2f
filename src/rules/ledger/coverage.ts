// Does the ledger carry every task of the plan, and is every row a task of the plan? Matching is
// by text (task-match.ts); each finding says how close the best candidate came.

import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import { brief } from '../lint/cite.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';
import { COVERED_SHARE, unplannedRows } from './task-match.js';
import { MIN_SIMILARITY } from '../lint/parent-task-uncovered.js';

export const taskMissing = {
  code: 'ledger-task-missing',
  title: { zh: '台账缺少计划任务', en: 'Plan task missing' },
  description: { zh: '计划中的任务在台账中找不到对应的行（按主要内容的文字比对）', en: 'a task of the plan has no row in the ledger (matched by the text of 主要内容)' },
  severity: 'error',
  messages: ['ledger.task-missing'],
} as const satisfies CheckMeta;

export const sentenceMissing = {
  code: 'ledger-sentence-missing',
  title: { zh: '台账漏掉计划任务中的一句', en: 'Plan sentence missing' },
  description: {
    zh: '计划任务的大部分内容在台账中，但其中一句在台账中找不到（如上级计划一段中的一项要求被略去）',
    en: 'most of a plan task is in the ledger, but one of its sentences is not (a requirement of the parent plan’s paragraph left out)',
  },
  severity: 'warning',
  messages: ['ledger.sentence-missing'],
} as const satisfies CheckMeta;

export const rowUnplanned = {
  code: 'ledger-row-unplanned',
  title: { zh: '计划外的台账行', en: 'Row not in the plan' },
  description: { zh: '台账行的内容与计划中的任何任务都不相近', en: 'a ledger row is close to no task of the plan' },
  severity: 'warning',
  messages: ['ledger.row-unplanned'],
} as const satisfies CheckMeta;

function run({ ledger, plan, matches, report }: LedgerContext): void {
  if (!plan || !matches) return;
  for (const m of matches) {
    if (m.covered >= COVERED_SHARE) {
      for (const missing of m.sentences.filter((x) => x.score < MIN_SIMILARITY)) {
        report(sentenceMissing, {
          ruleId: m.task.id,
          location: { file: ledger.file, sheet: ledger.sheet, planPath: `tasks.${m.taskIndex}` },
          messageId: 'ledger.sentence-missing',
          args: { task: m.task.no !== undefined ? String(m.task.no) : m.task.id, section: m.task.source.section, sentence: missing.text, bestRow: missing.row, bestScore: missing.score },
        });
      }
      continue;
    }
    const best = [...m.sentences].sort((a, b) => b.score - a.score)[0];
    report(taskMissing, {
      ruleId: m.task.id,
      location: { file: ledger.file, sheet: ledger.sheet, planPath: `tasks.${m.taskIndex}` },
      messageId: 'ledger.task-missing',
      args: {
        task: m.task.no !== undefined ? String(m.task.no) : m.task.id,
        section: m.task.source.section,
        content: brief(m.task.content, 40),
        covered: Math.round(m.covered * 100),
        bestRow: best?.row ?? null,
        bestScore: best?.score ?? 0,
      },
    });
  }
  for (const r of unplannedRows(plan.plan.tasks ?? [], ledger.rows)) {
    report(rowUnplanned, {
      location: ledgerCell(ledger, r.row, 'content'),
      messageId: 'ledger.row-unplanned',
      args: { no: r.no, label: rowLabel(r), content: brief(r.content ?? '', 40) },
    });
  }
}

export const check = { meta: [taskMissing, sentenceMissing, rowUnplanned], run } satisfies LedgerCheck;
