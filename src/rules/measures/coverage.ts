import type { Measure } from '../../schema/plan.js';
import { compileExpression } from '../expression.js';
import type { MeasureKind } from './measure.js';

export const coverage: MeasureKind<Extract<Measure, { kind: 'coverage' }>> = {
  kind: 'coverage',
  title: { zh: '覆盖率', en: 'Coverage' },
  description: {
    zh: '范围内满足条件的行数 ÷ 条件已知的行数 × 100%',
    en: 'rows in scope meeting the condition ÷ rows where the condition is known × 100%',
  },
  compile(m, fields, where) {
    const compiled = compileExpression(m.condition, fields, where, 'boolean');
    const cond = compiled.fn;
    return {
      fields: compiled.fields,
      scale: 100,
      add(acc, values) {
        const c = cond(values);
        if (c === null) return;
        acc.withData++;
        acc.b++;
        if (c) acc.a++;
      },
      value: (acc) => (acc.b > 0 ? (100 * acc.a) / acc.b : null),
    };
  },
};
