// XLSX exports: title rows, merged header cells, merged township cells, Excel number and percent
// cells, the township and reported-values sheets, --sheet.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tmp } from './support.js';

let book: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调查表');
  ws.getCell('A1').value = '洛江区2024年城乡社区服务体系建设情况调查表';
  ws.mergeCells('A1:G1');
  ws.getRow(2).values = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数', '综合服务设施', null, '统计用区划代码'];
  ws.getRow(3).values = [null, null, null, null, '建筑面积（平方米）', '居民活动区域面积（平方米）', null];
  for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells('E2:F2');
  const rows = [
    ['万安街道', '塘西社区', '城市', 1200, 360, 220, '350504001001'],
    [null, '万安社区', '城市', '1,500户', 420, 260, '350504001002'],
    [null, '西霞社区', '社区', 900, '300平方米', 180, '350504001003'],
    ['河市镇', '河市村', '农村', 650, 280, 170, '350504103201'],
    [null, '霞溪村', '村委会', 700, null, null, '350504103202'],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  ws.mergeCells('A4:A6');
  ws.mergeCells('A7:A8');

  const other = wb.addWorksheet('另一个村表');
  other.getRow(1).values = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数'];
  other.getRow(2).values = ['罗溪镇', '洪四村', '农村', 300];

  const towns = wb.addWorksheet('乡镇（街道）');
  towns.getRow(1).values = ['乡镇（街道）', '社会工作服务站', '精神卫生综合管理小组'];
  towns.getRow(2).values = ['万安街道', '是', '是'];
  towns.getRow(3).values = ['河市镇', '否', '是'];

  const values = wb.addWorksheet('填报指标');
  values.getRow(1).values = ['指标', '数值'];
  values.getRow(2).values = ['居民心理健康素养水平', '16.5%'];
  values.getRow(3).values = ['基层医疗卫生机构达到服务能力基本标准的比例', 0.72];
  values.getCell('B3').numFmt = '0.0%';

  book = join(tmp(), 'survey.xlsx');
  await wb.xlsx.writeFile(book);
});

describe('XLSX reader', () => {
  it('finds the community table on a later sheet when the first holds instructions', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('填表说明');
    notes.getCell('A1').value = '填表说明：1. 每个村（社区）填一行；2. 面积单位为平方米。';
    const data = wb.addWorksheet('调查表');
    data.getRow(1).values = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数'];
    data.getRow(2).values = ['罗溪镇', '洪四村', '农村', 300];
    const file = join(tmp(), 'with-notes.xlsx');
    await wb.xlsx.writeFile(file);
    const s = await read(file);
    expect(s.community().map((r) => [r.sheet, r.v.community, r.v.households])).toEqual([['调查表', '洪四村', 300]]);
  });

  it('finds the two-row header under a merged title and fills merged township cells', async () => {
    const s = await read(book);
    const rows = s.community();
    expect(rows.map((r) => [r.row, r.v.township, r.v.community])).toEqual([
      [4, '万安街道', '塘西社区'],
      [5, '万安街道', '万安社区'],
      [6, '万安街道', '西霞社区'],
      [7, '河市镇', '河市村'],
      [8, '河市镇', '霞溪村'],
    ]);
    expect(rows[0].v).toMatchObject({ households: 1200, facility_area: 360, activity_area: 220, code: '350504001001', kind: '城市' });
    expect(rows[1].v.households).toBe(1500);
    expect(rows[2].v).toMatchObject({ kind: '城市', facility_area: 300 });
    expect(rows[4].v.kind).toBe('农村');
    expect(rows[4].v.facility_area).toBeUndefined();
    expect(s.findings).toEqual([]);
  });

  it('reads the township sheet and the reported-values sheet, with Excel percent cells', async () => {
    const s = await read(book);
    const towns = s.rows.filter((r) => r.level === 'township');
    expect(towns.map((t) => [t.v.township, t.v.has_social_work_station, t.v.has_mental_health_team])).toEqual([
      ['万安街道', true, true],
      ['河市镇', false, true],
    ]);
    expect(s.reported.map((r) => [r.name, r.raw, r.percentCell])).toEqual([
      ['居民心理健康素养水平', '16.5%', false],
      ['基层医疗卫生机构达到服务能力基本标准的比例', 0.72, true],
    ]);
  });

  it('reads the sheet named with --sheet instead of the first', async () => {
    const s = await read(book, { sheet: '另一个村表' });
    expect(s.community().map((r) => r.v.community)).toEqual(['洪四村']);
    // The other tables of the workbook are still read; the first sheet is not a township table.
    expect(s.rows.filter((r) => r.level === 'township')).toHaveLength(2);
    expect(s.reported).toHaveLength(2);
  });

  it('names the sheets there are when --sheet names none of them', async () => {
    const err = await read(book, { sheet: '没有这个表' }).catch((e) => e);
    expect(err.messageId).toBe('input.sheet-not-found');
    expect(String(err.args.sheets)).toContain('调查表');
  });
});

describe('dates in workbooks', () => {
  it('reads serial dates in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('调查表');
    ws.getRow(1).values = ['乡镇（街道）', '村（社区）名称', '城乡类型', '县（市、区）'];
    ws.getRow(2).values = ['罗溪镇', '洪四村', '农村', new Date(Date.UTC(2024, 11, 20))];
    const file = join(tmp(), 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    const { readXlsxTable } = await import('../../src/io/xlsx-reader.js');
    const t = await readXlsxTable(file, file);
    expect(t.rows[1].cells[3]).toEqual(new Date(Date.UTC(2024, 11, 20)));
  });
});
