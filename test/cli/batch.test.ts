// cscheck batch over fixtures/batch (see fixtures/batch/README.md for every number below, worked
// out by hand): the summary's values, the failed files and their reasons, exit codes, output names,
// summary.xlsx and summary.md read back, progress lines, --quiet, and Ctrl-C in the middle of a run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { BatchFileResult, BatchSummary } from '../../src/schema/batch.js';
import { ROOT, lines, run, tmpDir } from './helpers.js';

const TREE = path.join(ROOT, 'fixtures', 'batch');
const CITY = path.join(TREE, '泉州市');

/** Every file below the directory, relative to it, `/`-separated, sorted. */
function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? (d as any).path, d.name)).split(path.sep).join('/'))
    .sort();
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

beforeAll(() => {
  // The workers are the compiled files.
  if (existsSync(path.join(ROOT, 'dist', 'workers', 'batch-worker.js'))) return;
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
}, 120_000);

describe('cscheck batch fixtures/batch --plan quanzhou', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;
  let summary: BatchSummary;
  const file = (input: string): BatchFileResult => summary.files.find((f) => f.input === input)!;
  const indicator = (input: string, id: string) => file(input).indicators.find((i) => i.id === id)!;

  beforeAll(async () => {
    out = tmpDir('cscheck-batch-');
    result = await run(['batch', TREE, '--plan', 'quanzhou', '--out', out, '--jobs', '2']);
    summary = readJson(path.join(out, 'summary.json'));
  }, 60_000);

  it('exits 2, the worst of its files (two cannot be read)', () => {
    expect(result.code).toBe(2);
    expect(summary.totals.exitCode).toBe(2);
  });

  it('lists every file in path order with its area, status and exit code', () => {
    expect(summary.files.map((f) => [f.input, f.area, f.status, f.exitCode])).toEqual([
      ['泉州市/惠安县/崇武镇.csv', '惠安县', 'ok', 0],
      ['泉州市/惠安县/崇武镇.xlsx', '惠安县', 'ok', 0],
      ['泉州市/永春县/桃城镇.csv', '桃城镇', 'failed', 2],
      ['泉州市/泉港区/南埔镇.xlsx', '南埔镇', 'failed', 2],
      ['泉州市/泉港区/山腰街道.csv', '泉港区', 'ok', 1],
      ['泉州市/洛江区/万安街道.csv', '洛江区', 'ok', 0],
      ['泉州市/洛江区/罗溪镇.csv', '洛江区', 'ok', 1],
    ]);
  });

  it('totals: 7 files, 5 read, 28 rows, 2 errors, 8 warnings, 177 info', () => {
    expect(summary.totals).toEqual({
      files: 7,
      ok: 5,
      failed: 2,
      rows: 6 + 6 + 5 + 5 + 6,
      findings: { error: 0 + 0 + 1 + 0 + 1, warning: 1 + 1 + 2 + 0 + 4, info: 36 + 36 + 34 + 35 + 36 },
      exitCode: 2,
    });
  });

  it('counts rows, townships and findings per file', () => {
    const counts = (input: string) => [file(input).rows, file(input).townships, file(input).findings];
    expect(counts('泉州市/洛江区/万安街道.csv')).toEqual([5, 1, { error: 0, warning: 0, info: 23 + 12 }]);
    expect(counts('泉州市/洛江区/罗溪镇.csv')).toEqual([6, 1, { error: 1, warning: 3 + 1, info: 23 + 12 + 1 }]);
    expect(counts('泉州市/泉港区/山腰街道.csv')).toEqual([5, 1, { error: 1, warning: 2, info: 22 + 12 }]);
    expect(counts('泉州市/惠安县/崇武镇.csv')).toEqual([6, 1, { error: 0, warning: 1, info: 22 + 12 + 1 + 1 }]);
    expect(counts('泉州市/惠安县/崇武镇.xlsx')).toEqual(counts('泉州市/惠安县/崇武镇.csv'));
  });

  it('activity_area_share (约束性, ≥60%): Σ活动 ÷ Σ设施 per file', () => {
    const v = (input: string) => indicator(input, 'activity_area_share');
    expect(v('泉州市/洛江区/万安街道.csv')).toMatchObject({ status: 'met', withData: 5, inScope: 5 });
    expect(v('泉州市/洛江区/万安街道.csv').value).toBeCloseTo((100 * (400 + 500 + 300 + 440 + 260)) / (600 + 800 + 500 + 700 + 400), 9);
    expect(v('泉州市/洛江区/罗溪镇.csv')).toMatchObject({ status: 'not-met', withData: 5, inScope: 6 });
    expect(v('泉州市/洛江区/罗溪镇.csv').value).toBeCloseTo((100 * (280 + 150 + 140 + 130 + 150)) / (500 + 300 + 250 + 200 + 250), 9);
    expect(v('泉州市/洛江区/罗溪镇.csv').gap).toBeCloseTo(60 - (100 * 850) / 1500, 9);
    expect(v('泉州市/泉港区/山腰街道.csv')).toMatchObject({ status: 'met', withData: 3, inScope: 5 });
    expect(v('泉州市/泉港区/山腰街道.csv').value).toBeCloseTo((100 * (380 + 240 + 180)) / (600 + 400 + 300), 9);
    // 1200 / 2000 is exactly 60%: met (≥ includes the bound).
    for (const input of ['泉州市/惠安县/崇武镇.csv', '泉州市/惠安县/崇武镇.xlsx']) {
      expect(v(input)).toMatchObject({ status: 'met', withData: 6, inScope: 6 });
      expect(v(input).value).toBeCloseTo((100 * (300 + 240 + 180 + 180 + 150 + 150)) / (500 + 400 + 300 + 300 + 250 + 250), 9);
    }
  });

  it('facility_coverage_rural (≥100%): 农村 rows with 是 ÷ 农村 rows with a value', () => {
    const v = (input: string) => indicator(input, 'facility_coverage_rural');
    expect(v('泉州市/洛江区/万安街道.csv')).toMatchObject({ status: 'no-data', value: null, withData: 0, inScope: 0 });
    expect(v('泉州市/洛江区/罗溪镇.csv')).toMatchObject({ status: 'not-met', value: (100 * 4) / 5, gap: 100 - 80, withData: 5, inScope: 6 });
    expect(v('泉州市/泉港区/山腰街道.csv')).toMatchObject({ status: 'not-met', withData: 3, inScope: 3 });
    expect(v('泉州市/泉港区/山腰街道.csv').value).toBeCloseTo((100 * 2) / 3, 9);
    expect(v('泉州市/惠安县/崇武镇.xlsx')).toMatchObject({ status: 'met', value: 100, withData: 4, inScope: 4 });
  });

  it('volunteer_share (≥18%): Σ注册志愿者 ÷ Σ常住人口', () => {
    const v = (input: string) => indicator(input, 'volunteer_share');
    expect(v('泉州市/洛江区/万安街道.csv').value).toBeCloseTo((100 * 6700) / 35000, 9);
    expect(v('泉州市/洛江区/万安街道.csv').status).toBe('met');
    expect(v('泉州市/洛江区/罗溪镇.csv').value).toBeCloseTo((100 * 2200) / 12500, 9);
    expect(v('泉州市/洛江区/罗溪镇.csv')).toMatchObject({ status: 'not-met', withData: 6, inScope: 6 });
    expect(v('泉州市/泉港区/山腰街道.csv')).toMatchObject({ status: 'met', value: (100 * 3400) / 17000 });
    expect(v('泉州市/惠安县/崇武镇.csv').value).toBeCloseTo((100 * 3000) / 18000, 9);
    expect(v('泉州市/惠安县/崇武镇.csv').status).toBe('not-met');
  });

  it('lists each failed file with its reason and location', () => {
    const corrupt = file('泉州市/泉港区/南埔镇.xlsx');
    expect(corrupt.error).toMatchObject({ messageId: 'input.corrupt-xlsx', location: { file: path.join(CITY, '泉港区', '南埔镇.xlsx') } });
    expect(corrupt.error!.text).toMatch(/南埔镇\.xlsx: \.xlsx 文件已损坏或不完整：/);
    const noKind = file('泉州市/永春县/桃城镇.csv');
    expect(noKind.error).toMatchObject({ messageId: 'input.missing-column', args: { column: '城乡类型', row: 1 } });
    expect(noKind.error!.text).toContain('桃城镇.csv 第 1 行: 缺少必需的列“城乡类型”（表头在第 1 行）');
    for (const f of [corrupt, noKind]) expect(f).toMatchObject({ reports: {}, rows: 0, indicators: [] });
  });

  it('states the plan and its 27 indicators in plan order', () => {
    expect(summary).toMatchObject({ schemaVersion: 1, lang: 'zh', plan: { id: 'quanzhou', document: '泉政办〔2022〕54号' } });
    expect(summary.indicators).toHaveLength(27);
    expect(summary.indicators.map((i) => i.id).slice(0, 2)).toEqual(['facility_coverage_rural', 'facility_coverage_urban']);
    expect(summary.indicators.find((i) => i.id === 'activity_area_share')).toMatchObject({ binding: true, attribute: '约束性', target: { op: '>=', value: 60 } });
    for (const f of summary.files.filter((x) => x.status === 'ok')) expect(f.indicators.map((i) => i.id)).toEqual(summary.indicators.map((i) => i.id));
  });

  it('writes a JSON report and an HTML page per readable file under its mirrored name, the summaries and index.html, and nothing else', () => {
    const stems = ['泉州市/惠安县/崇武镇-2', '泉州市/惠安县/崇武镇', '泉州市/泉港区/山腰街道', '泉州市/洛江区/万安街道', '泉州市/洛江区/罗溪镇'];
    expect(listFiles(out)).toEqual(['index.html', 'summary.json', 'summary.md', 'summary.xlsx', ...stems.flatMap((s) => [`${s}.json`, `${s}.html`])].sort());
    expect(file('泉州市/惠安县/崇武镇.csv').reports).toEqual({ json: '泉州市/惠安县/崇武镇.json', html: '泉州市/惠安县/崇武镇.html' });
    expect(file('泉州市/惠安县/崇武镇.xlsx').reports).toEqual({ json: '泉州市/惠安县/崇武镇-2.json', html: '泉州市/惠安县/崇武镇-2.html' });
    // Each page links back to the index two folders up.
    expect(readFileSync(path.join(out, '泉州市/洛江区/万安街道.html'), 'utf8')).toContain('href="../../index.html"');
    const report = readJson(path.join(out, '泉州市/洛江区/罗溪镇.json'));
    expect(report.inputs[0]).toMatchObject({ file: path.join(CITY, '洛江区', '罗溪镇.csv'), rows: 6, encoding: expect.stringMatching(/gb/i) });
    expect(report.summary.findings).toEqual(file('泉州市/洛江区/罗溪镇.csv').findings);
    // The community list `compare` matches across years.
    expect(report.communities.map((c: any) => [c.county, c.township, c.name])).toEqual(['双溪村', '后溪村', '三村村', '前溪村', '新东村', '柏山村'].map((n) => ['洛江区', '罗溪镇', n]));
    const cell = report.findings.find((f: any) => f.code === 'requirement-breach');
    expect(cell).toMatchObject({ ruleId: 'disaster_info_officer', location: { township: '罗溪镇', community: '三村村' } });
  });

  it("each file's report is the report evaluate --format json gives for that file, plus its community list", async () => {
    for (const [input, stem] of [
      ['洛江区/罗溪镇.csv', '泉州市/洛江区/罗溪镇'],
      ['惠安县/崇武镇.xlsx', '泉州市/惠安县/崇武镇-2'],
    ]) {
      const evaluated = await run(['evaluate', path.join(CITY, input), '--plan', 'quanzhou', '--format', 'json']);
      const { communities, ...batched } = readJson(path.join(out, `${stem}.json`));
      expect(communities.length).toBe(6);
      expect(batched).toEqual(JSON.parse(evaluated.stdout));
    }
  });

  it('summary.xlsx: 明细 has one row per readable file × indicator, numbers as numbers; 文件 one row per file', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'summary.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '文件']);
    const details = wb.getWorksheet('明细')!;
    expect(details.getRow(1).values).toEqual([undefined, '文件', '地区', '指标编号', '指标', '属性', '单位', '目标', '实际', '差距', '状态', '有数据', '范围', '行数']);
    expect(details.rowCount).toBe(1 + 5 * 27);
    expect(details.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(details.autoFilter).toBe(`A1:M${1 + 5 * 27}`);
    const rows = details.getSheetValues().slice(2) as unknown[][];
    const luoxi = rows.find((r) => r[1] === '泉州市/洛江区/罗溪镇.csv' && r[3] === 'activity_area_share')!;
    expect(luoxi.slice(1, 8)).toEqual(['泉州市/洛江区/罗溪镇.csv', '洛江区', 'activity_area_share', '居民活动区域面积占社区综合服务设施总建筑面积比例', '约束性', '%', 60]);
    expect(luoxi[8]).toBeCloseTo((100 * 850) / 1500, 9);
    expect(luoxi[9]).toBeCloseTo(60 - (100 * 850) / 1500, 9);
    expect(luoxi.slice(10, 14)).toEqual(['未达标', 5, 6, 6]);
    const targetCell = details.getRow(rows.indexOf(luoxi) + 2).getCell(7);
    expect(targetCell.numFmt).toBe('"≥"General');
    const wananRural = rows.find((r) => r[1] === '泉州市/洛江区/万安街道.csv' && r[3] === 'facility_coverage_rural')!;
    expect([wananRural[8], wananRural[9], wananRural[10], wananRural[11], wananRural[12]]).toEqual([undefined, undefined, '无数据', 0, 0]);

    const files = wb.getWorksheet('文件')!;
    expect(files.rowCount).toBe(1 + 7);
    expect(files.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const fileRows = files.getSheetValues().slice(2) as unknown[][];
    expect(fileRows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['泉州市/惠安县/崇武镇.csv', '通过', 0],
      ['泉州市/惠安县/崇武镇.xlsx', '通过', 0],
      ['泉州市/永春县/桃城镇.csv', '无法评估', 2],
      ['泉州市/泉港区/南埔镇.xlsx', '无法评估', 2],
      ['泉州市/泉港区/山腰街道.csv', '有问题', 1],
      ['泉州市/洛江区/万安街道.csv', '通过', 0],
      ['泉州市/洛江区/罗溪镇.csv', '有问题', 1],
    ]);
    // 罗溪镇: 6 rows, 1 township, 0 met / 4 not met / 23 no data, 1 error / 4 warnings / 36 info.
    expect(fileRows[6].slice(5, 13)).toEqual([6, 1, 0, 4, 23, 1, 4, 36]);
    expect(fileRows[6][13]).toBe('泉州市/洛江区/罗溪镇.json');
    expect(String(fileRows[2][14])).toContain('缺少必需的列“城乡类型”');
  });

  it('summary.md: the files table and the file × indicator table', () => {
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('7 个文件：5 个已评估，2 个无法评估 · 共 28 行 · 2 个错误，8 个警告，177 个提示');
    expect(md).toContain('| 泉州市/洛江区/罗溪镇.csv | 洛江区 | 6 | ❌ 有问题 | 0/4/23 | 1/4/36 | 泉州市/洛江区/罗溪镇.json |');
    expect(md).toMatch(/\| 泉州市\/泉港区\/南埔镇\.xlsx \| 南埔镇 \| — \| ⛔ 无法评估：.*南埔镇\.xlsx: \.xlsx 文件已损坏或不完整/);
    const matrix = md.slice(md.indexOf('### 指标（文件 × 指标）'));
    const header = matrix.split('\n')[2];
    // Only indicators some file has data for: the five these ten columns can measure.
    expect(header.split(' | ').length).toBe(1 + 5);
    expect(header).toContain('居民活动区域面积占社区综合服务设施总建筑面积比例 ≥60% · 约束性');
    const luoxi = matrix.split('\n').find((l) => l.startsWith('| 泉州市/洛江区/罗溪镇.csv'))!;
    expect(luoxi).toContain('❌ 56.7%');
    expect(luoxi).toContain('❌ 17.6%');
    expect(matrix.split('\n').find((l) => l.startsWith('| 泉州市/洛江区/万安街道.csv'))).toContain('⚪ —');
    expect(md).toContain('以下指标在所有文件中均无数据：');
  });

  it('prints one line per file on stdout and, without a terminal, one progress line per finished file on stderr', () => {
    expect(result.stdout).toContain('泉州市/洛江区/罗溪镇.csv');
    expect(result.stdout).toContain('7 个文件：5 个已评估，2 个无法评估');
    const progress = lines(result.stderr);
    expect(progress).toHaveLength(7);
    // In the order files finish: the counter runs 1..7, every file once.
    expect(progress.map((l) => Number(/^\[(\d+)\/7\] /.exec(l)?.[1]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.map((l) => l.replace(/^\[\d+\/7\] /, '').split(' ')[0]).sort()).toEqual(summary.files.map((f) => f.input).sort());
    expect(progress.find((l) => l.includes('罗溪镇.csv'))).toMatch(/^\[\d\/7\] 泉州市\/洛江区\/罗溪镇\.csv 6 行 \d+\.\d 秒$/);
    expect(progress.find((l) => l.includes('南埔镇.xlsx'))).toMatch(/南埔镇\.xlsx 无法评估：.*已损坏或不完整/);
  });
});

describe('cscheck batch: options and exit codes', () => {
  // One worker each: these runs are small, and a thread costs its start-up.
  const batch = (inputs: string[], ...opts: string[]) => run(['batch', ...inputs, '--plan', 'quanzhou', '--out', tmpDir(), '--jobs', '1', ...opts]);

  it('exits 1 when the worst file has findings at the fail level; --format json prints summary.json', async () => {
    const out = tmpDir();
    const r = await run(['batch', path.join(CITY, '洛江区'), '--plan', 'quanzhou', '--out', out, '--jobs', '1', '--quiet', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(JSON.parse(r.stdout).totals).toMatchObject({ files: 2, rows: 5 + 6, exitCode: 1 });
  });

  it('exits 0 when no file has findings at the fail level; --format markdown prints summary.md', async () => {
    const out = tmpDir();
    const r = await run(['batch', path.join(CITY, '洛江区', '万安街道.csv'), '--plan', 'quanzhou', '--out', out, '--jobs', '1', '--quiet', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(out, 'summary.md'), 'utf8'));
  });

  it('takes a quoted glob, naming files relative to its fixed part; --fail-on expected makes 崇武镇 (a missed 预期性 indicator) exit 1', async () => {
    const r = await batch([`${CITY}/*/崇武镇.*`], '--quiet', '--format', 'json', '--fail-on', 'expected');
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.files.map((f: BatchFileResult) => [f.input, f.exitCode])).toEqual([
      ['惠安县/崇武镇.csv', 1],
      ['惠安县/崇武镇.xlsx', 1],
    ]);
    expect(s.files[0].reports).toEqual({ json: '惠安县/崇武镇.json', html: '惠安县/崇武镇.html' });
  });

  it('leaves an unreadable file at 2 with --fail-on none, and speaks English with --lang en', async () => {
    const r = await batch([path.join(CITY, '永春县')], '--lang', 'en', '--format', 'json', '--fail-on', 'none');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0].error.text).toMatch(/桃城镇\.csv row 1: required column “城乡类型” is missing \(header found at row 1\)$/);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^\[1\/1\] 桃城镇\.csv not evaluated: .*required column “城乡类型” is missing/)]);
  });

  it('is a usage error (exit 2) when nothing is found, a path does not exist, or the report directory holds an input', async () => {
    const empty = tmpDir();
    mkdirSync(path.join(empty, 'sub'));
    writeFileSync(path.join(empty, 'sub', 'README.md'), '# not a survey\n');
    const none = await run(['batch', empty, '--plan', 'quanzhou', '--out', tmpDir()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`cscheck: 在 ${empty} 中没有找到 CSV 或 XLSX 文件\n`);
    const missing = await run(['batch', path.join(empty, 'nope'), '--plan', 'quanzhou', '--out', tmpDir()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    const inside = await run(['batch', path.join(CITY, '洛江区'), '--plan', 'quanzhou', '--out', CITY]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('在报告目录');
  });

  it('stops with exit 2, naming the report, when a report cannot be written (it would fail every file)', async () => {
    const out = tmpDir();
    // A folder where 万安街道's JSON report goes: the worker's write fails.
    mkdirSync(path.join(out, '万安街道.json'));
    const r = await run(['batch', path.join(CITY, '洛江区', '万安街道.csv'), '--plan', 'quanzhou', '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(out, '万安街道.json'));
    expect(r.stdout).toBe('');
    // No summary, and no temporary file left behind.
    expect(listFiles(out)).toEqual([]);
  });

  it('skips its own report directory inside an input folder, Excel lock files and hidden files; an empty file fails', async () => {
    const root = tmpDir();
    mkdirSync(path.join(root, '洛江区'));
    writeFileSync(path.join(root, '洛江区', '万安街道.csv'), readFileSync(path.join(CITY, '洛江区', '万安街道.csv')));
    writeFileSync(path.join(root, '洛江区', '~$万安街道.xlsx'), 'lock');
    writeFileSync(path.join(root, '洛江区', '.~草稿.csv'), 'hidden');
    writeFileSync(path.join(root, '洛江区', '双阳街道.csv'), '');
    const out = path.join(root, 'reports');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.csv'), 'not read\n');
    const r = await run(['batch', root, '--plan', 'quanzhou', '--out', out, '--jobs', '1', '--quiet', '--format', 'json']);
    expect(r.code).toBe(2);
    const s = JSON.parse(r.stdout);
    expect(s.files.map((f: BatchFileResult) => [f.input, f.status])).toEqual([
      ['洛江区/万安街道.csv', 'ok'],
      ['洛江区/双阳街道.csv', 'failed'],
    ]);
    expect(s.files[1].error).toMatchObject({ messageId: 'input.empty', text: `${root}/洛江区/双阳街道.csv: 文件为空` });
  });

  it('draws a progress bar on a terminal', async () => {
    let stderr = '';
    const io: Io = { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: true, env: {} };
    const code = await main(['batch', path.join(CITY, '洛江区'), '--plan', 'quanzhou', '--out', tmpDir(), '--jobs', '1'], io);
    expect(code).toBe(1);
    expect(stderr).toContain('\u001b[?25l'); // cursor hidden while drawing …
    expect(stderr).toContain('\u001b[?25h'); // … and shown again
    expect(stderr).toMatch(/2\/2 个文件 \| \d+ 行\/秒 \| 预计剩余 /);
    expect(stderr).not.toMatch(/^\[\d+\/2\]/m);
  });
});

describe('cscheck batch --annotate, the per-file pages and index.html', () => {
  it('writes for each readable file its report, its page and its annotated workbook, and links them from index.html', async () => {
    const out = tmpDir();
    const io: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} };
    const code = await main(['batch', path.join(CITY, '泉港区'), '--plan', 'quanzhou', '--out', out, '--jobs', '1', '--annotate', '--quiet'], io);
    // 南埔镇.xlsx is truncated: exit 2, and nothing written for it.
    expect(code).toBe(2);
    expect(listFiles(out)).toEqual(['index.html', 'summary.json', 'summary.md', 'summary.xlsx', '山腰街道.html', '山腰街道.json', '山腰街道.xlsx']);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { input: string; reports: object }) => [f.input, f.reports])).toEqual([
      ['南埔镇.xlsx', {}],
      ['山腰街道.csv', { json: '山腰街道.json', html: '山腰街道.html', xlsx: '山腰街道.xlsx' }],
    ]);
    // The workbook: the CSV as a sheet named after the file, then the three summary sheets; five
    // community rows under the header, each with its 检查结果.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '山腰街道.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['山腰街道', '汇总', '按乡镇', '问题清单']);
    const data = wb.getWorksheet('山腰街道')!;
    const header = data.getRow(1).values as unknown[];
    const status = header.indexOf('检查结果');
    expect(status).toBeGreaterThan(0);
    expect([2, 3, 4, 5, 6].every((r) => typeof data.getRow(r).getCell(status).value === 'string')).toBe(true);
    // The page links back to the index, and the index to the page.
    expect(readFileSync(path.join(out, '山腰街道.html'), 'utf8')).toContain('href="index.html"');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain(`href="${encodeURIComponent('山腰街道')}.html"`);
  });
});

describe('cscheck batch interrupted with Ctrl-C', () => {
  it('stops, exits 130, leaves no temporary file and only complete reports, writes no summary', async () => {
    // 240 files of 2,000 rows: long enough to be interrupted after the first report appears.
    const src = tmpDir();
    const header = readFileSync(path.join(CITY, '洛江区', '万安街道.csv'), 'utf8').split('\r\n')[0];
    const body = Array.from({ length: 2000 }, (_, i) => `洛江区,万安街道,社区${i},城市,${5000 + i},是,600,400,1400,2`).join('\r\n');
    for (let c = 0; c < 12; c++) {
      const dir = path.join(src, `县${c}`);
      mkdirSync(dir);
      for (let t = 0; t < 20; t++) writeFileSync(path.join(dir, `镇${t}.csv`), `${header}\r\n${body}\r\n`);
    }
    const out = path.join(tmpDir(), 'reports');
    // A summary of an earlier run must not survive next to this run's reports.
    mkdirSync(out);
    writeFileSync(path.join(out, 'summary.json'), '{"stale": true}\n');
    // With --annotate: the workers are stopped while writing workbooks, whose parts must not stay.
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'batch', src, '--plan', 'quanzhou', '--out', out, '--jobs', '2', '--annotate'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!listFiles(out).some((f) => f !== 'summary.json' && f.endsWith('.json'))) {
      if (Date.now() - started > 20_000) throw new Error(`no report after 20 s; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/cscheck: 已中断（SIGINT）：240 个文件中已完成 \d+ 个，其报告在 .*reports；未写汇总\n$/);
    const written = listFiles(out);
    expect(written.filter((f) => f.endsWith('.tmp') || f.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    expect(written).not.toContain('summary.json');
    const reports = written.filter((w) => w.endsWith('.json'));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThan(240);
    for (const f of written.filter((w) => w.endsWith('.json'))) expect(readJson(path.join(out, f)).summary.rows).toBe(2000);
  }, 60_000);
});
