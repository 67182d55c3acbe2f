// A responsibility matrix with a 责任单位 or 完成时限 column should fill it on every row; a blank
// cell leaves a task with nobody responsible or no date. A document whose task list has no such
// column (most rows blank, as in a plan's prose task list) is not a ledger, and is not reported.

import type { Task } from '../../schema/plan.js';
import type { CheckMeta } from '../checks/check.js';
import { at, brief } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const noUnit = {
  code: 'task-no-unit',
  title: { zh: '任务无责任单位', en: 'Task without a responsible unit' },
  description: {
    zh: '责任单位栏为空的任务（仅当本计划多数任务写有责任单位时检查）',
    en: 'a task whose responsible-unit cell is blank (checked only when most of the plan’s tasks name units)',
  },
  severity: 'warning',
  messages: ['lint.task-no-unit'],
} as const satisfies CheckMeta;

export const noDeadline = {
  code: 'task-no-deadline',
  title: { zh: '任务无完成时限', en: 'Task without a deadline' },
  description: {
    zh: '完成时限栏为空的任务（仅当本计划多数任务写有完成时限时检查；没有时限栏的文件不报告）',
    en: 'a task whose deadline cell is blank (checked only when most of the plan’s tasks have one: a document without a deadline column is not reported)',
  },
  severity: 'warning',
  messages: ['lint.task-no-deadline'],
} as const satisfies CheckMeta;

function blanks(ctx: LintContext, meta: typeof noUnit | typeof noDeadline, filled: (t: Task) => boolean, field: string): void {
  const { written } = ctx;
  const tasks = written.plan.tasks ?? [];
  const withValue = tasks.filter(filled).length;
  if (withValue * 2 <= tasks.length) return;
  tasks.forEach((task, i) => {
    if (filled(task)) return;
    ctx.report(meta, {
      ruleId: task.id,
      location: at(written, ['tasks', i, field]),
      messageId: meta.messages[0],
      args: { section: task.source.section, quote: brief(task.content), filled: withValue, total: tasks.length },
    });
  });
}

export const check = {
  meta: [noUnit, noDeadline],
  run: (ctx: LintContext) => {
    blanks(ctx, noUnit, (t) => t.units.length > 0, 'units');
    blanks(ctx, noDeadline, (t) => typeof t.deadline === 'string' && t.deadline.trim() !== '', 'deadline');
  },
} satisfies LintCheck;
