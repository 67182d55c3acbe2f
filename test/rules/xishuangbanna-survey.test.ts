// End-to-end check of the 西双版纳州 2024 survey fixture (fixtures/xishuangbanna/survey-2024.xlsx) against
// the 西双版纳州 plan (plans/xishuangbanna.yaml).
//
// Every expected number below is the hand arithmetic of fixtures/xishuangbanna/README.md (from the data
// tables `XS_COUNTIES`, `XS_TOWNSHIP_ROWS`, `XS_REPORTED` in fixtures/build-regional-surveys.mjs), written as
// the arithmetic itself, never copied from program output. Positions are Excel rows of sheet 村（社区）
// (title row 1, header row 2, data rows 3–47).

import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate as evaluateFiles } from '../../src/api/evaluate.js';
import type { Report, Status } from '../../src/schema/results.js';
import { byRow, byTownship, expectIndicator, indicator, requirement, withCode } from './report-lookup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../../fixtures/xishuangbanna/survey-2024.xlsx');
const SHEET = '村（社区）';

// The data names three counties, so per-township breakdowns label each township “县 乡镇”.
const TOWNSHIP_LABELS = [
  '景洪市 允景洪街道', '景洪市 嘎洒镇', '景洪市 勐龙镇',
  '勐海县 勐海镇', '勐海县 打洛镇', '勐海县 勐混镇',
  '勐腊县 勐腊镇', '勐腊县 勐仑镇', '勐腊县 磨憨镇',
];

// README per-township area table: [Σ K facility, Σ G households, Σ L activity, rows with K (and L), rows].
const AREA: Record<string, [number, number, number, number, number]> = {
  '景洪市 允景洪街道': [760 + 700 + 700 + 420 + 450, 3200 + 2800 + 2400 + 900 + 1000, 470 + 430 + 420 + 260 + 280, 5, 5],
  // 曼景罕村 (K11/L11 empty) excluded.
  '景洪市 嘎洒镇': [480 + 330 + 300 + 270, 1800 + 700 + 620 + 500, 300 + 200 + 170 + 150, 4, 5],
  // 曼别村 K17/L17 = 0 / 0 counts (0 m² for 460 households).
  '景洪市 勐龙镇': [420 + 380 + 320 + 260 + 0, 1500 + 820 + 680 + 540 + 460, 250 + 220 + 180 + 150 + 0, 5, 5],
  '勐海县 勐海镇': [720 + 350 + 330 + 300 + 250, 2600 + 750 + 700 + 640 + 520, 430 + 210 + 200 + 170 + 140, 5, 5],
  '勐海县 打洛镇': [360 + 300 + 240 + 220, 1200 + 600 + 480 + 420, 220 + 180 + 130 + 120, 4, 5], // not 曼蚌村
  '勐海县 勐混镇': [290 + 260 + 240 + 220, 640 + 560 + 500 + 450, 170 + 150 + 130 + 120, 4, 5], // not 勐混社区
  '勐腊县 勐腊镇': [560 + 320 + 300 + 260 + 240, 2000 + 700 + 640 + 560 + 500, 340 + 190 + 170 + 150 + 140, 5, 5],
  '勐腊县 勐仑镇': [400 + 310 + 280 + 250, 1300 + 680 + 600 + 520, 240 + 180 + 160 + 140, 4, 5], // not 曼边村
  // 曼腊村 (J47 empty, K47/L47 given) counts.
  '勐腊县 磨憨镇': [340 + 320 + 270 + 240 + 210, 1000 + 700 + 560 + 480 + 420, 200 + 190 + 160 + 130 + 120, 5, 5],
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const FA = sum(Object.values(AREA).map((t) => t[0])); // 14 170
const HH = sum(Object.values(AREA).map((t) => t[1])); // 38 640
const AA = sum(Object.values(AREA).map((t) => t[2])); // 8 360

interface Expected {
  numerator: number;
  denominator: number;
  withData: number;
  inScope: number;
  value: number;
  target: number; // every measured xishuangbanna target is `op: ">="`
  status: Status;
}

const INDICATORS: Record<string, Expected> = {
  // 34 农村 rows; J47 曼腊村 empty → 33 known; 否 at J11, J17, J27, J42 → 29.
  facility_coverage_rural: { numerator: 33 - 4, denominator: 33, withData: 33, inScope: 34, value: (100 * 29) / 33, target: 80, status: 'met' },
  // 11 城市 rows; J28 勐混社区 否.
  facility_coverage_urban: { numerator: 10, denominator: 11, withData: 11, inScope: 11, value: (100 * 10) / 11, target: 100, status: 'not-met' },
  // The 11 城市 rows have M and N.
  commercial_area_share: {
    numerator: 60000 + 50000 + 40000 + 30000 + 25000 + 47000 + 21000 + 15000 + 36000 + 24000 + 17000,
    denominator: 520000 + 450000 + 380000 + 280000 + 230000 + 420000 + 190000 + 170000 + 320000 + 210000 + 160000,
    withData: 11,
    inScope: 45,
    value: (100 * 365000) / 3330000,
    target: 10,
    status: 'met',
  },
  facility_area_per_100_households: { numerator: 14170, denominator: 38640, withData: 41, inScope: 45, value: (100 * 14170) / 38640, target: 30, status: 'met' },
  // 58.998 — just below 60.
  activity_area_share: { numerator: 8360, denominator: 14170, withData: 41, inScope: 45, value: (100 * 8360) / 14170, target: 60, status: 'not-met' },
  // O43 磨憨社区 empty → 10 known; 否 at O5 嘎兰社区, O28 勐混社区 → 8.
  self_service_coverage_urban: { numerator: 8, denominator: 10, withData: 10, inScope: 11, value: (100 * 8) / 10, target: 100, status: 'not-met' },
  workers_per_10k_urban: {
    numerator: 17 + 15 + 13 + 9 + 8 + 13 + 7 + 6 + 11 + 8 + 6,
    denominator: 10200 + 8900 + 7600 + 5600 + 4700 + 8300 + 3800 + 3500 + 6400 + 4100 + 3300,
    withData: 11,
    inScope: 11,
    value: (10000 * 113) / 66400,
    target: 18,
    status: 'not-met',
  },
  // where has_service_facility: 39 rows true + 曼腊村 unknown = 40 in scope; R40 曼安村 empty → 38 known; 否 R10, R25 → 36.
  volunteer_station_coverage: { numerator: 36, denominator: 38, withData: 38, inScope: 39 + 1, value: (100 * 36) / 38, target: 100, status: 'not-met' },
  // 否 at AA10 曼达村, AA25 曼夕村, AA45 尚岗村.
  disabled_association_coverage: { numerator: 45 - 3, denominator: 45, withData: 45, inScope: 45, value: (100 * 42) / 45, target: 100, status: 'not-met' },
  public_health_committee_coverage: { numerator: 45, denominator: 45, withData: 45, inScope: 45, value: 100, target: 100, status: 'met' },
  // 否 at Z16 曼栋村, Z31 曼冈村.
  cultural_center_coverage: { numerator: 45 - 2, denominator: 45, withData: 45, inScope: 45, value: (100 * 43) / 45, target: 100, status: 'not-met' },
  volunteer_share: {
    numerator: 5380 + 2140 + 2060 + 2770 + 1670 + 1690 + 2350 + 1930 + 1740,
    denominator: 33600 + 14500 + 14000 + 18000 + 10900 + 11600 + 15400 + 12400 + 11500,
    withData: 45,
    inScope: 45,
    value: (100 * 21730) / 141900,
    target: 15,
    status: 'met',
  },
  // ‰ of the resident population: Y30 曼赛村 empty → its 2 100 people leave the denominator.
  certified_social_workers_per_mille: {
    numerator: 9 + 1 + 2 + 3 + 1 + 1 + 3 + 1 + 1,
    denominator: 141900 - 2100,
    withData: 44,
    inScope: 45,
    value: (1000 * 22) / 139800,
    target: 0.2,
    status: 'not-met',
  },
  // Township sheet: C8 勐混镇 否; C11 已建 = true.
  social_work_station_coverage: { numerator: 8, denominator: 9, withData: 9, inScope: 9, value: (100 * 8) / 9, target: 100, status: 'not-met' },
  // D8 勐混镇 empty → 8 known; D5 否, D11 未建 → 6.
  minor_protection_station_coverage: { numerator: 6, denominator: 8, withData: 8, inScope: 9, value: (100 * 6) / 8, target: 100, status: 'not-met' },
};

type Breach = [township: string, community: string, row: number];

interface ExpectedRequirement {
  breaches: Breach[];
  noData: number;
  checked: number;
}

const REQUIREMENTS: Record<string, ExpectedRequirement> = {
  // where has_service_facility: 39 true + 1 unknown (曼腊村 J47); no data: 曼腊村, 象山社区 (X18 unreadable).
  daily_open_hours: {
    breaches: [
      ['勐龙镇', '勐宋村', 15], // 7
      ['打洛镇', '曼山村', 26], // 6
    ],
    noData: 2,
    checked: 39 + 1 - 2,
  },
  satisfaction_survey: {
    breaches: [
      ['嘎洒镇', '曼景罕村', 11],
      ['勐海镇', '曼袄村', 22],
    ],
    noData: 1, // AB41 曼俄村
    checked: 45 - 1,
  },
  legal_adviser: { breaches: [['勐龙镇', '勐宋村', 15]], noData: 1 /* T36 曼岗村 */, checked: 45 - 1 },
  disaster_info_officer: { breaches: [['勐龙镇', '曼栋村', 16]], noData: 1 /* S30 曼赛村 */, checked: 45 - 1 },
  grid_worker_per_grid: {
    breaches: [
      ['允景洪街道', '嘎兰社区', 5], // 8 < 9
      ['勐海镇', '曼真村', 21], // 3 < 4
    ],
    noData: 0,
    checked: 45,
  },
};

// ---------------------------------------------------------------------------------------------

describe('西双版纳州 survey-2024.xlsx against xishuangbanna', () => {
  let report: Report;

  beforeAll(async () => {
    report = await evaluateFiles([FILE], { plan: 'xishuangbanna', maxFindings: 0, lang: 'zh' });
  }, 60_000);

  describe('reading', () => {
    it('reads 45 community rows, 9 townships and the two extra sheets', () => {
      expect(report.summary.rows).toBe(45);
      expect(report.summary.townships).toBe(9);
      const bySheet = Object.fromEntries(report.inputs.map((i) => [i.sheet, i]));
      expect(bySheet[SHEET]).toMatchObject({ level: 'community', rows: 45 });
      expect(bySheet['乡镇（街道）']).toMatchObject({ level: 'township', rows: 9 });
      expect(bySheet['填报指标']).toMatchObject({ level: 'values', rows: 2 });
      expect(bySheet[SHEET].columns).toHaveLength(27);
      expect(bySheet['乡镇（街道）'].columns).toContain('has_social_work_station'); // header 社工站 (alias)
      expect(report.omitted).toEqual([]);
    });

    it('序号 is the one unknown column', () => {
      const found = withCode(report, 'unknown-column');
      expect(found.map((f) => [f.args.column, f.location.sheet, f.location.cell])).toEqual([['序号', SHEET, 'A2']]);
    });
  });

  describe('measured indicators', () => {
    it('the per-township area sums add up to the README totals', () => {
      expect([FA, HH, AA]).toEqual([14170, 38640, 8360]);
    });

    it.each(Object.entries(INDICATORS))('%s', (id, e) => expectIndicator(report, id, e));

    it('certified_social_workers_per_mille is per 1 000 residents (0.157 ‰), not per community worker', () => {
      const r = indicator(report, 'certified_social_workers_per_mille');
      expect(r.unit).toBe('‰');
      expect(r.value!).toBeCloseTo((1000 * 22) / 139800, 6);
      // Only 景洪市 允景洪街道 reaches 0.2 ‰ on its own: 1000 × 9 / 33 600 = 0.268.
      const atTarget = r.townships.filter((b) => b.value !== null && b.value >= 0.2).map((b) => b.township);
      expect(atTarget).toEqual(['景洪市 允景洪街道']);
      expect(byTownship(r.townships, '景洪市 允景洪街道').value!).toBeCloseTo((1000 * 9) / 33600, 6);
      // 勐混镇: 曼赛村 (Y30 empty) out of both sums → 1 / (11 600 − 2 100).
      const menghun = byTownship(r.townships, '勐海县 勐混镇');
      expect(menghun.value!).toBeCloseTo((1000 * 1) / (11600 - 2100), 6);
      expect(menghun.withData).toBe(4);
      expect(menghun.inScope).toBe(5);
    });
  });

  describe('per-township breakdown (county-prefixed labels)', () => {
    it('facility_area_per_100_households per township', () => {
      const r = indicator(report, 'facility_area_per_100_households');
      expect(r.townships.map((b) => b.township).sort()).toEqual([...TOWNSHIP_LABELS].sort());
      for (const [name, [fa, hh, , n, rows]] of Object.entries(AREA)) {
        const b = byTownship(r.townships, name);
        expect(b.value, name).not.toBeNull();
        expect(b.value!, name).toBeCloseTo((100 * fa) / hh, 2);
        expect(b.withData, name).toBe(n);
        expect(b.inScope, name).toBe(rows);
      }
    });

    it('facility_area_per_100_households: 景洪市 允景洪街道 is the only township short of 30 m²', () => {
      const r = indicator(report, 'facility_area_per_100_households');
      expect(r.worstTownships.map((b) => b.township)).toEqual(['景洪市 允景洪街道']);
      // 30/100 × 10 300 − 3 030 = 3 090 − 3 030 = 60 m².
      expect(r.worstTownships[0].shortfall).toBeCloseTo((30 / 100) * 10300 - 3030, 6);
    });

    it('activity_area_share per township; worst three by shortfall', () => {
      const r = indicator(report, 'activity_area_share');
      for (const [name, [fa, , aa, n, rows]] of Object.entries(AREA)) {
        const b = byTownship(r.townships, name);
        expect(b.value!, name).toBeCloseTo((100 * aa) / fa, 2);
        expect(b.withData, name).toBe(n);
        expect(b.inScope, name).toBe(rows);
      }
      // Only 允景洪街道 reaches 60 % (100 × 1 860 / 3 030 = 61.39).
      expect(r.townships.filter((b) => b.value !== null && b.value >= 60).map((b) => b.township)).toEqual(['景洪市 允景洪街道']);
      // Shortfalls 0.6 × ΣK − ΣL: 勐混镇 606 − 570 = 36; 勐龙镇 and 磨憨镇 828 − 800 = 28 (a tie); next 勐仑镇 24.
      expect(r.worstTownships).toHaveLength(3);
      expect(r.worstTownships[0].township).toBe('勐海县 勐混镇');
      expect(r.worstTownships[0].shortfall).toBeCloseTo(0.6 * 1010 - 570, 6);
      expect(r.worstTownships.slice(1).map((b) => b.township).sort()).toEqual(['勐腊县 磨憨镇', '景洪市 勐龙镇'].sort());
      for (const b of r.worstTownships.slice(1)) expect(b.shortfall).toBeCloseTo(0.6 * 1380 - 800, 6);
    });
  });

  describe('township sheet', () => {
    it('social_work_station_coverage per township: 勐海县 勐混镇 has none', () => {
      const r = indicator(report, 'social_work_station_coverage');
      expect(r.townships.map((b) => b.township).sort()).toEqual([...TOWNSHIP_LABELS].sort());
      for (const b of r.townships) {
        expect(b.value, b.township).toBe(b.township === '勐海县 勐混镇' ? 0 : 100);
        expect(b.withData, b.township).toBe(1);
        expect(b.inScope, b.township).toBe(1);
      }
    });

    it('minor_protection_station_coverage: 勐混镇 (D8 empty) is in scope without data', () => {
      const r = indicator(report, 'minor_protection_station_coverage');
      const menghun = byTownship(r.townships, '勐海县 勐混镇');
      expect(menghun.value).toBeNull();
      expect(menghun.withData).toBe(0);
      expect(menghun.inScope).toBe(1);
      expect(byTownship(r.townships, '景洪市 勐龙镇').value).toBe(0); // D5 否
      expect(byTownship(r.townships, '勐腊县 磨憨镇').value).toBe(0); // D11 未建
    });
  });

  describe('reported values (sheet 填报指标)', () => {
    it('day_care_coverage: B2 “86%” → 86, below 90', () => {
      const r = indicator(report, 'day_care_coverage');
      expect(r.measure).toBe('reported');
      expect(r.value!).toBeCloseTo(86, 6);
      expect(r.status).toBe('not-met');
      expect(r.gap!).toBeCloseTo(90 - 86, 6);
      expect(r.reportedFrom).toMatchObject({ sheet: '填报指标', row: 2 });
    });

    it('ethnic_unity_demo_per_year: B3 12 → met (≥ 10)', () => {
      const r = indicator(report, 'ethnic_unity_demo_per_year');
      expect(r.value).toBe(12);
      expect(r.status).toBe('met');
      expect(r.reportedFrom).toMatchObject({ sheet: '填报指标', row: 3 });
    });

    it('the other reported indicators are no data; no label went unmatched', () => {
      const others = report.indicators.filter((r) => r.measure === 'reported' && !['day_care_coverage', 'ethnic_unity_demo_per_year'].includes(r.id));
      expect(others.length).toBeGreaterThan(0);
      for (const r of others) expect(r.status, r.id).toBe('no-data');
      expect(withCode(report, 'unknown-reported')).toEqual([]);
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
      // Findings carry the bare township (the merged C cell's value), not the county-prefixed label.
      const got = byRow(found.map((f) => ({ township: f.location.township, community: f.location.community, row: f.location.row, sheet: f.location.sheet })));
      const want = byRow(e.breaches.map(([township, community, row]) => ({ township, community, row, sheet: SHEET })));
      expect(got).toEqual(want);
    });
  });

  describe('data errors', () => {
    it('exactly one unreadable cell: X18 象山社区 每日开放服务时长 “8:30-17:30”', () => {
      const found = withCode(report, 'cell-type');
      expect(found).toHaveLength(1);
      const f = found[0];
      expect(f.severity).toBe('error');
      expect(f.location).toMatchObject({
        sheet: SHEET,
        row: 18,
        column: '每日开放服务时长（小时）',
        columnIndex: 24,
        cell: 'X18',
        township: '勐海镇', // from the merged C18:C22
        community: '象山社区',
      });
      expect(f.args.value).toBe('8:30-17:30');
      expect(f.args.field).toBe('daily_open_hours');
    });

    it('no other data errors (merged county/township cells fill down)', () => {
      for (const code of ['missing-value', 'ragged-row', 'value-exceeds']) expect(withCode(report, code), code).toEqual([]);
    });
  });
});
