// The comparison model (src/rules/compare.ts) and the community list (src/rules/community-list.ts).
//
// First the two hand-built snapshots of fixtures/compare/ (仙游县 2023 CSV, 2024 XLSX): every expected
// number is the arithmetic of fixtures/compare/README.md, written out here. Then the rules one by one on
// small made-up reports: transitions, direction of a change, community matching, batch summaries.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../src/cli/compare.js';
import type { BatchFileResult, BatchSummary } from '../../src/schema/batch.js';
import type { CommunityEntry, Comparison, IndicatorChange, TownshipChange } from '../../src/schema/comparison.js';
import { CscheckError } from '../../src/schema/errors.js';
import { loadPlan } from '../../src/schema/load-plan.js';
import type { Breakdown, IndicatorResult, Report } from '../../src/schema/results.js';
import type { InputSink, ReportedValue } from '../../src/io/input-sink.js';
import type { DataRow, TableInfo } from '../../src/io/row-builder.js';
import type { Finding } from '../../src/schema/finding.js';
import { FIELDS_BY_LEVEL } from '../../src/schema/contract.js';
import { CommunityList, communityKey } from '../../src/rules/community-list.js';
import { batchSnapshot, compareCommunities, compareSnapshots, fileSnapshot } from '../../src/rules/compare.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/compare');
const OLD = path.join(FIXTURES, 'xianyou-2023.csv');
const NEW = path.join(FIXTURES, 'xianyou-2024.xlsx');

const indicatorOf = (c: Comparison, id: string): IndicatorChange => {
  const found = c.areas[0].indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} not compared`);
  return found;
};
const townshipOf = (i: IndicatorChange, name: string): TownshipChange => {
  const found = i.townships.find((t) => t.township === name);
  if (!found) throw new Error(`${i.id}: no township ${name} (${i.townships.map((t) => t.township).join(', ')})`);
  return found;
};
const names = (list: CommunityEntry[]) => list.map((c) => `${c.township} ${c.name}`);

describe('the 仙游县 2023 and 2024 fixtures', () => {
  let cmp: Comparison;
  let older: Report;
  let newer: Report;
  beforeAll(async () => {
    const plan = loadPlan('xianyou');
    older = await evaluateSnapshot(OLD, plan);
    newer = await evaluateSnapshot(NEW, plan);
    cmp = compareSnapshots(fileSnapshot(OLD, older), fileSnapshot(NEW, newer));
  });

  it('records every community row once, keyed by its code or else by county, township and name', () => {
    expect(older.communities).toHaveLength(12);
    expect(newer.communities).toHaveLength(14);
    expect(older.communities!.find((c) => c.name === '南溪村')).toEqual({ key: '仙游县/榜头镇/南溪村', county: '仙游县', township: '榜头镇', name: '南溪村' });
    expect(newer.communities!.find((c) => c.name === '南溪村')).toEqual({ key: '350322101203', code: '350322101203', county: '仙游县', township: '榜头镇', name: '南溪村' });
    // The 2024 workbook merges 乡镇（街道） per township: every row still has its township.
    expect(newer.communities!.filter((c) => c.township === '郊尾镇').map((c) => c.name)).toEqual(['郊尾社区', '沧溪村']);
  });

  it('one area, named after the plan, with the two files', () => {
    expect(cmp.areas).toHaveLength(1);
    expect(cmp.areas[0].area).toBe('仙游县');
    expect(cmp.areas[0].old).toEqual({ input: OLD, status: 'ok', rows: 12 });
    expect(cmp.areas[0].new).toEqual({ input: NEW, status: 'ok', rows: 14 });
    expect(cmp.areas[0].notes).toEqual([]);
    expect(cmp.areasAdded).toEqual([]);
    expect(cmp.areasRemoved).toEqual([]);
    expect(cmp.plan.id).toBe('xianyou');
  });

  it('facility_coverage_rural: 7/8 → 7/7, newly met', () => {
    const i = indicatorOf(cmp, 'facility_coverage_rural');
    expect(i.old).toEqual({ value: (100 * 7) / 8, status: 'not-met', gap: 100 - (100 * 7) / 8 });
    expect(i.new.value).toBe(100);
    expect(i.new.status).toBe('met');
    expect(i.change).toBeCloseTo(100 - 87.5, 9);
    expect(i.improved).toBe(true);
    expect(i.transition).toBe('newly-met');
    expect(townshipOf(i, '榜头镇')).toMatchObject({ old: { value: (100 * 3) / 4, status: 'not-met' }, new: { value: 100, status: 'met' }, transition: 'newly-met' });
    expect(townshipOf(i, '榜头镇').change).toBeCloseTo(25, 9);
    expect(townshipOf(i, '鲤南镇')).toMatchObject({ old: { value: 100 }, new: { value: 100 }, change: 0, improved: null, transition: 'still-met' });
    expect(townshipOf(i, '郊尾镇')).toMatchObject({ old: { value: null, status: 'absent' }, new: { value: 100, status: 'met' }, change: null, transition: 'added' });
  });

  it('parent_school_coverage_rural: 7/8 → 5/7, newly missed; 鲤南镇 newly met, 榜头镇 newly missed', () => {
    const i = indicatorOf(cmp, 'parent_school_coverage_rural');
    expect(i.old.value).toBeCloseTo((100 * 7) / 8, 9);
    expect(i.new.value).toBeCloseTo((100 * 5) / 7, 9);
    expect(i.change).toBeCloseTo((100 * 5) / 7 - (100 * 7) / 8, 9); // −16.07 percentage points
    expect(i.new.gap).toBeCloseTo(80 - (100 * 5) / 7, 9);
    expect(i.improved).toBe(false);
    expect(i.transition).toBe('newly-missed');
    const lin = townshipOf(i, '鲤南镇');
    expect(lin.old.value).toBeCloseTo((100 * 2) / 3, 9);
    expect(lin.new.value).toBe(100);
    expect(lin.change).toBeCloseTo(100 - (100 * 2) / 3, 9);
    expect(lin.transition).toBe('newly-met');
    expect(townshipOf(i, '榜头镇')).toMatchObject({ old: { value: 100 }, new: { value: (100 * 3) / 4, status: 'not-met' }, transition: 'newly-missed' });
    expect(townshipOf(i, '郊尾镇')).toMatchObject({ new: { value: 0, status: 'not-met' }, transition: 'added' });
  });

  it('micro_fire_station_coverage: 10/12 → 13/14, still missed; 鲤城街道 and 榜头镇 newly met', () => {
    const i = indicatorOf(cmp, 'micro_fire_station_coverage');
    expect(i.old.value).toBeCloseTo((100 * 10) / 12, 9);
    expect(i.new.value).toBeCloseTo((100 * 13) / 14, 9);
    expect(i.change).toBeCloseTo((100 * 13) / 14 - (100 * 10) / 12, 9);
    expect(i.transition).toBe('still-missed');
    expect(i.improved).toBe(true);
    expect(townshipOf(i, '鲤城街道').old.value).toBeCloseTo((100 * 2) / 3, 9);
    expect(townshipOf(i, '鲤城街道').transition).toBe('newly-met');
    expect(townshipOf(i, '榜头镇')).toMatchObject({ old: { value: (100 * 4) / 5 }, new: { value: 100 }, transition: 'newly-met' });
    expect(townshipOf(i, '鲤南镇').transition).toBe('still-met');
    expect(townshipOf(i, '郊尾镇')).toMatchObject({ new: { value: (100 * 1) / 2 }, transition: 'added' });
  });

  it('volunteer_share: 8690/46500 → 11020/57800, still met; 鲤南镇 newly met', () => {
    const i = indicatorOf(cmp, 'volunteer_share');
    expect(i.old.value).toBeCloseTo((100 * (3300 + 1940 + 3450)) / (17000 + 12000 + 17500), 9);
    expect(i.new.value).toBeCloseTo((100 * (4170 + 2300 + 3500 + 1050)) / (21100 + 12000 + 17500 + 7200), 9);
    expect(i.change).toBeCloseTo((100 * 11020) / 57800 - (100 * 8690) / 46500, 9);
    expect(i.transition).toBe('still-met');
    const lin = townshipOf(i, '鲤南镇');
    expect(lin.old.value).toBeCloseTo((100 * 1940) / 12000, 9);
    expect(lin.new.value).toBeCloseTo((100 * 2300) / 12000, 9);
    expect(lin.transition).toBe('newly-met');
    expect(townshipOf(i, '榜头镇').new.value).toBeCloseTo((100 * 3500) / 17500, 9);
    expect(townshipOf(i, '郊尾镇').new.value).toBeCloseTo((100 * 1050) / 7200, 9);
  });

  it('parent_school_coverage_urban still met at 100; the reported family-doctor rate has data only now', () => {
    expect(indicatorOf(cmp, 'parent_school_coverage_urban')).toMatchObject({ old: { value: 100 }, new: { value: 100 }, change: 0, transition: 'still-met' });
    const fd = indicatorOf(cmp, 'family_doctor_signing_rate');
    expect(fd.old).toEqual({ value: null, status: 'no-data', gap: null });
    expect(fd.new.value).toBeCloseTo(62, 9);
    expect(fd.transition).toBe('first-met');
    expect(fd.change).toBeNull();
    expect(fd.townships).toEqual([]);
  });

  it('counts the transitions: the other 32 of the plan’s 38 indicators have no data either year', () => {
    expect(cmp.areas[0].indicators).toHaveLength(38);
    expect(cmp.summary.indicators).toEqual({
      'newly-met': 1,
      'newly-missed': 1,
      'still-met': 2,
      'still-missed': 1,
      'first-met': 1,
      'first-missed': 0,
      'data-lost': 0,
      'no-data': 38 - 6,
      added: 0,
      removed: 0,
    });
  });

  it('townships: 郊尾镇 added, none removed, three kept', () => {
    expect(cmp.areas[0].townships).toEqual({ added: ['郊尾镇'], removed: [], kept: 3 });
    expect(cmp.summary.townshipsAdded).toBe(1);
  });

  it('communities: 3 added, 龙坂村 removed, 玉田村 renamed under its code, 南溪村 matched by name', () => {
    const c = cmp.areas[0].communities;
    expect(c.available).toBe(true);
    expect([c.old, c.new]).toEqual([12, 14]);
    expect(names(c.added)).toEqual(['鲤城街道 城西社区', '郊尾镇 郊尾社区', '郊尾镇 沧溪村']);
    expect(names(c.removed)).toEqual(['鲤南镇 龙坂村']);
    expect(c.removed[0].code).toBe('350322100202');
    expect(c.renamed.map((r) => [r.old.name, r.new.name, r.new.code])).toEqual([['玉田村', '玉田社区', '350322100203']]);
    expect(c.matchedByCode).toBe(10);
    expect(c.matchedByName).toBe(1);
    expect(c.matchedByCode + c.matchedByName + c.removed.length).toBe(12);
    expect(c.matchedByCode + c.matchedByName + c.added.length).toBe(14);
    expect([cmp.summary.communitiesAdded, cmp.summary.communitiesRemoved]).toEqual([3, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// The rules on small made-up reports.
// ---------------------------------------------------------------------------------------------

const PLAN: Report['plan'] = { id: 'xianyou', name: { zh: '仙游县方案' }, document: '仙政办规〔2023〕3号', level: 'county', region: '仙游县', file: 'plans/xianyou.yaml', extends: [] };

function result(id: string, value: number | null, op: IndicatorResult['target']['op'], target: number, townships: [string, number | null][] = []): IndicatorResult {
  const met = (v: number) => (op === '>=' ? v >= target : op === '<=' ? v <= target : v === target);
  const breakdowns: Breakdown[] = townships.map(([township, v]) => ({ township, value: v, status: v === null ? 'no-data' : met(v) ? 'met' : 'not-met', gap: v === null ? null : target - v, withData: 1, inScope: 1, shortfall: 0 }));
  return {
    id,
    name: { zh: id },
    measure: 'coverage',
    unit: '%',
    scope: '城乡',
    attribute: '预期性',
    binding: false,
    target: { op, value: target },
    value,
    status: value === null ? 'no-data' : met(value) ? 'met' : 'not-met',
    gap: value === null ? null : target - value,
    withData: 1,
    inScope: 1,
    townships: breakdowns,
    worstTownships: [],
    worstCommunities: [],
    source: { section: '一', quote: '…' },
  };
}

function report(indicators: IndicatorResult[], communities?: CommunityEntry[], plan = PLAN): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'cscheck', version: '0' },
    plan,
    inputs: [],
    indicators,
    requirements: [],
    findings: [],
    omitted: [],
    summary: { rows: communities?.length ?? 0, townships: 0, indicators: { met: 0, 'not-met': 0, 'no-data': 0 }, findings: { error: 0, warning: 0, info: 0 } },
    ...(communities ? { communities } : {}),
  };
}

const community = (township: string, name: string, code?: string, county?: string): CommunityEntry => {
  const c: CommunityEntry = { key: '', township, name };
  if (code) c.code = code;
  if (county) c.county = county;
  c.key = communityKey(c);
  return c;
};

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
};

const compareReports = (a: Report, b: Report) => compareSnapshots(fileSnapshot('old.csv', a), fileSnapshot('new.csv', b));

describe('transitions', () => {
  const cases: [number | null, number | null, string][] = [
    [70, 90, 'newly-met'],
    [90, 70, 'newly-missed'],
    [85, 95, 'still-met'],
    [50, 60, 'still-missed'],
    [null, 90, 'first-met'],
    [null, 50, 'first-missed'],
    [90, null, 'data-lost'],
    [null, null, 'no-data'],
  ];
  for (const [then, now, expected] of cases) {
    it(`${then ?? 'no data'} → ${now ?? 'no data'} against ≥80 is ${expected}`, () => {
      const c = compareReports(report([result('x', then, '>=', 80)]), report([result('x', now, '>=', 80)]));
      expect(c.areas[0].indicators[0].transition).toBe(expected);
      expect(c.summary.indicators[expected as keyof Comparison['summary']['indicators']]).toBe(1);
    });
  }

  it('an indicator only one side has is added or removed, listed after the new side’s', () => {
    const c = compareReports(report([result('a', 50, '>=', 80), result('gone', 10, '>=', 80)]), report([result('new', 90, '>=', 80), result('a', 60, '>=', 80)]));
    expect(c.areas[0].indicators.map((i) => [i.id, i.transition])).toEqual([
      ['new', 'added'],
      ['a', 'still-missed'],
      ['gone', 'removed'],
    ]);
  });
});

describe('direction of a change', () => {
  const improved = (then: number, now: number, op: IndicatorResult['target']['op'], target: number) =>
    compareReports(report([result('x', then, op, target)]), report([result('x', now, op, target)])).areas[0].indicators[0];

  it('≥ targets: up is better; ≤ targets: down is better', () => {
    expect(improved(70, 75, '>=', 80)).toMatchObject({ change: 75 - 70, improved: true });
    expect(improved(75, 70, '>=', 80)).toMatchObject({ change: 70 - 75, improved: false });
    // 单个托育机构建设托位规模 ≤150: from 180 to 160 moves towards the target.
    expect(improved(180, 160, '<=', 150)).toMatchObject({ change: 160 - 180, improved: true });
    expect(improved(140, 145, '<=', 150)).toMatchObject({ improved: false, transition: 'still-met' });
  });

  it('= targets: closer to the value is better; no move is neither', () => {
    expect(improved(180, 195, '=', 200).improved).toBe(true); // |−20| → |−5|
    expect(improved(195, 215, '=', 200).improved).toBe(false); // |−5| → |15|
    expect(improved(190, 210, '=', 200).improved).toBeNull(); // 10 away either side
    expect(improved(60, 60, '>=', 80)).toMatchObject({ change: 0, improved: null });
  });
});

describe('townships', () => {
  it('matched after NFKC, added and removed listed, values held to the area target', () => {
    const c = compareReports(
      report([result('x', 80, '>=', 80, [['万安街道(城区)', 70], ['罗溪镇', 90]])]),
      report([result('x', 85, '>=', 80, [['万安街道（城区）', 85], ['双阳街道', 60]])]),
    );
    const t = c.areas[0].indicators[0].townships;
    expect(t.map((x) => [x.township, x.transition])).toEqual([
      ['万安街道（城区）', 'newly-met'],
      ['双阳街道', 'added'],
      ['罗溪镇', 'removed'],
    ]);
    expect(t[0]).toMatchObject({ old: { value: 70, status: 'not-met', gap: 80 - 70 }, new: { value: 85, status: 'met', gap: 80 - 85 }, change: 85 - 70 });
    expect(c.areas[0].townships).toEqual({ added: ['双阳街道'], removed: ['罗溪镇'], kept: 1 });
  });

  it('a township without a value is no-data on its side', () => {
    const c = compareReports(report([result('x', 80, '>=', 80, [['罗溪镇', null]])]), report([result('x', 80, '>=', 80, [['罗溪镇', 90]])]));
    expect(c.areas[0].indicators[0].townships[0]).toMatchObject({ old: { value: null, status: 'no-data' }, transition: 'first-met' });
  });

  it('a count is not held to the area’s target township by township', () => {
    const r = (v: number) => report([{ ...result('n', v, '>=', 5, [['罗溪镇', v]]), measure: 'count', unit: '个' }]);
    const c = compareReports(r(3), r(6));
    expect(c.areas[0].indicators[0]).toMatchObject({ transition: 'newly-met', change: 3, townships: [] });
  });
});

describe('communities', () => {
  it('by code first, even renamed; then by township and name where a code is missing', () => {
    const c = compareCommunities(
      [community('双阳街道', '侨光社区', '350504004001'), community('罗溪镇', '柏山村'), community('马甲镇', '仰恩村', '350504102201')],
      [community('双阳街道', '侨光新村社区', '350504004001'), community('罗溪镇', '柏山村', '350504103205'), community('马甲镇', '洋坑村', '350504102202')],
    );
    expect(c.renamed.map((r) => `${r.old.name}→${r.new.name}`)).toEqual(['侨光社区→侨光新村社区']);
    expect([c.matchedByCode, c.matchedByName]).toEqual([1, 1]);
    expect(names(c.removed)).toEqual(['马甲镇 仰恩村']);
    expect(names(c.added)).toEqual(['马甲镇 洋坑村']);
  });

  it('two different codes are two communities, whatever their names', () => {
    const c = compareCommunities([community('罗溪镇', '柏山村', '350504103205')], [community('罗溪镇', '柏山村', '350504103299')]);
    expect([c.removed.length, c.added.length, c.matchedByName]).toEqual([1, 1, 0]);
  });

  it('names compare after NFKC and without white space; a county both name must agree', () => {
    const c = compareCommunities(
      [community('万安街道', '塘 西 社区'), community('城关镇', '东街社区', undefined, '勐海县')],
      [community('万安街道', '塘西社区'), community('城关镇', '东街社区', undefined, '勐腊县')],
    );
    expect(c.matchedByName).toBe(1);
    expect(names(c.removed)).toEqual(['城关镇 东街社区']);
    expect(c.added.map((x) => x.county)).toEqual(['勐腊县']);
  });

  it('a snapshot without a community list: not available, said in the notes, not zero', () => {
    const c = compareReports(report([result('x', 90, '>=', 80)]), report([result('x', 90, '>=', 80)], [community('罗溪镇', '柏山村')]));
    expect(c.areas[0].communities).toMatchObject({ available: false, old: null, new: 1, added: [], removed: [] });
    expect(c.areas[0].notes).toEqual([{ messageId: 'compare.note.no-communities', args: { input: 'old.csv' } }]);
  });
});

describe('CommunityList', () => {
  const fields = FIELDS_BY_LEVEL.community;
  const at = (id: string) => fields.findIndex((f) => f.id === id);
  const table: TableInfo = { file: 'x.csv', level: 'community', columns: [] };
  const row = (v: Record<string, string>, level: TableInfo['level'] = 'community'): DataRow => {
    const values = (level === 'community' ? fields : FIELDS_BY_LEVEL.township).map(() => null as string | null);
    for (const [k, x] of Object.entries(v)) values[(level === 'community' ? fields : FIELDS_BY_LEVEL.township).findIndex((f) => f.id === k)] = x;
    return { table: { ...table, level }, values, row: 2 };
  };

  it('passes everything on and keeps each community once', () => {
    const seen: string[] = [];
    const inner: InputSink = {
      onRow: (r) => void seen.push(`row ${r.values[at('community')] ?? r.table.level}`),
      onFinding: (f: Finding) => void seen.push(`finding ${f.code}`),
      onReported: (v: ReportedValue) => void seen.push(`reported ${v.name}`),
    };
    const list = new CommunityList(inner);
    list.onRow(row({ township: '万安街道', community: '塘西社区', code: '350504001001' }));
    list.onRow(row({ township: '万安街道', community: '塘西社区', code: '350504001001' }));
    list.onRow(row({ township: '万安街道', community: '  下洋村 ' }));
    list.onRow(row({ township: '万 安街道', community: '下洋村' }));
    list.onRow(row({ township: '万安街道' }, 'township'));
    list.onFinding({ code: 'cell-type', severity: 'error', location: {}, messageId: 'data.cell-type', args: {} });
    list.onReported({ name: '家庭医生签约率', raw: 0.6, percentCell: true, location: {} });
    expect(seen).toEqual(['row 塘西社区', 'row 塘西社区', 'row   下洋村 ', 'row 下洋村', 'row township', 'finding cell-type', 'reported 家庭医生签约率']);
    expect(list.list()).toEqual([
      { key: '350504001001', code: '350504001001', township: '万安街道', name: '塘西社区' },
      { key: '/万安街道/下洋村', township: '万安街道', name: '下洋村' },
    ]);
  });
});

describe('batch summaries', () => {
  const file = (input: string, area: string, extra: Partial<BatchFileResult> = {}): BatchFileResult => ({
    input,
    area,
    status: 'ok',
    exitCode: 0,
    reports: {},
    rows: 10,
    townships: 2,
    findings: { error: 0, warning: 0, info: 0 },
    indicators: [{ id: 'x', value: 75, status: 'not-met', gap: 5, withData: 10, inScope: 10 }],
    ...extra,
  });
  const summary = (files: BatchFileResult[], plan = PLAN): BatchSummary => ({
    schemaVersion: 1,
    tool: { name: 'cscheck', version: '0' },
    plan,
    indicators: [{ id: 'x', name: { zh: 'x' }, unit: '%', measure: 'coverage', attribute: '预期性', binding: false, target: { op: '>=', value: 80 } }],
    files,
    totals: { files: files.length, ok: files.length, failed: 0, rows: 0, findings: { error: 0, warning: 0, info: 0 }, exitCode: 0 },
    lang: 'zh',
    generated: '2025-01-01T00:00:00Z',
  });

  it('pairs files by input, then by area; the rest are areas added or removed', () => {
    const older = batchSnapshot('2023', summary([file('a.csv', '仙游县'), file('old/b.xlsx', '洛江区'), file('c.csv', '景洪市')]), new Map());
    const newer = batchSnapshot('2024', summary([file('a.csv', '仙游县', { indicators: [{ id: 'x', value: 85, status: 'met', gap: -5, withData: 10, inScope: 10 }] }), file('new/b.xlsx', '洛江区'), file('d.csv', '勐海县')]), new Map());
    const c = compareSnapshots(older, newer);
    expect(c.areas.map((a) => [a.area, a.old.input, a.new.input])).toEqual([
      ['仙游县', 'a.csv', 'a.csv'],
      ['洛江区', 'old/b.xlsx', 'new/b.xlsx'],
    ]);
    expect(c.areas[0].indicators[0]).toMatchObject({ old: { value: 75 }, new: { value: 85 }, change: 10, transition: 'newly-met' });
    expect(c.areasAdded).toEqual(['勐海县']);
    expect(c.areasRemoved).toEqual(['景洪市']);
    expect(c.old).toEqual({ path: '2023', kind: 'batch', generated: '2025-01-01T00:00:00Z' });
  });

  it('without a per-file report: summary values only, and the notes say townships and communities are unknown', () => {
    const c = compareSnapshots(batchSnapshot('2023', summary([file('a.csv', '仙游县')]), new Map()), batchSnapshot('2024', summary([file('a.csv', '仙游县')]), new Map()));
    const a = c.areas[0];
    expect(a.townships).toBeNull();
    expect(a.communities.available).toBe(false);
    expect(a.notes.map((n) => n.messageId)).toEqual(['compare.note.no-townships', 'compare.note.no-townships', 'compare.note.no-communities', 'compare.note.no-communities']);
  });

  it('with per-file reports: their townships and communities', () => {
    const r = (v: number, towns: [string, number][], communities: CommunityEntry[]) => new Map([['a.csv', report([result('x', v, '>=', 80, towns)], communities)]]);
    const c = compareSnapshots(
      batchSnapshot('2023', summary([file('a.csv', '仙游县', { reports: { json: 'a.json' } })]), r(75, [['鲤城街道', 75]], [community('鲤城街道', '东门社区', '350322001001')])),
      batchSnapshot('2024', summary([file('a.csv', '仙游县', { reports: { json: 'a.json' } })]), r(90, [['鲤城街道', 90]], [community('鲤城街道', '东门社区', '350322001001'), community('鲤城街道', '城西社区', '350322001006')])),
    );
    expect(c.areas[0].indicators[0].townships[0]).toMatchObject({ township: '鲤城街道', change: 90 - 75, transition: 'newly-met' });
    expect(names(c.areas[0].communities.added)).toEqual(['鲤城街道 城西社区']);
    expect(c.areas[0].notes).toEqual([]);
  });

  it('townships known on one side only: none compared (not all “added”), and the note says why', () => {
    const newer = new Map([['a.csv', report([result('x', 90, '>=', 80, [['鲤城街道', 90]])])]]);
    const c = compareSnapshots(batchSnapshot('2023', summary([file('a.csv', '仙游县')]), new Map()), batchSnapshot('2024', summary([file('a.csv', '仙游县', { reports: { json: 'a.json' } })]), newer));
    expect(c.areas[0].indicators[0]).toMatchObject({ transition: 'newly-met', townships: [] });
    expect(c.areas[0].townships).toBeNull();
    expect(c.areas[0].notes[0]).toEqual({ messageId: 'compare.note.no-townships', args: { input: 'a.csv' } });
  });

  it('a file that failed on either side: no indicators compared, the reason in the notes', () => {
    const failed = file('a.csv', '仙游县', { status: 'failed', exitCode: 2, indicators: [], error: { messageId: 'input.legacy-xls', args: {}, text: '这是旧版 .xls 或加密的工作簿' } });
    const c = compareSnapshots(batchSnapshot('2023', summary([file('a.csv', '仙游县')]), new Map()), batchSnapshot('2024', summary([failed]), new Map()));
    expect(c.areas[0].indicators).toEqual([]);
    expect(c.areas[0].new).toEqual({ input: 'a.csv', status: 'failed', error: '这是旧版 .xls 或加密的工作簿', rows: null });
    expect(c.areas[0].notes[0]).toEqual({ messageId: 'compare.note.failed', args: { input: 'a.csv', error: '这是旧版 .xls 或加密的工作簿' } });
  });

  it('snapshots of different plans are not compared', () => {
    const other = { ...PLAN, id: 'quanzhou' };
    expect(() => compareSnapshots(batchSnapshot('2023', summary([]), new Map()), batchSnapshot('2024', summary([], other), new Map()))).toThrow(CscheckError);
    const err = thrown(() => compareReports(report([], undefined, PLAN), report([], undefined, other)));
    expect(err).toBeInstanceOf(CscheckError);
    expect((err as CscheckError).messageId).toBe('compare.plan-mismatch');
    expect((err as CscheckError).args).toEqual({ old: 'old.csv', oldPlan: 'xianyou', new: 'new.csv', newPlan: 'quanzhou' });
  });
});
