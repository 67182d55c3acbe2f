// End-to-end check of the 洛江区 2024 survey fixtures against the 泉州 plan (plans/quanzhou.yaml).
//
// Every expected number below is the hand arithmetic of fixtures/luojiang/README.md (re-checked against
// the data table `TOWNSHIPS` in fixtures/build-luojiang-survey.mjs), written as the arithmetic itself,
// never copied from program output. Where the README is wrong for the quanzhou plan (it ignores a
// `where:` of the plan), the correction is spelled out in a comment next to the expectation.
//
// The three files carry the same data, so they share every expectation; only positions differ:
//   XLSX row (sheet 村（社区）) = CSV record number + 3 = GBK record number + 2   (README “Layout”).

import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateReport as evaluateFiles } from '../../src/api/evaluate.js';
import type { Report, Status } from '../../src/schema/results.js';
import type { ReportedValue } from '../../src/io/input-sink.js';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { parseReported } from '../../src/io/values.js';
import { byTownship, expectIndicator, indicator, requirement, withCode } from './report-lookup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/luojiang');

// ---------------------------------------------------------------------------------------------
// The three fixture files and how a README position (Excel row, CSV line) reads in each of them.
// ---------------------------------------------------------------------------------------------
interface FileCase {
  file: string;
  /** Sheet named in community-row findings (undefined for CSV). */
  sheet: string | undefined;
  /** The README gives every position as “Excel row / CSV line”; GBK line = CSV line + 1 (title line). */
  row: (excelRow: number, csvLine: number) => number;
  /** Header text of the two columns holding the unreadable cells, as the file spells it. */
  facilityAreaHeader: string;
  microFireHeader: string;
  /** The XLSX carries the township sheet 乡镇（街道） and the reported-values sheet 填报指标. */
  xlsx: boolean;
  /** 序号 is in the XLSX and the GBK CSV, not in the UTF-8 CSV (README “Layout”). */
  unknownColumns: string[];
}

const FILES: FileCase[] = [
  {
    file: 'survey-2024.xlsx',
    sheet: '村（社区）',
    row: (excelRow) => excelRow,
    // K: parent 综合服务设施 + child 建筑面积（平方米） (README: “K: parent + child = 综合服务设施建筑面积（平方米）”).
    facilityAreaHeader: '综合服务设施建筑面积（平方米）',
    microFireHeader: '微型消防站（点）',
    xlsx: true,
    unknownColumns: ['序号'],
  },
  {
    file: 'survey-2024.csv',
    sheet: undefined,
    row: (_excelRow, csvLine) => csvLine,
    facilityAreaHeader: '综合服务设施建筑面积',
    microFireHeader: '微型消防站（点）',
    xlsx: false,
    unknownColumns: [],
  },
  {
    file: 'survey-2024-gbk.csv',
    sheet: undefined,
    row: (_excelRow, csvLine) => csvLine + 1,
    facilityAreaHeader: '综合服务设施建筑面积(㎡)',
    microFireHeader: '微型消防站',
    xlsx: false,
    unknownColumns: ['序号'],
  },
];

// ---------------------------------------------------------------------------------------------
// Measured indicators (README “Expected values” table). Targets are those of plans/quanzhou.yaml;
// status follows from value vs. target.
// ---------------------------------------------------------------------------------------------
interface Expected {
  numerator: number;
  denominator: number;
  withData: number;
  inScope: number;
  value: number;
  target: number; // every one of these quanzhou targets is `op: ">="`
  status: Status;
}

const INDICATORS: Record<string, Expected> = {
  // 40 农村 rows; J63 上田村 empty → 39 known; 无 J32 炉田村, 否 J57 钟山村 → 37 true.
  facility_coverage_rural: { numerator: 37, denominator: 39, withData: 39, inScope: 40, value: (100 * 37) / 39, target: 100, status: 'not-met' },
  // All 20 城市 rows 是/有 (F27, F38 `社区` count as 城市).
  facility_coverage_urban: { numerator: 20, denominator: 20, withData: 20, inScope: 20, value: (100 * 20) / 20, target: 100, status: 'met' },
  // 37 + 20 = 57 true of 39 + 20 = 59 known, 60 rows. (README target “—”; quanzhou encodes 三（三）1 “力争…100%”.)
  facility_coverage: { numerator: 37 + 20, denominator: 39 + 20, withData: 59, inScope: 60, value: (100 * 57) / 59, target: 100, status: 'not-met' },
  // 18 城市 rows with both M and N: Σ N = 280 000 + 147 000 + 14 000 + 9 000, Σ M = 3 120 000 + 1 830 000 + 180 000 + 135 000.
  commercial_area_share: {
    numerator: 280000 + 147000 + 14000 + 9000,
    denominator: 3120000 + 1830000 + 180000 + 135000,
    withData: 9 + 7 + 1 + 1,
    inScope: 60,
    value: (100 * 450000) / 5265000,
    target: 10,
    status: 'not-met',
  },
  // 57 rows with K and G (not K53 约300, K57 empty, G64 empty); per-township sums in TOWNSHIP_AREA below.
  facility_area_per_100_households: {
    numerator: 6820 + 4350 + 2880 + 2460 + 2250 + 1270,
    denominator: 24100 + 15000 + 6500 + 5000 + 4000 + 2000,
    withData: 57,
    inScope: 60,
    value: (100 * 20030) / 56600,
    target: 30,
    status: 'met',
  },
  // 57 rows with L and K (not L7 empty, K53 unreadable, K57/L57 empty); 侨光社区 380/340 included.
  activity_area_share: {
    numerator: 3690 + 2810 + 1690 + 1370 + 1280 + 830,
    denominator: 6320 + 4350 + 2880 + 2460 + 2250 + 1450,
    withData: 57,
    inScope: 60,
    value: (100 * 11670) / 19710,
    target: 60,
    status: 'not-met',
  },
  // 20 城市 rows; O14 西霞社区 empty → 19 known; O24 侨光社区 无 → 18 true.
  self_service_coverage_urban: { numerator: 18, denominator: 19, withData: 19, inScope: 20, value: (100 * 18) / 19, target: 100, status: 'not-met' },
  // 城市 rows with P and I: 19 (P22 南埔社区 empty). Σ P = 119 + 62 + 7 + 6, Σ I = 69 000 + 37 800 + 3 600 + 2 700.
  workers_per_10k_urban: {
    numerator: 119 + 62 + 7 + 6,
    denominator: 69000 + 37800 + 3600 + 2700,
    withData: 19,
    inScope: 20,
    value: (10000 * 194) / 113100,
    target: 18,
    status: 'not-met',
  },
  // All 60 rows. Σ Q = 13 750 + 8 500 + 3 750 + 2 800 + 2 880 + 1 270; Σ H = 72 800 + 45 600 + 23 000 + 17 900 + 17 200 + 8 100.
  volunteer_share: {
    numerator: 13750 + 8500 + 3750 + 2800 + 2880 + 1270,
    denominator: 72800 + 45600 + 23000 + 17900 + 17200 + 8100,
    withData: 60,
    inScope: 60,
    value: (100 * 32950) / 184600,
    target: 18,
    status: 'not-met',
  },
  // where has_service_facility: 57 rows with it true; S55 东方村 empty → 56 known; × at S36, S45, S61 → 53 true.
  // CORRECTION of README N = 57: 上田村 (J63 empty) has an UNKNOWN where, not a false one. Per the plan
  // format's three-valued logic (“a row whose condition … is unknown counts as ‘without data’”) and as the
  // README itself counts J63 for facility_coverage_rural (in N = 40, not in n = 39), that row is in scope
  // without data: N = 57 (where true) + 1 (上田村, where unknown) = 58; n = 56 is unchanged (60 − 炉田村 无
  // − 钟山村 否 = 58 not known-false; minus 上田村 and 东方村 without data = 56).
  volunteer_station_coverage: { numerator: 53, denominator: 56, withData: 56, inScope: 57 + 1, value: (100 * 53) / 56, target: 100, status: 'not-met' },
  // T12 万盛社区 empty; the other 19 城市 rows 是.
  parent_school_coverage_urban: { numerator: 19, denominator: 19, withData: 19, inScope: 20, value: (100 * 19) / 19, target: 100, status: 'met' },
  // 40 农村; T52, T57 empty → 38 known; 否 at T30, T32, T36, T42, T46, T61 → 38 − 6 = 32 true.
  parent_school_coverage_rural: { numerator: 38 - 6, denominator: 38, withData: 38, inScope: 40, value: (100 * 32) / 38, target: 80, status: 'met' },
  // 60 rows; U41 empty, U43 待建 unreadable → 58 known; 无 at U35, U46, U60, U63 → 58 − 4 = 54 true.
  micro_fire_station_coverage: { numerator: 58 - 4, denominator: 58, withData: 58, inScope: 60, value: (100 * 54) / 58, target: 100, status: 'not-met' },
  // AA64 坑口村 empty → 59 known; women_homes = 0 in 20 rows → 59 − 20 = 39 with ≥ 1.
  women_home_share: { numerator: 59 - 20, denominator: 59, withData: 59, inScope: 60, value: (100 * 39) / 59, target: 50, status: 'met' },
  // 20 城市 rows; AB22 南埔社区 无 → 19 / 20.
  police_office_coverage_urban: { numerator: 19, denominator: 20, withData: 20, inScope: 20, value: (100 * 19) / 20, target: 100, status: 'not-met' },
};

// Per township (README “Per township” table): facility_area_per_100_households = 100 × Σ facility_area / Σ households,
// activity_area_share = 100 × Σ activity_area / Σ facility_area (rows with both values).
interface TownshipRow {
  township: string;
  rows: number; // rows of the township in the survey (README “Rows” table) = inScope
  fa: number; // Σ facility_area over rows with households
  hh: number; // Σ households
  nArea: number; // rows with both
  aa: number; // Σ activity_area
  faA: number; // Σ facility_area over rows with activity_area
  nAct: number; // rows with both
}

const TOWNSHIPS: TownshipRow[] = [
  // 万安: 后埭社区 L7 empty → facility for the activity share 6 820 − 500 = 6 320 over 11 rows.
  { township: '万安街道', rows: 12, fa: 6820, hh: 24100, nArea: 12, aa: 3690, faA: 6820 - 500, nAct: 11 },
  { township: '双阳街道', rows: 10, fa: 4350, hh: 15000, nArea: 10, aa: 2810, faA: 4350, nAct: 10 },
  { township: '河市镇', rows: 11, fa: 2880, hh: 6500, nArea: 11, aa: 1690, faA: 2880, nAct: 11 },
  { township: '马甲镇', rows: 10, fa: 2460, hh: 5000, nArea: 10, aa: 1370, faA: 2460, nAct: 10 },
  // 罗溪: not 柏山村 (K53 约300) nor 钟山村 (K57/L57 empty) → 8 of 10 rows.
  { township: '罗溪镇', rows: 10, fa: 2250, hh: 4000, nArea: 8, aa: 1280, faA: 2250, nAct: 8 },
  // 虹山: 坑口村 has no households (G64) but has K/L → 6 rows for the area, 7 for the share (1 270 + 180 = 1 450).
  { township: '虹山乡', rows: 7, fa: 1270, hh: 2000, nArea: 6, aa: 830, faA: 1270 + 180, nAct: 7 },
];

// ---------------------------------------------------------------------------------------------
// Requirement breaches (README “Per-community requirements”): [township, community, Excel row, CSV line].
// `ok` is the README's count of rows that pass; RequirementResult.checked = ok + breaches.
// ---------------------------------------------------------------------------------------------
type Breach = [township: string, community: string, excelRow: number, csvLine: number];

interface ExpectedRequirement {
  breaches: Breach[];
  noData: number;
  ok: number;
}

const REQUIREMENTS: Record<string, ExpectedRequirement> = {
  disaster_info_officer: {
    breaches: [
      ['双阳街道', '侨光社区', 24, 21],
      ['河市镇', '坛顶村', 36, 33],
      ['虹山乡', '上田村', 63, 60],
    ],
    noData: 2, // V35 蛟南村, V54 翁山村
    ok: 55,
  },
  legal_literates_min: {
    breaches: [
      ['万安街道', '后埭社区', 7, 4],
      ['双阳街道', '东埔村', 26, 23],
      ['马甲镇', '梧坑村', 46, 43],
      ['虹山乡', '松角山村', 61, 58],
    ],
    noData: 1, // W52 新东村
    ok: 55,
  },
  // CORRECTION of README (noData 3, ok 54): quanzhou's daily_open_hours has `where: has_service_facility`,
  // which the README ignored. Recomputed from the data table:
  //   out of scope (where false): 炉田村 J32 无, 钟山村 J57 否 — these are two of the README's three no-data rows;
  //   where unknown → no data: 上田村 (J63 empty; its AE63 = 8 is not checked);
  //   in scope, AE empty → no data: 彭殊村 AE62.
  //   noData = 1 (上田村) + 1 (彭殊村) = 2; rows with the facility = 60 − 2 − 1 = 57; checked = 57 − 1 (彭殊村) = 56;
  //   breaches: 坛顶村 7.5 (J36 有), 溪东村 6 (J43 是), 白凤村 4 (J60 是) = 3, all in scope; ok = 56 − 3 = 53.
  daily_open_hours: {
    breaches: [
      ['河市镇', '坛顶村', 36, 33],
      ['马甲镇', '溪东村', 43, 40],
      ['虹山乡', '白凤村', 60, 57],
    ],
    noData: 1 + 1,
    ok: 56 - 3,
  },
  grid_worker_per_grid: {
    breaches: [
      ['万安街道', '塘西社区', 10, 7], // 10 < 12
      ['双阳街道', '双阳社区', 17, 14], // 9 < 10
      ['马甲镇', '后洋村', 44, 41], // 3 < 4
    ],
    noData: 2, // AD29 南塘村, AC58 虹山村
    ok: 55,
  },
  deliberation_hall: {
    breaches: [
      ['河市镇', '庄田村', 30, 27],
      ['马甲镇', '梧坑村', 46, 43],
    ],
    noData: 3, // AF20 后郭社区, AF33 官洋村, AF59 苏山村
    ok: 55,
  },
  rule_of_law_venue: {
    breaches: [
      ['河市镇', '蛟南村', 35, 32],
      ['马甲镇', '祥云村', 42, 39],
      ['虹山乡', '坑口村', 64, 61],
    ],
    noData: 1, // Z51 前溪村
    ok: 56,
  },
};

// ---------------------------------------------------------------------------------------------
const sortRows = <T extends { community?: string; row?: number }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || String(a.community).localeCompare(String(b.community)));

describe.each(FILES)('洛江区 survey $file against quanzhou', (fc) => {
  let report: Report;

  beforeAll(async () => {
    report = await evaluateFiles([path.join(FIXTURES, fc.file)], { plan: 'quanzhou', maxFindings: 0, lang: 'zh' });
  }, 60_000);

  it('reads all 60 community rows', () => {
    expect(report.summary.rows).toBe(60);
    expect(report.omitted).toEqual([]);
  });

  describe('measured indicators', () => {
    it.each(Object.entries(INDICATORS))('%s', (id, e) => expectIndicator(report, id, e));
  });

  describe('per-township breakdown', () => {
    it('facility_area_per_100_households per township', () => {
      const r = indicator(report, 'facility_area_per_100_households');
      expect(r.townships.map((b) => b.township).sort()).toEqual(TOWNSHIPS.map((t) => t.township).sort());
      for (const t of TOWNSHIPS) {
        const b = byTownship(r.townships, t.township);
        expect(b.value, t.township).not.toBeNull();
        expect(b.value!, t.township).toBeCloseTo((100 * t.fa) / t.hh, 2);
        expect(b.withData, t.township).toBe(t.nArea);
        expect(b.inScope, t.township).toBe(t.rows);
      }
      // Spot values from the README table: 28.30, 29.00, 44.31, 49.20, 56.25, 63.50.
      expect(byTownship(r.townships, '万安街道').value!).toBeCloseTo(28.3, 1);
      expect(byTownship(r.townships, '双阳街道').value!).toBeCloseTo(29.0, 2);
      expect(byTownship(r.townships, '虹山乡').value!).toBeCloseTo(63.5, 2);
    });

    it('activity_area_share per township', () => {
      const r = indicator(report, 'activity_area_share');
      expect(r.townships.map((b) => b.township).sort()).toEqual(TOWNSHIPS.map((t) => t.township).sort());
      for (const t of TOWNSHIPS) {
        const b = byTownship(r.townships, t.township);
        expect(b.value, t.township).not.toBeNull();
        expect(b.value!, t.township).toBeCloseTo((100 * t.aa) / t.faA, 2);
        expect(b.withData, t.township).toBe(t.nAct);
        expect(b.inScope, t.township).toBe(t.rows);
      }
      // README: 双阳街道 is the only township at or above 60 % (64.60).
      const atTarget = r.townships.filter((b) => b.value !== null && b.value >= 60).map((b) => b.township);
      expect(atTarget).toEqual(['双阳街道']);
    });

    it('worstTownships of facility_area_per_100_households: exactly the two below 30, by shortfall', () => {
      const r = indicator(report, 'facility_area_per_100_households');
      // shortfall = 30/100 × Σ households − Σ facility_area:
      //   万安街道 0.3 × 24 100 − 6 820 = 7 230 − 6 820 = 410;  双阳街道 0.3 × 15 000 − 4 350 = 4 500 − 4 350 = 150.
      //   Every other township is above 30 (44.31, 49.20, 56.25, 63.50) → no shortfall.
      expect(r.worstTownships.map((b) => b.township)).toEqual(['万安街道', '双阳街道']);
      expect(r.worstTownships[0].shortfall).toBeCloseTo((30 / 100) * 24100 - 6820, 6);
      expect(r.worstTownships[1].shortfall).toBeCloseTo((30 / 100) * 15000 - 4350, 6);
    });
  });

  describe('township sheet', () => {
    it('mental_health_team_coverage', () => {
      const r = indicator(report, 'mental_health_team_coverage');
      if (fc.xlsx) {
        // Sheet 乡镇（街道） column D: 是 ×4, 有, √ → 6 / 6.
        expect(r.numerator).toBe(6);
        expect(r.denominator).toBe(6);
        expect(r.withData).toBe(6);
        expect(r.inScope).toBe(6);
        expect(r.value!).toBeCloseTo((100 * 6) / 6, 2);
        expect(r.status).toBe('met');
      } else {
        // A CSV has no township sheet.
        expect(r.value).toBeNull();
        expect(r.status).toBe('no-data');
        expect(r.noData?.messageId).toBe('reason.no-township-sheet');
      }
    });

    it('social_work_station', () => {
      const q = requirement(report, 'social_work_station');
      const found = withCode(report, 'requirement-breach').filter((f) => f.ruleId === 'social_work_station');
      if (fc.xlsx) {
        // 乡镇（街道）!C8: 虹山乡 社会工作服务站 = 否; the other five 是/有/√.
        expect(q.checked).toBe(6);
        expect(q.breaches).toBe(1);
        expect(q.noData).toBe(0);
        expect(found).toHaveLength(1);
        expect(found[0].location).toMatchObject({ sheet: '乡镇（街道）', row: 8, cell: 'C8', township: '虹山乡' });
      } else {
        expect(q.checked).toBe(0);
        expect(q.breaches).toBe(0);
        expect(q.missingColumns).toEqual(['社会工作服务站']);
        expect(found).toEqual([]);
      }
    });
  });

  describe('requirement breaches', () => {
    it.each(Object.entries(REQUIREMENTS))('%s', (id, e) => {
      const q = requirement(report, id);
      expect(q.breaches).toBe(e.breaches.length);
      expect(q.noData).toBe(e.noData);
      expect(q.checked).toBe(e.ok + e.breaches.length);

      const found = withCode(report, 'requirement-breach').filter((f) => f.ruleId === id);
      const got = sortRows(found.map((f) => ({ township: f.location.township, community: f.location.community, row: f.location.row, sheet: f.location.sheet })));
      const want = sortRows(e.breaches.map(([township, community, excelRow, csvLine]) => ({ township, community, row: fc.row(excelRow, csvLine), sheet: fc.sheet })));
      expect(got).toEqual(want);
    });
  });

  describe('data errors', () => {
    it('exactly the two unreadable cells, as cell-type errors', () => {
      const found = sortRows(withCode(report, 'cell-type').map((f) => ({ ...f.location, value: f.args.value, severity: f.severity })));
      // README: K53 柏山村 `约300` (facility_area), U43 溪东村 `待建` (has_micro_fire_station); CSV line = row − 3.
      const want = [
        { row: fc.row(43, 43 - 3), community: '溪东村', township: '马甲镇', column: fc.microFireHeader, value: '待建', severity: 'error' },
        { row: fc.row(53, 53 - 3), community: '柏山村', township: '罗溪镇', column: fc.facilityAreaHeader, value: '约300', severity: 'error' },
      ];
      expect(found).toHaveLength(2);
      found.forEach((f, i) => expect(f).toMatchObject(want[i]));
      if (fc.xlsx) {
        expect(found.map((f) => [f.sheet, f.cell])).toEqual([
          ['村（社区）', 'U43'],
          ['村（社区）', 'K53'],
        ]);
      } else {
        expect(found.every((f) => f.sheet === undefined)).toBe(true);
      }
    });

    it('the two part-exceeds-whole rows, as value-exceeds errors', () => {
      const found = sortRows(withCode(report, 'value-exceeds').map((f) => ({ ...f.location, value: f.args.value, limit: f.args.limit })));
      expect(found).toHaveLength(2);
      // R9 vs Q9 琯头社区: volunteers_with_hours 1100 > registered_volunteers 1000 (CSV line 6).
      expect(found[0]).toMatchObject({ township: '万安街道', community: '琯头社区', row: fc.row(9, 6), value: 1100, limit: 1000 });
      // L24 vs K24 侨光社区: activity_area 380 > facility_area 340 (CSV line 21).
      expect(found[1]).toMatchObject({ township: '双阳街道', community: '侨光社区', row: fc.row(24, 21), value: 380, limit: 340 });
      if (fc.xlsx) expect(found.map((f) => f.cell)).toEqual(['R9', 'L24']);
    });

    it('no other data errors (readable text numbers, merged township cells, grouped header)', () => {
      for (const code of ['missing-value', 'ragged-row']) expect(withCode(report, code), code).toEqual([]);
    });

    it('unknown column 序号 reported once where the file has it', () => {
      const found = withCode(report, 'unknown-column');
      expect(found.map((f) => f.args.column)).toEqual(fc.unknownColumns);
      for (const f of found) expect(f.severity).toBe('info');
    });
  });

  describe('reported values', () => {
    it('mental_health_literacy', () => {
      const r = indicator(report, 'mental_health_literacy');
      if (fc.xlsx) {
        // 填报指标!B2 text “16.5%” → 16.5 %; quanzhou target ≥ 15 → met.
        expect(r.value!).toBeCloseTo(16.5, 2);
        expect(r.status).toBe('met');
        expect(r.reportedFrom).toMatchObject({ sheet: '填报指标', row: 2 });
      } else {
        expect(r.value).toBeNull();
        expect(r.status).toBe('no-data');
      }
    });
  });
});

// The README's “expected reading” column of sheet 填报指标, checked at the reader: the percent-formatted
// number 0.12 (B4) must read as 12 %. (Under quanzhou, rows 3 and 4 do not reach an indicator: their labels
// 基层医疗卫生机构达到服务能力基本/推荐标准的比例 are word-order variants of the plan's names
// 达到服务能力基本/推荐标准的基层医疗卫生机构比例, neither an id, the name, nor a substring of it — see the report.)
describe('survey-2024.xlsx sheet 填报指标 readings', () => {
  const got: ReportedValue[] = [];

  beforeAll(async () => {
    const file = path.join(FIXTURES, 'survey-2024.xlsx');
    await readXlsx(file, file, { onRow() {}, onFinding() {}, onReported: (v) => got.push(v) });
  }, 60_000);

  it.each([
    ['居民心理健康素养水平', 2, false, 16.5], // text 16.5%
    ['基层医疗卫生机构达到服务能力基本标准的比例', 3, false, 72], // text 72%
    ['基层医疗卫生机构达到服务能力推荐标准的比例', 4, true, 0.12 * 100], // number 0.12, format 0% → 12 %
    ['家庭医生签约覆盖率', 5, false, 75], // number 75, general format, in a percent place → 75 %
  ] as const)('%s (row %i)', (name, row, percentCell, expected) => {
    const v = got.find((x) => x.name === name);
    expect(v, name).toBeDefined();
    expect(v!.location).toMatchObject({ sheet: '填报指标', row });
    expect(v!.percentCell).toBe(percentCell);
    const reading = parseReported(v!.raw, v!.percentCell, true);
    expect(typeof reading).toBe('number');
    expect(reading as number).toBeCloseTo(expected, 6);
  });
});
