// `--help` of every command: Chinese by default (headings, descriptions, commander's notes), English
// with --lang en with no Chinese beyond the examples' data, and examples everywhere.

import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/help-text.js';
import { run } from './helpers.js';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/gu;

/** Each command, a fragment of its description in each language (by hand), and whether it has arguments / subcommands. */
const COMMANDS: [string[], string, string, { args?: boolean; subs?: boolean }][] = [
  [[], '检查社区调查数据', 'Check community survey data', { subs: true }],
  [['evaluate'], '按计划检查调查导出表', 'evaluate survey exports', { args: true }],
  [['ledger'], '检查任务清单及工作台账', 'check task ledgers', { args: true }],
  [['batch'], '用多线程检查目录', 'evaluate every survey file under folders', { args: true }],
  [['compare'], '比较同一地区的两次数据', 'compare two snapshots of one area', { args: true }],
  [['explain'], '说明一个指标', 'what an indicator means', { args: true }],
  [['template'], '为计划生成空白工作簿', 'write a blank workbook for a plan', {}],
  [['plans'], '内置计划与计划文件', 'the bundled plans and plan files', { subs: true }],
  [['plans', 'list'], '列出内置计划', 'list the bundled plans', {}],
  [['plans', 'show'], '输出计划原文', 'print a plan as written', { args: true }],
  [['plans', 'units'], '责任矩阵', 'the responsibility matrix', { args: true }],
  [['plans', 'lint'], '对照计划原文和上级计划校验计划', 'check plans against their own text', { args: true }],
];

/** The Chinese the examples carry as data (file, folder and unit names), the only Chinese allowed in English help. */
const EXAMPLE_DATA = new Set(Object.values(EXAMPLES).flatMap((list) => list.flatMap((e) => e.line.match(CJK) ?? [])));

const section = (text: string, heading: string) => {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = text.slice(start + heading.length + 2);
  return rest.slice(0, rest.search(/\n\S|\n\n|$/)).split('\n');
};

describe.each(COMMANDS)('cscheck %j --help', (path, zhDescription, enDescription, { args, subs }) => {
  const name = ['cscheck', ...path].join(' ');
  const examples = EXAMPLES[path.join(' ')];

  it('in Chinese by default: headings, description, every option described in Chinese, examples', async () => {
    const r = await run([...path, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const text = r.stdout;
    expect(text.startsWith(`用法： ${name} [选项]`)).toBe(true);
    expect(text).toContain(zhDescription);
    expect(text).toContain('\n选项：\n');
    expect(text.includes('\n参数：\n')).toBe(Boolean(args));
    expect(text.includes('\n命令：\n')).toBe(Boolean(subs));
    expect(text).not.toMatch(/Usage:|Options:|Arguments:|Commands:|Examples:|default:|choices:|display help|\[options\]/);
    // The first line of each option and subcommand: its description has Chinese in it.
    const items = [...section(text, '选项：'), ...section(text, '命令：'), ...section(text, '参数：')].filter((l) => /^ {2}\S/.test(l));
    expect(items.length).toBeGreaterThan(1);
    for (const line of items) expect(line, line).toMatch(CJK);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('\n示例：\n');
    for (const e of examples) expect(text).toContain(`  ${e.zh}\n    $ ${e.line}\n`);
  });

  it('in English with --lang en: no Chinese but the examples’ data', async () => {
    const r = await run([...path, '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text.startsWith(`Usage: ${name} [options]`)).toBe(true);
    expect(text).toContain(enDescription);
    expect(text.includes('\nArguments:\n')).toBe(Boolean(args));
    expect(text.includes('\nCommands:\n')).toBe(Boolean(subs));
    for (const e of examples) expect(text).toContain(`  ${e.en}\n    $ ${e.line}\n`);
    const stray = (text.match(CJK) ?? []).filter((run) => !EXAMPLE_DATA.has(run));
    expect(stray).toEqual([]);
  });

  it('each example runs a command that exists, with options it has', async () => {
    for (const e of examples) {
      const words = e.line.split(' ');
      expect(words[0]).toBe('cscheck');
      // The longest command path the line starts with (`plans show`, not `plans`).
      const target = COMMANDS.map(([p]) => p)
        .filter((p) => p.length > 0 && p.every((w, i) => words[i + 1] === w))
        .sort((a, b) => b.length - a.length)[0];
      expect(target, e.line).toBeDefined();
      const help = (await run([...target, '--help', '--lang', 'en'])).stdout;
      const options = section(help, 'Options:').join('\n');
      for (const flag of e.line.match(/(?<=\s)--?[a-z][\w-]*/g) ?? []) {
        expect(options, `${e.line}: ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}[ ,]`, 'm'));
      }
    }
  });
});

describe('help text width', () => {
  it('Chinese lines wrap within 80 columns (a Chinese character takes two)', async () => {
    const text = (await run(['batch', '--help'])).stdout;
    const width = (line: string) => line.length + (line.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/gu)?.length ?? 0);
    const wide = text.split('\n').filter((l) => !l.includes('$ ') && width(l) > 80);
    expect(wide).toEqual([]);
  });

  it('the default and choices notes in the help language', async () => {
    const zh = (await run(['plans', 'list', '--help'])).stdout;
    expect(zh).toMatch(/输出格式（可选：table, json；默认：table）/);
    const en = (await run(['plans', 'list', '--help', '--lang', 'en'])).stdout;
    expect(en).toMatch(/output format \(choices: table, json; default: table\)/);
  });
});
