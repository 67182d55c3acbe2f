import type { Measure } from '../../schema/plan.js';
import { compileExpression } from '../expression.js';
import type { MeasureKind } from './measure.js';

export const ratio: MeasureKind<Extract<Measure, { kind: 'ratio' }>> = {
  kind: 'ratio',
  title: { zh: '比率', en: 'Ratio' },
  description: {
    zh: '范围内两项都有数据的行：Σ分子 ÷ Σ分母 × 倍数（百分比 100、每百户 100、每千人 1000、每万人 10000）',
    en: 'over rows in scope with both values: Σ numerator ÷ Σ denominator × scale (100 for %, per 100 households; 1000 for ‰; 10000 per 10,000)',
  },
  compile(m, fields, where) {
    const num = compileExpression(m.numerator, fields, where, 'number');
    const den = compileExpression(m.denominator, fields, where, 'number');
    const n = num.fn;
    const d = den.fn;
    const scale = m.scale;
    return {
      fields: [...new Set([...num.fields, ...den.fields])],
      scale,
      add(acc, values) {
        const x = n(values);
        if (x === null) return;
        const y = d(values);
        if (y === null) return;
        acc.withData++;
        acc.a += x as number;
        acc.b += y as number;
      },
      value: (acc) => (acc.b > 0 ? (scale * acc.a) / acc.b : null),
    };
  },
};
