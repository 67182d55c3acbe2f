// Survey data from another place than the plan's: rows whose county (县（市、区）) is not in the
// plan's region evaluate as if they were, without a word, so the check says so once, naming them.
// Plans name their region (`region: 泉州市`), not its counties: the counties of the bundled plans'
// prefecture-level regions are listed here (GB/T 2260); a county-level plan's region is its one
// county. A region neither known here nor county-level (a province) is not checked.

import type { CheckMeta } from './check.js';
import type { SurveyCheck } from './survey-check.js';

export const meta = {
  code: 'region-mismatch',
  title: { zh: '数据不属于计划地区', en: 'Data outside the plan’s region' },
  description: {
    zh: '数据中的县（市、区）不在计划所属地区内：可能选错了计划（--plan）或混入了其他地区的数据',
    en: 'counties in the data lie outside the plan’s region: the wrong plan (--plan) or data of another area mixed in',
  },
  severity: 'warning',
  messages: ['data.region-mismatch'],
} as const satisfies CheckMeta;

/** The counties (and management areas reported like counties) of prefecture-level regions. */
const REGION_COUNTIES: Record<string, readonly string[]> = {
  泉州市: ['鲤城区', '丰泽区', '洛江区', '泉港区', '惠安县', '安溪县', '永春县', '德化县', '金门县', '石狮市', '晋江市', '南安市', '泉州台商投资区', '泉州经济技术开发区'],
  莆田市: ['城厢区', '涵江区', '荔城区', '秀屿区', '仙游县', '湄洲岛国家旅游度假区', '北岸经济开发区'],
  西双版纳傣族自治州: ['景洪市', '勐海县', '勐腊县'],
};

const COUNTY_LEVELS = new Set(['county', 'district']);

/** A county name without its 区/县/市 suffix, so 洛江 and 洛江区 are one. */
const stem = (name: string): string => name.normalize('NFKC').trim().replace(/(自治县|区|县|市)$/u, '');

/** The counties of the plan's region, as stems; null when they are not known. */
export function regionCounties(region: string, level: string): Set<string> | null {
  const listed = REGION_COUNTIES[region] ?? (COUNTY_LEVELS.has(level) ? [region] : null);
  return listed ? new Set(listed.map(stem)) : null;
}

/** Most counties named in the one finding; the rest are counted. */
const NAMED = 5;

export const check: SurveyCheck = {
  meta: [meta],
  finish(ctx) {
    const { region, level } = ctx.plan.loaded.plan;
    const inside = regionCounties(region, level);
    if (!inside) return;
    const outside = ctx.counties().filter((c) => !inside.has(stem(c)));
    if (!outside.length) return;
    const named = outside.slice(0, NAMED).join('、') + (outside.length > NAMED ? ` …（+${outside.length - NAMED}）` : '');
    // Pointed at the plan's `region`: the finding is about the data as a whole, against what the plan covers.
    ctx.report(meta, { location: { ...ctx.plan.loaded.locate(['region']), planPath: 'region' }, messageId: 'data.region-mismatch', args: { counties: named, region, plan: ctx.plan.loaded.plan.id } });
  },
};
