import type { FieldDef } from '../../schema/contract.js';
import type { Location } from '../../schema/finding.js';
import type { Measure } from '../../schema/plan.js';
import { count } from './count.js';
import { coverage } from './coverage.js';
import type { CompiledMeasure, MeasureKind } from './measure.js';
import { ratio } from './ratio.js';

/** The measure kinds a plan can use. `reported` has no row work: its value comes from the input. */
export const MEASURES = { coverage, ratio, count } as const;

export const REPORTED_KIND = {
  kind: 'reported',
  title: { zh: '填报值', en: 'Reported value' },
  description: {
    zh: '调查行无法计算，取“填报指标”表或 --values 文件中的数值；未填报即“无数据”，不视为达标',
    en: 'not computable from survey rows: taken from the reported-values sheet or --values; absent means “no data”, never a pass',
  },
} as const;

export function compileMeasure(m: Exclude<Measure, { kind: 'reported' }>, fields: readonly FieldDef[], where: Location): CompiledMeasure {
  const kind = MEASURES[m.kind] as MeasureKind;
  return kind.compile(m, fields, where);
}
