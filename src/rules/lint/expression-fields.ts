// Every expression of a plan is compiled against the data contract, as `evaluate` will compile it:
// a field name the contract does not know, or an expression that does not parse or type-check, is
// reported at its place in the plan — all of them, where `evaluate` stops at the first.

import { FIELDS_BY_LEVEL } from '../../schema/contract.js';
import { CscheckError } from '../../schema/errors.js';
import type { Scope } from '../../schema/plan.js';
import type { CheckMeta } from '../checks/check.js';
import type { ExprType } from '../expression.js';
import { compileExpression } from '../expression.js';
import { at } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const unknownField = {
  code: 'unknown-field',
  title: { zh: '表达式含未知字段', en: 'Unknown field in an expression' },
  description: {
    zh: '计划表达式使用了数据规范中没有的字段（社区表字段，或范围为“乡镇”时的乡镇表字段）；evaluate 会因此拒绝该计划',
    en: 'a plan expression names a field the data contract does not have (community fields, or township fields for scope 乡镇); evaluate would refuse the plan',
  },
  severity: 'error',
  messages: ['plan.unknown-field'],
} as const satisfies CheckMeta;

export const badExpression = {
  code: 'bad-expression',
  title: { zh: '表达式有误', en: 'Invalid expression' },
  description: {
    zh: '计划表达式无法解析，或类型不对（如条件不是是/否值）；evaluate 会因此拒绝该计划',
    en: 'a plan expression does not parse or has the wrong type (e.g. a condition that is not yes/no); evaluate would refuse the plan',
  },
  severity: 'error',
  messages: ['plan.expression', 'plan.too-deep', 'plan.too-deep-stack', 'input.limit'],
} as const satisfies CheckMeta;

const EXPECT: Record<string, ExprType> = { where: 'boolean', condition: 'boolean', rule: 'boolean', numerator: 'number', denominator: 'number', sum: 'number' };

function compileAll(ctx: LintContext): void {
  const { written } = ctx;
  const check = (src: string | undefined, scope: Scope, path: (string | number)[], ruleId: string) => {
    if (src === undefined) return;
    const key = String(path[path.length - 1]);
    try {
      compileExpression(src, FIELDS_BY_LEVEL[scope === '乡镇' ? 'township' : 'community'], at(written, path), EXPECT[key]);
    } catch (err) {
      if (!(err instanceof CscheckError)) throw err;
      const meta = err.messageId === 'plan.unknown-field' ? unknownField : badExpression;
      ctx.report(meta, { ruleId, location: err.location, messageId: err.messageId, args: err.args });
    }
  };
  written.plan.indicators.forEach((ind, i) => {
    const m = ind.measure;
    if (m.kind === 'reported') return;
    for (const key of ['where', 'condition', 'numerator', 'denominator', 'sum'] as const) {
      check((m as Record<string, unknown>)[key] as string | undefined, ind.scope, ['indicators', i, 'measure', key], ind.id);
    }
  });
  (written.plan.requirements ?? []).forEach((req, i) => {
    check(req.where, req.scope, ['requirements', i, 'where'], req.id);
    check(req.rule, req.scope, ['requirements', i, 'rule'], req.id);
  });
}

export const check = { meta: [unknownField, badExpression], run: compileAll } satisfies LintCheck;
