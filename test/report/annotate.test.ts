// `cscheck evaluate FILE --plan quanzhou --annotate OUT.xlsx`: the written workbooks are opened again
// (exceljs, and the package's own XML where a library could smooth over a difference) and checked
// against fixtures/luojiang — README.md's planted problems and hand-computed values, and
// build-luojiang-survey.mjs for what each cell holds — then opened in a real viewer (LibreOffice).

import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, lines, run, runJson, sha256, tmpDir, writeFile } from '../cli/helpers.js';
import { CSV_ALL_SHEETS, sofficeAvailable, sofficeConvert } from './soffice.js';
import { partText, readZip } from './zip-entries.js';
import type { ZipEntry } from './zip-entries.js';

const XLSX = fixture('survey-2024.xlsx');
const GBK = fixture('survey-2024-gbk.csv');
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const HEADER_FILL = 'FFD9E1F2';
const DOC = '泉政办〔2022〕54号';

interface Annotated {
  file: string;
  wb: ExcelJS.Workbook;
  report: any;
  code: number;
}

/** `cscheck evaluate INPUTS --plan quanzhou --annotate DIR/NAME --format json [extra]`, the workbook opened. */
async function annotate(inputs: string[], extra: string[] = [], name = 'annotated.xlsx'): Promise<Annotated> {
  const file = path.join(tmpDir('cscheck-annotate-'), name);
  const r = await runJson(['evaluate', ...inputs, '--plan', 'quanzhou', '--annotate', file, ...extra]);
  expect(r.stderr).toBe('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, wb, report: r.report, code: r.code };
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};

const noteOf = (cell: ExcelJS.Cell): string | undefined => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return n === undefined ? undefined : typeof n === 'string' ? n : n.texts.map((t) => t.text).join('');
};

const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

/** Rows of a sheet as arrays of cell values (index 0 = column A; an empty cell inside a row is null). */
const rowsOf = (ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] => {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, n) => (out[n - 1] = Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => v ?? null)));
  return out;
};

/** A requirement note as the plan words it: `乡镇 村：列为值，要求<requirement name>（document section）`. */
const breachZh = (place: string, column: string, value: string, rule: string, section: string) => `${place}：${column}为${value}，要求${rule}（${DOC} ${section}）`;

// — What the fixture holds (fixtures/luojiang/README.md, build-luojiang-survey.mjs) —

type Severity = 'error' | 'warning';
const E: Severity = 'error';
const W: Severity = 'warning';

/**
 * Every problem cell of sheet 村（社区） under plans/quanzhou.yaml, by Excel row. Errors: the README's
 * two unreadable cells and two consistency breaches. Warnings: quanzhou's per-community requirements
 * (none carries 约束性, so a breach is a warning): the README's “Per-community requirements” table for
 * 灾害信息员 (V), 法律明白人 (W), 开放时长 (AE, only where a facility exists: 炉田村 and 钟山村 have none),
 * 网格员 (AD), 民主议事厅 (AF) and 法治文化阵地 (Z); and, read from the builder's table, every 否/无 in
 * 有社会工作者提供服务 (AI), 公共法律服务工作室 (Y) and 开展群众满意度评估 (AO). 法律顾问, 公共卫生委员会
 * and 妇女和儿童工作委员会 are 是 on every row. Empty cells are no data, not problems.
 */
const PROBLEMS: Record<number, [string, Severity][]> = {
  7: [['W7', W]], // 后埭社区 “法律明白人” 2
  9: [['R9', E]], // 琯头社区 有服务时间记录的志愿者 1100 > 注册志愿者 1000
  10: [['AD10', W]], // 塘西社区 网格员 10 < 网格 12
  16: [['AI16', W]], // 岭头村 社会工作者 否
  17: [['AD17', W]], // 双阳社区 9 < 10
  24: [['L24', E], ['V24', W]], // 侨光社区 活动面积 380 > 设施面积 340; 灾害信息员 0
  26: [['W26', W]], // 东埔村 2
  30: [['AF30', W], ['AI30', W]], // 庄田村 议事厅 无; 社工 否
  32: [['Y32', W], ['AI32', W], ['AO32', W]], // 炉田村 法律服务工作室 无; 社工 否; 满意度 否
  35: [['Z35', W]], // 蛟南村 ×
  36: [['V36', W], ['AE36', W], ['AI36', W]], // 坛顶村 0; 7.5 小时; 否
  42: [['Z42', W], ['AI42', W]], // 祥云村 ×; 否
  43: [['U43', E], ['AE43', W]], // 溪东村 “待建”; 6 小时
  44: [['AD44', W]], // 后洋村 3 < 4
  46: [['W46', W], ['Y46', W], ['AF46', W], ['AI46', W], ['AO46', W]], // 梧坑村 2; 无; 无; 否; 否
  53: [['K53', E]], // 柏山村 “约300”
  57: [['Y57', W], ['AI57', W], ['AO57', W]], // 钟山村 无; 否; 否
  60: [['AE60', W]], // 白凤村 4 小时
  61: [['W61', W], ['AI61', W]], // 松角山村 1; 否
  63: [['V63', W], ['AI63', W]], // 上田村 0; 否
  64: [['Z64', W]], // 坑口村 ×
};
const PROBLEM_CELLS = Object.values(PROBLEMS).flat();

/** Column letters A … AP of the community sheet, and AQ for the status column the workbook adds. */
const LETTERS = Array.from({ length: 43 }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`));

// 汇总: [indicator, attribute, target as the terminal table shows it (the plan's own wording is in 依据), value from the README's arithmetic, status, with data/in scope].
const SUMMARY: [string, string, string, number, string, string][] = [
  ['农村社区综合服务设施覆盖率', '预期性', '≥100%', (100 * 37) / 39, '未达标', '39/40'],
  ['城市社区综合服务设施覆盖率', '预期性', '≥100%', (100 * 20) / 20, '达标', '20/20'],
  ['社区商业和综合服务设施面积占社区总建筑面积的比例', '预期性', '≥10%', (100 * 450_000) / 5_265_000, '未达标', '18/60'],
  ['每百户居民拥有社区综合服务设施面积', '预期性', '≥30平方米/百户', (100 * 20_030) / 56_600, '达标', '57/60'],
  ['居民活动区域面积占社区综合服务设施总建筑面积比例', '约束性', '≥60%', (100 * 11_670) / 19_710, '未达标', '57/60'],
  ['城市社区政务通用自助服务覆盖率', '预期性', '≥100%', (100 * 18) / 19, '未达标', '19/20'],
  ['每万名城镇常住人口拥有社区工作者', '预期性', '≥18人/万人', (10_000 * 194) / 113_100, '未达标', '19/20'],
  ['城乡社区注册志愿者人数占常住人口比例', '预期性', '≥18%', (100 * 32_950) / 184_600, '未达标', '60/60'],
  // In scope: the README's 57 rows with a facility, and 上田村, whose 是否建有综合服务设施 (J63) is empty:
  // a row whose scope condition is unknown is in scope without data (src/rules/evaluation.ts).
  ['志愿服务站点在社区综合服务设施中的覆盖率', '预期性', '≥100%', (100 * 53) / 56, '未达标', `56/${57 + 1}`],
  ['城市社区建立家长学校或家庭教育指导服务站点比例', '预期性', '≥100%', (100 * 19) / 19, '达标', '19/20'],
  ['农村社区建立家长学校或家庭教育指导服务站点比例', '预期性', '≥80%', (100 * 32) / 38, '达标', '38/40'],
  ['社区微型消防站（点）覆盖率', '预期性', '≥100%', (100 * 54) / 58, '未达标', '58/60'],
  ['城乡社区综合服务设施覆盖率', '预期性', '≥100%', (100 * 57) / 59, '未达标', '59/60'],
  ['至少建立1个“妇女微家”的城乡社区比例', '预期性', '≥50%', (100 * 39) / 59, '达标', '59/60'],
  ['城市社区警务室覆盖率', '预期性', '≥100%', (100 * 19) / 20, '未达标', '20/20'],
  ['建立精神卫生综合管理小组的乡镇（街道）比例', '预期性', '≥100%', (100 * 6) / 6, '达标', '6/6'],
  // The 填报指标 sheet: 16.5%, 72% and 0.12 shown as 12%.
  ['市级居民心理健康素养水平', '预期性', '≥15%', 16.5, '达标', '1/1'],
  ['达到服务能力基本标准的基层医疗卫生机构比例', '预期性', '≥70%', 72, '达标', '1/1'],
  ['达到服务能力推荐标准的基层医疗卫生机构比例', '预期性', '≥10%', 12, '达标', '1/1'],
];
// quanzhou's other reported indicators: nothing in the fixture reports them.
const NO_DATA = [
  '农村社区警务室有效辐射率',
  '专兼职社区民警占派出所警力比例',
  '单个公办社区养老服务机构护理型床位数',
  '新建城区、居住（小）区社区养老和重度残疾人照护服务设施配建达标率',
  '对提出申请的65岁及以上失能老年人每年上门健康评估和健康服务次数',
  '无区属公立医院的市辖区建成达到二级医院标准的社区医院数',
  '智能安防小区建设覆盖率',
  '政务代办服务村（社区）覆盖率',
];

describe('the luojiang survey annotated against quanzhou', () => {
  let zh: Annotated;
  beforeAll(async () => {
    zh = await annotate([XLSX]);
  });

  it('copies the three input sheets, then 汇总, 按乡镇 and 问题清单', () => {
    expect(zh.wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '乡镇（街道）', '填报指标', '汇总', '按乡镇', '问题清单']);
    // A binding indicator (activity_area_share, 约束性) is missed: exit 1, workbook written all the same.
    expect(zh.code).toBe(1);
  });

  it('is a valid package: every entry’s CRC right, every row’s cells in order and once', async () => {
    const entries = await readZip(zh.file);
    for (const e of entries) expect(zlib.crc32(e.data) >>> 0, e.name).toBe(e.crc32);
    const xml = sheetXml(entries);
    expect([...xml.keys()]).toEqual(['村（社区）', '乡镇（街道）', '填报指标', '汇总', '按乡镇', '问题清单']);
    for (const [name, text] of xml) assertCellOrder(text, name);
  });

  it('keeps the values as the builder wrote them: numbers as numbers, text as written, codes as text', () => {
    const ws = sheet(zh.wb, '村（社区）');
    expect(ws.getCell('A1').value).toBe('洛江区2024年城乡社区服务体系建设情况调查表');
    expect(ws.getCell('A2').value).toBe('填报单位：洛江区民政局  填报日期：2024年12月');
    expect(['K3', 'K4', 'L4', 'Q3', 'Q4', 'R4'].map((a) => ws.getCell(a).value)).toEqual(['综合服务设施', '建筑面积（平方米）', '居民活动区域面积（平方米）', '志愿者', '注册志愿者人数', '有服务时间记录的志愿者人数']);
    // Row 5, 万安街道 万福社区: 序号 1, then the first row of the builder's TOWNSHIPS table.
    expect(rowsOf(ws)[4]).toEqual([
      1, '洛江区', '万安街道', '万福社区', '350504001001', '城市', 2400, 7200, 7200, '是', 620, 360, 360_000, 32_000, '有', 13, 1400, 900, '√', '是', '有', 2, 4, '是', '有', '√', 2, '有', 8, 9, 9,
      '有', '是', '是', '是', 4, 2, 40, '有', '√', '是', '有', '合格',
    ]);
    const cell = (a: string) => ws.getCell(a);
    // The README's readable text numbers stay the text the file holds.
    expect(['G6', 'Q10', 'P11', 'AE11', 'K25', 'W56'].map((a) => cell(a).value)).toEqual(['3,000', '1,800', '１２', '8小时', '320平方米', '5人']);
    for (const a of ['G6', 'P11', 'K25']) expect(cell(a).type).toBe(ExcelJS.ValueType.String);
    expect(cell('AE36').value).toBe(7.5);
    expect([cell('K32').value, cell('L32').value, cell('J32').value]).toEqual([0, 0, '无']); // zeros are values
    expect([cell('L7').value, cell('G64').value, cell('V35').value]).toEqual([null, null, null]); // empty stays empty
    expect([cell('K53').value, cell('U43').value]).toEqual(['约300', '待建']);
    for (const a of ['E5', 'E64']) expect(cell(a).type).toBe(ExcelJS.ValueType.String);
    expect(cell('E64').value).toBe('350504200207'); // 洛江区 350504 · 虹山乡 200 · 坑口村 207
    for (const a of ['A5', 'G5', 'M5', 'V24']) expect(cell(a).type).toBe(ExcelJS.ValueType.Number);

    const township = sheet(zh.wb, '乡镇（街道）');
    expect(township.getCell('A1').value).toBe('洛江区乡镇（街道）服务体系建设情况');
    expect(rowsOf(township).slice(2).map((r) => r.slice(0, 7))).toEqual([
      ['洛江区', '万安街道', '是', '是', '是', '是', '是'],
      ['洛江区', '双阳街道', '是', '是', '是', '是', '是'],
      ['洛江区', '河市镇', '有', '有', '有', '有', '有'],
      ['洛江区', '马甲镇', '√', '√', '×', '√', '√'],
      ['洛江区', '罗溪镇', '是', '是', '是', '是', '是'],
      ['洛江区', '虹山乡', '否', '是', '否', '是', '是'],
    ]);
    const values = sheet(zh.wb, '填报指标');
    expect(['B2', 'B3', 'B4', 'B5'].map((a) => values.getCell(a).value)).toEqual(['16.5%', '72%', 0.12, 75]);
  });

  it('keeps the number formats and column widths the fixture sets', () => {
    const ws = sheet(zh.wb, '村（社区）');
    // Areas of 1,000 m² and more are shown #,##0; 620 (K5) is General. Codes are text cells (@).
    expect(['M5', 'N5', 'M64'].map((a) => ws.getCell(a).numFmt)).toEqual(['#,##0', '#,##0', undefined]);
    expect(ws.getCell('K5').numFmt).toBeUndefined();
    expect(ws.getCell('E5').numFmt).toBe('@');
    expect(sheet(zh.wb, '填报指标').getCell('B4').numFmt).toBe('0%');
    // seq 6, county 10, township 12, community 12, code 16, kind 8, every other column 11.
    const widths = LETTERS.slice(0, 42).map((_, i) => ws.getColumn(i + 1).width);
    expect(widths).toEqual([6, 10, 12, 12, 16, 8, ...Array(36).fill(11)]);
    expect(ws.getColumn(43).width).toBeGreaterThan(0); // the status column has one of its own
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => sheet(zh.wb, '乡镇（街道）').getColumn(c).width)).toEqual([12, 12, 16, 16, 16, 16, 16]);
    expect([1, 2].map((c) => sheet(zh.wb, '填报指标').getColumn(c).width)).toEqual([46, 10]);
  });

  it('keeps the merged title, header groups and township cells', () => {
    const single = LETTERS.slice(0, 42).filter((l) => !['K', 'L', 'Q', 'R'].includes(l)).map((l) => `${l}3:${l}4`);
    const townships = ['C5:C16', 'C17:C26', 'C27:C37', 'C38:C47', 'C48:C57', 'C58:C64'];
    expect([...sheet(zh.wb, '村（社区）').model.merges].sort()).toEqual(['A1:AP1', 'A2:AP2', 'K3:L3', 'Q3:R3', ...single, ...townships].sort());
    expect(sheet(zh.wb, '乡镇（街道）').model.merges).toEqual(['A1:G1']);
    expect(sheet(zh.wb, '填报指标').model.merges).toEqual([]);
  });

  it('freezes each sheet at its header row and filters from there', () => {
    // [sheet, header row, last column (the status column on data sheets), last row]
    const cases: [string, number, string, number][] = [
      ['村（社区）', 4, 'AQ', 64],
      ['乡镇（街道）', 2, 'H', 8],
      ['填报指标', 1, 'C', 5],
      ['汇总', 1, 'J', 1 + SUMMARY.length + NO_DATA.length],
      ['问题清单', 1, 'I', 1 + 64],
    ];
    for (const [name, header, last, rows] of cases) {
      const ws = sheet(zh.wb, name);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: header, topLeftCell: `A${header + 1}` });
      expect(ws.autoFilter, name).toBe(`A${header}:${last}${rows}`);
    }
  });

  it('marks each row: 合格, or the number of its problems', () => {
    const ws = sheet(zh.wb, '村（社区）');
    expect(ws.getCell('AQ4').value).toBe('检查结果');
    expect(fillOf(ws.getCell('AQ4'))).toBe(HEADER_FILL);
    for (const r of [1, 2, 3]) expect(ws.getCell(`AQ${r}`).value).toBeNull();
    const expected = Array.from({ length: 60 }, (_, i) => (PROBLEMS[i + 5] ? `${PROBLEMS[i + 5].length} 个问题` : '合格'));
    expect(Array.from({ length: 60 }, (_, i) => ws.getCell(`AQ${i + 5}`).value)).toEqual(expected);
    expect(expected.filter((s) => s === '合格')).toHaveLength(60 - 21);
    // A row is as red as its worst problem.
    expect(['AQ24', 'AQ43', 'AQ9', 'AQ46', 'AQ5'].map((a) => fillOf(ws.getCell(a)))).toEqual([RED, RED, RED, AMBER, undefined]);
    const township = sheet(zh.wb, '乡镇（街道）');
    expect([3, 4, 5, 6, 7, 8].map((r) => township.getCell(`H${r}`).value)).toEqual(['合格', '合格', '合格', '合格', '合格', '1 个问题']);
    const values = sheet(zh.wb, '填报指标');
    expect([2, 3, 4, 5].map((r) => values.getCell(`C${r}`).value)).toEqual(['合格', '合格', '合格', '1 个问题']);
  });

  it('fills exactly the problem cells: red for errors, amber for warnings, each with a note', () => {
    const ws = sheet(zh.wb, '村（社区）');
    const filled = new Map<string, string>();
    const noted: string[] = [];
    for (let r = 5; r <= 64; r++) {
      for (let c = 1; c <= 42; c++) {
        const cell = ws.getCell(r, c);
        const fill = fillOf(cell);
        if (fill) filled.set(cell.address, fill);
        if (noteOf(cell) !== undefined) noted.push(cell.address);
      }
    }
    expect(new Map([...filled].sort())).toEqual(new Map(PROBLEM_CELLS.map(([a, s]): [string, string] => [a, s === E ? RED : AMBER]).sort()));
    expect(noted.sort()).toEqual(PROBLEM_CELLS.map(([a]) => a).sort());
    expect(PROBLEM_CELLS.filter(([, s]) => s === E)).toHaveLength(4);
    expect(PROBLEM_CELLS.filter(([, s]) => s === W)).toHaveLength(33);
    expect(fillOf(sheet(zh.wb, '乡镇（街道）').getCell('C8'))).toBe(AMBER);
    expect(fillOf(sheet(zh.wb, '填报指标').getCell('B5'))).toBe(AMBER);
  });

  it('says in each note what is wrong and what the plan asks', () => {
    const ws = sheet(zh.wb, '村（社区）');
    const note = (a: string) => noteOf(ws.getCell(a));
    // quanzhou requirement disaster_info_officer: 每个城乡社区至少有1名灾害信息员, section 三（二）4.
    expect(note('V24')).toBe(breachZh('双阳街道 侨光社区', '灾害信息员人数', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4'));
    expect(note('V24')).toBe('双阳街道 侨光社区：灾害信息员人数为0，要求每个城乡社区至少有1名灾害信息员（泉政办〔2022〕54号 三（二）4）');
    // daily_open_hours: 社区服务设施开放和服务时间一般不少于每天8小时, 三（四）1.
    expect(note('AE36')).toBe(breachZh('河市镇 坛顶村', '每日开放服务时长（小时）', '7.5', '社区服务设施开放和服务时间一般不少于每天8小时', '三（四）1'));
    // deliberation_hall, a yes/no rule: 无 in the file is read as 否.
    expect(note('AF30')).toBe(breachZh('河市镇 庄田村', '民主议事厅', '“否”', '村（社区）民主议事厅全覆盖', '三（一）2'));
    // grid_worker_per_grid compares two columns: both values are given.
    expect(note('AD10')).toBe(`万安街道 塘西社区：专（兼）职网格员人数为10，网格数为12，要求每个网格配备至少1名专（兼）职网格员（${DOC} 三（五）1）`);
    // The data errors name the columns by their headers in the file.
    expect(note('R9')).toBe('有服务时间记录的志愿者人数（1100）大于注册志愿者人数（1000）');
    expect(note('L24')).toBe('居民活动区域面积（平方米）（380）大于综合服务设施建筑面积（平方米）（340）');
    expect(note('K53')).toBe('“约300”无法读取为非负数（可带单位，如 320平方米）');
    expect(noteOf(sheet(zh.wb, '乡镇（街道）').getCell('C8'))).toBe(breachZh('虹山乡', '社会工作服务站', '“否”', '乡镇（街道）社会工作服务站全覆盖', '三（一）3'));
    expect(noteOf(sheet(zh.wb, '填报指标').getCell('B5'))).toBe('填报指标“家庭医生签约覆盖率”不是本计划的指标，已忽略');
  });

  it('汇总: every indicator against its target, as the README computes it', () => {
    const ws = sheet(zh.wb, '汇总');
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['指标', '属性', '目标', '实际', '单位', '差距', '差距说明', '状态', '有数据/范围', '依据']);
    expect(rows).toHaveLength(1 + 27); // quanzhou's 27 indicators
    const byName = new Map(rows.slice(1).map((r) => [r[0] as string, r]));
    for (const [name, attribute, target, value, status, coverage] of SUMMARY) {
      const r = byName.get(name);
      expect(r, name).toBeDefined();
      expect([r![1], r![2], r![7], r![8]], name).toEqual([attribute, target, status, coverage]);
      expect(r![3] as number, name).toBeCloseTo(value, 9);
    }
    for (const name of NO_DATA) {
      const r = byName.get(name)!;
      expect([r[3], r[5], r[7], r[8]], name).toEqual([null, null, '无数据', '—']);
      expect(r[6], name).toBe('未填报（填报指标表或 --values）');
    }
    // The binding miss: 60 − 59.21 = 0.79 points short, said to one decimal.
    const activity = byName.get('居民活动区域面积占社区综合服务设施总建筑面积比例')!;
    expect(activity[5] as number).toBeCloseTo(60 - (100 * 11_670) / 19_710, 9);
    expect(activity[6]).toBe('差 0.8 个百分点');
    expect(activity[4]).toBe('%');
    expect(ws.getCell('D2').numFmt).toBe('0.0##');
  });

  it('汇总 and 按乡镇 colour their status column by conditional formats', () => {
    for (const [name, attributeColumn, last] of [
      ['汇总', 'B', 28],
      ['按乡镇', 'C', 87],
    ] as const) {
      const cf = (sheet(zh.wb, name) as unknown as { conditionalFormattings: { ref: string; rules: any[] }[] }).conditionalFormattings;
      expect(cf.map((c) => c.ref), name).toEqual([`H2:H${last}`]);
      expect(
        cf[0].rules.map((r) => [r.formulae[0], r.style.fill.bgColor.argb]),
        name,
      ).toEqual([
        [`AND($H2="未达标",$${attributeColumn}2="约束性")`, RED],
        ['$H2="未达标"', AMBER],
        ['$H2="达标"', 'FFC6EFCE'],
        ['$H2="无数据"', 'FFEDEDED'],
      ]);
    }
  });

  it('按乡镇: every indicator per township, the worst townships first', () => {
    const rows = rowsOf(sheet(zh.wb, '按乡镇')).slice(1);
    const order = [...new Set(rows.map((r) => r[0]))];
    const missed = (t: string) => rows.filter((r) => r[0] === t && r[7] === '未达标').map((r) => r[1]);
    // Misses worked out from the builder's table (per-township values as in the README):
    // 河市镇 8 — 农村设施 9/10 (炉田村 无), 商业面积 7.78%, 活动面积 58.68%, 志愿者 16.30%,
    //   志愿站 9/10 (坛顶村 ×), 农村家长学校 7/10, 微型消防站 10/11 (蛟南村 无), 城乡设施 10/11;
    // 马甲镇 6 — 商业 6.67%, 活动 55.69%, 志愿者 15.64%, 志愿站 9/10 (彭坑村 ×),
    //   农村家长学校 7/9 (祥云村, 梧坑村 否), 微型消防站 7/8 (新营村 empty, 溪东村 unreadable; 梧坑村 无);
    // 双阳街道 5 — 商业 8.03%, 每百户 29.00, 自助设备 7/8 (侨光社区 无), 社工 62/37,800 ×10,000 = 16.40,
    //   警务室 7/8 (南埔社区 无); 虹山乡, 罗溪镇 and 万安街道 miss 4 each.
    expect(missed('河市镇')).toEqual([
      '农村社区综合服务设施覆盖率',
      '社区商业和综合服务设施面积占社区总建筑面积的比例',
      '居民活动区域面积占社区综合服务设施总建筑面积比例',
      '城乡社区注册志愿者人数占常住人口比例',
      '志愿服务站点在社区综合服务设施中的覆盖率',
      '农村社区建立家长学校或家庭教育指导服务站点比例',
      '社区微型消防站（点）覆盖率',
      '城乡社区综合服务设施覆盖率',
    ]);
    expect(['马甲镇', '双阳街道', '虹山乡', '罗溪镇', '万安街道'].map((t) => missed(t).length)).toEqual([6, 5, 4, 4, 4]);
    // The three with four misses are ordered by the sum of their gaps as shares of each target.
    const hongshan = (60 - (100 * 830) / 1450) / 60 + (18 - (100 * 1270) / 8100) / 18 + (100 - (100 * 5) / 6) / 100 + (100 - (100 * 5) / 7) / 100;
    const luoxi = (100 - (100 * 9) / 10) / 100 + (60 - (100 * 1280) / 2250) / 60 + (18 - (100 * 2880) / 17_200) / 18 + (100 - (100 * 9) / 10) / 100;
    const wanan = (10 - (100 * 280_000) / 3_120_000) / 10 + (30 - (100 * 6820) / 24_100) / 30 + (60 - (100 * 3690) / 6320) / 60 + (18 - (10_000 * 119) / 69_000) / 18;
    expect(hongshan).toBeGreaterThan(luoxi);
    expect(luoxi).toBeGreaterThan(wanan);
    expect(missed('虹山乡')).toEqual([
      '居民活动区域面积占社区综合服务设施总建筑面积比例',
      '城乡社区注册志愿者人数占常住人口比例',
      '志愿服务站点在社区综合服务设施中的覆盖率',
      '社区微型消防站（点）覆盖率',
    ]);
    expect(order).toEqual(['河市镇', '马甲镇', '双阳街道', '虹山乡', '罗溪镇', '万安街道']);
    // A township row: 万安街道's facility area per 100 households, 6,820 m² over 24,100 households.
    const wananArea = rows.find((r) => r[0] === '万安街道' && r[1] === '每百户居民拥有社区综合服务设施面积')!;
    expect(wananArea[4] as number).toBeCloseTo((100 * 6820) / 24_100, 9);
    expect([wananArea[7], wananArea[8]]).toEqual(['未达标', '12/12']);
  });

  it('问题清单: every finding, with a link to its cell', () => {
    const ws = sheet(zh.wb, '问题清单');
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['严重程度', '规则', '文件', '乡镇（街道）', '村（社区）', '列', '值', '说明', '位置']);
    // errors: 4 cell errors + 1 binding indicator missed; warnings: the 33 cell breaches, 虹山乡's
    // 社会工作服务站, the unknown 家庭医生签约覆盖率 and 9 expected indicators missed; infos: the
    // unknown column 序号, 8 reported indicators without data, 6 requirements with some rows lacking data.
    expect(zh.report.summary.findings).toEqual({ error: 4 + 1, warning: 33 + 1 + 1 + 9, info: 1 + 8 + 6 });
    expect(rows).toHaveLength(1 + 64);
    const at = (cell: string) => rows.find((r) => (r[8] as { result?: string } | null)?.result === `村（社区）!${cell}`)!;
    expect(at('V24').slice(0, 8)).toEqual(['警告', 'disaster_info_officer', XLSX, '双阳街道', '侨光社区', '灾害信息员人数', '0', breachZh('双阳街道 侨光社区', '灾害信息员人数', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4')]);
    expect(at('R9')[8]).toEqual({ formula: `HYPERLINK("#'村（社区）'!R9","村（社区）!R9")`, result: '村（社区）!R9' });
    expect(at('R9').slice(0, 7)).toEqual(['错误', 'value-exceeds', XLSX, '万安街道', '琯头社区', '有服务时间记录的志愿者人数', '1100']);
    // Every problem cell is listed once with its link.
    for (const [cell, severity] of PROBLEM_CELLS) expect(at(cell)[0], cell).toBe(severity === E ? '错误' : '警告');
    const township = rows.find((r) => r[1] === 'social_work_station')!;
    expect(township[8]).toEqual({ formula: `HYPERLINK("#'乡镇（街道）'!C8","乡镇（街道）!C8")`, result: '乡镇（街道）!C8' });
    // 序号 is the unknown column; its header is merged over rows 3–4 (A3:A4), so the note and the
    // link go to A3, the cell Excel shows, not to A4 under it.
    expect(at('A3').slice(0, 8)).toEqual(['提示', 'unknown-column', XLSX, null, null, '序号', '序号', '未知列“序号”，已忽略']);
    expect(sheet(zh.wb, '村（社区）').getCell('A3').note).toBeDefined();
    expect(sheet(zh.wb, '村（社区）').getCell('A4').note).toBeUndefined();
    // Severity cells coloured like the cells they describe.
    expect(fillOf(ws.getCell(rows.indexOf(at('R9')) + 1, 1))).toBe(RED);
    expect(fillOf(ws.getCell(rows.indexOf(at('V24')) + 1, 1))).toBe(AMBER);
  });

  it('问题清单 keeps every finding when --max-findings shortens the report', async () => {
    const capped = await annotate([XLSX], ['--max-findings', '1']);
    // One finding per rule and code in the report; the rest only counted.
    expect(capped.report.findings.length).toBeLessThan(64);
    expect(capped.report.omitted.reduce((n: number, o: { count: number }) => n + o.count, 0)).toBe(64 - capped.report.findings.length);
    const rows = rowsOf(sheet(capped.wb, '问题清单')).slice(1);
    expect(rows).toHaveLength(64);
    const linked = rows.map((r) => (r[8] as { result?: string } | null)?.result).filter(Boolean);
    for (const [cell] of PROBLEM_CELLS) expect(linked).toContain(`村（社区）!${cell}`);
    expect(rows.filter((r) => r[1] === 'social_worker_service')).toHaveLength(9); // AI16 … AI63
  });

  it('writes notes and labels in English with --lang en; the input sheets keep their names', async () => {
    const en = await annotate([XLSX], ['--lang', 'en']);
    expect(en.wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '乡镇（街道）', '填报指标', 'Summary', 'By township', 'Findings']);
    const ws = sheet(en.wb, '村（社区）');
    expect([ws.getCell('AQ4').value, ws.getCell('AQ5').value, ws.getCell('AQ46').value]).toEqual(['Check', 'OK', '5 problems']);
    // The requirement's English name from the plan, the field's English label from the contract.
    expect(noteOf(ws.getCell('V24'))).toBe(`双阳街道 侨光社区: Disaster information officers = 0; required: At least one disaster information officer per community (${DOC} 三（二）4)`);
    expect(rowsOf(sheet(en.wb, 'Summary'))[0]).toEqual(['Indicator', 'Type', 'Target', 'Actual', 'Unit', 'Gap', 'Gap in words', 'Status', 'With data/in scope', 'Source']);
    expect(rowsOf(sheet(en.wb, 'Summary'))[1].slice(0, 2)).toEqual(['Rural communities with a comprehensive service facility', 'expected']);
    expect(rowsOf(sheet(en.wb, 'Findings'))[0][0]).toBe('Severity');
  });
});

describe('a CSV input', () => {
  it('becomes one data sheet named after the file: numbers as numbers, codes as text, the status column', async () => {
    const { wb } = await annotate([GBK]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey-2024-gbk', '汇总', '按乡镇', '问题清单']);
    const ws = sheet(wb, 'survey-2024-gbk');
    // GBK line = Excel row − 2: line 1 the title, line 2 the header, lines 3–62 the rows.
    expect(ws.getCell('A1').value).toBe('洛江区2024年城乡社区服务体系建设情况调查表');
    expect(ws.getCell('E2').value).toBe('区划代码');
    expect(ws.getCell('AQ2').value).toBe('检查结果');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:AQ62');
    const cell = (a: string) => ws.getCell(a);
    expect([cell('G3').value, cell('H3').value, cell('K3').value, cell('AE34').value, cell('M3').value]).toEqual([2400, 7200, 620, 7.5, 360_000]);
    for (const a of ['G3', 'AE34', 'V22']) expect(cell(a).type).toBe(ExcelJS.ValueType.Number);
    // 统计用区划代码 is a text column: twelve digits stay a text cell.
    expect([cell('E3').value, cell('E3').type]).toEqual(['350504001001', ExcelJS.ValueType.String]);
    // Numbers as the export wrote them otherwise: “3,000” (G4 = Excel G6), full-width “１２” (P9 = P11).
    expect([cell('G4').value, cell('P9').value, cell('AE9').value, cell('K51').value]).toEqual(['3,000', '１２', '8小时', '约300']);
    // The same problems as the XLSX, two rows up.
    expect([cell('AQ3').value, cell('AQ22').value, cell('AQ44').value]).toEqual(['合格', '2 个问题', '5 个问题']);
    expect([fillOf(cell('L22')), fillOf(cell('V22')), fillOf(cell('AQ22'))]).toEqual([RED, AMBER, RED]);
    expect(noteOf(cell('V22'))).toBe(breachZh('双阳街道 侨光社区', '灾害信息员', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4'));
    // Widths from the headers, as no CSV has any.
    for (let c = 1; c <= 43; c++) expect(ws.getColumn(c).width, `column ${c}`).toBeGreaterThanOrEqual(8);
  });
});

// — Input that would run as a formula —

/** A CSV field, quoted when it has to be. */
const field = (s: string | number): string => (typeof s === 'string' && /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : String(s));
const csvText = (rows: (string | number)[][]): string => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

const HEADER = ['乡镇（街道）', '村（社区）名称', '统计用区划代码', '城乡类型', '户数', '常住人口', '灾害信息员人数', '备注'];

/** Each sheet's XML by its tab name (workbook.xml → its relationships → the part). */
function sheetXml(entries: ZipEntry[]): Map<string, string> {
  const rels = new Map([...partText(entries, 'xl/_rels/workbook.xml.rels').matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  return new Map([...partText(entries, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"/g)].map((m) => [m[1], partText(entries, `xl/${rels.get(m[2])}`)]));
}

describe('formula injection', () => {
  const INJECTED = {
    name: '=HYPERLINK("http://evil.example","前溪村")',
    plus: '+SUM(A1:A9)',
    at: '@cmd',
    minus: '-2+3',
    tab: '\t=1+1',
    cr: '\r=1+1',
    households: '=2+3',
  };

  it('writes every input cell that starts with = + - @ tab or CR as the text it is, never a formula', async () => {
    const dir = tmpDir('cscheck-annotate-inject-');
    const input = writeFile(
      dir,
      '罗溪镇调查表.csv',
      csvText([
        HEADER,
        ['罗溪镇', '双溪村', '350504100201', '农村', 900, 3300, 2, '=1+1'],
        ['罗溪镇', INJECTED.name, '350504100204', '农村', 550, 2000, 1, INJECTED.plus],
        ['罗溪镇', INJECTED.at, '350504100205', '农村', 400, 1500, 0, INJECTED.minus],
        ['罗溪镇', '后溪村', '350504100202', '农村', INJECTED.households, 2200, 1, INJECTED.tab],
        ['罗溪镇', '三村村', '350504100203', '农村', 500, 1800, 1, INJECTED.cr],
        ['罗溪镇', '合计', '', '', 2350, 10_800, 5, ''],
      ]),
    );
    const { file, wb, report } = await annotate([input]);
    const ws = sheet(wb, '罗溪镇调查表');
    const texts: [string, string][] = [
      ['H2', '=1+1'],
      ['B3', INJECTED.name],
      ['H3', INJECTED.plus],
      ['B4', INJECTED.at],
      ['H4', INJECTED.minus],
      ['E5', INJECTED.households],
      ['H5', INJECTED.tab],
      ['H6', INJECTED.cr],
    ];
    for (const [a, text] of texts) {
      const cell = ws.getCell(a);
      expect([cell.type, cell.value], a).toEqual([ExcelJS.ValueType.String, text]);
      expect(cell.formula, a).toBeUndefined();
    }
    // “=2+3” under 户数 is not a number: an error at the cell, which keeps its text.
    expect(fillOf(ws.getCell('E5'))).toBe(RED);
    expect(noteOf(ws.getCell('E5'))).toBe('“=2+3”无法读取为非负整数（可带单位，如 12人）');
    // A note naming an injected community is a note, its text as it is.
    expect(noteOf(ws.getCell('G4'))).toBe(breachZh('罗溪镇 @cmd', '灾害信息员人数', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4'));
    // The 合计 row is not a community: 未计入, with the reason in a note.
    expect(ws.getCell('I7').value).toBe('未计入');
    expect(noteOf(ws.getCell('I7'))).toBe('第 7 行是合计行（“合计”），未计入');
    // In the package itself: the data sheet has no formula at all; the only formulas anywhere are
    // 问题清单's links, in its 位置 column, one per finding about a row.
    const entries = await readZip(file);
    const xml = sheetXml(entries);
    expect(xml.get('罗溪镇调查表')).not.toMatch(/<f[ >]/);
    for (const [name, text] of xml) if (name !== '问题清单') expect(text, name).not.toMatch(/<f[ >]/);
    const formulas = [...xml.get('问题清单')!.matchAll(/<c r="([A-Z]+)\d+"[^>]*><f>([^<]*)<\/f>/g)];
    expect(formulas.map((m) => m[1])).toEqual(Array(formulas.length).fill('I'));
    for (const [, , f] of formulas) expect(f).toMatch(/^HYPERLINK\(&quot;#'罗溪镇调查表'![A-Z]+\d+&quot;,&quot;罗溪镇调查表![A-Z]+\d+&quot;\)$/);
    const located = report.findings.filter((f: { location: { row?: number; file?: string } }) => f.location.row !== undefined && f.location.file === input);
    expect(formulas).toHaveLength(located.length);
    // 问题清单 names the injected community as text too.
    const list = rowsOf(sheet(wb, '问题清单'));
    const atCmd = list.find((r) => r[4] === INJECTED.at)!;
    expect(atCmd[1]).toBe('disaster_info_officer');
  });
});

describe('sheet names', () => {
  it('are cleaned of []:*?/\\, cut to 31 characters and made unique', async () => {
    const dir = tmpDir('cscheck-annotate-names-');
    const one = (township: string, community: string, code: string, officers: number) => csvText([HEADER.slice(0, 7), [township, community, code, '农村', 500, 1800, officers]]);
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    const long = '福建省泉州市洛江区2024年城乡社区服务体系建设情况调查表（第二批补充填报汇总）';
    const inputs = [
      writeFile(a, '调查表.csv', one('罗溪镇', '双溪村', '350504100201', 1)),
      writeFile(b, '调查表.csv', one('虹山乡', '苏山村', '350504200202', 0)),
      writeFile(dir, '洛江区[2024]:调查?表*第\\1批.csv', one('马甲镇', '洋坑村', '350504101202', 1)),
      writeFile(dir, `${long}.csv`, one('河市镇', '溪井村', '350504102203', 1)),
      writeFile(dir, `${long.slice(0, 31)}（补报）.csv`, one('双阳街道', '东埔村', '350504002202', 1)),
    ];
    const { wb } = await annotate(inputs);
    expect(long.slice(0, 31)).toBe('福建省泉州市洛江区2024年城乡社区服务体系建设情况调查表（第'); // 9 + 4 + 16 + 2
    expect(wb.worksheets.map((w) => w.name)).toEqual(['调查表', '调查表(2)', '洛江区_2024__调查_表_第_1批', long.slice(0, 31), `${long.slice(0, 28)}(2)`, '汇总', '按乡镇', '问题清单']);
    for (const w of wb.worksheets) expect(w.name.length).toBeLessThanOrEqual(31);
    // Each file's rows are in its own sheet, and the links follow the names: 苏山村 (b/调查表.csv) has no 灾害信息员.
    expect(sheet(wb, '调查表(2)').getCell('B2').value).toBe('苏山村');
    expect(sheet(wb, `${long.slice(0, 28)}(2)`).getCell('B2').value).toBe('东埔村');
    const list = rowsOf(sheet(wb, '问题清单'));
    const breach = list.find((r) => r[1] === 'disaster_info_officer')!;
    expect([breach[2], breach[4]]).toEqual([inputs[1], '苏山村']);
    expect(breach[8]).toEqual({ formula: `HYPERLINK("#'调查表(2)'!G2","调查表(2)!G2")`, result: '调查表(2)!G2' });
  });
});

/** Column number of a cell reference's letters (`AQ12` → 43). */
const columnOf = (ref: string): number => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Throws unless every row's cells are in the row, each once, left to right, as Excel requires. */
function assertCellOrder(xml: string, sheetName: string): void {
  for (const [, row, body] of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)) {
    const refs = [...body.matchAll(/<c r="([A-Z]+)(\d+)"/g)];
    for (const [, , r] of refs) expect(r, `${sheetName} row ${row}`).toBe(row);
    const cols = refs.map(([, letters]) => columnOf(letters));
    expect(cols, `${sheetName} row ${row}`).toEqual([...new Set(cols)].sort((a, b) => a - b));
  }
}

describe('rows wider than their header', () => {
  const NARROW = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数', '常住人口'];

  it('CSV: the fields past the header move past the status column; no cell is written twice', async () => {
    const dir = tmpDir('cscheck-annotate-ragged-');
    const input = writeFile(
      dir,
      '罗溪镇.csv',
      csvText([
        NARROW,
        ['罗溪镇', '双溪村', '农村', 900, 3300],
        ['罗溪镇', '后溪村', '', 600, 2200], // no 城乡类型: a required value missing
        ['罗溪镇', '三村村', '农村', 500], // one field short
        ['罗溪镇', '前溪村', '农村', 550, 2000, '已核实'], // one field over
      ]),
    );
    const { file, wb } = await annotate([input]);
    const ws = sheet(wb, '罗溪镇');
    expect(rowsOf(ws)).toEqual([
      ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数', '常住人口', '检查结果'],
      ['罗溪镇', '双溪村', '农村', 900, 3300, '合格'],
      ['罗溪镇', '后溪村', null, 600, 2200, '1 个问题'],
      ['罗溪镇', '三村村', '农村', 500, null, '1 个问题'],
      ['罗溪镇', '前溪村', '农村', 550, 2000, '1 个问题', '已核实'],
    ]);
    // The missing 城乡类型 is marked on its empty cell; a wrong field count on the row's status cell.
    expect([fillOf(ws.getCell('C3')), noteOf(ws.getCell('C3'))]).toEqual([RED, '缺少必填值“城乡类型”']);
    expect([fillOf(ws.getCell('F4')), noteOf(ws.getCell('F4'))]).toEqual([RED, '该行有 4 个字段，表头有 5 个']);
    expect([fillOf(ws.getCell('F5')), noteOf(ws.getCell('F5'))]).toEqual([RED, '该行有 6 个字段，表头有 5 个']);
    for (const [name, xml] of sheetXml(await readZip(file))) assertCellOrder(xml, name);
  });

  it('XLSX: a remark beside the table keeps its width and merge, one column further right', async () => {
    const dir = tmpDir('cscheck-annotate-remark-');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('村（社区）');
    ws.addRow(NARROW);
    ws.addRow(['罗溪镇', '双溪村', '农村', 900, 3300]);
    ws.addRow(['罗溪镇', '后溪村', '农村', 600, 2200]);
    // Right beside the header's last column: where the status column goes.
    ws.getCell('F2').value = '备注：两村数据经镇政府核实';
    ws.mergeCells('F2:G3');
    ws.getColumn(6).width = 30;
    const input = path.join(dir, '罗溪镇.xlsx');
    await book.xlsx.writeFile(input);
    const { file, wb } = await annotate([input]);
    const out = sheet(wb, '村（社区）');
    // Header A–E, the status column F, then the input's F and G one to the right: F → G, F:G → G:H.
    expect([out.getCell('F1').value, out.getCell('F2').value, out.getCell('F3').value]).toEqual(['检查结果', '合格', '合格']);
    expect(out.getCell('G2').value).toBe('备注：两村数据经镇政府核实');
    expect(out.model.merges).toEqual(['G2:H3']);
    expect(out.getColumn(7).width).toBe(30);
    for (const [name, xml] of sheetXml(await readZip(file))) assertCellOrder(xml, name);
  });
});

describe('refusals (exit 2, the input untouched, nothing written, nothing left behind)', () => {
  it('will not write over the input, by its own path or through a symlink', async () => {
    const dir = tmpDir('cscheck-annotate-self-');
    const input = path.join(dir, '洛江区调查表.xlsx');
    copyFileSync(XLSX, input);
    const before = sha256(input);
    const same = await run(['evaluate', input, '--plan', 'quanzhou', '--annotate', input]);
    expect(same).toMatchObject({ code: 2, stdout: '', stderr: `cscheck: 输出文件不能是输入文件：${input}\n` });
    const link = path.join(dir, '批注.xlsx');
    symlinkSync('洛江区调查表.xlsx', link);
    const viaLink = await run(['evaluate', input, '--plan', 'quanzhou', '--annotate', link]);
    expect(viaLink).toMatchObject({ code: 2, stdout: '', stderr: `cscheck: 输出文件不能是输入文件：${input}\n` });
    expect(sha256(input)).toBe(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['洛江区调查表.xlsx', '批注.xlsx'].sort());
  });

  it('writes nothing for a file with a header and no rows, even after an earlier file was copied', async () => {
    const dir = tmpDir('cscheck-annotate-empty-');
    const empty = writeFile(dir, '空表.csv', csvText([HEADER]));
    const good = writeFile(dir, '罗溪镇.csv', csvText([HEADER, ['罗溪镇', '双溪村', '350504100201', '农村', 900, 3300, 2, '']]));
    const out = path.join(dir, '批注.xlsx');
    for (const inputs of [[empty], [good, empty]]) {
      const r = await run(['evaluate', ...inputs, '--plan', 'quanzhou', '--annotate', out]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([`cscheck: ${empty}: 只有表头，没有数据行`]);
      // No workbook, no temporary file, no .cscheck-parts-* directory.
      expect(readdirSync(dir).sort()).toEqual(['空表.csv', '罗溪镇.csv'].sort());
    }
  });

  it('says so in one line when the output directory does not exist, or the name is not .xlsx', async () => {
    const dir = tmpDir('cscheck-annotate-nodir-');
    const out = path.join(dir, '不存在', '批注.xlsx');
    const r = await run(['evaluate', XLSX, '--plan', 'quanzhou', '--annotate', out]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toContain('：目录不存在');
    const csv = await run(['evaluate', XLSX, '--plan', 'quanzhou', '--annotate', path.join(dir, '批注.csv')]);
    expect(csv).toMatchObject({ code: 2, stderr: `cscheck: --annotate 的输出文件“${path.join(dir, '批注.csv')}”应以 .xlsx 结尾\n` });
    expect(readdirSync(dir)).toEqual([]);
  });
});

// — A real viewer: LibreOffice opens the annotated workbook —
const hasSoffice = sofficeAvailable();
if (!hasSoffice && !process.env.CI) console.warn('annotate.test.ts: soffice not found (install libreoffice-calc); LibreOffice round-trip tests skipped');

// Concurrent: each conversion has its own LibreOffice profile. In CI a missing soffice fails here.
describe.skipIf(!hasSoffice && !process.env.CI).concurrent('LibreOffice round trip', () => {
  let annotated: Promise<Annotated> | undefined;
  const luojiang = () => (annotated ??= annotate([XLSX], [], 'luojiang.xlsx'));
  const csvRows = (file: string): string[][] => Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;

  it('opens every sheet: the data values and 问题清单’s messages survive', async () => {
    const { file } = await luojiang();
    const out = path.join(tmpDir('cscheck-annotate-lo-'), 'csv');
    mkdirSync(out);
    const csvs = await sofficeConvert(file, CSV_ALL_SHEETS, out);
    expect(csvs.map((f) => path.basename(f)).sort()).toEqual(['村（社区）', '乡镇（街道）', '填报指标', '汇总', '按乡镇', '问题清单'].map((s) => `luojiang-${s}.csv`).sort());
    const read = (s: string) => csvRows(path.join(out, `luojiang-${s}.csv`));
    const data = read('村（社区）');
    expect(data[0][0]).toBe('洛江区2024年城乡社区服务体系建设情况调查表');
    expect(data[3][42]).toBe('检查结果');
    // Row 5 as the builder wrote it, as text; the status column after it.
    expect(data[4]).toEqual(
      [1, '洛江区', '万安街道', '万福社区', '350504001001', '城市', 2400, 7200, 7200, '是', 620, 360, 360_000, 32_000, '有', 13, 1400, 900, '√', '是', '有', 2, 4, '是', '有', '√', 2, '有', 8, 9, 9, '有', '是', '是', '是', 4, 2, 40, '有', '√', '是', '有', '合格'].map(String),
    );
    expect([data[5][6], data[10][15], data[10][30], data[35][30], data[52][10]]).toEqual(['3,000', '１２', '8小时', '7.5', '约300']);
    expect(data.slice(4).map((r) => r[42])).toEqual(Array.from({ length: 60 }, (_, i) => (PROBLEMS[i + 5] ? `${PROBLEMS[i + 5].length} 个问题` : '合格')));
    const list = read('问题清单');
    expect(list).toHaveLength(1 + 64);
    const v24 = list.find((r) => r[8] === '村（社区）!V24')!;
    expect(v24[7]).toBe(breachZh('双阳街道 侨光社区', '灾害信息员人数', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4'));
    expect(list.find((r) => r[8] === '村（社区）!R9')![7]).toBe('有服务时间记录的志愿者人数（1100）大于注册志愿者人数（1000）');
    const summary = read('汇总');
    const activity = summary.find((r) => r[0] === '居民活动区域面积占社区综合服务设施总建筑面积比例')!;
    expect([activity[1], activity[2], activity[7]]).toEqual(['约束性', '≥60%', '未达标']);
    expect(Number(activity[3])).toBeCloseTo((100 * 11_670) / 19_710, 6);
  });

  it('re-saves it as .xlsx with the notes, fills and formats still there', async () => {
    const { file } = await luojiang();
    const out = path.join(tmpDir('cscheck-annotate-lo-'), 'xlsx');
    mkdirSync(out);
    const [resaved] = await sofficeConvert(file, 'xlsx', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '乡镇（街道）', '填报指标', '汇总', '按乡镇', '问题清单']);
    const ws = sheet(wb, '村（社区）');
    // LibreOffice splits a note into runs by font; the text is the same.
    expect(noteOf(ws.getCell('V24'))).toBe(breachZh('双阳街道 侨光社区', '灾害信息员人数', '0', '每个城乡社区至少有1名灾害信息员', '三（二）4'));
    expect(noteOf(ws.getCell('K53'))).toBe('“约300”无法读取为非负数（可带单位，如 320平方米）');
    expect([fillOf(ws.getCell('V24')), fillOf(ws.getCell('R9')), fillOf(ws.getCell('V25'))]).toEqual([AMBER, RED, undefined]);
    expect([ws.getCell('M5').value, ws.getCell('M5').numFmt, ws.getCell('E5').value, ws.getCell('G6').value]).toEqual([360_000, '#,##0', '350504001001', '3,000']);
    expect(ws.model.merges).toHaveLength(48); // 2 title rows + 2 header groups + 38 header cells + 6 townships
    expect(ws.autoFilter).toBe('A4:AQ64');
    const links = rowsOf(sheet(wb, '问题清单')).map((r) => r[8] as { formula?: string; result?: string } | null);
    expect(links.find((l) => l?.result === '村（社区）!R9')).toMatchObject({ formula: `HYPERLINK("#'村（社区）'!R9","村（社区）!R9")` });
  });
});

describe("Excel's sheet limits", () => {
  const table = (columns: number) => ({
    file: '大表.csv',
    level: 'community' as const,
    source: 'csv' as const,
    headerRows: [1, 1] as [number, number],
    columns: Array.from({ length: columns }, (_, index) => ({ index, header: `列${index + 1}`, type: null })),
    widths: [],
    merges: [],
    formats: [],
  });

  it('refuses a row past 1,048,576 and a table with no room for the check column, naming the file', async () => {
    const { WorkbookAnnotator } = await import('../../src/report/workbook/annotator.js');
    const dir = tmpDir('cscheck-limits-');
    const tall = new WorkbookAnnotator({ lang: 'zh', path: path.join(dir, 'tall.xlsx') });
    tall.table(table(3));
    tall.row(1, ['列1', '列2', '列3']);
    // 1,048,576 rows is Excel's maximum; the next one cannot be written.
    expect(() => tall.row(1_048_577, ['a', 'b', 'c'])).toThrow(expect.objectContaining({ messageId: 'annotate.too-many-rows', location: expect.objectContaining({ file: '大表.csv', row: 1_048_577 }) }));
    await tall.abort();
    // 16,384 columns is the maximum: a table that already has them leaves none for 检查结果.
    const wide = new WorkbookAnnotator({ lang: 'zh', path: path.join(dir, 'wide.xlsx') });
    expect(() => wide.table(table(16_384))).toThrow(expect.objectContaining({ messageId: 'annotate.too-wide', args: { columns: 16_384, max: 16_384 } }));
    await wide.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('evaluate --annotate interrupted with Ctrl-C', () => {
  it('exits 130 and leaves nothing beside the output: no parts folder, no half-written workbook', async () => {
    const { spawn } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { ROOT } = await import('../cli/helpers.js');
    const src = tmpDir('cscheck-sigint-');
    const header = '县（市、区）,乡镇（街道）,村（社区）名称,城乡类型,常住人口,是否建有综合服务设施,综合服务设施建筑面积（平方米）,居民活动区域面积（平方米）,注册志愿者人数,灾害信息员人数';
    // 300,000 rows: long enough to be interrupted while the workbook is being written.
    const body = Array.from({ length: 300_000 }, (_, i) => `洛江区,万安街道,社区${i},城市,${5000 + (i % 97)},是,600,400,1400,${i % 3}`).join('\r\n');
    const input = path.join(src, '万安街道.csv');
    writeFileSync(input, `${header}\r\n${body}\r\n`);
    const out = tmpDir('cscheck-sigint-out-');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', input, '--plan', 'quanzhou', '--annotate', path.join(out, '批注.xlsx')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!readdirSync(out).some((f) => f.startsWith('.cscheck-parts-'))) {
      if (Date.now() - started > 20_000) throw new Error(`no parts folder after 20 s; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('cscheck: 已中断（SIGINT），未写入输出文件\n');
    expect(readdirSync(out)).toEqual([]);
  }, 30_000);
});
