// commander's usage errors, in Chinese by default and in English with --lang en: one line each,
// naming what was wrong, ending with the help of the command being parsed, exit 2.

import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { fixture, run } from './helpers.js';

const F = fixture('survey-2024.csv');

/** Each case: argv, the Chinese line, the English line (written by hand from the catalogue's wording). */
const CASES: [string, string[], string, string][] = [
  [
    'a typo in a required option is named, not reported as the option missing',
    ['evaluate', F, '--plna', 'quanzhou'],
    '没有选项 --plna，您可能想用 --plan。运行 cscheck evaluate --help 查看用法',
    'unknown option --plna (did you mean --plan?); see cscheck evaluate --help',
  ],
  ['an unknown option with nothing close', ['evaluate', F, '-p', 'quanzhou', '--zzzzzz'], '没有选项 --zzzzzz。运行 cscheck evaluate --help 查看用法', 'unknown option --zzzzzz; see cscheck evaluate --help'],
  ['a required option missing', ['evaluate', F], '缺少必填选项 --plan。运行 cscheck evaluate --help 查看用法', 'the option --plan is required; see cscheck evaluate --help'],
  ['batch without --out', ['batch', 'fixtures/batch', '-p', 'quanzhou'], '缺少必填选项 --out。运行 cscheck batch --help 查看用法', 'the option --out is required; see cscheck batch --help'],
  ['template without --kind', ['template', '-p', 'quanzhou', '-o', 'x.xlsx'], '缺少必填选项 --kind。运行 cscheck template --help 查看用法', 'the option --kind is required; see cscheck template --help'],
  ['a missing argument', ['evaluate', '-p', 'quanzhou'], '缺少参数 <files>。运行 cscheck evaluate --help 查看用法', 'missing argument <files>; see cscheck evaluate --help'],
  ['too many arguments', ['explain', 'activity_area_share', 'facility_coverage_rural'], '参数过多：应有 1 个，实有 2 个。运行 cscheck explain --help 查看用法', 'too many arguments: 1 expected, 2 given; see cscheck explain --help'],
  [
    'a value that is not a choice',
    ['plans', 'list', '--format', 'jsno'],
    '--format 的值“jsno”无效，可选：table, json。运行 cscheck plans list --help 查看用法',
    '--format: “jsno” is not a choice; choices: table, json; see cscheck plans list --help',
  ],
  ['an option without its value', ['evaluate', F, '-p'], '选项 --plan 缺少值。运行 cscheck evaluate --help 查看用法', 'the option --plan needs a value; see cscheck evaluate --help'],
  ['an unknown command', ['evalute', F], '没有命令“evalute”，您可能想用 evaluate。运行 cscheck --help 查看用法', 'unknown command “evalute” (did you mean evaluate?); see cscheck --help'],
  ['an unknown subcommand', ['plans', 'lsit'], '没有命令“lsit”，您可能想用 list。运行 cscheck plans --help 查看用法', 'unknown command “lsit” (did you mean list?); see cscheck plans --help'],
];

async function runEnv(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env };
  return { code: await main(args, io), stdout, stderr };
}

describe('usage errors: one line, in the language asked for, with a pointer to --help', () => {
  it.each(CASES)('%s (zh, the default)', async (_, args, zh) => {
    const r = await run(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `cscheck: ${zh}\n` });
  });

  // --lang before the operands: an option left without its value would take it as its value.
  it.each(CASES)('%s (--lang en)', async (_, args, __, en) => {
    const [command, ...rest] = args;
    const sub = command === 'plans' ? [command, rest.shift() as string] : [command];
    const r = await run([...sub, '--lang', 'en', ...rest]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `cscheck: ${en}\n` });
  });

  it('--lang=en and CSCHECK_LANG=en speak English too; --lang wins over the environment', async () => {
    const [, args, zh, en] = CASES[0];
    expect((await run([...args, '--lang=en'])).stderr).toBe(`cscheck: ${en}\n`);
    expect((await runEnv(args, { CSCHECK_LANG: 'en' })).stderr).toBe(`cscheck: ${en}\n`);
    expect((await runEnv([...args, '--lang', 'zh'], { CSCHECK_LANG: 'en' })).stderr).toBe(`cscheck: ${zh}\n`);
  });

  it('a --lang after `--` is a file name, not the language', async () => {
    const r = await run(['evaluate', '-p', 'quanzhou', '--zzzzzz', '--', '--lang', 'en']);
    expect(r.stderr).toBe('cscheck: 没有选项 --zzzzzz。运行 cscheck evaluate --help 查看用法\n');
  });

  it('required options given in their short forms satisfy the check, and the run goes on', async () => {
    const t = await run(['template', '-k', 'survey', '-o', '/nonexistent-dir/x.xlsx', '-p', 'quanzhou']);
    // Past the usage checks: the failure is now writing the file.
    expect(t.code).toBe(2);
    expect(t.stderr).not.toContain('--help');
  });
});
