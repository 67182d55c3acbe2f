// Consistency rules of the data contract itself (not of any plan): a part cannot exceed its whole.
import type { Finding } from '../../schema/finding.js';
import type { DataRow } from '../../io/row-builder.js';
import type { RowShape } from '../row-shape.js';
import { cellAt } from '../row-shape.js';
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

/** The check for community rows of one shape, compiled once: it reports each row whose part exceeds its whole. */
export function create(shape: RowShape, report: (f: Finding) => void): (row: DataRow) => void {
  const f = shape.fields;
  const pairs = PART_OF_WHOLE.map(([p, w]) => [f.findIndex((x) => x.id === p), f.findIndex((x) => x.id === w)] as const);
  return (row) => {
    const values = row.values;
    for (const [p, w] of pairs) {
      const part = values[p];
      const whole = values[w];
      if (typeof part !== 'number' || typeof whole !== 'number' || part <= whole) continue;
      const header = (i: number) => row.table.columns[i]?.header ?? f[i].header;
      report({
        code: meta.code,
        severity: meta.severity,
        location: cellAt(row, shape, p),
        messageId: 'data.exceeds',
        args: { field: { zh: header(p), en: f[p].en }, value: part, limitField: { zh: header(w), en: f[w].en }, limit: whole },
      });
    }
  };
}
