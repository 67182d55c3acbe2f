// A batch summary built by hand for the index.html tests: the three county-level divisions of
// 西双版纳州 (景洪市, 勐海县, 勐腊县) evaluated against four indicators of the 西双版纳州 plan, and one
// file that could not be read. Values are invented; every derived figure the tests expect is worked
// out in the tests from these numbers.

import type { BatchFileResult, BatchIndicatorValue, BatchSummary } from '../../src/schema/batch.js';
import type { Status } from '../../src/schema/results.js';

export const INDICATORS: BatchSummary['indicators'] = [
  { id: 'facility_coverage_urban', name: { zh: '城市社区综合服务设施覆盖率', en: 'Urban communities with a service facility' }, unit: '%', measure: 'coverage', attribute: '预期性', binding: false, target: { op: '>=', value: 100 } },
  { id: 'activity_area_share', name: { zh: '居民活动区域面积占社区综合服务设施总建筑面积比例', en: 'Activity area share of facility floor area' }, unit: '%', measure: 'ratio', attribute: '约束性', binding: true, target: { op: '>=', value: 60 } },
  { id: 'workers_per_10k_urban', name: { zh: '每万名城镇常住人口拥有社区工作者', en: 'Community workers per 10,000 urban residents' }, unit: '人/万人', measure: 'ratio', attribute: '预期性', binding: false, target: { op: '>=', value: 18 } },
  { id: 'day_care_coverage', name: { zh: '社区日间照料设施覆盖率', en: 'Day-care coverage' }, unit: '%', measure: 'reported', attribute: '预期性', binding: false, target: { op: '>=', value: 90 } },
];

/** [value, status, gap] per indicator, in INDICATORS order; gap = target − value when short. */
type Cells = [number | null, Status, number | null][];

const values = (cells: Cells, withData: number, inScope: number): BatchIndicatorValue[] =>
  cells.map(([value, status, gap], i) => ({ id: INDICATORS[i].id, value, status, gap, withData: value === null ? 0 : withData, inScope }));

const file = (input: string, area: string, reports: BatchFileResult['reports'], rows: number, cells: Cells, findings: BatchFileResult['findings'], exitCode: 0 | 1): BatchFileResult => ({
  input,
  area,
  status: 'ok',
  exitCode,
  reports,
  rows,
  townships: 3,
  findings,
  indicators: values(cells, rows, rows),
});

/** A file that could not be read: no figures, exit code 2, the reason as given. */
export const failedFile = (input: string, area: string, error: NonNullable<BatchFileResult['error']>): BatchFileResult => ({
  input,
  area,
  status: 'failed',
  error,
  exitCode: 2,
  reports: {},
  rows: 0,
  townships: 0,
  findings: { error: 0, warning: 0, info: 0 },
  indicators: [],
});

export const FILES: BatchFileResult[] = [
  file('景洪市/survey-2024.xlsx', '景洪市', { json: '景洪市/survey-2024.json', html: '景洪市/survey-2024.html' }, 15, [
    [100, 'met', 0],
    [61.39, 'met', -1.39],
    [16.85, 'not-met', 18 - 16.85], // 1.15 short: 1.15 / 18 = 6.4 % of the target
    [null, 'no-data', null],
  ], { error: 0, warning: 3, info: 2 }, 0),
  // No HTML page for this one: its row links to the JSON report. A space and # in the path.
  file('勐海县/survey 2024#2.xlsx', '勐海县', { json: '勐海县/survey 2024#2.json' }, 15, [
    [66.67, 'not-met', 100 - 66.67], // 33.33 / 100 = 33 % of the target
    [58.97, 'not-met', 60 - 58.97], // 1.03 / 60 = 1.7 %
    [18.42, 'met', -0.42],
    [86, 'not-met', 90 - 86], // 4 / 90 = 4.4 %
  ], { error: 1, warning: 4, info: 2 }, 1),
  file('勐腊县/survey-2024.xlsx', '勐腊县', { json: '勐腊县/survey-2024.json', html: '勐腊县/survey-2024.html', xlsx: '勐腊县/survey-2024.annotated.xlsx' }, 15, [
    [100, 'met', 0],
    [null, 'no-data', null],
    [18.18, 'met', -0.18],
    [92, 'met', -2],
  ], { error: 0, warning: 1, info: 3 }, 0),
  failedFile('勐仑镇/survey-2024.xlsx', 'survey-2024', { messageId: 'input.not-zip', args: {}, text: '勐仑镇/survey-2024.xlsx: 不是有效的 .xlsx 文件（不是 zip 格式）' }),
];

export const SUMMARY: BatchSummary = {
  schemaVersion: 1,
  tool: { name: 'cscheck', version: '0.1.0' },
  plan: { id: 'xishuangbanna', name: { zh: '西双版纳州“十四五”城乡社区服务体系建设规划', en: 'Xishuangbanna community-service plan' }, document: '西政办发〔2022〕85号', level: 'prefecture', region: '西双版纳傣族自治州', file: 'plans/xishuangbanna.yaml', extends: [] },
  indicators: INDICATORS,
  files: FILES,
  // 15 + 15 + 15 rows; findings summed over the files; the worst exit code is the failed file's 2.
  totals: { files: 4, ok: 3, failed: 1, rows: 15 + 15 + 15, findings: { error: 0 + 1 + 0, warning: 3 + 4 + 1, info: 2 + 2 + 3 }, exitCode: 2 },
  asOf: '2025-06-30',
  lang: 'zh',
  generated: '2026-11-23T10:00:00.000Z',
};
