import type { Measure } from '../../schema/plan.js';
import { compileExpression } from '../expression.js';
import type { MeasureKind } from './measure.js';

export const count: MeasureKind<Extract<Measure, { kind: 'count' }>> = {
  kind: 'count',
  title: { zh: '计数', en: 'Count' },
  description: {
    zh: '范围内满足条件的行数，或某列之和',
    en: 'the number of rows in scope meeting the condition, or the sum of a column',
  },
  compile(m, fields, where) {
    const cond = m.condition ? compileExpression(m.condition, fields, where, 'boolean') : null;
    const sum = m.sum ? compileExpression(m.sum, fields, where, 'number') : null;
    const c = cond?.fn;
    const s = sum?.fn;
    return {
      fields: [...new Set([...(cond?.fields ?? []), ...(sum?.fields ?? [])])],
      scale: 0,
      add(acc, values) {
        if (c) {
          const ok = c(values);
          if (ok === null) return;
          if (!ok) {
            acc.withData++;
            return;
          }
        }
        if (s) {
          const v = s(values);
          if (v === null) return;
          acc.a += v as number;
        } else acc.a++;
        acc.withData++;
      },
      value: (acc) => (acc.withData > 0 ? acc.a : null),
    };
  },
};
