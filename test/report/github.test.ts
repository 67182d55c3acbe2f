// The GitHub Actions formatter, read back as the runner reads it: one workflow command per finding,
// `::level prop=value,…::message`, with `%`, CR and LF escaped in the message and `:` and `,` too in
// property values.

import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/report/formats/github.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { PLAN_REL, XLSX_REL, count, ctx, lintList, oddList, surveyList } from './support.js';

interface Command {
  level: string;
  props: Record<string, string>;
  message: string;
}

const COMMAND = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;
const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Parses workflow-command lines as the runner does: properties split on `,` and `=`, then unescaped. */
function parse(out: string): Command[] {
  expect(out.endsWith('\n')).toBe(true);
  return out
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = COMMAND.exec(line);
      expect(m, `a workflow command: ${line}`).not.toBeNull();
      const props: Record<string, string> = {};
      for (const p of m![2] ? m![2].split(',') : []) {
        const i = p.indexOf('=');
        props[p.slice(0, i)] = unescape(p.slice(i + 1));
      }
      return { level: m![1], props, message: unescape(m![3]) };
    });
}

let survey: FindingList;
let commands: Command[];

beforeAll(async () => {
  survey = await surveyList();
  commands = parse(github(survey, ctx()));
});

describe('github: the Luojiang survey against quanzhou', () => {
  it('one command per finding: error, warning, notice as the severities', () => {
    expect(commands).toHaveLength(survey.findings.length);
    expect(count(commands, (c) => c.level === 'error')).toBe(5);
    expect(count(commands, (c) => c.level === 'warning')).toBe(count(survey.findings, (f) => f.severity === 'warning'));
    expect(count(commands, (c) => c.level === 'notice')).toBe(count(survey.findings, (f) => f.severity === 'info'));
  });

  it('a workbook cell: the file and row, the sheet and cell in the message, the check as title', () => {
    const k53 = commands.find((c) => c.message.startsWith('村（社区）!K53: '))!;
    expect(k53.level).toBe('error');
    expect(k53.props).toEqual({ file: XLSX_REL, line: '53', title: '单元格无法读取 (cell-type)' });
    expect(k53.message).toBe('村（社区）!K53: “约300”无法读取为非负数（可带单位，如 320平方米）');
  });

  it('a plan finding: the plan file, line and column; `%` in the message survives', () => {
    const miss = commands.find((c) => c.level === 'error' && c.props.file === PLAN_REL)!;
    expect(miss.props).toMatchObject({ line: '142', col: '5', title: '指标未达标 (indicator-not-met)' });
    expect(miss.message).toBe('居民活动区域面积占社区综合服务设施总建筑面积比例：实际 59.2%，目标 ≥60%，差 0.8 个百分点');
  });

  it('plans lint: every finding at its plan line and column', () => {
    const list = lintList();
    const lint = parse(github(list, ctx('en')));
    expect(lint).toHaveLength(list.findings.length);
    expect(count(lint, (c) => c.level === 'error')).toBe(10);
    expect(lint.every((c) => /^plans\/\w+\.yaml$/.test(c.props.file) && /^\d+$/.test(c.props.line) && /^\d+$/.test(c.props.col))).toBe(true);
    expect(lint.find((c) => c.props.title === 'Item numbers skip or repeat (numbering-gap)')!.props).toMatchObject({ file: 'plans/luojiang.yaml', line: '919', col: '14' });
  });
});

describe('github: escaping', () => {
  it('%, CR, LF in the message; also : and , in properties', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
  });

  it('a message with %, a line break, : and , and a file name with : and , stay one command each', () => {
    const text = '完成率 95%: 差 5%, 见附表\n第二行 a,b:c %0A';
    const out = github(oddList(text, { file: 'data/乡镇,2024:v2.csv', row: 7, columnIndex: 3 }), ctx());
    expect(out.split('\n')).toHaveLength(2); // one line and the final newline
    const [c] = parse(out);
    expect(c.level).toBe('error');
    expect(c.props).toEqual({ file: 'data/乡镇,2024:v2.csv', line: '7', col: '3', title: '单元格无法读取 (cell-type)' });
    expect(c.message).toBe(text);
    // The raw line has no bare separator inside a property value.
    expect(out).toContain('file=data/乡镇%2C2024%3Av2.csv,line=7,col=3,');
  });

  it('info is a notice; nothing to report prints nothing', () => {
    expect(github(oddList('x', { file: 'a.csv' }, 'info'), ctx())).toBe('::notice file=a.csv,title=单元格无法读取 (cell-type)::x\n');
    expect(github({ ...oddList('x', {}), findings: [] }, ctx())).toBe('');
  });
});
