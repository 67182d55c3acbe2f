// The CI output options end to end through `main`: --format junit|sarif|github|markdown|codeclimate
// on `evaluate` and `plans lint`, -o (atomic), --quiet, --max-warnings and the exit codes 0/1/2.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { assertWellFormed, parseJunit, sarifSchema } from '../report/support.js';
import { ROOT, fixture, lines, run, runJson, tmpDir } from './helpers.js';

const XLSX = fixture('survey-2024.xlsx');
const EVALUATE = ['evaluate', XLSX, '--plan', 'quanzhou'];

const validSarif = (doc: unknown) => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  formats.default(ajv);
  const validate = ajv.compile(sarifSchema());
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
};

describe('evaluate --format', () => {
  it('sarif -o FILE: nothing on stdout, a valid SARIF log in the file, exit 1, no temp file left', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'cscheck.sarif');
    const r = await run([...EVALUATE, '--format', 'sarif', '-o', out]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const log = JSON.parse(readFileSync(out, 'utf8'));
    validSarif(log);
    expect(log.runs[0].results).toHaveLength(64); // 5 errors, 44 warnings, 15 notices
    expect(log.runs[0].results.filter((x: any) => x.level === 'error')).toHaveLength(5);
    expect(readdirSync(dir)).toEqual(['cscheck.sarif']);
  });

  it('junit: the five errors as failures; the exit code follows --fail-on', async () => {
    const r = await run([...EVALUATE, '--format', 'junit']);
    expect(r.code).toBe(1);
    assertWellFormed(r.stdout);
    const suites = parseJunit(r.stdout).testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(['fixtures/luojiang/survey-2024.xlsx', 'plans/quanzhou.yaml']);
    expect(suites.flatMap((s: any) => s.testcase.flatMap((c: any) => c.failure ?? []))).toHaveLength(5);
    expect((await run([...EVALUATE, '--format', 'junit', '--fail-on', 'none'])).code).toBe(0);
  });

  it('github --quiet: the five errors only', async () => {
    const r = await run([...EVALUATE, '--format', 'github', '--quiet']);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    expect(out.every((l) => l.startsWith('::error file='))).toBe(true);
    expect(out.filter((l) => l.startsWith('::error file=fixtures/luojiang/survey-2024.xlsx,line='))).toHaveLength(4);
    expect(out.filter((l) => l.startsWith('::error file=plans/quanzhou.yaml,line=142,col=5,'))).toHaveLength(1);
  });

  it('--quiet json: error findings listed, the summary still counts everything', async () => {
    const { code, report } = await runJson([...EVALUATE, '--quiet']);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(5);
    expect(report.findings.every((f: any) => f.severity === 'error')).toBe(true);
    expect(report.summary.findings).toEqual({ error: 5, warning: 44, info: 15 });
  });

  it('markdown and codeclimate', async () => {
    const md = await run([...EVALUATE, '--format', 'markdown']);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^## cscheck · 泉州市/);
    expect(md.stdout).toContain('| 指标 | 目标 | 实际 | 差距 | 状态 |');
    const cc = await run([...EVALUATE, '--format', 'codeclimate', '--lang', 'en']);
    const issues = JSON.parse(cc.stdout);
    expect(issues).toHaveLength(64);
    expect(issues.filter((i: any) => i.severity === 'major')).toHaveLength(5);
  });

  it('--max-warnings: exit 1 past N warnings, whatever --fail-on and --quiet say', async () => {
    const exit = async (...extra: string[]) => (await run([...EVALUATE, '--format', 'json', '--fail-on', 'none', ...extra])).code;
    expect(await exit()).toBe(0);
    expect(await exit('--max-warnings', '44')).toBe(0);
    expect(await exit('--max-warnings', '43')).toBe(1);
    expect(await exit('--max-warnings', '0', '--quiet')).toBe(1);
  });

  it('usage errors exit 2 with one line: unknown format, a bad --max-warnings, -o onto the input', async () => {
    for (const args of [
      [...EVALUATE, '--format', 'xml'],
      [...EVALUATE, '--max-warnings', '-1'],
      [...EVALUATE, '--max-warnings', 'many'],
      [...EVALUATE, '--format', 'sarif', '-o', XLSX],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    const r = await run([...EVALUATE, '--format', 'sarif', '-o', path.join(tmpDir(), 'no', 'such', 'dir', 'x.sarif')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cscheck: .*x\.sarif/);
  });
});

describe('plans lint --format', () => {
  it('junit, sarif, github, markdown, codeclimate: all 44 findings, exit 1 on its 10 errors', async () => {
    const junit = await run(['plans', 'lint', '--format', 'junit']);
    expect(junit.code).toBe(1);
    const suites = parseJunit(junit.stdout).testsuites.testsuite;
    expect(suites).toHaveLength(5);
    expect(suites.flatMap((s: any) => s.testcase.flatMap((c: any) => c.failure ?? []))).toHaveLength(10);

    const dir = tmpDir();
    const sarifFile = path.join(dir, 'lint.sarif');
    expect((await run(['plans', 'lint', '--format', 'sarif', '-o', sarifFile])).code).toBe(1);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    validSarif(log);
    expect(log.runs[0].results).toHaveLength(44);

    const gh = await run(['plans', 'lint', '--format', 'github']);
    expect(lines(gh.stdout)).toHaveLength(44);
    expect(lines(gh.stdout).filter((l) => l.startsWith('::error '))).toHaveLength(10);

    const md = await run(['plans', 'lint', '--format', 'markdown', '--lang', 'en']);
    expect(md.stdout).toContain('10 errors, 26 warnings, 8 info');

    const cc = await run(['plans', 'lint', '--format', 'codeclimate']);
    expect(JSON.parse(cc.stdout)).toHaveLength(44);
  });

  it('--quiet, --max-warnings, --fail-on, -o onto a plan', async () => {
    const quiet = await runJson(['plans', 'lint', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.report.findings).toHaveLength(10);
    // 福建 has two warnings and no error.
    expect((await run(['plans', 'lint', 'fujian', '--format', 'github'])).code).toBe(0);
    expect((await run(['plans', 'lint', 'fujian', '--format', 'github', '--max-warnings', '2'])).code).toBe(0);
    expect((await run(['plans', 'lint', 'fujian', '--format', 'github', '--max-warnings', '1'])).code).toBe(1);
    expect((await run(['plans', 'lint', 'fujian', '--fail-on', 'warning'])).code).toBe(1);
    const onto = await run(['plans', 'lint', path.join(ROOT, 'plans', 'fujian.yaml'), '-o', path.join(ROOT, 'plans', 'fujian.yaml')]);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toContain('fujian.yaml');
  });

  it('the real binary: workflow commands with paths relative to the working directory', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'plans', 'lint', 'quanzhou', '--format', 'github'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((l) => /^::(error|warning|notice) file=plans\/quanzhou\.yaml,line=\d+,col=\d+,title=[^:]+::/.test(l))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'report-options.js'))).toBe(true);
  });
});
