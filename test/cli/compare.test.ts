// `cscheck compare` end to end on the hand-built 仙游县 snapshots (fixtures/compare/, figures worked out in
// its README): every format parsed back, the exit codes of --fail-on, usage and input errors, and batch
// report directories written here the way `cscheck batch` lays them out (summary.json + one JSON report
// per file), with and without community lists.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../src/cli/compare.js';
import type { BatchFileResult, BatchSummary } from '../../src/schema/batch.js';
import { loadPlan } from '../../src/schema/load-plan.js';
import type { Report } from '../../src/schema/results.js';
import { ROOT, lines, run, runJson, tmpDir, writeFile } from './helpers.js';

const OLD = path.join(ROOT, 'fixtures', 'compare', 'xianyou-2023.csv');
const NEW = path.join(ROOT, 'fixtures', 'compare', 'xianyou-2024.xlsx');
const ARGS = ['compare', OLD, NEW, '--plan', 'xianyou'];

const RURAL_FACILITY = '农村社区综合服务设施覆盖率';
const RURAL_SCHOOL = '农村社区家长学校或家庭教育指导服务站点建校（站）率';
const MICRO_FIRE = '社区、行政村微型消防站（点）建站率';
const VOLUNTEERS = '注册志愿者占总人口比例';

const byId = (area: any, id: string) => {
  const found = area.indicators.find((i: any) => i.id === id);
  expect(found, `indicator ${id}`).toBeDefined();
  return found;
};

/** The rows of every Markdown table in `text`, as cells (header and separator rows left out). */
function markdownRows(text: string): string[][] {
  const out: string[][] = [];
  const all = text.split('\n');
  all.forEach((line, i) => {
    if (!line.startsWith('| ') || all[i + 1]?.startsWith('|---')) return;
    out.push(line.slice(2, -2).split(' | '));
  });
  return out;
}

/** The text of each cell of every `<tr>` of the page (tags dropped, entities decoded). */
function htmlRows(html: string): string[][] {
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1])));
}

describe('compare the 仙游县 2023 and 2024 surveys', () => {
  it('table (default): the indicators, townships and communities with the hand-worked figures', async () => {
    const r = await run(ARGS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    const line = (...parts: string[]) => {
      const found = out.find((l) => parts.every((p) => l.includes(p)));
      expect(found, `a line with ${parts.join(' + ')}`).toBeDefined();
      return found!;
    };
    expect(out[0]).toBe('仙游县贯彻市城乡社区服务体系建设规划实施方案（仙政办规〔2023〕3号）两期比较');
    // 7/8 = 87.5% → 7/7 = 100%; 100 − 87.5 = +12.5 points.
    expect(line(RURAL_FACILITY, '≥100%')).toMatch(/87\.5%\s+│ 100%\s+│ \+12\.5 个百分点\s+│ 新达标/);
    // 7/8 = 87.5% → 5/7 = 71.4%; 71.43 − 87.5 = −16.07 points. The name wraps: its first line holds the row.
    expect(line('农村社区家长学校或家庭教育指导服', '≥80%')).toMatch(/87\.5%\s+│ 71\.4%\s+│ -16\.1 个百分点\s+│ 新未达标/);
    // 10/12 = 83.3% → 13/14 = 92.9%: +9.5 points.
    expect(line('社区、行政村微型消防站（点）建站', '≥100%')).toMatch(/83\.3%\s+│ 92\.9%\s+│ \+9\.5 个百分点\s+│ 仍未达标/);
    // 8690/46500 = 18.69% → 11020/57800 = 19.07%: +0.38 points.
    expect(line(VOLUNTEERS, '>18%')).toMatch(/18\.7%\s+│ 19\.1%\s+│ \+0\.4 个百分点\s+│ 仍达标/);
    expect(line('重点人群家庭医生签约覆盖率')).toMatch(/—\s+│ 62%\s+│ —\s+│ 新有数据，达标/);
    expect(r.stdout).toContain('另有 32 个指标两期均无数据');
    // Townships: 榜头镇 3/4 = 75% → 4/4; 鲤南镇 volunteers 1940/12000 = 16.2% → 2300/12000 = 19.2%.
    expect(line(RURAL_FACILITY, '榜头镇')).toMatch(/75%\s+│ 100%\s+│ \+25 个百分点\s+│ 新达标/);
    expect(line(VOLUNTEERS, '鲤南镇')).toMatch(/16\.2%\s+│ 19\.2%\s+│ \+3 个百分点\s+│ 新达标/);
    expect(line(VOLUNTEERS, '郊尾镇')).toMatch(/—\s+│ 14\.6%\s+│ —\s+│ 本期新增/);
    expect(r.stdout).toContain('乡镇（街道）：新增 郊尾镇，减少 无，两期都有 3 个');
    expect(r.stdout).toContain('村（社区）：上期 12 个，本期 14 个；新增 3 个，减少 1 个，更名 1 个（按区划代码对上 10 个，按乡镇和名称对上 1 个）');
    expect(line('新增', '郊尾镇', '沧溪村')).toContain('350322102201');
    expect(line('减少', '鲤南镇', '龙坂村')).toContain('350322100202');
    expect(line('更名：原“玉田村”', '玉田社区')).toContain('350322100203');
    expect(out.at(-2)).toBe('1 个地区 · 指标：1 个新达标，1 个新未达标，1 个新有数据达标，0 个新有数据未达标，2 个仍达标，1 个仍未达标，0 个本期无数据 · 村（社区）新增 3 个，减少 1 个');
    // eslint-disable-next-line no-control-regex -- asserts that no ANSI colour escape reaches the output
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('--lang en', async () => {
    const r = await run([...ARGS, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/87\.5%\s+│ 71\.4%\s+│ -16\.1 pp\s+│ newly missed/);
    expect(r.stdout).toContain('Communities: 12 then, 14 now; 3 added, 1 removed, 1 renamed (10 matched by code, 1 by township and name)');
    expect(r.stdout).toContain('32 more indicators have no data either time');
  });

  it('json: the Comparison with schemaVersion, the hand figures, townships and communities', async () => {
    const r = await runJson(ARGS);
    expect(r.code).toBe(0);
    const c = r.report;
    expect(c.schemaVersion).toBe(1);
    expect(c.lang).toBe('zh');
    expect(c.plan.id).toBe('xianyou');
    expect(c.old).toEqual({ path: OLD, kind: 'file' });
    expect(c.new).toEqual({ path: NEW, kind: 'file' });
    const a = c.areas[0];
    expect(a.area).toBe('仙游县');
    expect([a.old.rows, a.new.rows]).toEqual([12, 14]);

    const facility = byId(a, 'facility_coverage_rural');
    expect([facility.old.value, facility.new.value, facility.transition]).toEqual([(100 * 7) / 8, 100, 'newly-met']);
    expect(facility.change).toBeCloseTo(12.5, 9);
    const school = byId(a, 'parent_school_coverage_rural');
    expect(school.new.value).toBeCloseTo((100 * 5) / 7, 9);
    expect(school.change).toBeCloseTo((100 * 5) / 7 - 87.5, 9);
    expect([school.old.status, school.new.status, school.transition, school.improved]).toEqual(['met', 'not-met', 'newly-missed', false]);
    const fire = byId(a, 'micro_fire_station_coverage');
    expect(fire.change).toBeCloseTo((100 * 13) / 14 - (100 * 10) / 12, 9);
    expect(fire.transition).toBe('still-missed');
    const vol = byId(a, 'volunteer_share');
    expect(vol.old.value).toBeCloseTo((100 * 8690) / 46500, 9);
    expect(vol.new.value).toBeCloseTo((100 * 11020) / 57800, 9);
    expect(vol.townships.map((t: any) => [t.township, t.transition])).toEqual([
      ['鲤城街道', 'still-met'],
      ['鲤南镇', 'newly-met'],
      ['榜头镇', 'still-met'],
      ['郊尾镇', 'added'],
    ]);
    expect(byId(a, 'family_doctor_signing_rate').transition).toBe('first-met');

    expect(a.townships).toEqual({ added: ['郊尾镇'], removed: [], kept: 3 });
    expect(a.communities.added.map((x: any) => x.name)).toEqual(['城西社区', '郊尾社区', '沧溪村']);
    expect(a.communities.removed.map((x: any) => [x.township, x.name, x.code])).toEqual([['鲤南镇', '龙坂村', '350322100202']]);
    expect(a.communities.renamed).toEqual([
      {
        old: { key: '350322100203', code: '350322100203', county: '仙游县', township: '鲤南镇', name: '玉田村' },
        new: { key: '350322100203', code: '350322100203', county: '仙游县', township: '鲤南镇', name: '玉田社区' },
      },
    ]);
    expect([a.communities.matchedByCode, a.communities.matchedByName]).toEqual([10, 1]);
    expect(c.summary).toEqual({
      areas: 1,
      indicators: { 'newly-missed': 1, 'newly-met': 1, 'first-missed': 0, 'first-met': 1, 'data-lost': 0, 'still-missed': 1, 'still-met': 2, 'no-data': 32, added: 0, removed: 0 },
      communitiesAdded: 3,
      communitiesRemoved: 1,
      townshipsAdded: 1,
      townshipsRemoved: 0,
    });
  });

  it('markdown: the indicator, township and community tables as rows', async () => {
    const r = await run([...ARGS, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('## 仙游县贯彻市城乡社区服务体系建设规划实施方案（仙政办规〔2023〕3号）两期比较');
    const rows = markdownRows(r.stdout);
    expect(rows).toContainEqual([RURAL_FACILITY, '≥100%', '87.5%', '100%', '+12.5 个百分点', '新达标']);
    expect(rows).toContainEqual([RURAL_SCHOOL, '≥80%', '87.5%', '71.4%', '-16.1 个百分点', '新未达标']);
    expect(rows).toContainEqual([MICRO_FIRE, '≥100%', '83.3%', '92.9%', '+9.5 个百分点', '仍未达标']);
    expect(rows).toContainEqual([VOLUNTEERS, '&gt;18%', '18.7%', '19.1%', '+0.4 个百分点', '仍达标']);
    // Per township: 榜头镇 4/4 → 3/4 rural parent schools; 鲤城街道 micro fire stations 2/3 → 4/4.
    expect(rows).toContainEqual([RURAL_SCHOOL, '榜头镇', '100%', '75%', '-25 个百分点', '新未达标']);
    expect(rows).toContainEqual([MICRO_FIRE, '鲤城街道', '66.7%', '100%', '+33.3 个百分点', '新达标']);
    expect(rows).toContainEqual([MICRO_FIRE, '郊尾镇', '—', '50%', '—', '本期新增']);
    expect(rows).toContainEqual(['新增', '鲤城街道', '城西社区', '350322001006']);
    expect(rows).toContainEqual(['减少', '鲤南镇', '龙坂村', '350322100202']);
    expect(rows).toContainEqual(['更名：原“玉田村”', '鲤南镇', '玉田社区', '350322100203']);
    // Township rows with no value on either side (columns these files lack) are left out.
    expect(rows.filter((row) => row[5] === '两期均无数据')).toEqual([]);
    expect(r.stdout).toContain('另有 32 个指标两期均无数据：');
  });

  it('html: one self-contained page — no external reference — with the same rows', async () => {
    const r = await run([...ARGS, '--format', 'html']);
    expect(r.code).toBe(0);
    const page = r.stdout;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    // Nothing to fetch: every src/href is a data: URL, no http(s) URL anywhere, no @import or url().
    for (const m of page.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)) expect(m[1]).toMatch(/^data:/);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/@import|url\(\s*['"]?(?!data:)/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &apos;none&apos;|<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    const rows = htmlRows(page);
    expect(rows).toContainEqual([RURAL_FACILITY, '≥100%', '87.5%', '100%', '+12.5 个百分点', '新达标']);
    expect(rows).toContainEqual([RURAL_SCHOOL, '≥80%', '87.5%', '71.4%', '-16.1 个百分点', '新未达标']);
    expect(rows).toContainEqual([RURAL_FACILITY, '榜头镇', '75%', '100%', '+25 个百分点', '新达标']);
    expect(rows).toContainEqual(['更名：原“玉田村”', '鲤南镇', '玉田社区', '350322100203']);
    expect(page).toContain('<span class="chip not-met">新未达标</span>');
  });

  it('-o writes the file (nothing on stdout); the output may not be an input', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'compare.md');
    const r = await run([...ARGS, '--format', 'markdown', '-o', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(out, 'utf8')).toBe((await run([...ARGS, '--format', 'markdown'])).stdout);
    const clash = await run([...ARGS, '-o', OLD]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('输出文件不能是输入文件');
  });

  it('--fail-on newly-missed: 1 when an indicator went from met to not met; default none: 0', async () => {
    expect((await run([...ARGS, '--fail-on', 'newly-missed', '--format', 'json'])).code).toBe(1);
    expect((await run([...ARGS, '--fail-on', 'none', '--format', 'json'])).code).toBe(0);
    // The same year twice: everything still met or still missed.
    const same = await runJson(['compare', NEW, NEW, '--plan', 'xianyou', '--fail-on', 'newly-missed']);
    expect(same.code).toBe(0);
    expect(same.report.summary.indicators['newly-missed']).toBe(0);
    // 2024 meets parent_school_coverage_urban, volunteer_share, facility_coverage_rural and the reported
    // family-doctor rate; misses parent_school_coverage_rural and micro_fire_station_coverage.
    expect(same.report.summary.indicators['still-met']).toBe(4);
    expect(same.report.summary.indicators['still-missed']).toBe(2);
    // Backwards, 2024 → 2023: 农村社区综合服务设施覆盖率 100% → 87.5% is newly missed.
    const back = await runJson(['compare', NEW, OLD, '--plan', 'xianyou', '--fail-on', 'newly-missed']);
    expect(back.code).toBe(1);
    expect(byId(back.report.areas[0], 'facility_coverage_rural').transition).toBe('newly-missed');
    expect(byId(back.report.areas[0], 'family_doctor_signing_rate').transition).toBe('data-lost');
  });

  it('the built binary', () => {
    const r = spawnSync(path.join(ROOT, 'bin', 'cscheck'), [...ARGS, '--format', 'json'], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.communitiesAdded).toBe(3);
  });
});

describe('usage and input errors exit 2 with one line', () => {
  it('a missing file', async () => {
    const r = await run(['compare', OLD, path.join(ROOT, 'fixtures', 'compare', 'xianyou-2025.xlsx'), '--plan', 'xianyou']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('找不到文件');
  });

  it('survey files without --plan', async () => {
    const r = await run(['compare', OLD, NEW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cscheck: 比较调查文件需要 --plan（内置计划 id 或计划 YAML 文件）\n');
  });

  it('a file against a directory', async () => {
    const dir = tmpDir();
    const r = await run(['compare', OLD, dir, '--plan', 'xianyou', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cscheck: both snapshots must be survey files or both batch report directories: ${OLD} is a survey file, ${dir} is a batch report directory\n`);
  });

  it('a directory without summary.json, and a summary that is not JSON', async () => {
    const a = tmpDir();
    const b = tmpDir();
    expect((await run(['compare', a, b])).stderr).toBe(`cscheck: ${a}: 是目录，但不是批量报告目录（没有 summary.json）\n`);
    writeFile(a, 'summary.json', '{"schemaVersion": 1,');
    const r = await run(['compare', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cscheck: ${path.join(a, 'summary.json')}: 不是有效的 JSON：`));
  });
});

// ---------------------------------------------------------------------------------------------
// Batch report directories, laid out as src/schema/batch.ts describes them.
// ---------------------------------------------------------------------------------------------

interface BatchFile {
  input: string;
  area: string;
  report?: Report;
  /** Write the report JSON (else only the summary's values). */
  json?: boolean;
  failed?: string;
}

function writeBatch(dir: string, files: BatchFile[], plan: Report['plan']): string {
  mkdirSync(path.join(dir, 'reports'), { recursive: true });
  const results = files.map((f, i): BatchFileResult => {
    if (f.failed) {
      return { input: f.input, area: f.area, status: 'failed', exitCode: 2, error: { messageId: 'input.legacy-xls', args: {}, text: f.failed }, reports: {}, rows: 0, townships: 0, findings: { error: 0, warning: 0, info: 0 }, indicators: [] };
    }
    const r = f.report!;
    const json = f.json === false ? undefined : `reports/${i}.json`;
    if (json) writeFileSync(path.join(dir, json), JSON.stringify(r));
    return {
      input: f.input,
      area: f.area,
      status: 'ok',
      exitCode: 0,
      reports: json ? { json } : {},
      rows: r.summary.rows,
      townships: r.summary.townships,
      findings: r.summary.findings,
      indicators: r.indicators.map((x) => ({ id: x.id, value: x.value, status: x.status, gap: x.gap, withData: x.withData, inScope: x.inScope })),
    };
  });
  const first = files.find((f) => f.report)?.report;
  const summary: BatchSummary = {
    schemaVersion: 1,
    tool: { name: 'cscheck', version: '0.1.0' },
    plan,
    indicators: (first?.indicators ?? []).map((x) => ({ id: x.id, name: x.name, unit: x.unit, measure: x.measure, attribute: x.attribute, binding: x.binding, target: x.target })),
    files: results,
    totals: { files: files.length, ok: results.filter((r) => r.status === 'ok').length, failed: results.filter((r) => r.status === 'failed').length, rows: 0, findings: { error: 0, warning: 0, info: 0 }, exitCode: 0 },
    lang: 'zh',
    generated: '2025-01-15T08:00:00.000Z',
  };
  writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
  return dir;
}

describe('batch report directories', () => {
  let r2023: Report;
  let r2024: Report;
  const bare = (r: Report): Report => {
    const { communities: _, ...rest } = r;
    return rest;
  };
  beforeAll(async () => {
    const plan = loadPlan('xianyou');
    r2023 = await evaluateSnapshot(OLD, plan);
    r2024 = await evaluateSnapshot(NEW, plan);
  });

  it('files matched by area when their paths differ: the same figures as comparing the files', async () => {
    const a = writeBatch(tmpDir(), [{ input: '2023/仙游县.csv', area: '仙游县', report: r2023 }], r2023.plan);
    const b = writeBatch(tmpDir(), [{ input: '2024/仙游县.xlsx', area: '仙游县', report: r2024 }], r2024.plan);
    const r = await runJson(['compare', a, b]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = r.report;
    expect(c.old).toEqual({ path: a, kind: 'batch', generated: '2025-01-15T08:00:00.000Z' });
    expect(c.areas.map((x: any) => [x.area, x.old.input, x.new.input])).toEqual([['仙游县', '2023/仙游县.csv', '2024/仙游县.xlsx']]);
    const facility = byId(c.areas[0], 'facility_coverage_rural');
    expect([facility.old.value, facility.new.value, facility.transition]).toEqual([87.5, 100, 'newly-met']);
    expect(byId(c.areas[0], 'parent_school_coverage_rural').transition).toBe('newly-missed');
    expect(c.areas[0].townships).toEqual({ added: ['郊尾镇'], removed: [], kept: 3 });
    expect([c.summary.communitiesAdded, c.summary.communitiesRemoved, c.areas[0].communities.renamed.length]).toEqual([3, 1, 1]);
    expect(c.areas[0].notes).toEqual([]);
    // --plan, when given, must be the plan the batches used.
    expect((await run(['compare', a, b, '--plan', 'xianyou', '--format', 'json'])).code).toBe(0);
    const wrong = await run(['compare', a, b, '--plan', 'quanzhou']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`cscheck: 两期按不同计划评估，不能比较：${a} 按 xianyou，--plan 按 quanzhou\n`);
  });

  it('reports without a community list: said in the output, not counted as none added or removed', async () => {
    const a = writeBatch(tmpDir(), [{ input: '仙游县.csv', area: '仙游县', report: bare(r2023) }], r2023.plan);
    const b = writeBatch(tmpDir(), [{ input: '仙游县.csv', area: '仙游县', report: bare(r2024) }], r2024.plan);
    const json = await runJson(['compare', a, b]);
    expect(json.report.areas[0].communities).toMatchObject({ available: false, old: null, new: null });
    expect(json.report.areas[0].notes.map((n: any) => n.message)).toEqual(['仙游县.csv 未记录村（社区）名单，无法判断村（社区）的增减', '仙游县.csv 未记录村（社区）名单，无法判断村（社区）的增减']);
    const table = await run(['compare', a, b]);
    expect(table.stdout).toContain('村（社区）的增减无法判断（见说明）');
    expect(table.stdout).toContain('仙游县.csv 未记录村（社区）名单');
    expect(table.stdout).not.toContain('新增 0 个');
    // Townships still come from the reports' breakdowns.
    expect(json.report.areas[0].townships).toEqual({ added: ['郊尾镇'], removed: [], kept: 3 });
  });

  it('a failed file, a file without a JSON report, an area only in the new batch', async () => {
    const a = writeBatch(
      tmpDir(),
      [
        { input: '仙游县.csv', area: '仙游县', report: r2023 },
        { input: '仙游县-补报.csv', area: '仙游县（补报）', report: r2023, json: false },
      ],
      r2023.plan,
    );
    const b = writeBatch(
      tmpDir(),
      [
        { input: '仙游县.csv', area: '仙游县', failed: '这是旧版 .xls 或加密的工作簿' },
        { input: '仙游县-补报.csv', area: '仙游县（补报）', report: r2024, json: false },
        { input: '鲤城区.csv', area: '鲤城区', report: r2024 },
      ],
      r2024.plan,
    );
    const r = await runJson(['compare', a, b]);
    expect(r.code).toBe(0);
    const [failed, summaryOnly] = r.report.areas;
    expect(failed.indicators).toEqual([]);
    expect(failed.notes.map((n: any) => n.message)).toEqual(['仙游县.csv 未能评估（这是旧版 .xls 或加密的工作簿），本地区不比较指标']);
    // From the summary's values alone: 87.5 → 100 still, but no townships and no communities.
    expect(byId(summaryOnly, 'facility_coverage_rural')).toMatchObject({ old: { value: 87.5 }, new: { value: 100 }, transition: 'newly-met', townships: [] });
    expect(summaryOnly.townships).toBeNull();
    expect(summaryOnly.notes.map((n: any) => n.messageId)).toEqual(['compare.note.no-townships', 'compare.note.no-townships', 'compare.note.no-communities', 'compare.note.no-communities']);
    expect(r.report.areasAdded).toEqual(['鲤城区']);
    const md = await run(['compare', a, b, '--format', 'markdown']);
    expect(md.stdout).toContain('- 仙游县-补报.csv 没有分乡镇（街道）数值（批量报告未保存它的 JSON 报告），只比较全域数值');
    expect(md.stdout).toContain('本期新增的地区：鲤城区');
  });

  it('batches of different plans, and a summary naming a report that is not there', async () => {
    const a = writeBatch(tmpDir(), [{ input: 'x.csv', area: '仙游县', report: r2023 }], r2023.plan);
    const b = writeBatch(tmpDir(), [{ input: 'x.csv', area: '仙游县', report: r2024 }], { ...r2024.plan, id: 'quanzhou' });
    const r = await run(['compare', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cscheck: 两期按不同计划评估，不能比较：${a} 按 xianyou，${b} 按 quanzhou\n`);
    const c = writeBatch(tmpDir(), [{ input: 'x.csv', area: '仙游县', report: r2024 }], r2024.plan);
    const summary = JSON.parse(readFileSync(path.join(c, 'summary.json'), 'utf8'));
    summary.files[0].reports.json = 'reports/missing.json';
    writeFileSync(path.join(c, 'summary.json'), JSON.stringify(summary));
    const missing = await run(['compare', a, c]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(path.join(c, 'reports', 'missing.json'));
    expect(missing.stderr).toContain('找不到文件');
  });
});
