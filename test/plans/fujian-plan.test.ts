// plans/fujian.yaml against its source, seed 001 (福建省“十四五”城乡社区服务体系建设规划, 闽政办〔2022〕37号).
// The expected table rows below were read by hand from the seed's 表2, not copied from the YAML.
import { describe, it, expect } from 'vitest';
import { describeEncodedPlan, describeTableRows } from './encoded-plan.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const planPath = path.resolve(here, '../../plans/fujian.yaml');

const plan = parse(readFileSync(planPath, 'utf8'));

// 表2 “十四五”城乡社区服务体系建设主要指标, as printed (2020 基期值 / 2025 目标值 / 指标属性).
const TABLE = [
  { row: 1, zh: '农村社区综合服务设施覆盖率', baseline: 75, op: '>=', value: 100, attribute: '预期性' },
  { row: 2, zh: '城市社区综合服务设施覆盖率', baseline: 100, op: '>=', value: 100, attribute: '预期性' },
  { row: 3, zh: '社区商业和综合服务设施面积占社区总建筑面积的比例', baseline: null, op: '>=', value: 10, attribute: '预期性' },
  { row: 4, zh: '每百户居民拥有社区综合服务设施面积', baseline: 26.7, op: '>=', value: 30, attribute: '预期性' },
  { row: 5, zh: '居民活动区域面积占社区综合服务设施总建筑面积比例', baseline: null, op: '>=', value: 60, attribute: '约束性' },
  { row: 6, zh: '城市社区政务通用自助服务覆盖率', baseline: null, op: '>=', value: 100, attribute: '预期性' },
  { row: 7, zh: '每万名城镇常住人口拥有社区工作者', baseline: 14, op: '>=', value: 18, attribute: '预期性' },
] as const;

// Body-text targets where the exact comparison matters, read by hand from the seed.
const BODY = [
  { id: 'volunteer_share', op: '>', value: 18 }, // 第三章第二节（三）9 “注册志愿者占总人口比例超过18%”
  { id: 'parent_school_coverage_urban', op: '>=', value: 95 }, // 专栏1 3 “95％城市社区” (body text: 90%)
  { id: 'parent_school_coverage_rural', op: '>=', value: 85 }, // 专栏1 3 “85％农村社区” (body text: 80%)
  { id: 'volunteer_station_coverage', op: '>=', value: 80 }, // 专栏1 12 / 专栏5 2
  { id: 'childcare_places_per_1000', op: '>=', value: 3 }, // 第三章第二节（一）2
  { id: 'childcare_institution_size', op: '<=', value: 150 }, // “托位规模在150个以内”
  { id: 'micro_fire_station_coverage', op: '>=', value: 100 },
  { id: 'mental_health_team_coverage', op: '>=', value: 100 },
  { id: 'women_home_share', op: '>=', value: 50 },
  { id: 'primary_care_basic_standard', op: '>=', value: 70 },
] as const;



describe('plans/fujian.yaml', () => {

  it('has the document metadata', () => {
    expect(plan.id).toBe('fujian');
    expect(plan.name.zh).toBe('福建省“十四五”城乡社区服务体系建设规划');
    expect(plan.document).toBe('闽政办〔2022〕37号');
    expect(plan.level).toBe('province');
    expect(plan.region).toBe('福建省');
    expect(plan.implements.map((i: any) => i.document)).toContain('国办发〔2021〕56号');
  });

  describeTableRows(plan, TABLE);

  it.each(BODY)('body target $id is $op $value', (b) => {
    const ind = plan.indicators.find((i: any) => i.id === b.id);
    expect(ind, `${b.id} missing`).toBeDefined();
    expect(ind.target.op).toBe(b.op);
    expect(ind.target.value).toBe(b.value);
  });





});

describeEncodedPlan('fujian', '001_042cb1283a6500da.txt');
