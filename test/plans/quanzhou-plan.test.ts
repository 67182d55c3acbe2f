import { describe, it, expect } from 'vitest';
import { describeEncodedPlan } from './encoded-plan.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const planPath = path.resolve(here, '../../plans/quanzhou.yaml');
const seedPath = path.resolve(here, '../../plans/sources/000_4322d1d31fb2bb6d.txt');

const plan = parse(readFileSync(planPath, 'utf8'));
const strip = (s: string) => s.replace(/\s+/g, '');
const seed = strip(readFileSync(seedPath, 'utf8'));

// The 附件 indicator table, read by hand from the seed (rows 1–12).
const TABLE: Array<[row: number, zh: string, op: string, value: number, attribute: string]> = [
  [1, '农村社区综合服务设施覆盖率', '>=', 100, '预期性'],
  [2, '城市社区综合服务设施覆盖率', '>=', 100, '预期性'],
  [3, '社区商业和综合服务设施面积占社区总建筑面积的比例', '>=', 10, '预期性'],
  [4, '每百户居民拥有社区综合服务设施面积', '>=', 30, '预期性'],
  [5, '居民活动区域面积占社区综合服务设施总建筑面积比例', '>=', 60, '约束性'],
  [6, '城市社区政务通用自助服务覆盖率', '>=', 100, '预期性'],
  [7, '每万名城镇常住人口拥有社区工作者', '>=', 18, '预期性'],
  [8, '城乡社区注册志愿者人数占常住人口比例', '>=', 18, '预期性'],
  [9, '志愿服务站点在社区综合服务设施中的覆盖率', '>=', 100, '预期性'],
  [10, '城市社区建立家长学校或家庭教育指导服务站点比例', '>=', 100, '预期性'],
  [11, '农村社区建立家长学校或家庭教育指导服务站点比例', '>=', 80, '预期性'],
  [12, '社区微型消防站（点）覆盖率', '>=', 100, '预期性'],
];

// Body-text restatements that are stricter than the table (超 = strict >), read by hand.
const STRICTER: Array<[row: number, op: string, value: number]> = [
  [3, '>', 10],
  [4, '>', 30],
];

describe('plans/quanzhou.yaml', () => {

  it('carries the document metadata', () => {
    expect(plan.id).toBe('quanzhou');
    expect(plan.level).toBe('city');
    expect(plan.region).toBe('泉州市');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.document).toBe('泉政办〔2022〕54号');
    expect(plan.date).toBe('2022-12-06');
    expect(plan.source.file).toBe('000_4322d1d31fb2bb6d.txt');
    expect(plan.implements).toContainEqual({ document: '闽政办〔2022〕37号', plan: 'fujian' });
  });

  it('has exactly the 12 table rows', () => {
    const rows = plan.indicators.filter((i: any) => i.table_row !== undefined).map((i: any) => i.table_row);
    expect(rows.sort((a: number, b: number) => a - b)).toEqual(TABLE.map((r) => r[0]));
  });

  describe.each(TABLE)('table row %i', (row, zh, op, value, attribute) => {
    it(`${zh} ${op} ${value} ${attribute}`, () => {
      const ind = plan.indicators.find((i: any) => i.table_row === row);
      expect(ind, `row ${row}`).toBeDefined();
      expect(ind.name.zh).toBe(zh);
      expect(ind.target.op).toBe(op);
      expect(ind.target.value).toBe(value);
      expect(ind.attribute).toBe(attribute);
      expect(strip(ind.source.quote)).toContain(strip(zh));
    });
  });

  it.each(STRICTER)('row %i has a stricter body restatement (%s %i) and a note', (row, op, value) => {
    const ind = plan.indicators.find((i: any) => i.table_row === row);
    const targets = (ind.also_stated ?? []).map((a: any) => a.target);
    expect(targets).toContainEqual(expect.objectContaining({ op, value }));
    expect(ind.note).toBeTruthy();
  });

  it('body-text indicators have no table_row and no attribute', () => {
    for (const ind of plan.indicators.filter((i: any) => i.table_row === undefined)) {
      expect(ind.attribute, ind.id).toBeUndefined();
    }
  });


  it('has every numbered task item of 三、重点任务', () => {
    expect(plan.tasks.map((t: any) => t.id)).toEqual([
      '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3',
    ]);
  });




  it('task content, project and units_as_written occur verbatim in the seed', () => {
    for (const t of plan.tasks) {
      expect(seed, t.id).toContain(strip(t.content));
      if (t.project) expect(seed, t.id).toContain(strip(t.project));
      if (t.units_as_written) expect(seed, t.id).toContain(strip(t.units_as_written));
      expect(seed, t.id).toContain(strip(t.section));
    }
  });

  it('every task unit is in the units list, and county implementers are on every task', () => {
    const names = new Set(plan.units.map((u: any) => u.name));
    for (const t of plan.tasks) {
      expect(t.units.length, t.id).toBeGreaterThan(0);
      for (const u of t.units) expect(names.has(u), `${t.id}: ${u}`).toBe(true);
      for (const c of ['各县（市、区）人民政府', '泉州开发区管委会', '泉州台商投资区管委会']) {
        expect(t.units, t.id).toContain(c);
      }
    }
  });

  it('every unit spelling occurs in the seed', () => {
    for (const u of plan.units) {
      for (const s of u.spellings ?? []) expect(seed, u.name).toContain(s);
    }
  });

});

describeEncodedPlan('quanzhou', '000_4322d1d31fb2bb6d.txt');
