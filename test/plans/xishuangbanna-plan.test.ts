// plans/xishuangbanna.yaml against its source, seed 004 (西双版纳州“十四五”城乡社区服务体系建设规划, 西政办发〔2022〕85号).
// The expected table rows below were read by hand from the seed's 专栏1 (主要发展指标), not copied from the YAML.
import { describe, it, expect } from 'vitest';
import { describeEncodedPlan, describeTableRows } from './encoded-plan.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const planPath = path.resolve(here, '../../plans/xishuangbanna.yaml');

const plan = parse(readFileSync(planPath, 'utf8'));

// 专栏1 “十四五”城乡社区服务体系建设主要发展指标, as printed (2020年基期值 / 2025年目标值 / 属性).
// Note: the ‰ target for certified social workers is NOT in this table; it is in 专栏6 3.
const TABLE = [
  { row: 1, zh: '农村社区综合服务设施覆盖率', baseline: 70, op: '>=', value: 80, attribute: '预期性' },
  { row: 2, zh: '城市社区综合服务设施覆盖率', baseline: 73.3, op: '>=', value: 100, attribute: '预期性' },
  { row: 3, zh: '社区商业和综合服务设施面积占社区总建筑面积的比例', baseline: null, op: '>=', value: 10, attribute: '预期性' },
  { row: 4, zh: '每百户居民拥有社区综合服务设施面积', baseline: null, op: '>=', value: 30, attribute: '预期性' },
  { row: 5, zh: '居民活动区域面积占社区综合服务设施总建筑面积比例', baseline: null, op: '>=', value: 60, attribute: '预期性' },
  { row: 6, zh: '城市社区政务通用自助服务覆盖率', baseline: null, op: '>=', value: 100, attribute: '预期性' },
  { row: 7, zh: '每万名城镇常住人口拥有社区工作者', baseline: 9, op: '>=', value: 18, attribute: '预期性' },
] as const;

// Body-text and 专栏 targets, read by hand from the seed.
const BODY = [
  { id: 'certified_social_workers_per_mille', op: '>=', value: 0.2 }, // 专栏6 3 “占全州常住人口总数的比例到达0.2‰”
  { id: 'volunteer_share', op: '>=', value: 15 }, // 专栏6 2 “志愿者人数占全州总人口的15%”
  { id: 'volunteer_station_coverage', op: '>=', value: 100 }, // 专栏6 2
  { id: 'social_work_station_coverage', op: '>=', value: 100 }, // 专栏6 3
  { id: 'minor_protection_station_coverage', op: '>=', value: 100 }, // 专栏3 3
  { id: 'disabled_association_coverage', op: '>=', value: 100 }, // 专栏3 4
  { id: 'public_health_committee_coverage', op: '>=', value: 100 }, // 专栏3 6
  { id: 'cultural_center_coverage', op: '>=', value: 100 }, // 专栏3 8
  { id: 'day_care_coverage', op: '>=', value: 90 }, // 专栏3 2
] as const;



describe('plans/xishuangbanna.yaml', () => {

  it('has the document metadata', () => {
    expect(plan.id).toBe('xishuangbanna');
    expect(plan.name.zh).toBe('西双版纳州“十四五”城乡社区服务体系建设规划');
    expect(plan.document).toBe('西政办发〔2022〕85号');
    expect(plan.date).toBe('2022-12-12');
    expect(plan.level).toBe('prefecture');
    expect(plan.region).toBe('西双版纳傣族自治州');
    expect(plan.implements.map((i: any) => i.document)).toContain('云政办发〔2022〕29号');
  });

  describeTableRows(plan, TABLE);

  it('the per-mille target is per resident population', () => {
    const ind = plan.indicators.find((i: any) => i.id === 'certified_social_workers_per_mille');
    expect(ind.table_row).toBeUndefined();
    expect(ind.measure).toMatchObject({ kind: 'ratio', numerator: 'certified_social_workers', denominator: 'population', scale: 1000 });
  });

  it.each(BODY)('body target $id is $op $value', (b) => {
    const ind = plan.indicators.find((i: any) => i.id === b.id);
    expect(ind, `${b.id} missing`).toBeDefined();
    expect(ind.target.op).toBe(b.op);
    expect(ind.target.value).toBe(b.value);
  });





});

describeEncodedPlan('xishuangbanna', '004_27a982b5b0dec4fb.txt');
