// The province plan and the district ledger plan on the 洛江区 survey (洛江区 is in 泉州市, 福建省).
// Counts are those of fixtures/luojiang/README.md, worked out by hand from the fixture's data table.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate as evaluateFiles } from '../../src/api/evaluate.js';
import type { Report } from '../../src/schema/results.js';

const survey = resolve(__dirname, '../../fixtures/luojiang/survey-2024.xlsx');
const reports: Record<string, Report> = {};
const ind = (plan: string, id: string) => reports[plan].indicators.find((i) => i.id === id)!;

beforeAll(async () => {
  for (const plan of ['fujian', 'luojiang']) reports[plan] = await evaluateFiles([survey], { plan, lang: 'zh', maxFindings: 0 });
});

describe('fujian (province) on the 洛江区 survey', () => {
  it.each([
    // id, value by hand, status against Fujian's 表2
    ['facility_coverage_rural', (100 * 37) / 39, 'not-met'], // 37 of 39 villages with the value
    ['facility_coverage_urban', (100 * 20) / 20, 'met'],
    ['commercial_area_share', (100 * 450_000) / 5_265_000, 'not-met'], // 8.55 < 10
    ['facility_area_per_100_households', (100 * 20_030) / 56_600, 'met'], // 35.39 ≥ 30
    ['activity_area_share', (100 * 11_670) / 19_710, 'not-met'], // 59.21 < 60
    ['self_service_coverage_urban', (100 * 18) / 19, 'not-met'],
    ['workers_per_10k_urban', (10_000 * 194) / 113_100, 'not-met'], // 17.15 < 18
  ] as const)('%s = %f, %s', (id, value, status) => {
    const r = ind('fujian', id);
    expect(r.value).toBeCloseTo(value, 6);
    expect(r.status).toBe(status);
  });

  it('keeps Fujian’s 约束性 attribute for the activity-area share: its miss is an error', () => {
    const f = reports.fujian.findings.find((x) => x.code === 'indicator-not-met' && x.ruleId === 'activity_area_share')!;
    expect(f.severity).toBe('error');
  });
});

describe('luojiang (district, extends quanzhou) on the 洛江区 survey', () => {
  it('evaluates its own restated targets', () => {
    // 城乡 parent schools, one rate for all: urban 19 of 19 + rural 32 of 38 = 51 of 57.
    const parent = ind('luojiang', 'parent_school_coverage');
    expect(parent.value).toBeCloseTo((100 * (19 + 32)) / (19 + 38), 6);
    expect(parent.status).toBe('not-met');
    // 超30平方米 (strict) per 100 households: 35.39 > 30.
    expect(ind('luojiang', 'facility_area_per_100_households').target.op).toBe('>');
    expect(ind('luojiang', 'facility_area_per_100_households').status).toBe('met');
  });

  it('inherits what it does not restate from quanzhou', () => {
    const rural = ind('luojiang', 'facility_coverage_rural');
    expect(rural.value).toBeCloseTo((100 * 37) / 39, 6);
    expect(reports.luojiang.plan.extends).toEqual(['quanzhou']);
  });
});
