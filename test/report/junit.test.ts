// The JUnit formatter, read back with an XML parser: suites per input file and for the plan, test
// cases per check, indicator and requirement, failures for exactly the fixture's errors, skips for
// the indicators without data, and escaping that keeps any message well-formed XML.

import { beforeAll, describe, expect, it } from 'vitest';
import { junit } from '../../src/report/formats/junit.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { LINT_CODES } from '../../src/rules/lint/index.js';
import { PLAN_REL, XLSX, XLSX_REL, assertWellFormed, count, ctx, lintList, oddList, parseJunit, surveyList } from './support.js';

const DATA_CODES = ['cell-type', 'missing-value', 'ragged-row', 'unknown-column', 'skipped-row', 'unknown-reported', 'duplicate-reported', 'value-exceeds', 'region-mismatch'];

let survey: FindingList;
let doc: any;
const suite = (name: string) => doc.testsuites.testsuite.find((s: any) => s.name === name);
const testcase = (s: any, prefix: string) => s.testcase.find((c: any) => c.name.startsWith(prefix));

beforeAll(async () => {
  survey = await surveyList();
  const xml = junit(survey, ctx());
  assertWellFormed(xml);
  doc = parseJunit(xml);
});

describe('junit: the Luojiang survey against quanzhou', () => {
  it('one suite for the survey file and one for the plan, counts that add up', () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual([XLSX_REL, PLAN_REL]);
    for (const s of suites) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(count(s.testcase, (c: any) => Boolean(c.failure)));
      expect(Number(s.skipped)).toBe(count(s.testcase, (c: any) => Boolean(c.skipped)));
    }
    const all = suites.flatMap((s: any) => s.testcase);
    expect(Number(doc.testsuites.tests)).toBe(all.length);
    expect(Number(doc.testsuites.failures)).toBe(count(all, (c: any) => Boolean(c.failure)));
  });

  it('the survey suite: a case per data check and per requirement its rows break', () => {
    const s = suite(XLSX_REL);
    const codeCases = s.testcase.filter((c: any) => DATA_CODES.includes(c.classname));
    // A case per error finding (GitLab and Jenkins show one <failure> a case), one for a code without.
    const errorsOf = (code: string) => count(survey.findings, (f) => f.code === code && f.severity === 'error');
    expect(codeCases.map((c: any) => c.classname)).toEqual(DATA_CODES.flatMap((code) => Array<string>(Math.max(1, errorsOf(code))).fill(code)));
    for (const c of s.testcase) expect((c.failure ?? []).length).toBeLessThanOrEqual(1);
    // Two unreadable cells: two cases, each named with its cell.
    expect(errorsOf('cell-type')).toBe(2);
    expect(codeCases.filter((c: any) => c.classname === 'cell-type').map((c: any) => c.name)).toEqual([
      expect.stringMatching(/^cell-type 单元格无法读取 · fixtures\/luojiang\/survey-2024\.xlsx 村（社区）!/),
      expect.stringMatching(/^cell-type 单元格无法读取 · fixtures\/luojiang\/survey-2024\.xlsx 村（社区）!/),
    ]);
    // Requirements broken in the file (fixtures README: 10 of 泉州's 13), classname = plan id.
    const broken = survey.requirements!.filter((r) => r.breaches > 0).map((r) => r.id);
    expect(broken).toHaveLength(10);
    const reqCases = s.testcase.filter((c: any) => c.classname === 'quanzhou');
    expect(reqCases.map((c: any) => c.name.split(' ')[0]).sort()).toEqual([...broken].sort());
    expect(s.testcase).toHaveLength(codeCases.length + broken.length);
    // Breaches are warnings under 泉州's plan: listed in the case's output, not failures.
    const officer = testcase(s, 'disaster_info_officer ');
    expect(officer.failure).toBeUndefined();
    for (const cell of ['V24', 'V36', 'V63']) expect(officer['system-out']).toContain(`村（社区）!${cell}`);
    for (const c of s.testcase) expect(c.file).toBe(XLSX_REL);
  });

  it('a failure for each of the four data errors, with its message and cell', () => {
    const s = suite(XLSX_REL);
    const failures = s.testcase.flatMap((c: any) => (c.failure ?? []).map((f: any) => ({ ...f, classname: c.classname })));
    expect(failures).toHaveLength(4);
    const at = (cell: string) => failures.find((f: any) => f['#text'].includes(`村（社区）!${cell}`));
    expect(at('K53')).toMatchObject({ classname: 'cell-type', type: 'cell-type' });
    expect(at('K53').message).toContain('约300');
    expect(at('K53')['#text']).toContain(`${XLSX_REL} 村（社区）!K53\n`);
    expect(at('U43')).toMatchObject({ classname: 'cell-type' });
    expect(at('U43').message).toContain('待建');
    expect(at('R9')).toMatchObject({ classname: 'value-exceeds' });
    expect(at('L24')).toMatchObject({ classname: 'value-exceeds' });
    expect(testcase(s, 'unknown-column')['system-out']).toContain('序号');
  });

  it('the plan suite: every indicator and requirement; the binding miss fails, no-data indicators are skipped', () => {
    const s = suite(PLAN_REL);
    expect(s.testcase).toHaveLength(27 + 13);
    expect(s.testcase.every((c: any) => c.classname === 'quanzhou')).toBe(true);
    const activity = testcase(s, 'activity_area_share ');
    expect(activity.name).toBe('activity_area_share 居民活动区域面积占社区综合服务设施总建筑面积比例');
    expect(activity.failure).toHaveLength(1);
    expect(activity.failure[0].message).toContain('59.2%');
    expect(activity.failure[0]['#text']).toContain(`${PLAN_REL}:142:5`);
    expect(count(s.testcase, (c: any) => Boolean(c.failure))).toBe(1);
    // The eight no-data indicators of the fixture, skipped with the reason.
    const noData = survey.indicators!.filter((i) => i.status === 'no-data').map((i) => i.id);
    expect(noData).toHaveLength(8);
    const skipped = s.testcase.filter((c: any) => c.skipped);
    expect(skipped.map((c: any) => c.name.split(' ')[0])).toEqual(noData);
    expect(skipped[0].skipped[0].message).toContain('没有数据');
    // A missed expected (预期性) indicator passes, with its warning as output.
    expect(testcase(s, 'volunteer_share ').failure).toBeUndefined();
    expect(testcase(s, 'volunteer_share ')['system-out']).toContain('17.8%');
    expect(Number(s.skipped)).toBe(8);
  });

  it('every error finding is one failure element, and nothing else is', () => {
    const failures = doc.testsuites.testsuite.flatMap((s: any) => s.testcase.flatMap((c: any) => c.failure ?? []));
    expect(failures).toHaveLength(count(survey.findings, (f) => f.severity === 'error'));
    expect(failures).toHaveLength(5);
  });

  it('English names and messages with --lang en', () => {
    const en = parseJunit(junit(survey, ctx('en')));
    const s = en.testsuites.testsuite.find((x: any) => x.name === PLAN_REL);
    expect(testcase(s, 'activity_area_share ').failure[0].message).toMatch(/target ≥60%/);
    const data = en.testsuites.testsuite.find((x: any) => x.name === XLSX_REL);
    expect(testcase(data, 'cell-type').name).toMatch(/^cell-type Unreadable cell · fixtures\/luojiang\/survey-2024\.xlsx /);
  });
});

describe('junit: a plan that extends another', () => {
  it('luojiang: one case per item in its own suite, inherited items’ findings at the parent’s lines', async () => {
    const list = await surveyList(XLSX, 'luojiang');
    const xml = junit(list, ctx());
    assertWellFormed(xml);
    const suites = parseJunit(xml).testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual([XLSX_REL, 'plans/luojiang.yaml']);
    const plan = suites[1];
    expect(plan.testcase).toHaveLength(list.indicators!.length + list.requirements!.length);
    expect(new Set(plan.testcase.map((c: any) => c.name)).size).toBe(plan.testcase.length);
    expect(Number(plan.skipped)).toBe(count(list.indicators!, (i) => i.status === 'no-data'));
    // facility_coverage_rural is 泉州's indicator, inherited: its finding cites quanzhou.yaml.
    expect(testcase(plan, 'facility_coverage_rural ')['system-out']).toContain(`${PLAN_REL}:78:5`);
    expect(testcase(plan, 'activity_area_share ').failure[0]['#text']).toMatch(/^plans\/luojiang\.yaml:\d+:\d+\n/);
  });
});

describe('junit: plans lint', () => {
  it('a suite per plan file, a case per lint code in each, a failure per error', () => {
    const list = lintList();
    const xml = junit(list, ctx());
    assertWellFormed(xml);
    const suites = parseJunit(xml).testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(['plans/fujian.yaml', 'plans/luojiang.yaml', 'plans/quanzhou.yaml', 'plans/xianyou.yaml', 'plans/xishuangbanna.yaml']);
    for (const s of suites) expect([...new Set(s.testcase.map((c: any) => c.classname))]).toEqual(LINT_CODES.map((m) => m.code));
    for (const s of suites) for (const c of s.testcase) expect((c.failure ?? []).length).toBeLessThanOrEqual(1);
    const failures = (s: any) => s.testcase.flatMap((c: any) => c.failure ?? []);
    const errors = list.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(10);
    expect(suites.flatMap(failures)).toHaveLength(10);
    for (const s of suites) expect(failures(s)).toHaveLength(count(errors, (f) => f.location.file!.endsWith(s.name)));
    // 洛江's “较大” narrowing, at its line.
    const luojiang = suites.find((s: any) => s.name === 'plans/luojiang.yaml');
    const weaker = luojiang.testcase.find((c: any) => c.classname === 'weaker-than-parent');
    expect(weaker.failure.some((f: any) => f.message.includes('较大') && f['#text'].startsWith('plans/luojiang.yaml:241:36\n'))).toBe(true);
  });
});

describe('junit: escaping', () => {
  it('markup, quotes, line breaks and control characters survive as well-formed XML', () => {
    const text = 'a < b && "c" > \'d\' ]]> tab\there\r\nline2 \u0001\u0008\u000b\u001b\uffff end 𠀀';
    const xml = junit(oddList(text, { file: 'odd & "name".csv', row: 3, columnIndex: 2 }), ctx());
    assertWellFormed(xml);
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids must not be in the report
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const s = parseJunit(xml).testsuites.testsuite[0];
    expect(s.name).toBe('odd & "name".csv');
    const failure = s.testcase.find((c: any) => c.failure).failure[0];
    // Characters XML 1.0 cannot hold are written as \uXXXX; all else comes back as it was.
    const shown = 'a < b && "c" > \'d\' ]]> tab\there\r\nline2 \\u0001\\u0008\\u000b\\u001b\\uffff end 𠀀';
    expect(failure.message).toBe(shown);
    expect(failure['#text']).toBe(`odd & "name".csv 第 3 行\n${shown}`);
  });
});
