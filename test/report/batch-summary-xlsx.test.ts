// summary.xlsx of `cscheck batch`, written from a batch summary built by hand and read back: by
// exceljs (sheets, headers, values as numbers, number formats, widths, frozen header, filter), by
// yauzl (every entry's CRC, every XML part well-formed) and by LibreOffice (what a viewer shows).
// The summary: three files of 仙游县 against five of its plan's indicators, one per comparison, and
// one file that could not be read. Values are invented; the workbook must hold them unchanged.

import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../cli/helpers.js';
import { writeBatchSummaryWorkbook } from '../../src/report/batch-summary-xlsx.js';
import { CELL_TEXT_MAX } from '../../src/report/workbook/excel-safe.js';
import type { BatchFileResult, BatchSummary } from '../../src/schema/batch.js';
import { sofficeAvailable, sofficeConvert } from './soffice.js';
import { assertWellFormed } from './support.js';
import { failedFile } from './html-batch-summary.js';
import { readZip } from './zip-entries.js';

const INDICATORS: BatchSummary['indicators'] = [
  { id: 'childcare_places_per_1000', name: { zh: '每千名人口拥有3岁以下婴幼儿托位数', en: 'Childcare places for children under 3 per 1,000 people' }, unit: '个/千人', measure: 'ratio', attribute: '预期性', binding: false, target: { op: '>=', value: 4.5, text: '4.5个' } },
  { id: 'volunteer_share', name: { zh: '注册志愿者占总人口比例', en: 'Registered volunteers as a share of the population' }, unit: '%', measure: 'ratio', attribute: '预期性', binding: false, target: { op: '>', value: 18, text: '超过18%' } },
  { id: 'childcare_institution_size', name: { zh: '单个托育机构建设托位规模', en: 'Childcare places per childcare institution (upper limit)' }, unit: '个', measure: 'reported', attribute: '预期性', binding: false, target: { op: '<=', value: 150, text: '在150个以内' } },
  // No plan has a strict upper bound yet: this one is made up, binding, to cover “<”.
  { id: 'facility_idle_share', name: { zh: '社区综合服务设施闲置面积比例', en: 'Idle share of community service facility floor area' }, unit: '%', measure: 'ratio', attribute: '约束性', binding: true, target: { op: '<', value: 5, text: '低于5%' } },
  { id: 'disability_liaison_subsidy', name: { zh: '村（社区）残疾人联络员岗位补贴', en: 'Monthly post allowance of community disability liaison officers' }, unit: '元/人·月', measure: 'reported', attribute: '预期性', binding: false, target: { op: '=', value: 200, text: '每人每月200元' } },
];

// The reason a file could not be read, with a parser's detail longer than a cell holds.
const LONG_REASON = `仙游县/枫亭镇.csv #1: 缺少必需的列“城乡类型”（表头在第 1 行）：${'表头'.repeat(20_000)}`;

const FILES: BatchFileResult[] = [
  {
    input: '仙游县/鲤城街道.csv',
    area: '仙游县',
    status: 'ok',
    exitCode: 1,
    reports: { json: '仙游县/鲤城街道.json', html: '仙游县/鲤城街道.html' },
    rows: 12,
    townships: 1,
    findings: { error: 1, warning: 3, info: 7 },
    indicators: [
      // 54 places for 15,000 residents: 3.6 per 1,000, 0.9 short of 4.5.
      { id: 'childcare_places_per_1000', value: 3.6, status: 'not-met', gap: 0.9, withData: 12, inScope: 12 },
      // Exactly 18 % is not “more than 18 %”.
      { id: 'volunteer_share', value: 18, status: 'not-met', gap: 0, withData: 12, inScope: 12 },
      { id: 'childcare_institution_size', value: 120, status: 'met', gap: -30, withData: 1, inScope: 1 },
      { id: 'facility_idle_share', value: null, status: 'no-data', gap: null, withData: 0, inScope: 12 },
      { id: 'disability_liaison_subsidy', value: 200, status: 'met', gap: 0, withData: 1, inScope: 1 },
    ],
  },
  {
    input: '仙游县/榜头镇.xlsx',
    area: '仙游县',
    status: 'ok',
    exitCode: 0,
    reports: { json: '仙游县/榜头镇.json' },
    rows: 8,
    townships: 1,
    findings: { error: 0, warning: 0, info: 4 },
    indicators: [
      { id: 'childcare_places_per_1000', value: 4.75, status: 'met', gap: -0.25, withData: 8, inScope: 8 },
      { id: 'volunteer_share', value: 19.5, status: 'met', gap: -1.5, withData: 8, inScope: 8 },
      { id: 'childcare_institution_size', value: null, status: 'no-data', gap: null, withData: 0, inScope: 1 },
      { id: 'facility_idle_share', value: 6.25, status: 'not-met', gap: 1.25, withData: 8, inScope: 8 },
      { id: 'disability_liaison_subsidy', value: 180, status: 'not-met', gap: 20, withData: 1, inScope: 1 },
    ],
  },
  failedFile('仙游县/枫亭镇.csv', '枫亭镇', { messageId: 'input.missing-column', args: { column: '城乡类型', row: 1 }, text: LONG_REASON }),
];

const summary = (lang: 'zh' | 'en'): BatchSummary => ({
  schemaVersion: 1,
  tool: { name: 'cscheck', version: '0.1.0' },
  plan: { id: 'xianyou', name: { zh: '仙游县贯彻市城乡社区服务体系建设规划实施方案' }, document: '仙政办规〔2023〕3号', level: 'county', region: '仙游县', file: 'plans/xianyou.yaml', extends: [] },
  indicators: INDICATORS,
  files: FILES,
  totals: { files: 3, ok: 2, failed: 1, rows: 12 + 8, findings: { error: 1 + 0, warning: 3 + 0, info: 7 + 4 }, exitCode: 2 },
  lang,
  generated: '2026-11-23T10:00:00.000Z',
});

// 5 indicators for each of the 2 readable files, under the header row.
const DETAIL_ROWS = 2 * 5;

async function write(lang: 'zh' | 'en'): Promise<{ dir: string; file: string; wb: ExcelJS.Workbook }> {
  const dir = tmpDir('cscheck-batch-xlsx-');
  const file = path.join(dir, 'summary.xlsx');
  await writeBatchSummaryWorkbook(summary(lang), file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { dir, file, wb };
}

const rowValues = (ws: ExcelJS.Worksheet, n: number): unknown[] => (ws.getRow(n).values as unknown[]).slice(1);

describe('writeBatchSummaryWorkbook', () => {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;
  let details: ExcelJS.Worksheet;
  let files: ExcelJS.Worksheet;

  beforeAll(async () => {
    ({ dir, file, wb } = await write('zh'));
    details = wb.getWorksheet('明细')!;
    files = wb.getWorksheet('文件')!;
  });

  it('writes the workbook alone: the parts folder beside it is gone', () => {
    expect(readdirSync(dir)).toEqual(['summary.xlsx']);
    expect(wb.creator).toBe('cscheck 0.1.0');
  });

  it('is a sound package: every CRC right, every XML part well-formed', async () => {
    const entries = await readZip(file);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'docProps/core.xml']));
    for (const e of entries) {
      expect(zlib.crc32(e.data) >>> 0, e.name).toBe(e.crc32);
      if (/\.(xml|rels)$/.test(e.name)) assertWellFormed(e.data.toString('utf8'));
    }
  });

  it('has 明细 then 文件, each with a bold header row, frozen and filtered over its rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '文件']);
    expect(rowValues(details, 1)).toEqual(['文件', '地区', '指标编号', '指标', '属性', '单位', '目标', '实际', '差距', '状态', '有数据', '范围', '行数']);
    expect(rowValues(files, 1)).toEqual(['文件', '地区', '状态', '退出码', '行数', '乡镇数', '达标', '未达标', '无数据', '错误', '警告', '提示', '报告', '原因']);
    for (const ws of [details, files]) {
      ws.getRow(1).eachCell((c) => expect(c.font?.bold, `${ws.name}!${c.address}`).toBe(true));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(details.rowCount).toBe(1 + DETAIL_ROWS);
    expect(details.autoFilter).toBe(`A1:M${1 + DETAIL_ROWS}`);
    expect(files.rowCount).toBe(1 + 3);
    expect(files.autoFilter).toBe('A1:N4');
  });

  it('keeps the column widths, and 实际 and 差距 formatted with decimals as whole columns', () => {
    expect(details.columns.map((c) => c.width)).toEqual([36, 12, 30, 40, 8, 10, 8, 10, 10, 8, 8, 8, 8]);
    expect(files.columns.map((c) => c.width)).toEqual([36, 12, 10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 36, 60]);
    expect([details.getColumn(8).numFmt, details.getColumn(9).numFmt]).toEqual(['0.0#', '0.0#']);
  });

  it('writes one 明细 row per file × indicator, numbers as numbers and no value as an empty cell', () => {
    expect(rowValues(details, 2)).toEqual(['仙游县/鲤城街道.csv', '仙游县', 'childcare_places_per_1000', '每千名人口拥有3岁以下婴幼儿托位数', '预期性', '个/千人', 4.5, 3.6, 0.9, '未达标', 12, 12, 12]);
    // 鲤城街道 has no value for 闲置面积比例: 实际 and 差距 are empty, not 0.
    const idle = rowValues(details, 5);
    expect(idle.slice(0, 7)).toEqual(['仙游县/鲤城街道.csv', '仙游县', 'facility_idle_share', '社区综合服务设施闲置面积比例', '约束性', '%', 5]);
    expect([idle[7], idle[8]]).toEqual([undefined, undefined]);
    expect(idle.slice(9)).toEqual(['无数据', 0, 12, 12]);
    expect(rowValues(details, 11)).toEqual(['仙游县/榜头镇.xlsx', '仙游县', 'disability_liaison_subsidy', '村（社区）残疾人联络员岗位补贴', '预期性', '元/人·月', 200, 180, 20, '未达标', 1, 1, 8]);
    // The unreadable 枫亭镇 has no rows here.
    expect(details.getColumn(1).values.filter((v) => v === '仙游县/枫亭镇.csv')).toEqual([]);
  });

  it('shows each target’s comparison by its number format, and values and gaps with decimals', () => {
    const formats = [2, 3, 4, 5, 6].map((n) => details.getRow(n).getCell(7).numFmt);
    expect(formats).toEqual(['"≥"General', '">"General', '"≤"General', '"<"General', '"="General']);
    // The second file's rows, 7–11, take the same formats from the same indicators.
    expect([7, 8, 9, 10, 11].map((n) => details.getRow(n).getCell(7).numFmt)).toEqual(formats);
    for (let n = 2; n <= 1 + DETAIL_ROWS; n++) {
      expect(details.getRow(n).getCell(8).numFmt, `H${n}`).toBe('0.0#');
      expect(details.getRow(n).getCell(9).numFmt, `I${n}`).toBe('0.0#');
    }
  });

  it('writes one 文件 row per file: counts for a readable file, the reason for one that could not be read', () => {
    // 鲤城街道: 2 met (institution size, subsidy), 2 not met (places, volunteers), 1 no data (idle share).
    expect(rowValues(files, 2)).toEqual(['仙游县/鲤城街道.csv', '仙游县', '有问题', 1, 12, 1, 2, 2, 1, 1, 3, 7, '仙游县/鲤城街道.json']);
    // 榜头镇: 2 met (places, volunteers), 2 not met (idle share, subsidy), 1 no data (institution size).
    expect(rowValues(files, 3)).toEqual(['仙游县/榜头镇.xlsx', '仙游县', '通过', 0, 8, 1, 2, 2, 1, 0, 0, 4, '仙游县/榜头镇.json']);
    const failed = rowValues(files, 4);
    expect(failed.slice(0, 4)).toEqual(['仙游县/枫亭镇.csv', '枫亭镇', '无法评估', 2]);
    // Nothing counted and no report: empty cells, up to 原因.
    expect(failed.slice(4, 13)).toEqual(Array(9).fill(undefined));
    const reason = failed[13] as string;
    expect(reason.length).toBe(CELL_TEXT_MAX);
    expect(reason.startsWith('仙游县/枫亭镇.csv #1: 缺少必需的列“城乡类型”')).toBe(true);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('names its sheets and headers in English with --lang en', async () => {
    const en = await write('en');
    expect(en.wb.worksheets.map((w) => w.name)).toEqual(['Details', 'Files']);
    const ws = en.wb.getWorksheet('Details')!;
    expect(rowValues(ws, 1).slice(0, 4)).toEqual(['File', 'Area', 'Indicator id', 'Indicator']);
    expect(rowValues(ws, 2).slice(3, 5)).toEqual(['Childcare places for children under 3 per 1,000 people', 'expected']);
    expect(rowValues(ws, 2)[9]).toBe('not met');
  });
});

// — A real viewer: LibreOffice opens the workbook —
const hasSoffice = sofficeAvailable();
if (!hasSoffice && !process.env.CI) console.warn('batch-summary-xlsx.test.ts: soffice not found (install libreoffice-calc); LibreOffice round trip skipped');

/**
 * Every sheet to UTF-8 CSV as CSV_ALL_SHEETS (soffice.ts), but with token 9, “save cell contents as
 * shown”, on: the number formats are what is under test here, so the CSV holds ≥4.5, not 4.5.
 */
const CSV_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

describe.skipIf(!hasSoffice && !process.env.CI)('LibreOffice round trip', () => {
  it('shows both sheets with each target’s comparison sign and the values’ decimals', async () => {
    const { file, dir } = await write('zh');
    const out = path.join(dir, 'csv');
    mkdirSync(out);
    const csvs = await sofficeConvert(file, CSV_AS_SHOWN, out);
    expect(csvs.map((f) => path.basename(f)).sort()).toEqual(['summary-文件.csv', 'summary-明细.csv']);
    const read = (sheet: string) => Papa.parse<string[]>(readFileSync(path.join(out, `summary-${sheet}.csv`), 'utf8'), { skipEmptyLines: true }).data;
    const details = read('明细');
    expect(details).toHaveLength(1 + DETAIL_ROWS);
    expect(details[0][0]).toBe('文件');
    // Cells as shown: the target with its sign, 实际 and 差距 with one or two decimals (0.0#).
    expect(details.slice(1, 6).map((r) => r[6])).toEqual(['≥4.5', '>18', '≤150', '<5', '=200']);
    expect(details[1].slice(7, 9)).toEqual(['3.6', '0.9']);
    expect(details[3].slice(7, 9)).toEqual(['120.0', '-30.0']);
    expect(details[4].slice(7, 10)).toEqual(['', '', '无数据']);
    expect(details[6].slice(7, 9)).toEqual(['4.75', '-0.25']);
    const files = read('文件');
    expect(files.map((r) => r[2])).toEqual(['状态', '有问题', '通过', '无法评估']);
  }, 180_000);
});
