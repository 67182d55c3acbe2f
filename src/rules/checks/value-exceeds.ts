// Consistency rules of the data contract itself (not of any plan): a part cannot exceed its whole.
import type { FieldDef } from '../../schema/contract.js';
import type { CheckMeta } from './check.js';

export const meta: CheckMeta = {
  code: 'value-exceeds',
  title: { zh: '数值不一致', en: 'Inconsistent values' },
  description: {
    zh: '居民活动区域面积不得大于综合服务设施建筑面积；有服务时间记录的志愿者不得多于注册志愿者',
    en: 'activity area must not exceed the facility area; volunteers with recorded hours must not exceed registered volunteers',
  },
  severity: 'error',
  messages: ['data.exceeds'],
};

/** [part, whole] field id pairs from data contract §1.1. */
export const PART_OF_WHOLE: [string, string][] = [
  ['activity_area', 'facility_area'],
  ['volunteers_with_hours', 'registered_volunteers'],
];

export function compilePairs(fields: readonly FieldDef[]): [number, number][] {
  return PART_OF_WHOLE.map(([p, w]) => [fields.findIndex((f) => f.id === p), fields.findIndex((f) => f.id === w)]);
}
