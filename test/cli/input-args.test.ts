// Inputs as users give them (issue 17.1, 17.12): `-` and pipes, `-o -`, quoted globs, folders,
// names that are not UTF-8, and the options the inputs make pointless.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, lines, run, runJson, tmpDir } from './helpers.js';

const SURVEY = fixture('survey-2024.csv');
const BIN = path.join(ROOT, 'bin', 'cscheck');
/** The fixture's data rows, counted from its text: every non-empty line after the header. */
const SURVEY_ROWS = readFileSync(SURVEY, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;

/** Runs the built CLI with `input` on its standard input, in `cwd`. */
function pipe(args: string[], input: Buffer, cwd = ROOT) {
  return spawnSync(BIN, args, { input, cwd, encoding: 'utf8' });
}

describe('standard input and pipes', () => {
  it('reads `-` from a pipe and names it `-`, never the temporary copy', () => {
    const cwd = tmpDir();
    const r = pipe(['evaluate', '-', '--plan', 'quanzhou', '--format', 'json'], readFileSync(SURVEY), cwd);
    expect(r.status, r.stderr).not.toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.map((i: { file: string }) => i.file)).toEqual(['-']);
    expect(report.summary.rows).toBe(SURVEY_ROWS);
    expect(r.stdout).not.toContain('.cscheck-input-');
  });

  it('reads a workbook from a pipe (its zip directory is at the end: it is spooled, then seeked)', () => {
    const xlsx = fixture('survey-2024.xlsx');
    const piped = pipe(['evaluate', '-', '--plan', 'quanzhou', '--format', 'json'], readFileSync(xlsx));
    const direct = spawnSync(BIN, ['evaluate', xlsx, '--plan', 'quanzhou', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(piped.status, piped.stderr).toBe(direct.status);
    expect(JSON.parse(piped.stdout).summary).toEqual(JSON.parse(direct.stdout).summary);
  });

  it('reads /dev/stdin (a character device or pipe, not a regular file) instead of calling it empty', () => {
    const r = pipe(['evaluate', '/dev/stdin', '--plan', 'quanzhou', '--format', 'json'], readFileSync(SURVEY));
    expect(r.stderr).not.toContain('文件为空');
    expect(JSON.parse(r.stdout).summary.rows).toBe(SURVEY_ROWS);
  });

  it('reads a ledger from `-`', () => {
    const file = path.join(ROOT, 'fixtures', 'ledger', 'luojiang-2025-faulty.xlsx');
    const piped = pipe(['ledger', '-', '--plan', 'luojiang', '--as-of', '2025-06-30', '--format', 'json'], readFileSync(file));
    const direct = spawnSync(BIN, ['ledger', file, '--plan', 'luojiang', '--as-of', '2025-06-30', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const a = JSON.parse(piped.stdout);
    const b = JSON.parse(direct.stdout);
    expect(a.files).toEqual(['-']);
    expect(a.findings.length).toBe(b.findings.length);
    expect(a.findings.every((f: { location: { file?: string } }) => f.location.file === undefined || f.location.file === '-')).toBe(true);
  });

  it('takes only one `-`', () => {
    const r = pipe(['evaluate', '-', '-', '--plan', 'quanzhou'], readFileSync(SURVEY));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('只能有一个输入是“-”');
    const v = pipe(['evaluate', '-', '--values', '-', '--plan', 'quanzhou'], readFileSync(SURVEY));
    expect(v.status).toBe(2);
  });

  it('-o - writes to stdout, not to a file named -', () => {
    const cwd = tmpDir();
    const r = spawnSync(BIN, ['evaluate', SURVEY, '--plan', 'quanzhou', '--format', 'json', '-o', '-'], { cwd, encoding: 'utf8' });
    expect(JSON.parse(r.stdout).summary.rows).toBe(SURVEY_ROWS);
    expect(existsSync(path.join(cwd, '-'))).toBe(false);
  });

  it('--annotate - is refused with one line', async () => {
    const r = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--annotate', '-']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['cscheck: --annotate 需要一个 .xlsx 文件名，不能是“-”（标准输出留给报告）']);
  });
});

describe('globs and folders', () => {
  it('expands a quoted glob as batch does, each file named by the glob’s folder', async () => {
    const dir = tmpDir();
    copyFileSync(SURVEY, path.join(dir, 'a.csv'));
    copyFileSync(SURVEY, path.join(dir, 'b.csv'));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const r = await runJson(['evaluate', `${dir}/*.csv`, '--plan', 'quanzhou']);
    expect(r.report.inputs.map((i: { file: string }) => i.file)).toEqual([`${dir}/a.csv`, `${dir}/b.csv`]);
    expect(r.report.summary.rows).toBe(2 * SURVEY_ROWS);
  });

  it('a glob that matches nothing is a usage error naming it', async () => {
    const dir = tmpDir();
    const r = await run(['ledger', `${dir}/*.xlsx`]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`cscheck: ${dir}/*.xlsx: 没有文件与该模式匹配`]);
  });

  it('a folder points to batch', async () => {
    const dir = tmpDir();
    for (const cmd of ['evaluate', 'ledger']) {
      const r = await run([cmd, dir, '--plan', 'quanzhou']);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([`cscheck: ${dir}: 是文件夹，不是文件：要检查其中的每个文件，请用 cscheck batch ${dir}`]);
    }
  });
});

describe('file names that are not UTF-8', () => {
  it('an argument Node decoded with U+FFFD says what is wrong with the name', async () => {
    const r = await run(['evaluate', '/nowhere/\uFFFD\uFFFD.csv', '--plan', 'quanzhou']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件名含有不是 UTF-8 的字节');
    expect(r.stderr).toContain('cscheck batch');
  });

  it('batch finds a GBK-named file in a folder, reads it and names it decoded', async () => {
    const dir = tmpDir();
    const inDir = path.join(dir, 'in');
    mkdirSync(inDir);
    // 万安街道.csv in GBK: bytes that are not valid UTF-8.
    const gbkName = iconv.encode('万安街道.csv', 'gbk');
    copyFileSync(SURVEY, Buffer.concat([Buffer.from(`${inDir}/`), gbkName]));
    const out = path.join(dir, 'out');
    const r = await run(['batch', inDir, '--plan', 'quanzhou', '--out', out]);
    expect(r.code, r.stderr).not.toBe(2);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { input: string }) => f.input)).toEqual(['万安街道.csv']);
    expect(summary.files[0].rows).toBe(SURVEY_ROWS);
  });
});

describe('quiet mistakes now warn', () => {
  it('--sheet on a CSV', async () => {
    const r = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--sheet', '乡镇']);
    expect(r.stderr).toContain(`cscheck: 警告：${SURVEY} 是文本表格（CSV），没有工作表：已忽略 --sheet 乡镇`);
  });

  it('a BOM overriding --encoding', async () => {
    // survey-2024.csv starts with EF BB BF.
    expect([...readFileSync(SURVEY).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--encoding', 'gbk']);
    expect(r.stderr).toContain('以 UTF-8 字节顺序标记（BOM）开头：按 UTF-8 读取，未使用 --encoding gbk');
    const same = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--encoding', 'utf-8']);
    expect(same.stderr).not.toContain('BOM');
  });

  it('a forced wrong encoding hints at the right one', async () => {
    const dir = tmpDir();
    const utf8NoBom = path.join(dir, 'u.csv');
    writeFileSync(utf8NoBom, readFileSync(SURVEY).subarray(3));
    const r = await run(['evaluate', utf8NoBom, '--plan', 'quanzhou', '--encoding', 'gbk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用 --encoding gbk 读取时表头无法识别；文件像是 UTF-8 编码');
    const g = await run(['evaluate', fixture('survey-2024-gbk.csv'), '--plan', 'quanzhou', '--encoding', 'utf8']);
    expect(g.stderr).toContain('文件像是 GBK 编码');
  });

  it('--as-of that changes nothing (no baselines, before every due date) says so', async () => {
    // plans/quanzhou.yaml: no indicator has a baseline or a due date; its period ends in 2025.
    const before = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--as-of', '2024-06-01']);
    expect(before.stderr).toContain('警告：计划 quanzhou 的指标没有基线值');
    const after = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--as-of', '2026-01-01']);
    expect(after.stderr).not.toContain('基线');
    // plans/xishuangbanna.yaml has baselines.
    const withBaselines = await run(['evaluate', SURVEY, '--plan', 'xishuangbanna', '--as-of', '2024-06-01']);
    expect(withBaselines.stderr).not.toContain('基线');
  });

  it('counties outside the plan’s region are a region-mismatch finding, in every format', async () => {
    // The fixture's first column is the county: every row says 洛江区, in 泉州市, not in 西双版纳.
    const counties = new Set(readFileSync(SURVEY, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]));
    expect([...counties]).toEqual(['洛江区']);
    const wrong = await runJson(['evaluate', SURVEY, '--plan', 'xishuangbanna']);
    const found = wrong.report.findings.filter((f: { code: string }) => f.code === 'region-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].args).toMatchObject({ counties: '洛江区', region: '西双版纳傣族自治州' });
    // At the plan's `region:` (plans/xishuangbanna.yaml line 13, its value at column 9).
    expect(found[0].location).toMatchObject({ line: 13, col: 9, planPath: 'region' });
    expect(found[0].location.file).toMatch(/plans\/xishuangbanna\.yaml$/);
    const right = await runJson(['evaluate', SURVEY, '--plan', 'quanzhou']);
    expect(right.report.findings.some((f: { code: string }) => f.code === 'region-mismatch')).toBe(false);
    const luojiang = await runJson(['evaluate', SURVEY, '--plan', 'luojiang']);
    expect(luojiang.report.findings.some((f: { code: string }) => f.code === 'region-mismatch')).toBe(false);
    const sarif = await run(['evaluate', SURVEY, '--plan', 'quanzhou', '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('region-mismatch');
  });
});
