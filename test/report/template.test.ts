// `cscheck template`: the workbooks are opened again (exceljs) and checked against the plan YAML as
// read by hand — columns, validations, notes, sheets, prefilled tasks — then opened in a real
// viewer (LibreOffice) and filled in: `evaluate` and `ledger` must read them back cleanly.

import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, run, runJson, tmpDir, writeFile } from '../cli/helpers.js';
import { CSV_ALL_SHEETS, sofficeAvailable, sofficeConvert } from './soffice.js';

type Cell = ExcelJS.CellValue;

/** Writes a template with the CLI (exit 0 expected) and opens it with exceljs. */
async function template(args: string[], name = 'template.xlsx'): Promise<{ file: string; wb: ExcelJS.Workbook; stdout: string }> {
  const file = path.join(tmpDir('cscheck-template-'), name);
  const r = await run(['template', ...args, '-o', file]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, wb, stdout: r.stdout };
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};

/** The header row (row 2, under the title) as text. */
const headers = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(2).values as Cell[]).slice(1).map(String);

/** The cell of `header`'s column in row `row`. */
const cellUnder = (ws: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell => {
  const col = headers(ws).indexOf(header);
  if (col < 0) throw new Error(`no column ${header} in ${ws.name}: ${headers(ws).join(' | ')}`);
  return ws.getCell(row, col + 1);
};

const noteOf = (cell: ExcelJS.Cell): string => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return n === undefined ? '' : typeof n === 'string' ? n : n.texts.map((t) => t.text).join('');
};

const planYaml = (id: string) => parseYaml(readFileSync(path.join(ROOT, 'plans', `${id}.yaml`), 'utf8'));

// — Expected columns, read by hand from plans/quanzhou.yaml (a city plan: 12 counties) —
const QUANZHOU_COMMUNITY = [
  '县（市、区）', // a city's survey spans counties: townships are told apart by county
  '乡镇（街道）',
  '村（社区）名称',
  '城乡类型', // required; picks the rows of the 城市/农村 indicators
  '户数', // facility_area_per_100_households: facility_area / households
  '常住人口', // volunteer_share: registered_volunteers / population
  '城镇常住人口', // workers_per_10k_urban: community_workers / urban_population
  '是否建有综合服务设施', // facility_coverage(_rural/_urban); the `where` of volunteer_station_coverage and daily_open_hours
  '综合服务设施建筑面积', // facility_area_per_100_households, activity_area_share
  '居民活动区域面积', // activity_area_share
  '社区总建筑面积', // commercial_area_share
  '社区商业和综合服务设施面积', // commercial_area_share
  '政务通用自助服务设备', // self_service_coverage_urban
  '社区工作者人数', // workers_per_10k_urban
  '注册志愿者人数', // volunteer_share
  '志愿服务站点', // volunteer_station_coverage
  '家长学校或家庭教育指导服务站点', // parent_school_coverage_urban/_rural
  '微型消防站（点）', // micro_fire_station_coverage
  '灾害信息员人数', // requirement disaster_info_officer
  '“法律明白人”人数', // legal_literates_min
  '法律顾问', // legal_adviser
  '公共法律服务工作室', // legal_service_room
  '法治文化阵地', // rule_of_law_venue
  '“妇女微家”数', // women_home_share
  '警务室', // police_office_coverage_urban
  '网格数', // grid_worker_per_grid
  '专（兼）职网格员人数', // grid_worker_per_grid
  '每日开放服务时长（小时）', // daily_open_hours
  '民主议事厅', // deliberation_hall
  '公共卫生委员会', // public_health_committee
  '妇女和儿童工作委员会', // women_children_committee
  '有社会工作者提供服务', // social_worker_service
  '开展群众满意度评估', // satisfaction_survey
];
// mental_health_team_coverage (indicator) and social_work_station (requirement) are scoped 乡镇.
const QUANZHOU_TOWNSHIP = ['县（市、区）', '乡镇（街道）', '社会工作服务站', '精神卫生综合管理小组'];
// The 11 indicators with `measure: {kind: reported}`, in plan order.
const QUANZHOU_REPORTED = [
  '农村社区警务室有效辐射率',
  '专兼职社区民警占派出所警力比例',
  '单个公办社区养老服务机构护理型床位数',
  '新建城区、居住（小）区社区养老和重度残疾人照护服务设施配建达标率',
  '对提出申请的65岁及以上失能老年人每年上门健康评估和健康服务次数',
  '达到服务能力基本标准的基层医疗卫生机构比例',
  '达到服务能力推荐标准的基层医疗卫生机构比例',
  '无区属公立医院的市辖区建成达到二级医院标准的社区医院数',
  '市级居民心理健康素养水平',
  '智能安防小区建设覆盖率',
  '政务代办服务村（社区）覆盖率',
];

// — plans/xianyou.yaml (a county plan: no county column) —
const XIANYOU_COMMUNITY = [
  '乡镇（街道）',
  '村（社区）名称',
  '城乡类型',
  '常住人口', // childcare_places_per_1000, volunteer_share
  '是否建有综合服务设施', // facility_coverage_rural; `where` of daily_open_hours
  '社区总建筑面积', // commercial_area_share
  '社区商业和综合服务设施面积', // commercial_area_share
  '注册志愿者人数', // volunteer_share, volunteers_with_hours_share
  '有服务时间记录的志愿者人数', // volunteers_with_hours_share
  '家长学校或家庭教育指导服务站点', // parent_school_coverage_urban/_rural
  '微型消防站（点）', // micro_fire_station_coverage
  '灾害信息员人数', // disaster_info_officer
  '“法律明白人”人数', // legal_literates_min
  '法律顾问', // legal_adviser
  '法治文化阵地', // rule_of_law_venue
  '“妇女微家”数', // women_home_share
  '警务室', // police_office_coverage_urban
  '网格数', // grid_worker_per_grid
  '专（兼）职网格员人数', // grid_worker_per_grid
  '每日开放服务时长（小时）', // daily_open_hours
  '公共卫生委员会', // public_health_committee
  '有社会工作者提供服务', // social_worker_service
  '社会工作专业人才人数', // social_work_professionals_per_community
  '3岁以下婴幼儿托位数', // childcare_places_per_1000
];
// mental_health_team_coverage, dispute_window_coverage, legal_service_station_coverage; the two
// reported 乡镇 indicators (child_protection_demo_townships, child_pairing_rate) need no column.
const XIANYOU_TOWNSHIP = ['乡镇（街道）', '精神卫生综合管理小组', '矛盾纠纷“一站式”受理窗口', '公共法律服务站'];

const LEDGER_HEADERS = ['序号', '工作任务', '具体项目', '主要内容', '责任单位', '完成时限', '完成状态', '完成进度（%）', '工作进展', '佐证材料'];

describe('survey template', () => {
  let quanzhou: Awaited<ReturnType<typeof template>>;
  beforeAll(async () => {
    quanzhou = await template(['--plan', 'quanzhou', '--kind', 'survey'], '泉州调查表.xlsx');
  });

  it('has exactly the columns quanzhou reads, a township sheet and a reported-values sheet', () => {
    const { wb, stdout } = quanzhou;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '乡镇（街道）', '填报指标']);
    expect(headers(sheet(wb, '村（社区）'))).toEqual(QUANZHOU_COMMUNITY);
    expect(headers(sheet(wb, '乡镇（街道）'))).toEqual(QUANZHOU_TOWNSHIP);
    const reported = sheet(wb, '填报指标');
    expect(headers(reported)).toEqual(['指标', '数值', '计量单位', '目标']);
    expect(QUANZHOU_REPORTED.map((_, i) => reported.getCell(3 + i, 1).value)).toEqual(QUANZHOU_REPORTED);
    expect(reported.getCell(3 + QUANZHOU_REPORTED.length, 1).value).toBeNull();
    // 智能安防小区建设覆盖率: target {op: ">=", value: 100}, unit "%" in the plan.
    expect(reported.getRow(12).values).toEqual([undefined, '智能安防小区建设覆盖率', undefined, '%', '≥100%']);
    expect(stdout).toContain('村（社区）（33 列）；乡镇（街道）（4 列）；填报指标（11 行）');
  });

  it('titles each sheet with the plan and freezes the header under it', () => {
    const ws = sheet(quanzhou.wb, '村（社区）');
    expect(ws.getCell('A1').value).toBe('泉州市“十四五”城乡社区服务体系建设实施方案（泉政办〔2022〕54号）——村（社区）调查表');
    expect(ws.model.merges).toContain(`A1:${ws.getColumn(QUANZHOU_COMMUNITY.length).letter}1`);
    for (const w of quanzhou.wb.worksheets) expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Widths fit the header on two lines (10–22 characters; CJK counts double).
    const widths = QUANZHOU_COMMUNITY.map((_, i) => ws.getColumn(i + 1).width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...widths)).toBeLessThanOrEqual(22);
    expect(ws.getColumn(QUANZHOU_COMMUNITY.indexOf('家长学校或家庭教育指导服务站点') + 1).width).toBe(17); // 15 CJK → ⌈30/2⌉ + 2
  });

  it('validates each column as the reader reads it', () => {
    const ws = sheet(quanzhou.wb, '村（社区）');
    const v = (header: string, row = 3) => cellUnder(ws, header, row).dataValidation;
    expect(v('城乡类型')).toMatchObject({ type: 'list', formulae: ['"城市,农村"'], showErrorMessage: true, errorStyle: 'stop', error: '从下拉列表选择“城市”或“农村”' });
    for (const h of ['是否建有综合服务设施', '志愿服务站点', '法律顾问', '开展群众满意度评估']) expect(v(h)).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    for (const h of ['户数', '常住人口', '灾害信息员人数', '网格数']) expect(v(h)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    for (const h of ['综合服务设施建筑面积', '居民活动区域面积']) expect(v(h)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(v('每日开放服务时长（小时）')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 24], error: '填写 0 到 24 之间的小时数' });
    for (const h of ['县（市、区）', '乡镇（街道）', '村（社区）名称']) expect(v(h)).toBeUndefined();
    // The default --rows 5000: data rows 3 … 5002.
    expect(v('城乡类型', 5002)).toMatchObject({ type: 'list' });
    expect(v('城乡类型', 5003)).toBeUndefined();
    expect(v('城乡类型', 2)).toBeUndefined();
    expect(cellUnder(sheet(quanzhou.wb, '乡镇（街道）'), '精神卫生综合管理小组', 3).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const reported = sheet(quanzhou.wb, '填报指标');
    expect(reported.getCell('B3').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(reported.getCell('B13').dataValidation).toMatchObject({ type: 'decimal' });
    expect(reported.getCell('B14').dataValidation).toBeUndefined();
  });

  it('notes on each header which indicators and requirements use the column', () => {
    const ws = sheet(quanzhou.wb, '村（社区）');
    const note = (h: string) => noteOf(cellUnder(ws, h, 2));
    // has_service_facility: facility_coverage_rural, facility_coverage_urban, volunteer_station_coverage
    // (its `where`), facility_coverage — in plan order — and the `where` of requirement daily_open_hours.
    expect(note('是否建有综合服务设施')).toBe(
      '从下拉列表选择“是”或“否”\n' +
        '用于指标：农村社区综合服务设施覆盖率；城市社区综合服务设施覆盖率；志愿服务站点在社区综合服务设施中的覆盖率；城乡社区综合服务设施覆盖率\n' +
        '用于要求：社区服务设施开放和服务时间一般不少于每天8小时',
    );
    expect(note('微型消防站（点）')).toBe('从下拉列表选择“是”或“否”\n用于指标：社区微型消防站（点）覆盖率');
    expect(note('灾害信息员人数')).toBe('填写不小于 0 的整数\n用于要求：每个城乡社区至少有1名灾害信息员');
    // 城乡类型: required, and read by the seven survey indicators scoped 城市 or 农村
    // (police_office_radiation_rural is 农村 too, but reported).
    expect(note('城乡类型')).toBe(
      '从下拉列表选择“城市”或“农村”（必填）\n用于指标：' +
        ['农村社区综合服务设施覆盖率', '城市社区综合服务设施覆盖率', '城市社区政务通用自助服务覆盖率', '每万名城镇常住人口拥有社区工作者', '城市社区建立家长学校或家庭教育指导服务站点比例', '农村社区建立家长学校或家庭教育指导服务站点比例', '城市社区警务室覆盖率'].join('；'),
    );
    expect(note('村（社区）名称')).toBe('填写名称（必填）\n标识每一行：报告按此列指出乡镇（街道）和村（社区）');
    expect(noteOf(cellUnder(sheet(quanzhou.wb, '乡镇（街道）'), '社会工作服务站', 2))).toBe('从下拉列表选择“是”或“否”\n用于要求：乡镇（街道）社会工作服务站全覆盖');
  });

  it('writes notes and titles in English with --lang en; headers stay the contract’s Chinese', async () => {
    const { wb } = await template(['--plan', 'quanzhou', '--kind', 'survey', '--lang', 'en']);
    const ws = sheet(wb, '村（社区）');
    expect(headers(ws)).toEqual(QUANZHOU_COMMUNITY);
    expect(ws.getCell('A1').value).toBe('Quanzhou 14th Five-Year implementation plan for the urban and rural community service system (泉政办〔2022〕54号): community survey');
    expect(noteOf(cellUnder(ws, '微型消防站（点）', 2))).toBe('choose 是 (yes) or 否 (no) from the list\nused by the indicators: Communities with a micro fire station');
    expect(cellUnder(ws, '户数', 3).dataValidation).toMatchObject({ errorTitle: 'Invalid entry', error: 'a whole number, 0 or more' });
    // The reader matches reported indicators by their Chinese name, whatever the language.
    expect(sheet(wb, '填报指标').getCell('A3').value).toBe('农村社区警务室有效辐射率');
  });

  it('has exactly the columns xianyou reads (a county: no county column)', async () => {
    const { wb } = await template(['--plan', 'xianyou', '--kind', 'survey', '--rows', '20']);
    expect(headers(sheet(wb, '村（社区）'))).toEqual(XIANYOU_COMMUNITY);
    expect(headers(sheet(wb, '乡镇（街道）'))).toEqual(XIANYOU_TOWNSHIP);
    // Every reported indicator of the plan, in order, read from the YAML here.
    const reported = planYaml('xianyou').indicators.filter((i: { measure: { kind: string } }) => i.measure.kind === 'reported').map((i: { name: { zh: string } }) => i.name.zh);
    expect(reported).toHaveLength(25);
    const ws = sheet(wb, '填报指标');
    expect(reported.map((_: string, i: number) => ws.getCell(3 + i, 1).value)).toEqual(reported);
    // --rows 20: validation on rows 3 … 22.
    const community = sheet(wb, '村（社区）');
    expect(cellUnder(community, '城乡类型', 22).dataValidation).toMatchObject({ type: 'list' });
    expect(cellUnder(community, '城乡类型', 23).dataValidation).toBeUndefined();
  });

  it('follows the plan file: a small plan gets the naming columns and the two it reads; --township-sheet adds the township measures', async () => {
    const dir = tmpDir('cscheck-template-plan-');
    const plan = writeFile(
      dir,
      'parents.yaml',
      [
        'id: parents',
        'name: {zh: 某区家长学校建设方案, en: A district parent-school plan}',
        'issuer: 某区人民政府办公室',
        'document: 某政办〔2023〕1号',
        'level: district',
        'region: 某区',
        'period: {start: 2021, end: 2025}',
        'indicators:',
        '  - id: parent_school_coverage_rural',
        '    name: {zh: 农村社区建立家长学校比例, en: Rural communities with a parent school}',
        '    unit: "%"',
        '    target: {op: ">=", value: 80}',
        '    scope: 农村',
        '    measure: {kind: coverage, condition: has_parent_school}',
        '    source: {section: 一, quote: 农村社区建立家长学校比例80%}',
        'requirements:',
        '  - id: division_code',
        '    name: {zh: 区划代码不得为占位值, en: No placeholder division codes}',
        '    scope: 城乡',
        '    rule: code != "000000000000"',
        '    source: {section: 二, quote: 区划代码不得为占位值}',
        '',
      ].join('\n'),
    );
    const plain = await template(['--plan', plan, '--kind', 'survey']);
    expect(plain.wb.worksheets.map((w) => w.name)).toEqual(['村（社区）']);
    const ws = sheet(plain.wb, '村（社区）');
    expect(headers(ws)).toEqual(['乡镇（街道）', '村（社区）名称', '统计用区划代码', '城乡类型', '家长学校或家庭教育指导服务站点']);
    // A 12-digit code is kept as text, leading zeros and all.
    expect(cellUnder(ws, '统计用区划代码', 3).dataValidation).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [12] });
    expect(ws.getColumn(3).numFmt).toBe('@');
    // No tasks: no ledger to lay out.
    const noTasks = await run(['template', '--plan', plan, '--kind', 'ledger', '-o', path.join(dir, 'ledger.xlsx')]);
    expect(noTasks.code).toBe(2);
    expect(noTasks.stderr).toContain('没有任务清单（tasks）');
    const forced = await template(['--plan', plan, '--kind', 'survey', '--township-sheet']);
    expect(forced.wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '乡镇（街道）']);
    const township = sheet(forced.wb, '乡镇（街道）');
    expect(headers(township)).toEqual(['乡镇（街道）', '社会工作服务站', '精神卫生综合管理小组', '未成年人保护工作站', '矛盾纠纷“一站式”受理窗口', '公共法律服务站']);
    expect(noteOf(cellUnder(township, '公共法律服务站', 2))).toBe('从下拉列表选择“是”或“否”\n本计划不使用此列');
  });
});

describe('ledger template', () => {
  it('prefills luojiang’s 72 tasks as the plan writes them, with empty progress columns', async () => {
    const { wb, stdout } = await template(['--plan', 'luojiang', '--kind', 'ledger']);
    expect(stdout).toContain('任务清单（72 行）');
    const ws = sheet(wb, '任务清单');
    // The district ledger's name is its document: the title says it once.
    expect(ws.getCell('A1').value).toBe('洛江区落实《泉州市“十四五”城乡社区服务体系建设实施方案》任务清单及工作台账分解表');
    expect(headers(ws)).toEqual(LEDGER_HEADERS);
    // Task 1 of plans/luojiang.yaml: its unit cell carries one unit (the document's second line is a note).
    expect((ws.getRow(3).values as Cell[]).slice(1, 7)).toEqual([
      1,
      '一、完善城乡社区服务格局',
      '（一）加强党建引领城乡社区服务体系建设',
      '1．强化乡镇（街道）党（工）委责任，完善乡镇（街道）、村（社区）与驻区单位共驻共建机制，落实乡镇（街道）、村（社区）党建联席会议制度，健全小区党支部“两议两评两公开”议事协商机制，深化在职党员到村（社区）、小区党组织报到为群众服务工作，完善城乡社区党建带群建、协商议事、契约共建、双向考核机制。全面推行近邻党建工作。',
      '区民政局',
      '持续实施',
    ]);
    // Task 3: seven units, one a line.
    expect(ws.getCell('E5').value).toBe('区行政服务中心\n区民政局\n区教育局\n区商务局\n区文体旅游局\n区卫健局\n区住建局');
    // Task 9's deadline is blank in the document; task 10's is the year 2025.
    expect(ws.getCell('F11').value).toBeNull();
    expect(ws.getCell('F12').value).toBe(2025);
    // Every task against the YAML read here, not through the plan loader.
    const tasks = planYaml('luojiang').tasks as { no: number; section: string; project: string; content: string; units: string[]; deadline: string | null }[];
    expect(tasks).toHaveLength(72);
    tasks.forEach((t, i) => {
      const row = (ws.getRow(3 + i).values as Cell[]).slice(1);
      const deadline = t.deadline === null ? null : /^\d{4}$/.test(t.deadline) ? Number(t.deadline) : t.deadline;
      expect([row[0], row[1], row[2], row[3], row[4], row[5] ?? null]).toEqual([t.no, t.section, t.project, t.content, t.units.join('\n'), deadline]);
      expect(row.slice(6).filter((v) => v !== undefined && v !== null)).toEqual([]);
    });
    expect(ws.getCell('A75').value).toBeNull();
    // 完成状态 and 完成进度（%） limited to what `cscheck ledger` reads, on every task row.
    for (const row of [3, 74]) {
      expect(ws.getCell(row, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"已完成,推进中,未启动,滞后"'] });
      expect(ws.getCell(row, 8).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    }
    expect(ws.getCell(75, 7).dataValidation).toBeUndefined();
    expect(noteOf(ws.getCell('D2'))).toBe('按计划（洛江区落实《泉州市“十四五”城乡社区服务体系建设实施方案》任务清单及工作台账分解表）预填，请勿改动');
    expect(noteOf(ws.getCell('G2'))).toBe('从下拉列表选择：已完成、推进中、未启动、滞后');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes quanzhou’s 16 tasks (the city plan has no 序号: numbered 1 … 16, deadlines blank)', async () => {
    const { wb } = await template(['--plan', 'quanzhou', '--kind', 'ledger']);
    const ws = sheet(wb, '任务清单');
    expect(Array.from({ length: 16 }, (_, i) => ws.getCell(3 + i, 1).value)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(ws.getCell('A19').value).toBeNull();
    expect(ws.getCell('C3').value).toBe('1.加强党建引领城乡社区服务体系建设');
    expect(ws.getCell('F3').value).toBeNull();
  });
});

describe('template usage errors (exit 2, nothing written)', () => {
  it('refuses to run without -o, with -o naming a directory or a non-.xlsx file', async () => {
    const dir = tmpDir('cscheck-template-bad-');
    const noOutput = await run(['template', '--plan', 'quanzhou', '--kind', 'survey']);
    expect(noOutput).toMatchObject({ code: 2, stdout: '' });
    expect(noOutput.stderr).toBe('cscheck: 请用 -o 指定要写入的模板文件，如 -o 调查表.xlsx\n');
    const isDir = await run(['template', '--plan', 'quanzhou', '--kind', 'survey', '-o', dir, '--lang', 'en']);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toBe(`cscheck: ${dir} is a directory: -o needs a file name, e.g. ${dir}/survey.xlsx\n`);
    const csv = await run(['template', '--plan', 'quanzhou', '--kind', 'survey', '-o', path.join(dir, 'survey.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('应以 .xlsx 结尾');
    const ledgerTownship = await run(['template', '--plan', 'quanzhou', '--kind', 'ledger', '--township-sheet', '-o', path.join(dir, 'l.xlsx')]);
    expect(ledgerTownship).toMatchObject({ code: 2, stderr: 'cscheck: --township-sheet 只用于 --kind survey\n' });
    const unknownPlan = await run(['template', '--plan', 'nowhere', '--kind', 'survey', '-o', path.join(dir, 's.xlsx')]);
    expect(unknownPlan.code).toBe(2);
    expect(unknownPlan.stderr).toContain('找不到计划“nowhere”');
    const noKind = await run(['template', '--plan', 'quanzhou', '-o', path.join(dir, 's.xlsx')]);
    expect(noKind.code).toBe(2);
    const noDir = await run(['template', '--plan', 'quanzhou', '--kind', 'survey', '-o', path.join(dir, 'missing', 's.xlsx')]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('：目录不存在');
    expect(readdirSync(dir)).toEqual([]);
  });
});

// — Filled in and read back —

/** Six 洛江区 communities as a 民政 clerk fills the quanzhou survey template (headers → values). */
const COMMUNITIES: Record<string, string | number>[] = [
  { '乡镇（街道）': '万安街道', '村（社区）名称': '塘西社区', '城乡类型': '城市', '户数': 1200, '常住人口': 3600, '城镇常住人口': 3500, '是否建有综合服务设施': '是', '综合服务设施建筑面积': 900, '居民活动区域面积': 600, '社区总建筑面积': 12000, '社区商业和综合服务设施面积': 1200, '政务通用自助服务设备': '是', '社区工作者人数': 7, '注册志愿者人数': 450, '志愿服务站点': '是', '家长学校或家庭教育指导服务站点': '是', '微型消防站（点）': '是', '灾害信息员人数': 1, '“法律明白人”人数': 3, '法律顾问': '是', '公共法律服务工作室': '是', '法治文化阵地': '是', '“妇女微家”数': 1, '警务室': '是', '网格数': 6, '专（兼）职网格员人数': 6, '每日开放服务时长（小时）': 8, '民主议事厅': '是', '公共卫生委员会': '是', '妇女和儿童工作委员会': '是', '有社会工作者提供服务': '是', '开展群众满意度评估': '是' },
  { '乡镇（街道）': '万安街道', '村（社区）名称': '万安社区', '城乡类型': '城市', '户数': 1000, '常住人口': 3100, '城镇常住人口': 3000, '是否建有综合服务设施': '是', '综合服务设施建筑面积': 800, '居民活动区域面积': 420, '社区总建筑面积': 10000, '社区商业和综合服务设施面积': 900, '政务通用自助服务设备': '否', '社区工作者人数': 6, '注册志愿者人数': 300, '志愿服务站点': '是', '家长学校或家庭教育指导服务站点': '否', '微型消防站（点）': '是', '灾害信息员人数': 1, '“法律明白人”人数': 2, '法律顾问': '是', '公共法律服务工作室': '是', '法治文化阵地': '是', '“妇女微家”数': 0, '警务室': '是', '网格数': 5, '专（兼）职网格员人数': 4, '每日开放服务时长（小时）': 8, '民主议事厅': '是', '公共卫生委员会': '是', '妇女和儿童工作委员会': '是', '有社会工作者提供服务': '是', '开展群众满意度评估': '是' },
  { '乡镇（街道）': '双阳街道', '村（社区）名称': '侨光社区', '城乡类型': '城市', '户数': 900, '常住人口': 2800, '城镇常住人口': 2600, '是否建有综合服务设施': '是', '综合服务设施建筑面积': 700, '居民活动区域面积': 450, '社区总建筑面积': 9000, '社区商业和综合服务设施面积': 800, '政务通用自助服务设备': '是', '社区工作者人数': 5, '注册志愿者人数': 260, '志愿服务站点': '否', '家长学校或家庭教育指导服务站点': '是', '微型消防站（点）': '是', '灾害信息员人数': 0, '“法律明白人”人数': 3, '法律顾问': '是', '公共法律服务工作室': '否', '法治文化阵地': '是', '“妇女微家”数': 1, '警务室': '否', '网格数': 4, '专（兼）职网格员人数': 4, '每日开放服务时长（小时）': 7.5, '民主议事厅': '是', '公共卫生委员会': '是', '妇女和儿童工作委员会': '否', '有社会工作者提供服务': '是', '开展群众满意度评估': '否' },
  { '乡镇（街道）': '罗溪镇', '村（社区）名称': '柏山村', '城乡类型': '农村', '户数': 600, '常住人口': 2100, '是否建有综合服务设施': '是', '综合服务设施建筑面积': 500, '居民活动区域面积': 320, '社区总建筑面积': 6000, '社区商业和综合服务设施面积': 300, '政务通用自助服务设备': '否', '社区工作者人数': 4, '注册志愿者人数': 150, '志愿服务站点': '是', '家长学校或家庭教育指导服务站点': '是', '微型消防站（点）': '否', '灾害信息员人数': 1, '“法律明白人”人数': 3, '法律顾问': '是', '公共法律服务工作室': '是', '法治文化阵地': '否', '“妇女微家”数': 1, '警务室': '否', '网格数': 3, '专（兼）职网格员人数': 3, '每日开放服务时长（小时）': 8, '民主议事厅': '是', '公共卫生委员会': '是', '妇女和儿童工作委员会': '是', '有社会工作者提供服务': '否', '开展群众满意度评估': '是' },
  { '乡镇（街道）': '河市镇', '村（社区）名称': '河市村', '城乡类型': '农村', '户数': 800, '常住人口': 2900, '是否建有综合服务设施': '否', '社区总建筑面积': 7000, '社区商业和综合服务设施面积': 350, '政务通用自助服务设备': '否', '社区工作者人数': 4, '注册志愿者人数': 200, '志愿服务站点': '否', '家长学校或家庭教育指导服务站点': '否', '微型消防站（点）': '是', '灾害信息员人数': 2, '“法律明白人”人数': 4, '法律顾问': '是', '公共法律服务工作室': '是', '法治文化阵地': '是', '“妇女微家”数': 2, '警务室': '否', '网格数': 4, '专（兼）职网格员人数': 5, '民主议事厅': '是', '公共卫生委员会': '是', '妇女和儿童工作委员会': '是', '有社会工作者提供服务': '是', '开展群众满意度评估': '是' },
  { '乡镇（街道）': '虹山乡', '村（社区）名称': '虹山村', '城乡类型': '农村', '户数': 450, '常住人口': 1500, '是否建有综合服务设施': '是', '综合服务设施建筑面积': 400, '居民活动区域面积': 260, '社区总建筑面积': 5000, '社区商业和综合服务设施面积': 200, '政务通用自助服务设备': '否', '社区工作者人数': 3, '注册志愿者人数': 90, '志愿服务站点': '是', '家长学校或家庭教育指导服务站点': '是', '微型消防站（点）': '是', '灾害信息员人数': 1, '“法律明白人”人数': 3, '法律顾问': '否', '公共法律服务工作室': '是', '法治文化阵地': '是', '“妇女微家”数': 0, '警务室': '否', '网格数': 2, '专（兼）职网格员人数': 2, '每日开放服务时长（小时）': 9, '民主议事厅': '是', '公共卫生委员会': '否', '妇女和儿童工作委员会': '是', '有社会工作者提供服务': '否', '开展群众满意度评估': '是' },
];
const TOWNSHIPS: Record<string, string>[] = [
  { '乡镇（街道）': '万安街道', '社会工作服务站': '是', '精神卫生综合管理小组': '是' },
  { '乡镇（街道）': '双阳街道', '社会工作服务站': '是', '精神卫生综合管理小组': '否' },
  { '乡镇（街道）': '罗溪镇', '社会工作服务站': '否', '精神卫生综合管理小组': '是' },
  { '乡镇（街道）': '河市镇', '社会工作服务站': '是', '精神卫生综合管理小组': '是' },
  { '乡镇（街道）': '虹山乡', '社会工作服务站': '是', '精神卫生综合管理小组': '否' },
];

/** Fills rows under the header by header name, as a person would: values typed under each column. */
function fill(ws: ExcelJS.Worksheet, rows: Record<string, string | number>[], common: Record<string, string> = {}): void {
  const cols = headers(ws);
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries({ ...common, ...r })) {
      const col = cols.indexOf(header);
      if (col < 0) throw new Error(`no column ${header}`);
      ws.getCell(3 + i, col + 1).value = value;
    }
  });
}

async function filledSurvey(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await template(['--plan', 'quanzhou', '--kind', 'survey'])).file);
  fill(sheet(wb, '村（社区）'), COMMUNITIES, { '县（市、区）': '洛江区' });
  fill(sheet(wb, '乡镇（街道）'), TOWNSHIPS, { '县（市、区）': '洛江区' });
  const reported = sheet(wb, '填报指标');
  const rowOf = (name: string) => 3 + QUANZHOU_REPORTED.indexOf(name);
  reported.getCell(rowOf('智能安防小区建设覆盖率'), 2).value = 82;
  // Typed as 25% in Excel: the number 0.25 in a percent-formatted cell.
  const literacy = reported.getCell(rowOf('市级居民心理健康素养水平'), 2);
  literacy.value = 0.25;
  literacy.numFmt = '0%';
  const file = path.join(dir, '洛江区2024年调查表.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** What the filled quanzhou survey must give, worked out by hand from COMMUNITIES and TOWNSHIPS. */
function expectFilledReport(report: any): void {
  const codes = report.findings.map((f: { code: string }) => f.code);
  for (const code of ['unknown-column', 'unknown-reported', 'cell-type', 'missing-value', 'ragged-row', 'duplicate-reported']) expect(codes).not.toContain(code);
  const inputs = Object.fromEntries(report.inputs.map((i: { sheet: string; level: string; rows: number }) => [i.sheet, [i.level, i.rows]]));
  expect(inputs).toEqual({ '村（社区）': ['community', 6], '乡镇（街道）': ['township', 5], 填报指标: ['values', 11] });
  const value = (id: string) => report.indicators.find((i: { id: string }) => i.id === id)?.value;
  // 农村 rows 柏山村 是, 河市村 否, 虹山村 是 → 2 of 3.
  expect(value('facility_coverage_rural')).toBeCloseTo((100 * 2) / 3, 6);
  // Σ居民活动区域面积 ÷ Σ综合服务设施建筑面积 over the five rows with both (河市村 has neither).
  expect(value('activity_area_share')).toBeCloseTo((100 * (600 + 420 + 450 + 320 + 260)) / (900 + 800 + 700 + 500 + 400), 6);
  // 城市 rows: 社区工作者 7 + 6 + 5 per 城镇常住人口 3500 + 3000 + 2600, per 10,000.
  expect(value('workers_per_10k_urban')).toBeCloseTo((10000 * (7 + 6 + 5)) / (3500 + 3000 + 2600), 6);
  // Townships with a 精神卫生综合管理小组: 万安街道, 罗溪镇, 河市镇 of five.
  expect(value('mental_health_team_coverage')).toBeCloseTo((100 * 3) / 5, 6);
  expect(value('smart_security_coverage')).toBe(82);
  expect(value('mental_health_literacy')).toBe(25);
  expect(report.indicators.find((i: { id: string }) => i.id === 'proxy_service_coverage').status).toBe('no-data');
  // 侨光社区 is open 7.5 hours a day; 河市村 has no facility and is not asked.
  const hours = report.findings.filter((f: { code: string; ruleId: string }) => f.code === 'requirement-breach' && f.ruleId === 'daily_open_hours');
  expect(hours.map((f: { location: { community: string } }) => f.location.community)).toEqual(['侨光社区']);
}

describe('filled templates read back', () => {
  it('evaluate reads a filled survey template: no unknown columns, every value read', async () => {
    const file = await filledSurvey(tmpDir('cscheck-template-filled-'));
    const { report } = await runJson(['evaluate', file, '--plan', 'quanzhou']);
    expectFilledReport(report);
  });

  // plans/luojiang.yaml: deadline null for 序号 9, 28, 34, 40, 72 (rows 序号 + 2); 序号10's is 2025.
  const PLAN_BLANK_DEADLINES = [9, 28, 34, 40, 72];

  it('marks the cells the submitter fills: the progress columns and the deadlines the plan leaves blank', async () => {
    const { wb } = await template(['--plan', 'luojiang', '--kind', 'ledger']);
    const ws = sheet(wb, '任务清单');
    const shaded = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    // 完成状态 … 佐证材料 (G–J) on the first and last task rows; not below the tasks.
    for (const row of [3, 74]) for (const col of [7, 8, 9, 10]) expect(shaded(ws.getCell(row, col))).toBe('FFFFF2CC');
    expect(shaded(ws.getCell(75, 7))).toBeUndefined();
    // Prefilled plan text is not shaded.
    expect(shaded(ws.getCell('D3'))).toBeUndefined();
    for (const no of PLAN_BLANK_DEADLINES) {
      expect(shaded(ws.getCell(no + 2, 6))).toBe('FFFFF2CC');
      expect(noteOf(ws.getCell(no + 2, 6))).toBe('计划未定完成时限：填报进展（完成状态、完成进度）时请填写');
    }
    expect(shaded(ws.getCell('F12'))).toBeUndefined();
    expect(noteOf(ws.getCell('F12'))).toBe('');
  });

  it('ledger passes the template as written: the plan’s blank deadlines are info until a row reports progress', async () => {
    const r = await runJson(['ledger', (await template(['--plan', 'luojiang', '--kind', 'ledger'])).file, '--plan', 'luojiang']);
    expect(r.code).toBe(0);
    expect(r.report.findings.map((f: { code: string; severity: string; location: { row: number } }) => [f.code, f.severity, f.location.row])).toEqual([
      ...PLAN_BLANK_DEADLINES.map((no) => ['ledger-plan-no-deadline', 'info', no + 2]),
      ['ledger-doubled-wording-inherited', 'info', 44 + 2],
    ]);
  });

  it('ledger: a status on a row the plan gave no deadline makes the blank an error; blanking a planned deadline is one too', async () => {
    const dir = tmpDir('cscheck-template-ledger-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await template(['--plan', 'luojiang', '--kind', 'ledger'])).file);
    const ws = sheet(wb, '任务清单');
    ws.getCell(9 + 2, 7).value = '推进中'; // 序号9: plan deadline null, now reported on
    ws.getCell(28 + 2, 9).value = '已召开工作推进会'; // 序号28: plan deadline null, a progress note only
    ws.getCell(10 + 2, 6).value = null; // 序号10: the plan says 2025, the ledger blanks it
    const file = path.join(dir, '洛江区台账.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runJson(['ledger', file, '--plan', 'luojiang']);
    expect(r.code).toBe(1);
    const found = r.report.findings.map((f: { code: string; severity: string; location: { row: number } }) => [f.code, f.severity, f.location.row]);
    expect(found.filter((f: string[]) => f[1] === 'error')).toEqual([
      ['ledger-no-deadline', 'error', 11],
      ['ledger-no-deadline', 'error', 12],
      ['ledger-no-deadline', 'error', 30],
    ]);
    expect(found.filter((f: string[]) => f[0] === 'ledger-plan-no-deadline').map((f: number[]) => f[2])).toEqual([34, 40, 72].map((no) => no + 2));
    const said = (row: number) => r.report.findings.find((f: { location: { row: number } }) => f.location.row === row);
    expect(said(11)).toMatchObject({ messageId: 'ledger.reported-no-deadline', args: { task: '9' } });
    expect(said(12)).toMatchObject({ messageId: 'ledger.no-deadline' });
  });

  it('ledger reads a filled luojiang ledger template: only the five deadlines the plan leaves blank, and the plan’s own slip as info', async () => {
    const dir = tmpDir('cscheck-template-ledger-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await template(['--plan', 'luojiang', '--kind', 'ledger'])).file);
    const ws = sheet(wb, '任务清单');
    for (let row = 3; row < 3 + 72; row++) {
      const done = row % 4 === 0;
      ws.getCell(row, 7).value = done ? '已完成' : '推进中';
      ws.getCell(row, 8).value = done ? 100 : 60;
      ws.getCell(row, 9).value = done ? '已按计划完成，形成工作总结' : '已制定年度工作方案，正在按季度推进';
      ws.getCell(row, 10).value = done ? `洛江区民政局工作总结（2025）第${row - 2}项` : '';
    }
    const file = path.join(dir, '洛江区台账.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runJson(['ledger', file, '--plan', 'luojiang']);
    // plans/luojiang.yaml: deadline null for 序号 9, 28, 34, 40, 72 (rows 序号 + 2).
    // 序号44 “力争力争…”, prefilled from the plan: the submitter may correct it (info).
    expect(r.report.findings.map((f: { code: string; location: { row: number } }) => [f.code, f.location.row])).toEqual([
      ...[9, 28, 34, 40, 72].map((no) => ['ledger-no-deadline', no + 2]),
      ['ledger-doubled-wording-inherited', 44 + 2],
    ]);
  });
});

// — A real viewer: LibreOffice opens the templates and re-saves them —
const hasSoffice = sofficeAvailable();
if (!hasSoffice && !process.env.CI) console.warn('template.test.ts: soffice not found (install libreoffice-calc); LibreOffice round-trip tests skipped');

// Concurrent: each conversion has its own LibreOffice profile.
describe.skipIf(!hasSoffice && !process.env.CI).concurrent('LibreOffice round trip', () => {
  const csvRows = (file: string): string[][] => Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;

  it('opens the survey template: every sheet’s headers and the prefilled indicator names survive', async () => {
    const dir = tmpDir('cscheck-template-lo-');
    const { file } = await template(['--plan', 'quanzhou', '--kind', 'survey'], 'quanzhou.xlsx');
    const out = path.join(dir, 'csv');
    mkdirSync(out);
    const csvs = await sofficeConvert(file, CSV_ALL_SHEETS, out);
    expect(csvs.map((f) => path.basename(f))).toEqual(['quanzhou-乡镇（街道）.csv', 'quanzhou-填报指标.csv', 'quanzhou-村（社区）.csv']);
    const [township, reported, community] = csvs.map(csvRows);
    expect(community[0][0]).toBe('泉州市“十四五”城乡社区服务体系建设实施方案（泉政办〔2022〕54号）——村（社区）调查表');
    expect(community[1]).toEqual(QUANZHOU_COMMUNITY);
    expect(community).toHaveLength(2); // validation alone adds no rows
    expect(township[1]).toEqual(QUANZHOU_TOWNSHIP);
    expect(reported.slice(2).map((r) => r[0])).toEqual(QUANZHOU_REPORTED);
  }, 120_000); // the first conversion starts LibreOffice and makes its profile: under load, more than half a minute

  it('opens the ledger template: tasks survive, multi-line unit cells included, and ledger reads the CSV LibreOffice saves', async () => {
    const dir = tmpDir('cscheck-template-lo-');
    const { file, wb } = await template(['--plan', 'luojiang', '--kind', 'ledger'], 'luojiang.xlsx');
    const [csv] = await sofficeConvert(file, CSV_ALL_SHEETS, dir);
    const rows = csvRows(csv);
    expect(rows[1]).toEqual(LEDGER_HEADERS);
    expect(rows).toHaveLength(2 + 72);
    const ws = sheet(wb, '任务清单');
    for (const i of [0, 2, 8, 71]) {
      const written = [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3 + i, c).value).map((v) => (v === null ? '' : String(v as string | number))); // the template writes text and numbers
      expect(rows[2 + i].slice(0, 6)).toEqual(written);
    }
    expect(rows[4][4].split('\n')).toHaveLength(7);
    const r = await runJson(['ledger', csv, '--plan', 'luojiang']);
    // The plan's five blank deadlines, and its own 序号44 slip “力争力争”, carried into the template (info).
    expect(r.report.findings.map((f: { code: string }) => f.code)).toEqual([...Array(5).fill('ledger-plan-no-deadline'), 'ledger-doubled-wording-inherited']);
    expect(r.code).toBe(0);
  }, 120_000);

  it('a filled survey re-saved by LibreOffice evaluates to the same figures', async () => {
    const dir = tmpDir('cscheck-template-lo-');
    const filled = await filledSurvey(dir);
    const out = path.join(dir, 'resaved');
    mkdirSync(out);
    const [resaved] = await sofficeConvert(filled, 'xlsx', out);
    expect(existsSync(resaved)).toBe(true);
    // The viewer keeps the dropdowns and the notes.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    const ws = sheet(wb, '村（社区）');
    expect(cellUnder(ws, '城乡类型', 3).dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['"城市,农村"']) });
    expect(noteOf(cellUnder(ws, '微型消防站（点）', 2))).toBe('从下拉列表选择“是”或“否”\n用于指标：社区微型消防站（点）覆盖率');
    const { report } = await runJson(['evaluate', resaved, '--plan', 'quanzhou']);
    expectFilledReport(report);
  }, 120_000); // LibreOffice converts twice here; under load that alone can take half a minute
});
