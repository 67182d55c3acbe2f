// The contract for bad input: a file or plan that cannot be used is exit 2 with ONE line on stderr,
// `cscheck: …`, naming the file (and the place in it), and no stack trace unless --debug. Problems
// inside a readable table are findings (exit 1), not failures.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { csv, fixture, lines, run, runJson, tmpDir, writeFile } from './helpers.js';
import { ONE_INDICATOR_PLAN_HEAD } from '../support/one-indicator-plan.js';

const dir = tmpDir('cscheck-bad-input-');

const HEAD = ['村（社区）名称', '城乡类型', '乡镇（街道）', '户数', '是否建有综合服务设施'];
const ROWS = [
  ['塘西社区', '城市', '万安街道', 3200, '是'],
  ['后埭社区', '城市', '万安街道', 2000, '是'],
  ['下洋村', '农村', '万安街道', 600, '是'],
];

/** Exit code, one `cscheck: ` line naming `name`, no stack trace, nothing on stdout. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, name: string, code = 2): string {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const err = lines(r.stderr);
  expect(err, `stderr:\n${r.stderr}`).toHaveLength(1);
  expect(err[0]).toMatch(/^cscheck: /);
  expect(err[0]).toContain(name);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return err[0];
}

const evaluate = (file: string, ...more: string[]) => run(['evaluate', file, '--plan', 'quanzhou', ...more]);

describe('unreadable inputs → exit 2', () => {
  it('a missing path', async () => {
    const file = path.join(dir, '不存在的调查表.csv');
    expectOneLineError(await evaluate(file), file);
  });

  it('a directory', async () => {
    const d = path.join(dir, 'survey-dir.csv');
    mkdirSync(d);
    expectOneLineError(await evaluate(d), d);
  });

  it('an empty file (0 bytes)', async () => {
    const file = writeFile(dir, 'empty.csv', '');
    expectOneLineError(await evaluate(file), file);
  });

  it('a CSV with only a header row', async () => {
    const file = writeFile(dir, 'header-only.csv', csv([HEAD]));
    expectOneLineError(await evaluate(file), file);
  });

  // BUG (src/io/text-sniff.ts sniffEncoding): `throw new CscheckError('input.binary')` carries no
  // location, and readInput rethrows CscheckErrors unchanged, so the line reads
  // `cscheck: 不是文本文件（含二进制内容），无法按 CSV 读取` without the file name.
  it.each([
    ['a PNG named .csv', 'picture.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64)])],
    ['random bytes with NULs named .csv', 'random.csv', Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37 + 11) % 256)))],
  ])('a binary file: %s', async (_, name, bytes) => {
    const file = writeFile(dir, name, bytes);
    const line = expectOneLineError(await evaluate(file), file);
    expect(line).toContain('二进制');
  });

  it('a truncated .xlsx (first half of the fixture)', async () => {
    const whole = readFileSync(fixture('survey-2024.xlsx'));
    const file = writeFile(dir, 'truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expectOneLineError(await evaluate(file), file);
  });

  it('a non-zip file named .xlsx', async () => {
    const file = writeFile(dir, 'not-a-workbook.xlsx', csv([HEAD, ...ROWS]));
    const line = expectOneLineError(await evaluate(file), file);
    expect(line).toContain('zip');
  });

  it('an encrypted .xlsx (OLE/CFB container holding the encrypted package)', async () => {
    // The streams Excel writes for a password-protected workbook (MS-OFFCRYPTO 2.3.4.4), contents elided.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(248, 4));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(8192, 7));
    const file = writeFile(dir, 'encrypted.xlsx', XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const line = expectOneLineError(await evaluate(file), file);
    expect(line).toContain('加密');
  });

  it('an unterminated quote: exit 2 naming the file and the record', async () => {
    const file = writeFile(dir, 'unterminated.csv', csv([HEAD, ['塘西社区', '城市', '万安街道', '"3200', '是'], ROWS[1], ROWS[2]]));
    const line = expectOneLineError(await evaluate(file), file);
    expect(line).toMatch(/第 2 条记录/);
  });

  it('--debug with a missing file prints the stack trace', async () => {
    const file = path.join(dir, 'missing-debug.csv');
    const r = await evaluate(file, '--debug');
    expect(r.code).toBe(2);
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^cscheck: /);
    expect(err[0]).toContain(file);
    expect(r.stderr).toMatch(/^\s+at /m);
  });
});

describe('readable tables with faults → findings', () => {
  it('ragged rows are errors at the row, and the row is still evaluated', async () => {
    const file = writeFile(dir, 'ragged.csv', csv([HEAD, ['塘西社区', '城市', '万安街道', 3200], ['后埭社区', '城市', '万安街道', 2000, '否', '多余'], ROWS[2]]));
    const { code, report, stderr } = await runJson(['evaluate', file, '--plan', 'quanzhou']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const ragged = report.findings.filter((f: any) => f.code === 'ragged-row');
    expect(ragged.map((f: any) => [f.location.row, f.args.actual, f.args.expected])).toEqual([
      [2, 4, 5],
      [3, 6, 5],
    ]);
    expect(ragged.every((f: any) => f.severity === 'error' && f.location.file === file)).toBe(true);
    expect(report.summary.rows).toBe(3);
    // Both short and long rows count: 后埭社区's 否 is read, 塘西社区 has no value for the facility.
    const urban = report.indicators.find((i: any) => i.id === 'facility_coverage_urban');
    expect(urban).toMatchObject({ inScope: 2, withData: 1, value: 0, status: 'not-met' });
  });

  it('header cells __proto__ and constructor are unknown columns, not a crash', async () => {
    const file = writeFile(dir, 'proto.csv', csv([[...HEAD, '__proto__', 'constructor'], ...ROWS.map((r) => [...r, 1, 2])]));
    const { code, report, stderr } = await runJson(['evaluate', file, '--plan', 'quanzhou']);
    expect(stderr).toBe('');
    const unknown = report.findings.filter((f: any) => f.code === 'unknown-column').map((f: any) => f.args.column);
    expect(unknown.sort()).toEqual(['__proto__', 'constructor']);
    expect(report.summary.rows).toBe(3);
    expect(report.summary.findings.error).toBe(0);
    expect(code).toBe(0);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('an unreadable cell is a cell-type error at row, column and cell, with the raw value', async () => {
    const file = writeFile(dir, 'bad-cell.csv', csv([HEAD, ROWS[0], ['后埭社区', '城市', '万安街道', '很多', '是'], ROWS[2]]));
    const { code, report, stderr } = await runJson(['evaluate', file, '--plan', 'quanzhou']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const bad = report.findings.filter((f: any) => f.code === 'cell-type');
    expect(bad).toHaveLength(1);
    expect(bad[0].severity).toBe('error');
    expect(bad[0].location).toMatchObject({ file, row: 3, column: '户数', cell: 'D3', community: '后埭社区', township: '万安街道' });
    expect(bad[0].args.value).toBe('很多');
    expect(bad[0].message).toContain('很多');
    expect(report.summary.rows).toBe(3);
  });
});

describe('bad headers and options → exit 2', () => {
  it('two columns mapping to the same field name both columns', async () => {
    const file = writeFile(dir, 'duplicate-column.csv', csv([[...HEAD, '总户数'], ...ROWS.map((r) => [...r, 1000])]));
    const line = expectOneLineError(await evaluate(file), file);
    expect(line).toContain('户数');
    expect(line).toContain('总户数');
  });

  // BUG (src/cli/main.ts): commander's own message is written as is, `error: unknown option
  // '--bogus'`, followed by the whole help text (showHelpAfterError): ~30 lines, none starting
  // with `cscheck: `.
  it('an unknown option', async () => {
    const file = writeFile(dir, 'ok.csv', csv([HEAD, ...ROWS]));
    const r = await run(['evaluate', file, '--plan', 'quanzhou', '--bogus']);
    expectOneLineError(r, '--bogus');
  });

  // Same BUG as above: commander's usage errors bypass the `cscheck: ` line.
  it.each([
    ['a --format that is not a choice', ['--plan', 'quanzhou', '--format', 'xml'], 'xml'],
    ['no --plan', [], '--plan'],
  ])('another usage error: %s', async (_, args, name) => {
    const file = writeFile(dir, 'ok3.csv', csv([HEAD, ...ROWS]));
    expectOneLineError(await run(['evaluate', file, ...args]), name);
  });

  it('an unknown --plan lists the bundled plans', async () => {
    const file = writeFile(dir, 'ok2.csv', csv([HEAD, ...ROWS]));
    const r = await run(['evaluate', file, '--plan', 'nosuchplan']);
    const line = expectOneLineError(r, 'nosuchplan');
    expect(line).toContain('quanzhou');
    expect(line).toContain('fujian');
  });
});

describe('bad plan files → exit 2', () => {
  const PLAN = [...ONE_INDICATOR_PLAN_HEAD, '    measure: {kind: coverage, condition: has_service_facility}'];
  const survey = writeFile(dir, 'plan-survey.csv', csv([HEAD, ...ROWS]));
  const withPlan = (name: string, text: string) => run(['evaluate', survey, '--plan', writeFile(dir, name, text)]);

  it('the valid plan the others are made from is accepted', async () => {
    const r = await withPlan('valid.yaml', `${PLAN.join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('an alias bomb (billion laughs) fails fast', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const p = names[i - 1];
      bomb.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const file = writeFile(dir, 'bomb.yaml', `${bomb.join('\n')}\n${PLAN.join('\n')}\n`);
    const t0 = performance.now();
    const r = await run(['evaluate', survey, '--plan', file]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expectOneLineError(r, file);
  }, 10_000);

  // BUG (src/schema/load-plan.ts parseFile): the document is parsed with `prettyErrors: false`, so
  // yaml's errors have no `linePos` and the location falls back to the bare file:
  // `cscheck: …/duplicate-key.yaml: YAML 错误：Map keys must be unique` (the error's `pos` is
  // there: `lines.linePos(first.pos[0])` would give 6:1).
  it('a duplicate key names file:line:col', async () => {
    const text = [...PLAN.slice(0, 5), 'level: county', ...PLAN.slice(5)].join('\n');
    const file = path.join(dir, 'duplicate-key.yaml');
    const line = expectOneLineError(await withPlan('duplicate-key.yaml', `${text}\n`), file);
    expect(line).toContain(`${file}:6:`);
    expect(line).toMatch(/duplicate-key\.yaml:6:\d+/);
  });

  it('a schema error (target.op ≥) names line:col', async () => {
    const text = PLAN.map((l) => l.replace('op: ">="', 'op: "≥"'));
    const lineNo = text.findIndex((l) => l.includes('≥')) + 1;
    const file = path.join(dir, 'schema.yaml');
    const line = expectOneLineError(await withPlan('schema.yaml', `${text.join('\n')}\n`), file);
    expect(line).toMatch(new RegExp(`schema\\.yaml:${lineNo}:\\d+`));
    expect(line).toContain('op');
  });

  it('an expression naming an unknown field names the field', async () => {
    const text = PLAN.map((l) => l.replace('condition: has_service_facility', 'condition: has_swimming_pool'));
    const file = path.join(dir, 'unknown-field.yaml');
    const line = expectOneLineError(await withPlan('unknown-field.yaml', `${text.join('\n')}\n`), file);
    expect(line).toContain('has_swimming_pool');
  });
});
