// End-to-end check of the 仙游县 2024 survey fixture (fixtures/xianyou/survey-2024-gbk.csv) against the
// 仙游县 plan (plans/xianyou.yaml).
//
// Every expected number below is the hand arithmetic of fixtures/xianyou/README.md (from the data table
// `XY_TOWNSHIPS` in fixtures/build-regional-surveys.mjs), written as the arithmetic itself, never copied
// from program output. Positions are file lines: line 1 the title, line 2 the header, data on lines 3–42.

import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate as evaluateFiles } from '../../src/api/evaluate.js';
import type { Report, Status } from '../../src/schema/results.js';
import { byRow, byTownship, expectIndicator, indicator, requirement, withCode } from './report-lookup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../../fixtures/xianyou/survey-2024-gbk.csv');

// ---------------------------------------------------------------------------------------------
// Measured indicators (README “Expected values”).
// ---------------------------------------------------------------------------------------------
interface Expected {
  numerator: number;
  denominator: number;
  withData: number;
  inScope: number;
  value: number;
  op: '>=' | '>';
  target: number;
  status: Status;
}

// Per-township sums of the README childcare table: [Σ 托位数, Σ 常住人口 of the rows with both, rows with both, rows].
const CHILDCARE: Record<string, [number, number, number, number]> = {
  鲤城街道: [45 + 40 + 35 + 30 + 55 + 40 + 25 + 10, 8200 + 7400 + 6800 + 6100 + 9100 + 7900 + 5200 + 2400, 8, 8],
  鲤南镇: [20 + 12 + 8 + 6 + 5 + 15 + 4, 4800 + 2900 + 2300 + 2000 + 1700 + 3200 + 1500, 7, 7],
  // 坝下村 (AB19 待统计, unreadable) excluded from both sums.
  榜头镇: [25 + 14 + 10 + 6 + 8 + 5, 5600 + 3100 + 2500 + 1900 + 2200 + 1600, 6, 7],
  // 霞林村 AB30 = 0 is a value: 0 places for 1 500 people.
  郊尾镇: [18 + 11 + 9 + 6 + 6 + 0, 4500 + 2700 + 2400 + 2000 + 1800 + 1500, 6, 6],
  枫亭镇: [24 + 16 + 10 + 7 + 6 + 8, 5800 + 3400 + 2600 + 2100 + 1900 + 2300, 6, 6],
  度尾镇: [8 + 9 + 5 + 6 + 4 + 6, 2200 + 2500 + 1700 + 1900 + 1400 + 1800, 6, 6],
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const CC_PLACES = sum(Object.values(CHILDCARE).map((t) => t[0])); // 577
const CC_POP = sum(Object.values(CHILDCARE).map((t) => t[1])); // 132 900

// Registered volunteers / population over the 39 rows with both (not 潭边村, L40 empty), per township.
const REG = 9580 + 3300 + 3760 + 2670 + 3260 + 1730; // 24 300
const POP_WITH_REG = 53100 + 18400 + 20900 + 14900 + 18100 + (2200 + 2500 + 1700 + 1400 + 1800); // 135 000

const INDICATORS: Record<string, Expected> = {
  // 39 rows with AB and H; Σ 577 / Σ 132 900 (README childcare table).
  childcare_places_per_1000: { numerator: 577, denominator: 132900, withData: 39, inScope: 40, value: (1000 * 577) / 132900, op: '>=', target: 4.5, status: 'not-met' },
  // 11 城市 rows (鲤南社区 居委会 counts); N9 洪桥社区 empty → 10 known; N8 城西社区 否 → 9. Exactly 90 → met.
  parent_school_coverage_urban: { numerator: 9, denominator: 10, withData: 10, inScope: 11, value: (100 * 9) / 10, op: '>=', target: 90, status: 'met' },
  // 29 农村 rows (洋寨村 村委会 counts); N41 湘溪村 empty → 28 known; 否 at lines 13, 22, 28, 34, 39 → 23.
  parent_school_coverage_rural: { numerator: 28 - 5, denominator: 28, withData: 28, inScope: 29, value: (100 * 23) / 28, op: '>=', target: 80, status: 'met' },
  // O36 海安村 empty → 39 known; O17 东山村 无 → 38.
  micro_fire_station_coverage: { numerator: 38, denominator: 39, withData: 39, inScope: 40, value: (100 * 38) / 39, op: '>=', target: 100, status: 'not-met' },
  // 100 × 24 300 / 135 000 = 18 exactly; the target is “超过18%” (>), so exactly 18 is NOT met.
  volunteer_share: { numerator: 24300, denominator: 135000, withData: 39, inScope: 40, value: (100 * 24300) / 135000, op: '>', target: 18, status: 'not-met' },
  // Σ M 5 350 + 1 750 + 1 980 + 1 330 + 1 710 + 820 over the same 39 rows, Σ L = 24 300.
  volunteers_with_hours_share: {
    numerator: 5350 + 1750 + 1980 + 1330 + 1710 + 820,
    denominator: 24300,
    withData: 39,
    inScope: 40,
    value: (100 * 12940) / 24300,
    op: '>=',
    target: 50,
    status: 'met',
  },
  // 10 城市 rows with J and K (not 城西社区): Σ K = 214 000 + 26 000 + 27 000 + 21 000 + 25 000, Σ J = 2 160 000 + 240 000 + 280 000 + 220 000 + 290 000.
  commercial_area_share: {
    numerator: 214000 + 26000 + 27000 + 21000 + 25000,
    denominator: 2160000 + 240000 + 280000 + 220000 + 290000,
    withData: 10,
    inScope: 40,
    value: (100 * 313000) / 3190000,
    op: '>=',
    target: 10,
    status: 'not-met',
  },
  // 29 农村 rows; I35 东宅村 empty → 28 known; I30 霞林村 否 → 27.
  facility_coverage_rural: { numerator: 27, denominator: 28, withData: 28, inScope: 29, value: (100 * 27) / 28, op: '>=', target: 100, status: 'not-met' },
  // All 11 城市 rows 有.
  police_office_coverage_urban: { numerator: 11, denominator: 11, withData: 11, inScope: 11, value: 100, op: '>=', target: 100, status: 'met' },
  // T33 麟山村 empty → 39 known; women_homes = 0 on 11 rows → 28 with ≥ 1.
  women_home_share: { numerator: 39 - 11, denominator: 39, withData: 39, inScope: 40, value: (100 * 28) / 39, op: '>=', target: 50, status: 'met' },
};

// ---------------------------------------------------------------------------------------------
// Requirement breaches (README “Per-community requirements”): [township, community, line].
// ---------------------------------------------------------------------------------------------
type Breach = [township: string, community: string, line: number];

interface ExpectedRequirement {
  breaches: Breach[];
  noData: number;
  checked: number;
}

const REQUIREMENTS: Record<string, ExpectedRequirement> = {
  public_health_committee: { breaches: [['榜头镇', '云水村', 22]], noData: 0, checked: 40 },
  rule_of_law_venue: { breaches: [['榜头镇', '仙水村', 24]], noData: 0, checked: 40 },
  legal_literates_min: {
    breaches: [
      ['鲤南镇', '金桥村', 15], // 2
      ['枫亭镇', '海安村', 36], // 1
      ['度尾镇', '湘溪村', 41], // 2
    ],
    noData: 1, // Q29 上林村
    checked: 40 - 1,
  },
  legal_adviser: { breaches: [['榜头镇', '南溪村', 21]], noData: 1 /* R41 湘溪村 */, checked: 40 - 1 },
  disaster_info_officer: { breaches: [['郊尾镇', '枫林村', 27]], noData: 1 /* P23 泉山村 */, checked: 40 - 1 },
  // 城市 only (11 rows): 南门社区 4, 洪桥社区 3; AA4 西门社区 `5人` = 5 passes.
  social_work_professionals_per_community: {
    breaches: [
      ['鲤城街道', '南门社区', 5],
      ['鲤城街道', '洪桥社区', 9],
    ],
    noData: 0,
    checked: 11,
  },
  social_worker_service: { breaches: [['鲤南镇', '金桥村', 15]], noData: 0, checked: 40 },
  grid_worker_per_grid: {
    breaches: [
      ['鲤城街道', '北门社区', 6], // 6 < 7
      ['郊尾镇', '塘边村', 28], // 2 < 3
    ],
    noData: 0,
    checked: 40,
  },
  // where has_service_facility: 霞林村 (I30 否) out of scope; no data: 东宅村 (I35 empty), 上林村 (X29 empty).
  daily_open_hours: {
    breaches: [
      ['鲤南镇', '金桥村', 15], // 7
      ['枫亭镇', '海安村', 36], // 6
    ],
    noData: 2,
    checked: 40 - 1 - 2,
  },
};

// ---------------------------------------------------------------------------------------------

describe('仙游县 survey-2024-gbk.csv against xianyou', () => {
  let report: Report;

  beforeAll(async () => {
    report = await evaluateFiles([FILE], { plan: 'xianyou', maxFindings: 0, lang: 'zh' });
  }, 60_000);

  describe('reading', () => {
    it('reads 40 rows in 6 townships from a GBK file', () => {
      expect(report.summary.rows).toBe(40);
      expect(report.summary.townships).toBe(6);
      expect(report.inputs).toHaveLength(1);
      expect(report.inputs[0].level).toBe('community');
      expect(report.inputs[0].rows).toBe(40);
      expect(report.inputs[0].encoding).toMatch(/^(gbk|gb18030|cp936)$/i);
      expect(report.omitted).toEqual([]);
    });

    it('resolves every alias / variant header of line 2 (README “Layout”)', () => {
      // 29 columns: 27 fields + 序号 + 备注.
      expect([...report.inputs[0].columns].sort()).toEqual(
        [
          'county', 'township', 'community', 'code', 'kind', 'households', 'population', 'has_service_facility',
          'total_building_area', 'commercial_service_area', 'registered_volunteers', 'volunteers_with_hours',
          'has_parent_school', 'has_micro_fire_station', 'disaster_info_officers', 'legal_literates',
          'has_legal_adviser', 'has_rule_of_law_venue', 'women_homes', 'has_police_office', 'grids', 'grid_workers',
          'daily_open_hours', 'has_public_health_committee', 'has_social_worker_service', 'social_work_professionals',
          'childcare_places',
        ].sort(),
      );
    });

    it('reports 序号 and 备注 once each as unknown columns, on the header line', () => {
      const found = withCode(report, 'unknown-column');
      expect(found.map((f) => f.args.column).sort()).toEqual(['序号', '备注'].sort());
      for (const f of found) {
        expect(f.severity).toBe('info');
        expect(f.location.row).toBe(2);
      }
    });

    it('counts 村委会 as 农村 and 居委会 as 城市 (11 城市, 29 农村 rows)', () => {
      expect(indicator(report, 'police_office_coverage_urban').inScope).toBe(7 + 1 + 1 + 1 + 1);
      expect(indicator(report, 'facility_coverage_rural').inScope).toBe(1 + 6 + 6 + 5 + 5 + 6);
    });
  });

  describe('measured indicators', () => {
    it.each(Object.entries(INDICATORS))('%s', (id, e) => expectIndicator(report, id, e));

    it('childcare / volunteer sums add up to the README totals', () => {
      expect(CC_PLACES).toBe(577);
      expect(CC_POP).toBe(132900);
      expect(REG).toBe(24300);
      expect(POP_WITH_REG).toBe(135000);
      expect((100 * REG) / POP_WITH_REG).toBe(18);
    });

    it('volunteer_share: exactly 18 % misses “超过18%” with a positive-or-zero gap', () => {
      const r = indicator(report, 'volunteer_share');
      expect(r.value).toBe((100 * REG) / POP_WITH_REG);
      expect(r.status).toBe('not-met');
      expect(r.gap).toBeCloseTo(18 - 18, 9);
      const f = withCode(report, 'indicator-not-met').filter((x) => x.ruleId === 'volunteer_share');
      expect(f).toHaveLength(1);
    });

    it('childcare_places_per_1000 per township', () => {
      const r = indicator(report, 'childcare_places_per_1000');
      // One county in the data (县区 = 仙游县 on every row): labels are the bare township names.
      expect(r.townships.map((b) => b.township).sort()).toEqual(Object.keys(CHILDCARE).sort());
      for (const [name, [places, pop, n, rows]] of Object.entries(CHILDCARE)) {
        const b = byTownship(r.townships, name);
        expect(b.value, name).not.toBeNull();
        expect(b.value!, name).toBeCloseTo((1000 * places) / pop, 2);
        expect(b.withData, name).toBe(n);
        expect(b.inScope, name).toBe(rows);
      }
      // Only 鲤城街道 reaches 4.5 on its own (1000 × 280 / 53 100 = 5.27).
      const atTarget = r.townships.filter((b) => b.value !== null && b.value >= 4.5).map((b) => b.township);
      expect(atTarget).toEqual(['鲤城街道']);
    });

    it.each(['legal_service_station_coverage', 'dispute_window_coverage', 'mental_health_team_coverage'])(
      '%s (township level): no data, a CSV has no township sheet',
      (id) => {
        const r = indicator(report, id);
        expect(r.value).toBeNull();
        expect(r.status).toBe('no-data');
        expect(r.noData?.messageId).toBe('reason.no-township-sheet');
      },
    );

    it('every reported indicator is no data (no 填报指标 table in a CSV)', () => {
      const reported = report.indicators.filter((r) => r.measure === 'reported');
      expect(reported.length).toBeGreaterThan(0);
      for (const r of reported) {
        expect(r.status, r.id).toBe('no-data');
        expect(r.noData?.messageId, r.id).toBe('reason.not-reported');
      }
    });
  });

  describe('requirement breaches', () => {
    it.each(Object.entries(REQUIREMENTS))('%s', (id, e) => {
      const q = requirement(report, id);
      expect(q.breaches).toBe(e.breaches.length);
      expect(q.noData).toBe(e.noData);
      expect(q.checked).toBe(e.checked);
      expect(q.missingColumns).toEqual([]);

      const found = withCode(report, 'requirement-breach').filter((f) => f.ruleId === id);
      const got = byRow(found.map((f) => ({ township: f.location.township, community: f.location.community, row: f.location.row, sheet: f.location.sheet })));
      const want = byRow(e.breaches.map(([township, community, line]) => ({ township, community, row: line, sheet: undefined })));
      expect(got).toEqual(want);
    });
  });

  describe('data errors', () => {
    it('exactly one unreadable cell: AB19 坝下村 托位数 “待统计”', () => {
      const found = withCode(report, 'cell-type');
      expect(found).toHaveLength(1);
      const f = found[0];
      expect(f.severity).toBe('error');
      expect(f.location).toMatchObject({
        row: 19,
        column: '托位数',
        columnIndex: 28,
        cell: 'AB19',
        township: '榜头镇',
        community: '坝下村',
      });
      expect(f.location.sheet).toBeUndefined();
      expect(f.args.value).toBe('待统计');
      expect(f.args.field).toBe('childcare_places');
    });

    it('no other data errors (title line, quoted 备注 with comma, readable text numbers)', () => {
      for (const code of ['missing-value', 'ragged-row', 'value-exceeds', 'unknown-reported']) expect(withCode(report, code), code).toEqual([]);
    });
  });
});
