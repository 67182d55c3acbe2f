// Each measure kind on a small table whose values are worked out by hand below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { evaluate as evaluateFiles } from '../../src/api/evaluate.js';
import type { Report } from '../../src/schema/results.js';
import { tmp, writeText } from '../io/support.js';

const PLAN = `
id: test_plan
name: {zh: 测试计划, en: Test plan}
issuer: 测试
document: 测试〔2024〕1号
level: county
region: 测试县
period: {start: 2021, end: 2025}
indicators:
  - id: rural_parent_school
    name: {zh: 农村家长学校覆盖率, en: Rural parent schools}
    unit: "%"
    target: {op: ">=", value: 80}
    attribute: 约束性
    scope: 农村
    measure: {kind: coverage, condition: has_parent_school}
    source: {section: 一, quote: 农村社区建设率达80%以上}
  - id: area_per_100
    name: {zh: 每百户面积, en: Area per 100 households}
    unit: 平方米/百户
    target: {op: ">", value: 30}
    scope: 城乡
    measure: {kind: ratio, numerator: facility_area, denominator: households, scale: 100}
    source: {section: 二, quote: 每百户超30平方米}
  - id: volunteer_permille
    name: {zh: 志愿者千分比, en: Volunteers per mille}
    unit: ‰
    target: {op: ">=", value: 150}
    scope: 城市
    measure: {kind: ratio, numerator: registered_volunteers, denominator: population, scale: 1000}
    source: {section: 三, quote: 志愿者}
  - id: stations_with_facility
    name: {zh: 有设施的社区中志愿站点, en: Stations where there is a facility}
    unit: "%"
    target: {op: ">=", value: 100}
    scope: 城乡
    measure: {kind: coverage, where: has_service_facility, condition: has_volunteer_station}
    source: {section: 四, quote: 站点}
  - id: fire_station_count
    name: {zh: 微型消防站数, en: Micro fire stations}
    unit: 个
    target: {op: ">=", value: 4}
    scope: 城乡
    measure: {kind: count, condition: has_micro_fire_station}
    source: {section: 五, quote: 消防站}
  - id: literacy
    name: {zh: 居民心理健康素养水平, en: Mental health literacy}
    unit: "%"
    target: {op: ">=", value: 15}
    scope: 城乡
    measure: {kind: reported}
    source: {section: 六, quote: 达到15%}
requirements:
  - id: officer
    name: {zh: 每个村（社区）至少1名灾害信息员, en: One officer each}
    scope: 城乡
    rule: disaster_info_officers >= 1
    attribute: 约束性
    source: {section: 七, quote: 至少1名}
`;

// 乡镇, 村（社区）, 类型, 户数, 设施面积, 家长学校, 志愿者, 常住人口, 是否建有设施, 志愿站点, 消防站, 灾害信息员
const CSV = `乡镇（街道）,村（社区）名称,城乡类型,户数,综合服务设施建筑面积,家长学校,注册志愿者人数,常住人口,是否建有综合服务设施,志愿服务站点,微型消防站（点）,灾害信息员人数
甲镇,一村,农村,100,40,是,,300,是,是,是,1
甲镇,二村,农村,200,50,否,,600,是,否,是,0
甲镇,三村,农村,300,,是,,900,否,否,否,2
乙镇,四村,农村,400,100,,,1200,,是,是,
乙街道,五社区,城市,500,200,是,200,1000,是,是,否,1
乙街道,六社区,城市,,60,否,100,1000,是,,是,3
`;

let report: Report;
const ind = (id: string) => report.indicators.find((i) => i.id === id)!;

beforeAll(async () => {
  const dir = tmp();
  const plan = join(dir, 'plan.yaml');
  writeFileSync(plan, PLAN);
  const data = writeText('measures.csv', CSV);
  const values = writeText('values.csv', '指标,数值\n居民心理健康素养水平,12%\n');
  report = await evaluateFiles([data], { plan, values, lang: 'zh', maxFindings: 0 });
});

describe('measure kinds', () => {
  it('coverage: rows meeting the condition among rows where it is known, within scope', () => {
    // 农村 rows: 一村 是, 二村 否, 三村 是, 四村 missing → 2 of 3 known = 66.67%, N = 4.
    const r = ind('rural_parent_school');
    expect(r.value).toBeCloseTo((100 * 2) / 3, 6);
    expect([r.withData, r.inScope, r.numerator, r.denominator]).toEqual([3, 4, 2, 3]);
    expect(r.status).toBe('not-met');
    expect(r.gap).toBeCloseTo(80 - (100 * 2) / 3, 6);
  });

  it('ratio: Σnumerator ÷ Σdenominator over rows with both values, scaled', () => {
    // Rows with both 户数 and 面积: 一(100,40) 二(200,50) 四(400,100) 五(500,200); 三 lacks 面积, 六 lacks 户数.
    // 100 × (40+50+100+200) / (100+200+400+500) = 100 × 390 / 1200 = 32.5 > 30 → met.
    const r = ind('area_per_100');
    expect(r.value).toBeCloseTo(32.5, 9);
    expect([r.withData, r.inScope]).toEqual([4, 6]);
    expect(r.status).toBe('met');
    // Per township: 甲镇 100 × 90/300 = 30 (not > 30), 乙镇 100 × 100/400 = 25, 乙街道 100 × 200/500 = 40.
    const t = Object.fromEntries(r.townships.map((b) => [b.township, b.value]));
    expect(t['甲镇']).toBeCloseTo(30, 9);
    expect(t['乙镇']).toBeCloseTo(25, 9);
    expect(t['乙街道']).toBeCloseTo(40, 9);
  });

  it('ratio per mille over urban rows only', () => {
    // 城市: 五 200/1000, 六 100/1000 → 1000 × 300 / 2000 = 150‰ ≥ 150 → met.
    const r = ind('volunteer_permille');
    expect(r.value).toBeCloseTo(150, 9);
    expect(r.status).toBe('met');
  });

  it('coverage with where: rows whose where is unknown are in scope without data', () => {
    // where 是否建有设施: true for 一 二 五 六, false for 三, unknown for 四.
    // In scope: 一 二 五 六 + 四 (unknown) = 5; condition known among 一(是) 二(否) 五(是) 六(missing) → 2/3.
    const r = ind('stations_with_facility');
    expect([r.inScope, r.withData]).toEqual([5, 3]);
    expect(r.value).toBeCloseTo((100 * 2) / 3, 6);
  });

  it('count: rows meeting the condition', () => {
    // 消防站 是: 一 二 四 六 → 4 ≥ 4 → met.
    const r = ind('fire_station_count');
    expect(r.value).toBe(4);
    expect(r.status).toBe('met');
  });

  it('reported: the value comes from --values, and is judged like the others', () => {
    const r = ind('literacy');
    expect(r.value).toBe(12);
    expect(r.status).toBe('not-met');
  });

  it('a binding (约束性) miss is an error; an expected one a warning', () => {
    const miss = report.findings.filter((f) => f.code === 'indicator-not-met');
    expect(miss.find((f) => f.ruleId === 'rural_parent_school')!.severity).toBe('error');
    expect(miss.find((f) => f.ruleId === 'literacy')!.severity).toBe('warning');
  });

  it('requirements: one finding per breaking row, missing values counted apart', () => {
    // 灾害信息员: 二村 0 breaks; 四村 missing; others ≥ 1.
    const req = report.requirements.find((r) => r.id === 'officer')!;
    expect([req.checked, req.breaches, req.noData]).toEqual([5, 1, 1]);
    const f = report.findings.filter((x) => x.code === 'requirement-breach');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].location).toMatchObject({ row: 3, township: '甲镇', community: '二村', column: '灾害信息员人数', cell: 'L3' });
  });

  it('names the townships that pull an indicator down, worst first', () => {
    // 家长学校 target 80%: shortfall = 0.8 × known − met. 甲镇: 0.8 × 3 − 2 = 0.4; 乙镇: no data.
    const r = ind('rural_parent_school');
    expect(r.worstTownships.map((t) => t.township)).toEqual(['甲镇']);
    expect(r.worstTownships[0].shortfall).toBeCloseTo(0.4, 9);
  });
});

describe('progress on a date (--as-of)', () => {
  it('puts each indicator on the line from its 2020 baseline to its 2025 target', async () => {
    const nodePath = await import('node:path');
    const file = nodePath.resolve(__dirname, '../../fixtures/xishuangbanna/survey-2024.xlsx');
    const r = await evaluateFiles([file], { plan: 'xishuangbanna', lang: 'zh', maxFindings: 0, asOf: '2025-06-30' });
    const at = (id: string) => r.indicators.find((i) => i.id === id)!;
    // 2020-12-31 → 2025-06-30 is 1,642 days of the 1,826 to 2025-12-31.
    const share = 1642 / 1826;
    // Urban facilities: baseline 73.3%, target 100%; the fixture has 10 of 11 (fixtures/xishuangbanna/README.md).
    const urban = at('facility_coverage_urban');
    expect(urban.progress!.expected).toBeCloseTo(73.3 + (100 - 73.3) * share, 9);
    expect(urban.progress!.behind).toBeCloseTo(73.3 + (100 - 73.3) * share - (100 * 10) / 11, 9);
    expect(urban.progress!.status).toBe('behind');
    // Rural facilities: baseline 70%, target 80%; 29 of 33 = 87.9% is ahead of 79.0%.
    expect(at('facility_coverage_rural').progress!.status).toBe('on-track');
    // Workers per 10,000: baseline 9, target 18; 113 per 66,400 urban residents.
    expect(at('workers_per_10k_urban').progress!.behind).toBeCloseTo(9 + 9 * share - (10000 * 113) / 66400, 9);
    const behind = r.findings.filter((f) => f.code === 'indicator-behind').map((f) => f.ruleId);
    expect(behind.sort()).toEqual(['facility_coverage_urban', 'workers_per_10k_urban']);
  });

  it('calls a target overdue after its own due date', async () => {
    const { progressOf } = await import('../../src/rules/trajectory.js');
    const def = { id: 'x', name: { zh: 'x', en: 'x' }, unit: '%', target: { op: '>=', value: 100 }, scope: '城乡', measure: { kind: 'reported' }, source: { section: '一', quote: 'q' }, due: '2022-12-31' } as const;
    expect(progressOf(def as never, 80, false, '2023-06-30', 2025)).toMatchObject({ status: 'overdue', expected: 100, behind: 20 });
    expect(progressOf(def as never, 100, true, '2023-06-30', 2025)).toMatchObject({ status: 'on-track' });
    // Before the due date, with no baseline there is no line to be on.
    expect(progressOf(def as never, 80, false, '2022-06-30', 2025)).toBeUndefined();
  });
});
