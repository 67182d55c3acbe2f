// Legacy and look-alike workbooks (.xls BIFF8, .ods, HTML tables and XML Spreadsheet 2003 saved as
// “.xls”): sniffed from their content, and each evaluates to exactly its XLSX original's report.

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/io/sniff-format.js';
import { CscheckError } from '../../src/schema/errors.js';
import { ROOT, lines, run, tmpDir, writeFile } from '../cli/helpers.js';
import { sofficeAvailable, sofficeConvert } from '../report/soffice.js';
import { read } from './support.js';
import yauzl from 'yauzl';

const runChild = promisify(execFile);
const fixture = (...p: string[]) => path.join(ROOT, 'fixtures', ...p);
const dir = tmpDir('cscheck-legacy-');

// Each XLSX fixture, the command that checks it, and its sheets in order (an HTML page names none).
const TWINS = [
  { original: fixture('luojiang', 'survey-2024.xlsx'), stem: 'luojiang-survey', args: ['evaluate', '--plan', 'quanzhou'], sheets: ['村（社区）', '乡镇（街道）', '填报指标'] },
  { original: fixture('xishuangbanna', 'survey-2024.xlsx'), stem: 'xishuangbanna-survey', args: ['evaluate', '--plan', 'xishuangbanna'], sheets: ['村（社区）', '乡镇（街道）', '填报指标'] },
  { original: fixture('ledger', 'luojiang-2025-faulty.xlsx'), stem: 'luojiang-ledger-faulty', args: ['ledger', '--plan', 'luojiang', '--as-of', '2025-06-30'], sheets: ['任务清单'] },
];
const COPIES = [
  { suffix: '.xls', what: 'Excel 97-2003 (BIFF8)' },
  { suffix: '.ods', what: 'OpenDocument' },
  { suffix: '-xml2003.xls', what: 'XML Spreadsheet 2003 named .xls' },
  { suffix: '-html.xls', what: 'HTML table named .xls' },
];

/** The JSON report of `args` on `file`, with the file named FILE and the sheets renamed by `rename`. */
async function report(args: string[], file: string, rename: Record<string, string> = {}): Promise<{ code: number; json: unknown }> {
  const [command, ...rest] = args;
  const r = await run([command, file, ...rest, '--format', 'json']);
  expect(r.stderr).toBe('');
  let text = r.stdout.split(JSON.stringify(file).slice(1, -1)).join('FILE');
  for (const [from, to] of Object.entries(rename)) text = text.split(`"${from}"`).join(`"${to}"`).split(`${from}!`).join(`${to}!`);
  return { code: r.code, json: JSON.parse(text) };
}

describe('each copy of an XLSX fixture evaluates to the XLSX original’s report', () => {
  for (const twin of TWINS) {
    describe(path.relative(ROOT, twin.original), () => {
      let original: Promise<{ code: number; json: unknown }> | undefined;
      const expected = () => (original ??= report(twin.args, twin.original));
      it.each(COPIES)('$what', async ({ suffix }) => {
        const file = fixture('legacy', `${twin.stem}${suffix}`);
        // An HTML page has no sheet names: one table is named after the file (as Excel opens it),
        // several are Sheet1, Sheet2, … in order.
        const rename: Record<string, string> = {};
        if (suffix === '-html.xls') {
          if (twin.sheets.length === 1) rename[`${twin.stem}-html`] = twin.sheets[0];
          else twin.sheets.forEach((s, i) => (rename[`Sheet${i + 1}`] = s));
        }
        const got = await report(twin.args, file, rename);
        const want = await expected();
        expect(got.code).toBe(want.code);
        expect(got.json).toEqual(want.json);
      });
    });
  }

  it('the luojiang copies find what the README finds by hand: V24 breaks the rule, K53 (“约300”) is unreadable', async () => {
    for (const { suffix } of COPIES) {
      const r = await run(['evaluate', fixture('legacy', `luojiang-survey${suffix}`), '--plan', 'quanzhou', '--format', 'json']);
      const findings = JSON.parse(r.stdout).findings as { code: string; location: { cell?: string; row?: number } }[];
      expect(findings.some((f) => f.location.cell === 'V24'), suffix).toBe(true);
      expect(findings.find((f) => f.code === 'cell-type' && f.location.cell === 'K53'), suffix).toBeDefined();
    }
  });
});

describe('sniffing the content, not the name', () => {
  const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  const zipHead = (firstName: string, body = '') => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(firstName + body, 'latin1')]);
  it.each([
    ['a compound file', cfb, undefined, 'xls'],
    ['an ODF package, mimetype first', zipHead('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), undefined, 'ods'],
    ['an ODF package listing content.xml and a manifest', zipHead('META-INF/manifest.xml'), Buffer.from('content.xml META-INF/manifest.xml styles.xml'), 'ods'],
    ['an OOXML package', zipHead('[Content_Types].xml'), Buffer.from('[Content_Types].xml xl/workbook.xml'), 'xlsx'],
    ['XML Spreadsheet 2003', Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), undefined, 'xml2003'],
    ['an HTML page after a BOM and blank lines', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n  \n<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>')]), undefined, 'html'],
    ['a bare <table>', Buffer.from('<table><tr><td>1</td></tr></table>'), undefined, 'html'],
    ['XHTML with an XML prolog', Buffer.from('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><table>'), undefined, 'html'],
    ['an HTML page in UTF-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><table>', 'utf16le')]), undefined, 'html'],
    ['a flat ODF spreadsheet', Buffer.from('<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'), undefined, 'fods'],
    ['CSV text', Buffer.from('村（社区）名称,城乡类型\n塘西社区,城市\n'), undefined, 'text'],
    ['bytes with NULs', Buffer.from([1, 2, 0, 4, 0, 0, 9]), undefined, 'binary'],
  ])('%s', (_, head, tail, format) => {
    expect(sniffFormat(head as Buffer, tail as Buffer | undefined)).toBe(format);
  });
});

// A small community table, as a web system exports it: title row merged across, then the header.
const HEAD = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数', '综合服务设施建筑面积', '居民活动区域面积'];
const ROWS = [
  ['万安街道', '塘西社区', '城市', '3,200', '800', '520'],
  ['万安街道', '后埭社区', '城市', '2000', '600平方米', '300'],
  ['罗溪镇', '洪四村', '农村', '600', '350', '约200'],
];
const htmlTable = (charsetMeta: string) =>
  `<html><head>${charsetMeta}<title>导出</title></head><body><table>` +
  `<tr><td colspan="6">洛江区社区服务设施统计表</td></tr>` +
  `<tr>${HEAD.map((h) => `<td>${h}</td>`).join('')}</tr>` +
  ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
  `</table></body></html>`;

describe('HTML tables', () => {
  // By hand: the three rows above, numbers read from text with their separators and units.
  const expectRows = async (file: string) => {
    const c = await read(file);
    expect(c.community().map((r) => [r.row, r.v.township, r.v.community, r.v.kind, r.v.households, r.v.facility_area, r.v.activity_area ?? null])).toEqual([
      [3, '万安街道', '塘西社区', '城市', 3200, 800, 520],
      [4, '万安街道', '后埭社区', '城市', 2000, 600, 300],
      [5, '罗溪镇', '洪四村', '农村', 600, 350, null],
    ]);
    const bad = c.findings.filter((f) => f.code === 'cell-type');
    expect(bad.map((f) => [f.location.sheet, f.location.cell, f.args.value])).toEqual([[path.basename(file, path.extname(file)), 'F5', '约200']]);
  };

  it.each([
    ['gb2312 in a meta http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gbk'],
    ['GBK in a meta charset', '<meta charset="GBK">', 'gbk'],
    ['no charset at all, GBK bytes', '', 'gbk'],
    ['UTF-8 declared', '<meta charset="utf-8">', 'utf8'],
  ] as const)('“.xls” HTML with %s reads right', async (_, meta, encoding) => {
    const file = writeFile(dir, `export-${encoding}-${meta.length}.xls`, iconv.encode(htmlTable(meta), encoding));
    await expectRows(file);
  });

  it('keeps a line break written as Excel writes it (<br style=…>)', async () => {
    const file = writeFile(dir, 'br.xls', `<table><tr>${HEAD.map((h) => `<td>${h}</td>`).join('')}</tr><tr><td>万安街道</td><td>塘西<br style='mso-data-placement:same-cell'>社区</td><td>城市</td></tr></table>`);
    const c = await read(file);
    expect(c.community()[0].v.community).toBe('塘西\n社区');
  });
});

describe('what cannot be read: one line, exit 2', () => {
  const evaluate = (file: string) => run(['evaluate', file, '--plan', 'quanzhou']);
  const oneLine = (r: { code: number; stdout: string; stderr: string }, file: string) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    return r.stderr;
  };

  it('an encrypted .xlsx saved as .xls keeps the encrypted-workbook message', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(248, 4));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(8192, 7));
    const file = writeFile(dir, 'locked.xls', XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expect(oneLine(await evaluate(file), file)).toContain('加密');
  });

  it.each([
    ['a compound-file header and nothing else', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])],
    ['the first half of the BIFF8 fixture', () => readFileSync(fixture('legacy', 'luojiang-survey.xls')).subarray(0, 20_000)],
    ['the first half of the .ods fixture', () => readFileSync(fixture('legacy', 'luojiang-survey.ods')).subarray(0, 140_000)],
    ['random bytes named .xls', () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i % 5 === 0 ? 0 : (i * 53 + 7) % 256)))],
  ])('%s: the workbook cannot be read', async (name, bytes) => {
    const file = writeFile(dir, `${name.replace(/\W+/g, '-')}.${name.includes('.ods') ? 'ods' : 'xls'}`, bytes());
    const line = oneLine(await evaluate(file), file);
    expect(line).toMatch(/工作簿无法读取|\.xlsx 文件已损坏/);
    expect(line).not.toContain('ZIP');
  });

  it('CSV text named .xls is read as the CSV it is (as Excel opens it)', async () => {
    const file = writeFile(dir, 'export.xls', `${HEAD.join(',')}\n${ROWS.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n')}\n`);
    const c = await read(file);
    expect(c.community().map((r) => r.v.households)).toEqual([3200, 2000, 600]);
  });

  it('a file over the whole-file limit is refused before it is read', async () => {
    const file = fixture('legacy', 'luojiang-survey.xls');
    const size = readFileSync(file).length;
    const r = await runChild(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', file, '--plan', 'quanzhou'], {
      env: { ...process.env, CSCHECK_MAX_WHOLE_FILE_BYTES: String(size - 1) },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`cscheck: ${file}: 需整体读入的工作簿（.xls、.ods 等）大小超出上限 ${(size - 1).toLocaleString('en-US')} 字节（此处为 ${size.toLocaleString('en-US')} 字节）；如确需处理，可设置环境变量 CSCHECK_MAX_WHOLE_FILE_BYTES 调高`]);
  });

  it('an .ods whose parts inflate past the limit is refused before SheetJS reads it', async () => {
    const file = fixture('legacy', 'luojiang-survey.ods');
    // The limit counts inflated bytes as they come: at one byte under the parts' total, the last part passes it.
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
    let total = 0;
    await new Promise<void>((resolve) => {
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.readEntry();
    });
    zip.close();
    const r = await runChild(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', file, '--plan', 'quanzhou', '--format', 'json'], {
      env: { ...process.env, CSCHECK_MAX_WHOLE_FILE_INFLATED_BYTES: String(total - 1) },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`cscheck: ${file}: 需整体读入的压缩工作簿（.ods）解压后的大小超出上限 ${(total - 1).toLocaleString('en-US')} 字节；如确需处理，可设置环境变量 CSCHECK_MAX_WHOLE_FILE_INFLATED_BYTES 调高`]);
  });

  it('an HTML table with more merged cells than the limit is refused before SheetJS walks them', async () => {
    // 2,001 cells spanning two rows, one over the default of 2,000 (SheetJS's time grows with cells × spans).
    const rows = Array.from({ length: 2001 }, (_, i) => `<tr><td rowspan="2">镇${i}</td><td>村${i}</td><td>城市</td></tr><tr><td>村${i}b</td><td>农村</td></tr>`).join('');
    const file = writeFile(dir, 'spans.xls', `<table><tr><td>乡镇（街道）</td><td>村（社区）名称</td><td>城乡类型</td></tr>${rows}</table>`);
    const line = oneLine(await evaluate(file), file);
    expect(line).toContain('超出上限 2,000 个区域（此处为 2,001 个区域）');
    expect(line).toContain('CSCHECK_MAX_HTML_SPANS');
  });

  it('a sheet named with --sheet that a legacy workbook lacks names the sheets it has', async () => {
    const file = fixture('legacy', 'luojiang-survey.ods');
    const err = await read(file, { sheet: '不存在' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CscheckError);
    expect((err as CscheckError).messageId).toBe('input.sheet-not-found');
    expect((err as CscheckError).args.sheets).toBe('村（社区）、乡镇（街道）、填报指标');
  });
});

describe('--annotate and batch', () => {
  it('--annotate of an .xls writes an .xlsx: the data as the file holds it, V24 marked with its note', async () => {
    const out = path.join(dir, '批注.xlsx');
    const r = await run(['evaluate', fixture('legacy', 'luojiang-survey.xls'), '--plan', 'quanzhou', '--annotate', out]);
    expect(r.code).toBe(1);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const wb = XLSX.read(bytes, { cellNF: true });
    const ws = wb.Sheets['村（社区）'];
    // Cell for cell as the original's data sheet (A1:AP64), the 检查结果 column after it.
    const original = XLSX.read(readFileSync(fixture('luojiang', 'survey-2024.xlsx'))).Sheets['村（社区）'];
    for (let row = 1; row <= 64; row++) {
      for (let col = 0; col < 42; col++) {
        const a = XLSX.utils.encode_cell({ r: row - 1, c: col });
        expect(ws[a]?.v, a).toEqual(original[a]?.v);
      }
    }
    expect(ws.AQ4.v).toBe('检查结果');
    expect(ws.V24.c?.[0]?.t).toContain('灾害信息员人数为0');
    expect(ws['!merges']?.length).toBe(original['!merges']?.length);
  });

  it('batch evaluates .xls, .ods, HTML “.xls”, .xlsx and .csv in one folder', async () => {
    const folder = path.join(dir, 'batch-in');
    mkdirSync(folder);
    cpSync(fixture('legacy', 'luojiang-survey.xls'), path.join(folder, 'a.xls'));
    cpSync(fixture('legacy', 'luojiang-survey.ods'), path.join(folder, 'b.ods'));
    cpSync(fixture('legacy', 'luojiang-survey-html.xls'), path.join(folder, 'c.xls'));
    cpSync(fixture('luojiang', 'survey-2024.xlsx'), path.join(folder, 'd.xlsx'));
    cpSync(fixture('luojiang', 'survey-2024.csv'), path.join(folder, 'e.csv'));
    const out = path.join(dir, 'batch-out');
    const r = await run(['batch', folder, '--plan', 'quanzhou', '--out', out, '--quiet', '--jobs', '1']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { input: string; status: string; rows: number }) => [f.input, f.status === 'failed', f.rows])).toEqual([
      ['a.xls', false, 60],
      ['b.ods', false, 60],
      ['c.xls', false, 60],
      ['d.xlsx', false, 60],
      ['e.csv', false, 60],
    ]);
    expect(readdirSync(out).filter((f) => f.endsWith('.json')).sort()).toEqual(['a.json', 'b.json', 'c.json', 'd.json', 'e.json', 'summary.json']);
  });
});

// — A file the library under test did not write: LibreOffice converts the XLSX fixture to .xls —
const hasSoffice = sofficeAvailable();
if (!hasSoffice && !process.env.CI) console.warn('legacy-formats.test.ts: soffice not found (install libreoffice-calc); the LibreOffice .xls test is skipped');

describe.skipIf(!hasSoffice && !process.env.CI)('an .xls written by LibreOffice', () => {
  it('evaluates to the XLSX original’s indicators and findings', { timeout: 180_000 }, async () => {
    const out = tmpDir('cscheck-legacy-lo-');
    const [xls] = await sofficeConvert(fixture('luojiang', 'survey-2024.xlsx'), 'xls', out);
    expect(readFileSync(xls).subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const got = (await report(['evaluate', '--plan', 'quanzhou'], xls)).json as any;
    const want = (await report(['evaluate', '--plan', 'quanzhou'], fixture('luojiang', 'survey-2024.xlsx'))).json as any;
    const essence = (r: any) => ({
      indicators: r.indicators,
      findings: r.findings.map((f: any) => [f.code, f.severity, f.location.sheet, f.location.cell, f.message]),
    });
    expect(essence(got)).toEqual(essence(want));
  });
});

