// The SARIF formatter: valid against the official SARIF 2.1.0 schema (ajv, draft-07, with formats),
// one rule per code with its description, one result per finding at the right place — plan line and
// column, CSV record and column, workbook row with sheet and cell.

import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactUri, sarif } from '../../src/report/formats/sarif.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { CHECKS } from '../../src/rules/checks/index.js';
import { LINT_CODES } from '../../src/rules/lint/index.js';
import { CSV, PLAN_REL, XLSX_REL, count, ctx, lintList, oddList, sarifSchema, surveyList } from './support.js';

let validate: ValidateFunction;
let survey: FindingList;
let log: any;

const valid = (doc: unknown) => {
  const ok = validate(doc);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  return ok;
};
const resultAt = (cell: string) => log.runs[0].results.find((r: any) => r.locations?.[0]?.physicalLocation?.region?.properties?.cell === cell);

beforeAll(async () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // uri, uri-reference and date-time are checked too: GitHub rejects a log whose URIs do not parse.
  formats.default(ajv);
  validate = ajv.compile(sarifSchema());
  survey = await surveyList();
  log = JSON.parse(sarif(survey, ctx()));
});

describe('sarif: the Luojiang survey against quanzhou', () => {
  it('validates against the SARIF 2.1.0 schema, which rejects a broken log', () => {
    expect((sarifSchema() as any).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(valid(log)).toBe(true);
    expect(log.version).toBe('2.1.0');
    // The schema is doing work: a wrong level and a missing message are caught.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[1].message;
    expect(validate(broken)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'fixtures/a b.xlsx';
    expect(validate(badUri)).toBe(false);
  });

  it('the driver: cscheck, its version, a rule per code with zh descriptions', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cscheck');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules.map((r: any) => r.id)).toEqual(CHECKS.map((c) => c.code));
    const cellType = driver.rules.find((r: any) => r.id === 'cell-type');
    expect(cellType.shortDescription.text).toBe('单元格无法读取');
    expect(cellType.fullDescription.text).toContain('按缺失处理');
    expect(cellType.help.text).toContain('单元格无法读取');
    expect(cellType.defaultConfiguration.level).toBe('error');
    for (const r of log.runs[0].results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('one result per finding, levels error/warning/note as the severities', () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(survey.findings.length);
    expect(count(results, (r: any) => r.level === 'error')).toBe(5);
    expect(count(results, (r: any) => r.level === 'warning')).toBe(count(survey.findings, (f) => f.severity === 'warning'));
    expect(count(results, (r: any) => r.level === 'note')).toBe(count(survey.findings, (f) => f.severity === 'info'));
    expect(results.map((r: any) => r.ruleId)).toEqual(survey.findings.map((f) => f.code));
  });

  it('workbook findings: relative file, the row as startLine, sheet and cell as region properties', () => {
    const k53 = resultAt('K53');
    expect(k53).toMatchObject({ ruleId: 'cell-type', level: 'error' });
    const loc = k53.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe(XLSX_REL);
    expect(loc.region).toEqual({ startLine: 53, properties: { sheet: '村（社区）', cell: 'K53' } });
    expect(k53.message.text).toBe('村（社区）!K53: “约300”无法读取为非负数（可带单位，如 320平方米）');
    expect(k53.properties).toMatchObject({ township: '罗溪镇', community: '柏山村' });
    expect(resultAt('U43').ruleId).toBe('cell-type');
    expect(resultAt('L24').ruleId).toBe('value-exceeds');
    // The township sheet's breach sits on its own sheet.
    expect(resultAt('C8').locations[0].physicalLocation.region.properties.sheet).toBe('乡镇（街道）');
  });

  it('plan findings: the plan file with line and column', () => {
    const miss = log.runs[0].results.find((r: any) => r.ruleId === 'indicator-not-met' && r.properties.planItem === 'activity_area_share');
    expect(miss.level).toBe('error');
    expect(miss.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: PLAN_REL }, region: { startLine: 142, startColumn: 5 } });
  });

  it('CSV findings: the record as startLine and the column number as startColumn', async () => {
    const csvLog = JSON.parse(sarif(await surveyList(CSV), ctx()));
    expect(valid(csvLog)).toBe(true);
    // 柏山村's 约300 is CSV line 50, column J (10) — the fixtures README's row − 3, one column left (no 序号).
    const bad = csvLog.runs[0].results.find((r: any) => r.ruleId === 'cell-type' && r.message.text.includes('约300'));
    expect(bad.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/luojiang/survey-2024.csv' }, region: { startLine: 50, startColumn: 10 } });
  });

  it('fingerprints: one per result, all different, the same in English', () => {
    const prints = log.runs[0].results.map((r: any) => r.partialFingerprints['cscheck/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const en = JSON.parse(sarif(survey, ctx('en')));
    expect(valid(en)).toBe(true);
    expect(en.runs[0].results.map((r: any) => r.partialFingerprints['cscheck/v1'])).toEqual(prints);
    expect(en.runs[0].tool.driver.rules.find((r: any) => r.id === 'cell-type').shortDescription.text).toBe('Unreadable cell');
  });
});

describe('sarif: plans lint and odd input', () => {
  it('plans lint: valid, lint codes as rules, results at plan lines', () => {
    const list = lintList();
    const lint = JSON.parse(sarif(list, ctx()));
    expect(valid(lint)).toBe(true);
    expect(lint.runs[0].tool.driver.rules.map((r: any) => r.id)).toEqual(LINT_CODES.map((c) => c.code));
    expect(lint.runs[0].results).toHaveLength(list.findings.length);
    const doubled = lint.runs[0].results.find((r: any) => r.ruleId === 'doubled-wording');
    expect(doubled.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plans/luojiang.yaml' }, region: { startLine: 896, startColumn: 14 } });
  });

  it('file names are percent-encoded URI references; a finding without a file has no location', () => {
    expect(artifactUri('数据/洛江 区#1.csv')).toBe('%E6%95%B0%E6%8D%AE/%E6%B4%9B%E6%B1%9F%20%E5%8C%BA%231.csv');
    expect(artifactUri('/tmp/a b.csv')).toBe('file:///tmp/a%20b.csv');
    const named = JSON.parse(sarif(oddList('x', { file: '数据/洛江 区#1.csv', row: 2, columnIndex: 3 }), ctx()));
    expect(valid(named)).toBe(true);
    expect(named.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%E6%95%B0%E6%8D%AE/%E6%B4%9B%E6%B1%9F%20%E5%8C%BA%231.csv');
    const nowhere = JSON.parse(sarif(oddList('x', {}), ctx()));
    expect(valid(nowhere)).toBe(true);
    expect(nowhere.runs[0].results[0].locations).toBeUndefined();
  });
});
