// Consistency rules of the data contract itself (not of any plan): a part cannot exceed its whole.
import { cellAt, rowShape } from '../row-shape.js';
import type { CheckMeta } from './check.js';
import type { SurveyCheck } from './survey-check.js';

export const meta = {
  code: 'value-exceeds',
  title: { zh: '数值不一致', en: 'Inconsistent values' },
  description: {
    zh: '居民活动区域面积不得大于综合服务设施建筑面积；有服务时间记录的志愿者不得多于注册志愿者',
    en: 'activity area must not exceed the facility area; volunteers with recorded hours must not exceed registered volunteers',
  },
  severity: 'error',
  messages: ['data.exceeds'],
} as const satisfies CheckMeta;

/** [part, whole] field id pairs from data contract §1.1. */
export const PART_OF_WHOLE: [string, string][] = [
  ['activity_area', 'facility_area'],
  ['volunteers_with_hours', 'registered_volunteers'],
];

const shape = rowShape('community');
const f = shape.fields;
const PAIRS = PART_OF_WHOLE.map(([p, w]) => [f.findIndex((x) => x.id === p), f.findIndex((x) => x.id === w)] as const);

/** Reports each community row whose part exceeds its whole. */
export const check: SurveyCheck = {
  meta: [meta],
  row(row, ctx) {
    if (row.table.level !== 'community') return;
    const values = row.values;
    for (const [p, w] of PAIRS) {
      const part = values[p];
      const whole = values[w];
      if (typeof part !== 'number' || typeof whole !== 'number' || part <= whole) continue;
      const header = (i: number) => row.table.columns[i]?.header ?? f[i].header;
      ctx.report(meta, {
        location: cellAt(row, shape, p),
        messageId: 'data.exceeds',
        args: { field: { zh: header(p), en: f[p].en }, value: part, limitField: { zh: header(w), en: f[w].en }, limit: whole },
      });
    }
  },
};
