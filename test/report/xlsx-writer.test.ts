// The streaming XLSX writer (src/report/workbook/xlsx-writer/) on its own: its text escaping and
// column letters, then whole workbooks written with it and read back by exceljs and by yauzl (every
// entry's CRC checked, every XML part well-formed), and the Excel-safety helpers it is fed through.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../cli/helpers.js';
import { cellText, noteText, safeSheetName } from '../../src/report/workbook/excel-safe.js';
import { SharedStrings } from '../../src/report/workbook/xlsx-writer/sheet-writer.js';
import { XlsxWriter } from '../../src/report/workbook/xlsx-writer/workbook-writer.js';
import { columnName, xmlText } from '../../src/report/workbook/xlsx-writer/xml-text.js';
import { assertWellFormed } from './support.js';
import { partText, readZip } from './zip-entries.js';
import type { ZipEntry } from './zip-entries.js';

const RED = { fill: 'FFFFC7CE', color: 'FF9C0006' };
const AMBER = { fill: 'FFFFEB9C', color: 'FF9C5700' };

const noteOf = (cell: ExcelJS.Cell): string | undefined => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return n === undefined ? undefined : typeof n === 'string' ? n : n.texts.map((t) => t.text).join('');
};

const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every entry's data against the CRC-32 its header claims, and every XML part parsed strictly. */
function checkPackage(entries: ZipEntry[]): void {
  for (const e of entries) {
    expect(e.compressionMethod, e.name).toBe(8);
    expect(zlib.crc32(e.data) >>> 0, `CRC of ${e.name}`).toBe(e.crc32);
    if (/\.(xml|rels|vml)$/.test(e.name)) assertWellFormed(e.data.toString('utf8'));
  }
}

describe('xmlText', () => {
  it('escapes the markup characters', () => {
    expect(xmlText('户数 < 10 & 人口 > 0, "是"')).toBe('户数 &lt; 10 &amp; 人口 &gt; 0, &quot;是&quot;');
    expect(xmlText('&amp;')).toBe('&amp;amp;');
  });

  it('drops the characters XML 1.0 cannot carry, keeps tab and LF, writes CR as a reference', () => {
    expect(xmlText('万\u0000安\u0001\u0008\u000b\u000c\u000e\u001f街道\ufffe\uffff')).toBe('万安街道');
    expect(xmlText('第一行\t备注\n第二行')).toBe('第一行\t备注\n第二行');
    // A reader would turn a literal CR into LF (XML 1.0 §2.11); &#13; comes back as CR.
    expect(xmlText('第一行\r\n第二行')).toBe('第一行&#13;\n第二行');
  });

  it('returns plain text as it is, characters outside the BMP included', () => {
    const text = '罗溪镇𠀀村（社区）'; // U+20000, a CJK Extension B character: a surrogate pair
    expect(xmlText(text)).toBe(text);
  });
});

describe('columnName', () => {
  it('gives the spreadsheet letters up to Excel’s last column', () => {
    // 26 letters; then 26 × 26 two-letter names end at ZZ = 26 + 676 = 702; XFD = 24·676 + 6·26 + 4.
    const cases: [number, string][] = [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [53, 'BA'],
      [702, 'ZZ'],
      [703, 'AAA'],
      [24 * 676 + 6 * 26 + 4, 'XFD'],
    ];
    for (const [n, name] of cases) expect(columnName(n)).toBe(name);
    expect(24 * 676 + 6 * 26 + 4).toBe(16_384);
    // Cached: the same answer the second time.
    expect(columnName(16_384)).toBe('XFD');
  });
});

describe('SharedStrings', () => {
  it('shares short texts, gives long ones to their cells, and stops adding past its bound', () => {
    const s = new SharedStrings(3, 6);
    expect([s.id('是'), s.id('否'), s.id('是')]).toEqual([0, 1, 0]);
    expect(s.id('松角山村村民委员会')).toBe(-1); // 9 characters > 6: written in its cell
    expect(s.id('松角山村村民委员会', true)).toBe(2); // unless the column asks for sharing
    expect(s.id('城市')).toBe(-1); // the bound (3) is reached: a new text goes in its cell
    expect(s.id('否')).toBe(1); // texts already shared still are
    expect(s.values).toEqual(['是', '否', '松角山村村民委员会']);
  });
});

describe('a workbook written with XlsxWriter', () => {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;
  let entries: ZipEntry[];
  // Rows per sheet: enough text that each sheet's XML passes the 256 KiB the parts buffer before
  // handing text to the compressor, so the flushes happen mid-sheet, interleaved between sheets.
  const ROWS = 3000;
  const communityName = (i: number) => `洛江区罗溪镇第${i}号村民小组综合服务站（示范点）`;

  beforeAll(async () => {
    dir = tmpDir('cscheck-xlsx-writer-');
    file = path.join(dir, '批注测试.xlsx');
    const w = new XlsxWriter(file);
    const red = w.styles.id(RED);
    const amber = w.styles.id(AMBER);
    const header = w.styles.id({ fill: 'FFD9E1F2', bold: true, wrap: true });
    const thousands = w.styles.id({ numFmt: '#,##0' });
    const decimals = w.styles.id({ numFmt: '0.0##' });
    const percent = w.styles.id({ numFmt: '0%' });
    const date = w.styles.id({ numFmt: 'yyyy-mm-dd' });

    // Added first but shown last (order 100); the data sheet keeps its place (its index, 2).
    const list = w.addSheet('问题清单', { order: 100, widths: [9, 70], frozenRows: 1, autoFilter: { row: 1, from: 1, to: 2 }, sharedStrings: w.sharedStrings });
    const data = w.addSheet('村（社区）', { widths: [12, 30, 10, 11], frozenRows: 2, autoFilter: { row: 2, from: 1, to: 4 }, sharedStrings: w.sharedStrings });
    const summary = w.addSheet('汇总', { order: 50 });

    data.merge(1, 1, 1, 4);
    data.startRow(1);
    data.cell(1, '洛江区2024年城乡社区服务体系建设情况调查表', header);
    data.startRow(2);
    ['乡镇（街道）', '村（社区）名称', '户数', '灾害信息员人数'].forEach((h, i) => data.cell(i + 1, h, header));
    list.startRow(1);
    list.cell(1, '严重程度', header);
    list.cell(2, '说明', header);
    // The two sheets grow together, a row of one then a row of the other, as the annotator writes them.
    for (let i = 1; i <= ROWS; i++) {
      const r = i + 2;
      data.startRow(r);
      data.cell(1, '罗溪镇');
      data.cell(2, communityName(i));
      data.cell(3, 1000 + i, i % 2 ? thousands : 0);
      const officers = i % 500 === 0 ? 0 : 1;
      data.cell(4, officers, officers ? 0 : amber);
      if (!officers) data.note(4, `罗溪镇 ${communityName(i)}：灾害信息员人数为0，要求每个城乡社区至少有1名灾害信息员`);
      data.endRow();
      list.startRow(i + 1);
      list.cell(1, i % 3 ? '警告' : '错误', i % 3 ? amber : red);
      list.cell(2, `第 ${r} 行：${communityName(i)}`);
      if (i === 1) list.note(2, '第一条 & <第二条> "引号"');
    }
    // The data sheet's last row: every kind of value.
    data.startRow(ROWS + 3);
    data.cell(1, '  前后有空格  ');
    data.cell(2, '控制\u0007字符与 & < > "');
    data.cell(3, 7.5, decimals);
    data.cell(4, null, red); // an empty cell that still carries its fill
    data.cell(5, true);
    data.cell(6, new Date(Date.UTC(2024, 11, 20)), date);
    data.cell(7, 0.12, percent);
    data.cell(8, { formula: 'SUM(C3:C5)', result: '3006' });
    data.cell(9, Number.POSITIVE_INFINITY);
    data.endRow();

    summary.startRow(1);
    summary.cell(1, '状态', header);
    ['未达标', '达标', '未达标'].forEach((s, i) => {
      summary.startRow(i + 2);
      summary.cell(1, s);
    });
    summary.conditionalFormat('A2:A4', [{ formula: '$A2="未达标"', dxf: w.styles.dxf(RED) }, { formula: '$A2="达标"', dxf: w.styles.dxf({ fill: 'FFC6EFCE', color: 'FF006100' }) }], 1);
    w.finishSheet(summary);
    await w.save(file);
    wb = await open(file);
    entries = await readZip(file);
  });

  it('is a valid zip: every entry deflated, its CRC right, its XML well-formed', () => {
    checkPackage(entries);
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
        // Both sheets with notes: 问题清单 is sheet 1, 村（社区） sheet 2.
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/worksheets/_rels/sheet2.xml.rels',
        'xl/comments2.xml',
        'xl/drawings/vmlDrawing2.vml',
      ].sort(),
    );
  });

  it('removes its temporary parts once saved', () => {
    expect(readdirSync(dir)).toEqual(['批注测试.xlsx']);
  });

  it('puts the tabs in `order`, then in the order the sheets were added', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村（社区）', '汇总', '问题清单']);
  });

  it('keeps every row of two sheets written in turn', () => {
    const data = wb.getWorksheet('村（社区）')!;
    const list = wb.getWorksheet('问题清单')!;
    expect(data.actualRowCount).toBe(ROWS + 3);
    expect(list.actualRowCount).toBe(ROWS + 1);
    for (const i of [1, 2, 999, 1500, ROWS]) {
      expect(data.getRow(i + 2).values).toEqual([undefined, '罗溪镇', communityName(i), 1000 + i, i % 500 === 0 ? 0 : 1]);
      expect(list.getCell(i + 1, 2).value).toBe(`第 ${i + 2} 行：${communityName(i)}`);
      expect(list.getCell(i + 1, 1).value).toBe(i % 3 ? '警告' : '错误');
    }
  });

  it('writes each kind of value so that it reads back as itself', () => {
    const row = wb.getWorksheet('村（社区）')!.getRow(ROWS + 3);
    expect(row.getCell(1).value).toBe('  前后有空格  '); // xml:space="preserve"
    expect(row.getCell(2).value).toBe('控制字符与 & < > "'); // BEL dropped, the rest escaped and back
    expect(row.getCell(3).value).toBe(7.5);
    expect(row.getCell(4).value).toBeNull();
    expect(fillOf(row.getCell(4))).toBe(RED.fill);
    expect(row.getCell(5).value).toBe(true);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2024, 11, 20)));
    expect(row.getCell(7).value).toBe(0.12);
    expect(row.getCell(8).value).toEqual({ formula: 'SUM(C3:C5)', result: '3006' });
    expect(row.getCell(9).value).toBe('Infinity'); // no number XML can hold: its text
  });

  it('applies fills, fonts, number formats and wrapping', () => {
    const data = wb.getWorksheet('村（社区）')!;
    const head = data.getCell('A2');
    expect(fillOf(head)).toBe('FFD9E1F2');
    expect(head.font?.bold).toBe(true);
    expect(head.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(data.getCell('C3').numFmt).toBe('#,##0'); // i = 1, odd
    expect(data.getCell('C4').numFmt).toBeUndefined(); // i = 2: General
    expect(data.getCell(ROWS + 3, 3).numFmt).toBe('0.0##');
    expect(data.getCell(ROWS + 3, 6).numFmt).toBe('yyyy-mm-dd');
    expect(data.getCell(ROWS + 3, 7).numFmt).toBe('0%');
    // i = 500: no officer, amber with a dark amber font.
    const breach = data.getCell(502, 4);
    expect(breach.value).toBe(0);
    expect(fillOf(breach)).toBe(AMBER.fill);
    expect(breach.font?.color?.argb).toBe(AMBER.color);
    expect(fillOf(data.getCell(503, 4))).toBeUndefined();
    const list = wb.getWorksheet('问题清单')!;
    expect(fillOf(list.getCell('A2'))).toBe(AMBER.fill); // i = 1 → 警告
    expect(fillOf(list.getCell('A4'))).toBe(RED.fill); // i = 3 → 错误
  });

  it('registers a style once: the same object or the same content gives the same id', () => {
    const w = new XlsxWriter(path.join(tmpDir('cscheck-xlsx-styles-'), 'x.xlsx'));
    const style = { fill: 'FFFFC7CE' };
    expect(w.styles.id(style)).toBe(w.styles.id(style));
    expect(w.styles.id({ fill: 'FFFFC7CE' })).toBe(w.styles.id(style));
    expect(w.styles.id({ fill: 'FFFFEB9C' })).not.toBe(w.styles.id(style));
    expect(w.styles.id({})).toBe(0);
    return w.discard();
  });

  it('keeps notes on their cells, markup and all', () => {
    const data = wb.getWorksheet('村（社区）')!;
    const noted: string[] = [];
    data.eachRow((row) => row.eachCell((c) => void (noteOf(c) !== undefined && noted.push(c.address))));
    // i = 500, 1000, …, 3000 (rows i + 2): six notes, all in column D.
    expect(noted).toEqual([500, 1000, 1500, 2000, 2500, 3000].map((i) => `D${i + 2}`));
    expect(noteOf(data.getCell('D502'))).toBe(`罗溪镇 ${communityName(500)}：灾害信息员人数为0，要求每个城乡社区至少有1名灾害信息员`);
    expect(noteOf(wb.getWorksheet('问题清单')!.getCell('B2'))).toBe('第一条 & <第二条> "引号"');
    // The comments part lists the same cells, and Excel's drawing has a box for each.
    expect(partText(entries, 'xl/comments2.xml').match(/<comment ref="/g)).toHaveLength(6);
    expect(partText(entries, 'xl/drawings/vmlDrawing2.vml').match(/ObjectType="Note"/g)).toHaveLength(6);
  });

  it('keeps merges, widths, the frozen header and the auto filter', () => {
    const data = wb.getWorksheet('村（社区）')!;
    expect(data.model.merges).toEqual(['A1:D1']);
    expect([1, 2, 3, 4].map((c) => data.getColumn(c).width)).toEqual([12, 30, 10, 11]);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    // The filter runs from the header to the last row written.
    expect(data.autoFilter).toBe(`A2:D${ROWS + 3}`);
    expect(wb.getWorksheet('问题清单')!.autoFilter).toBe(`A1:B${ROWS + 1}`);
    // Excel also names each filter range; the sheet index is the tab's (村（社区） 0, 问题清单 2).
    const workbook = partText(entries, 'xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'村（社区）'!$A$2:$D$${ROWS + 3}</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'问题清单'!$A$1:$B$${ROWS + 1}</definedName>`);
  });

  it('writes conditional formats with their colours', () => {
    const ws = wb.getWorksheet('汇总')!;
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: any[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('A2:A4');
    expect(cf[0].rules.map((r) => [r.type, r.priority, r.formulae, r.style.fill.bgColor.argb, r.style.font.color.argb])).toEqual([
      ['expression', 1, ['$A2="未达标"'], RED.fill, RED.color],
      ['expression', 2, ['$A2="达标"'], 'FFC6EFCE', 'FF006100'],
    ]);
  });

  it('throws when a row comes out of order', async () => {
    const w = new XlsxWriter(path.join(tmpDir('cscheck-xlsx-order-'), 'x.xlsx'));
    const s = w.addSheet('村（社区）');
    s.startRow(5);
    expect(() => s.startRow(5)).toThrow('row 5 written after row 5');
    expect(() => s.startRow(3)).toThrow('row 3 written after row 5');
    s.startRow(6);
    await w.discard();
  });

  it('discard leaves nothing behind', async () => {
    const d = tmpDir('cscheck-xlsx-discard-');
    const w = new XlsxWriter(path.join(d, 'x.xlsx'));
    const s = w.addSheet('村（社区）');
    s.startRow(1);
    s.cell(1, '罗溪镇');
    s.note(1, '备注');
    expect(readdirSync(d)).toHaveLength(1); // the parts directory
    await w.discard();
    expect(readdirSync(d)).toEqual([]);
    expect(existsSync(path.join(d, 'x.xlsx'))).toBe(false);
  });
});

describe('shared strings past the bound', () => {
  it('writes the texts past the workbook’s 50,000 shared ones in their cells, all reading back', async () => {
    const file = path.join(tmpDir('cscheck-xlsx-shared-'), 'shared.xlsx');
    const w = new XlsxWriter(file);
    const s = w.addSheet('编码', { sharedStrings: w.sharedStrings });
    // 50,010 distinct texts of at most 6 characters (“码49999” is 6): the first 50,000 are shared.
    const N = 50_010;
    const text = (i: number) => `码${i}`;
    for (let i = 0; i < N; i++) {
      s.startRow(i + 1);
      s.cell(1, text(i));
    }
    await w.save(file);
    const entries = await readZip(file);
    checkPackage(entries);
    const sst = partText(entries, 'xl/sharedStrings.xml');
    expect(sst).toContain('count="50000" uniqueCount="50000"');
    expect(sst.match(/<si>/g)).toHaveLength(50_000);
    const sheet = partText(entries, 'xl/worksheets/sheet1.xml');
    expect(sheet.match(/t="s"/g)).toHaveLength(50_000);
    expect(sheet.match(/t="inlineStr"/g)).toHaveLength(10);
    expect(sheet).toContain(`<c r="A50001" t="inlineStr"><is><t>${text(50_000)}</t></is></c>`);
    const ws = (await open(file)).getWorksheet('编码')!;
    for (const i of [0, 1, 49_999, 50_000, N - 1]) expect(ws.getCell(i + 1, 1).value).toBe(text(i));
  });
});

describe('Excel-safe texts', () => {
  it('safeSheetName replaces []:*?/\\ and control characters and keeps 31 UTF-16 units', () => {
    expect(safeSheetName('洛江区[2024]:调查?表*第\\1批/汇总')).toBe('洛江区_2024__调查_表_第_1批_汇总');
    expect(safeSheetName('罗溪镇\t调查表')).toBe('罗溪镇_调查表');
    const long = '福建省泉州市洛江区2024年城乡社区服务体系建设情况调查表（第二批补充填报汇总）';
    expect(long.length).toBe(9 + 4 + 16 + 11); // 福建省泉州市洛江区 · 2024 · 年城乡…调查表 · （第二批补充填报汇总）
    expect(safeSheetName(long)).toBe(long.slice(0, 31));
    // Extension B characters count two each, and are never split.
    const extB = '𠀀'.repeat(20);
    expect(safeSheetName(extB)).toBe('𠀀'.repeat(15));
    expect(safeSheetName(`x${extB}`)).toBe(`x${'𠀀'.repeat(15)}`);
  });

  it('safeSheetName makes names unique as Excel compares them, within 31 units', () => {
    expect(safeSheetName('调查表', ['调查表'])).toBe('调查表(2)');
    expect(safeSheetName('Sheet', ['sheet', 'SHEET(2)'])).toBe('Sheet(3)');
    const long = '福建省泉州市洛江区2024年城乡社区服务体系建设情况调查表（第二批补充填报汇总）';
    expect(safeSheetName(long, [long.slice(0, 31)])).toBe(`${long.slice(0, 28)}(2)`);
  });

  it('safeSheetName refuses empty names, History, and apostrophes at either end', () => {
    expect(safeSheetName('')).toBe('Sheet_');
    expect(safeSheetName("'''")).toBe('Sheet_');
    expect(safeSheetName('History')).toBe('History_');
    expect(safeSheetName("'罗溪镇'")).toBe('罗溪镇');
    // A cut that ends on an apostrophe drops it too.
    expect(safeSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
  });

  it('cellText and noteText keep to Excel’s limits', () => {
    expect(cellText('罗溪镇')).toBe('罗溪镇');
    const huge = '村'.repeat(40_000);
    expect(cellText(huge)).toBe(`${'村'.repeat(32_766)}…`);
    expect(noteText('灾害信息员\u0007人数为0\n要求至少1名')).toBe('灾害信息员人数为0\n要求至少1名');
    expect(noteText('注'.repeat(1_200))).toBe(`${'注'.repeat(999)}…`);
    // Never half a surrogate pair.
    expect(noteText(`${'注'.repeat(998)}𠀀𠀀`)).toBe(`${'注'.repeat(998)}…`);
  });
});

describe('a part that cannot be written', () => {
  it('throws the file system error on the next write and from end(), instead of an unhandled error event', async () => {
    const { DeflatedPart } = await import('../../src/report/workbook/xlsx-writer/zip-parts.js');
    // The folder does not exist: the error arrives asynchronously, after the part was created.
    const part = new DeflatedPart('xl/worksheets/sheet1.xml', path.join(tmpDir(), 'gone', 'sheet1.xml.deflate'));
    await new Promise((r) => setTimeout(r, 50));
    expect(() => part.write('<row/>')).toThrow(/ENOENT/);
    await expect(part.end()).rejects.toThrow(/ENOENT/);
  });
});

describe('问题清单 at the end of its rows', () => {
  it('lists findings up to the row before the last and says on the last how many more there were', async () => {
    const { FindingsSheet } = await import('../../src/report/workbook/summary-sheets.js');
    const file = path.join(tmpDir(), 'list.xlsx');
    const wb = new XlsxWriter(file);
    // A sheet of 5 rows: the header (1), three findings (2–4), and row 5 for the rest of the ten.
    const list = new FindingsSheet(wb, 'zh', [], 5);
    for (let i = 1; i <= 10; i++) {
      list.add({ code: 'cell-type', severity: 'error', location: { file: '调查表.csv', row: i + 1 }, messageId: 'data.cell-type', args: { value: `约${i}`, expected: '非负数' } });
    }
    list.close();
    await wb.save(file);
    const ws = (await open(file)).getWorksheet('问题清单')!;
    expect(ws.rowCount).toBe(5);
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(8).value)).toEqual(['“约1”无法读取为非负数', '“约2”无法读取为非负数', '“约3”无法读取为非负数']);
    expect(ws.getRow(5).getCell(8).value).toBe('另有 7 条问题未列出：已到 Excel 工作表的行数上限；完整列表见 --format json 的报告');
  });
});
