// The Markdown formatter (a CI job summary), read back as GFM tables: rows split on unescaped `|`,
// counted against the fixture's indicators and findings; `|` and line breaks inside a cell escaped.

import { beforeAll, describe, expect, it } from 'vitest';
import { markdown, mdCell } from '../../src/report/formats/markdown.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { ctx, lintList, oddList, surveyList } from './support.js';

/** A row's cells: split on `|` not preceded by a backslash, `\|` read back as `|`. */
const cells = (line: string) =>
  line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** The tables of a Markdown text: each its header cells and body rows, under the heading before it. */
function tables(md: string): { heading: string; head: string[]; rows: string[][] }[] {
  const out: { heading: string; head: string[]; rows: string[][] }[] = [];
  const lines = md.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#')) heading = lines[i];
    if (!lines[i].startsWith('|') || !/^\|(-+\|)+$/.test(lines[i + 1] ?? '')) continue;
    const head = cells(lines[i]);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(cells(lines[j]));
    out.push({ heading, head, rows });
    i = j;
  }
  return out;
}

let survey: FindingList;
let md: string;

beforeAll(async () => {
  survey = await surveyList();
  md = markdown(survey, ctx());
});

describe('markdown: the Luojiang survey against quanzhou', () => {
  it('a title with the plan, and the counts', () => {
    expect(md.split('\n')[0]).toBe('## cscheck · 泉州市“十四五”城乡社区服务体系建设实施方案（泉政办〔2022〕54号）');
    expect(md).toContain('指标：9 达标，10 未达标，8 无数据 · 5 个错误，44 个警告，15 个提示');
  });

  it('the indicator table: 指标 / 目标 / 实际 / 差距 / 状态, one row per indicator', () => {
    const [indicators] = tables(md);
    expect(indicators.heading).toBe('### 指标');
    expect(indicators.head).toEqual(['指标', '目标', '实际', '差距', '状态']);
    expect(indicators.rows).toHaveLength(27);
    for (const r of indicators.rows) expect(r).toHaveLength(5);
    const activity = indicators.rows.find((r) => r[0].startsWith('居民活动区域面积'))!;
    expect(activity.slice(1)).toEqual(['≥60%', '59.2%', '差 0.8 个百分点', '❌ 未达标 · 约束性']);
    expect(indicators.rows.filter((r) => r[4].includes('达标') && r[4].startsWith('✅'))).toHaveLength(9);
    expect(indicators.rows.filter((r) => r[4] === '⚪ 无数据')).toHaveLength(8);
  });

  it('the top findings, errors first, and a count of the rest', () => {
    const [, findings] = tables(md);
    expect(findings.heading).toBe('### 主要问题（20/64）');
    expect(findings.head).toEqual(['级别', '位置', '说明']);
    expect(findings.rows).toHaveLength(20);
    expect(findings.rows.slice(0, 5).every((r) => r[0] === '❌ 错误')).toBe(true);
    expect(findings.rows[5][0]).toBe('⚠️ 警告');
    expect(findings.rows.some((r) => r[1] === 'fixtures/luojiang/survey-2024.xlsx 村（社区）!K53' && r[2].endsWith('[cell-type]'))).toBe(true);
    expect(md.trimEnd().endsWith('……另有 44 条')).toBe(true);
  });

  it('English', () => {
    const en = markdown(survey, ctx('en'));
    const [indicators, findings] = tables(en);
    expect(indicators.head).toEqual(['Indicator', 'Target', 'Actual', 'Gap', 'Status']);
    expect(findings.heading).toBe('### Top findings (20 of 64)');
  });
});

describe('markdown: plans lint and escaping', () => {
  it('plans lint: a findings table with a row per finding', () => {
    const list = lintList();
    const out = markdown(list, ctx());
    const all = tables(out);
    expect(all).toHaveLength(1);
    expect(all[0].heading).toBe('### 问题');
    expect(all[0].rows).toHaveLength(list.findings.length);
    expect(all[0].rows.filter((r) => r[0] === '❌ 错误')).toHaveLength(10);
    expect(out).toContain('10 个错误，26 个警告，8 个提示');
    expect(out).toContain('已检查：plans/fujian.yaml, plans/luojiang.yaml');
  });

  it('| and line breaks in a message or a file name keep the row at three cells', () => {
    const text = 'a | b || c\nsecond line \\| <b>x</b>';
    const out = markdown(oddList(text, { file: 'x|y.csv', row: 2 }), ctx());
    const [t] = tables(out);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toHaveLength(3);
    expect(t.rows[0][1]).toBe('x|y.csv 第 2 行');
    expect(t.rows[0][2]).toBe('a | b || c<br>second line \\\\| &lt;b&gt;x&lt;/b&gt; [cell-type]');
    expect(mdCell('a|b')).toBe('a\\|b');
  });

  it('nothing found: the counts and a line saying so', () => {
    const out = markdown({ ...oddList('x', { file: 'a.csv' }), findings: [] }, ctx('en'));
    expect(tables(out)).toHaveLength(0);
    expect(out).toContain('0 errors, 0 warnings, 0 info');
    expect(out).toContain('No findings');
  });
});
