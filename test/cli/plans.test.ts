// `cscheck plans list|show|units|lint` and `cscheck explain` end to end through `main`: what each
// prints for the bundled plans, in both formats and languages, and the exit codes.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lines, run, runJson, tmpDir, writeFile } from './helpers.js';

const PLAN_IDS = ['fujian', 'luojiang', 'quanzhou', 'xianyou', 'xishuangbanna'];

describe('plans list', () => {
  it('lists every bundled plan with its counts and what it extends', async () => {
    const r = await runJson(['plans', 'list']);
    expect(r.code).toBe(0);
    expect(r.report.plans.map((p: any) => p.id)).toEqual(PLAN_IDS);
    const luojiang = r.report.plans.find((p: any) => p.id === 'luojiang');
    expect(luojiang).toMatchObject({ level: 'district', indicators: 22, requirements: 13, tasks: 72, extends: 'quanzhou', inherited: { indicators: 7, requirements: 0 } });
    expect(r.report.plans.find((p: any) => p.id === 'quanzhou')).toMatchObject({ document: '泉政办〔2022〕54号', indicators: 27, requirements: 13, tasks: 16, extends: null });
  });

  it('table, in Chinese and in English', async () => {
    const zh = await run(['plans', 'list']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('闽政办〔2022〕37号');
    expect(zh.stdout).toContain('22+继承7');
    const en = await run(['plans', 'list', '--lang', 'en']);
    expect(en.stdout).toContain('22 + 7 inherited');
    expect(en.stdout).toContain('Extends');
  });

  it('a missing subcommand and an unknown format are usage errors', async () => {
    expect((await run(['plans'])).code).toBe(2);
    expect((await run(['plans', '--help'])).code).toBe(0);
    const r = await run(['plans', 'list', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe('plans show', () => {
  it('prints the plan as written, as YAML: luojiang without what it inherits', async () => {
    const r = await run(['plans', 'show', 'luojiang']);
    expect(r.code).toBe(0);
    const plan = parse(r.stdout);
    expect(plan.extends).toBe('quanzhou');
    expect(plan.indicators).toHaveLength(22);
    expect(plan.indicators.some((i: any) => i.id === 'facility_coverage_rural')).toBe(false);
  });

  it('--resolved merges in quanzhou’s indicators and keeps luojiang’s own wording', async () => {
    const r = await runJson(['plans', 'show', 'luojiang', '--resolved']);
    expect(r.code).toBe(0);
    const byId = (id: string) => r.report.indicators.find((i: any) => i.id === id);
    expect(r.report.indicators).toHaveLength(29);
    expect(byId('facility_coverage_rural').source).toEqual({ section: '附件 主要指标 1', quote: '1 农村社区综合服务设施覆盖率 100% 预期性' });
    expect(byId('self_service_coverage_urban').source).toEqual({ section: '序号44', quote: '力争力争2025年城市较大社区政务通用自助服务覆盖率达100%' });
    expect(byId('self_service_coverage_urban').name.zh).toBe('城市较大社区政务通用自助服务覆盖率');
    const yaml = parse((await run(['plans', 'show', 'luojiang', '--resolved', '--format', 'yaml'])).stdout);
    expect(yaml.indicators.map((i: any) => i.id)).toEqual(r.report.indicators.map((i: any) => i.id));
  });

  it('a plan file by path; tables of indicators, requirements and tasks', async () => {
    const r = await run(['plans', 'show', 'plans/quanzhou.yaml', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('quanzhou：泉州市“十四五”城乡社区服务体系建设实施方案（泉政办〔2022〕54号）');
    expect(r.stdout).toContain('指标（27）');
    expect(r.stdout).toContain('activity_area_share');
    expect(r.stdout).toContain('任务（16）');
  });

  it('an unknown plan and an invalid plan file exit 2 with one line', async () => {
    const unknown = await run(['plans', 'show', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual(['cscheck: 找不到计划“nowhere”；内置计划：fujian, luojiang, quanzhou, xianyou, xishuangbanna']);
    const file = writeFile(tmpDir(), 'bad.yaml', 'id: bad\nname: {zh: 坏, en: Bad}\n');
    const invalid = await run(['plans', 'show', file, '--lang', 'en']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.yaml:1:1: invalid plan \(\/\): missing key “issuer”/);
  });
});

describe('plans units', () => {
  it('one row per unit, with every spelling the ledger uses and its tasks', async () => {
    const r = await runJson(['plans', 'units', 'luojiang']);
    expect(r.code).toBe(0);
    expect(r.report.plan).toBe('luojiang');
    const veterans = r.report.units.filter((u: any) => u.spellings.includes('区退役军人局'));
    expect(veterans).toEqual([{ unit: '区退役军人事务局', spellings: ['区退役军人局', '区退役军人事务局'], tasks: ['20', '63'], count: 2, declared: true }]);
    const civil = r.report.units.find((u: any) => u.unit === '区民政局');
    expect(civil.count).toBe(civil.tasks.length);
    expect(civil.tasks.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('table: both spellings in the one row', async () => {
    const r = await run(['plans', 'units', 'luojiang']);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('区退役军人事务局 '))!;
    expect(row).toContain('区退役军人局 / 区退役军人事务局');
    expect(row).toMatch(/│ 2\s+│ 20, 63/);
  });
});

describe('plans lint', () => {
  it('all bundled plans: exit 1, JSON findings with rendered messages and locations', async () => {
    const r = await runJson(['plans', 'lint']);
    expect(r.code).toBe(1);
    expect(r.report.files).toEqual(PLAN_IDS.map((id) => `plans/${id}.yaml`));
    const per: Record<string, number> = {};
    for (const f of r.report.findings) per[f.code] = (per[f.code] ?? 0) + 1;
    expect(per).toEqual({
      'text-table-mismatch': 4,
      'weaker-than-parent': 10,
      'stricter-than-parent': 3,
      'parent-task-uncovered': 5,
      'task-no-deadline': 5,
      'unit-note': 1,
      'numbering-gap': 1,
      'doubled-wording': 1,
      // against plans further up: luojiang → fujian (through quanzhou), xianyou → fujian (through 莆田市)
      'weaker-than-ancestor': 9,
      'stricter-than-ancestor': 4,
      'binding-dropped': 1,
    });
    expect(r.report.summary.findings).toEqual({ error: 10, warning: 26, info: 8 });
    const gap = r.report.findings.find((f: any) => f.code === 'numbering-gap');
    expect(gap.location).toMatchObject({ file: 'plans/luojiang.yaml', planPath: 'tasks.45.content' });
    expect(gap.message).toBe('（三）加快社区数字化建设：条目编号为 1, 2, 4，缺第 3 条（序号46“4.推进城乡社区辖区单位、人员密集场所智能安防设…”之前）');
  });

  it('table: severity, file:line:col and message; English with --lang en', async () => {
    const r = await run(['plans', 'lint', 'luojiang', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/│ error\s+│ plans\/luojiang\.yaml:\d+:\d+\s+│ Communities with at least one “women’s micro-home”: adds “力争”/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('checked 1 file(s): 8 errors, 19 warnings, 5 info');
  });

  it('--fail-on sets the level that makes the exit code 1', async () => {
    expect((await run(['plans', 'lint', 'fujian'])).code).toBe(0);
    expect((await run(['plans', 'lint', 'fujian', '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['plans', 'lint', 'luojiang', '--fail-on', 'none'])).code).toBe(0);
    const clean = await run(['plans', 'lint', 'xishuangbanna', '--fail-on', 'info']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('已检查 1 个文件：0 个错误，0 个警告，0 个提示\n');
    // Xianyou's findings against Fujian are warnings and info: no error.
    expect((await run(['plans', 'lint', 'xianyou'])).code).toBe(0);
    expect((await run(['plans', 'lint', 'xianyou', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('a broken plan file is a finding, not a crash; an unknown plan is a usage error', async () => {
    const file = writeFile(tmpDir(), 'broken.yaml', 'id: broken\nindicators: [\n');
    const r = await runJson(['plans', 'lint', file, 'quanzhou']);
    expect(r.code).toBe(1);
    expect(r.report.findings[0]).toMatchObject({ code: 'plan-schema', severity: 'error', messageId: 'plan.yaml' });
    expect(r.report.findings[0].message).toMatch(/^YAML 错误/);
    const unknown = await run(['plans', 'lint', 'quanzhou', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
  });
});

describe('explain', () => {
  it('an indicator across the bundled plans: meaning, columns, and each plan’s target side by side', async () => {
    const r = await runJson(['explain', 'activity_area_share']);
    expect(r.code).toBe(0);
    const x = r.report;
    expect(x.units).toEqual(['%']);
    expect(x.measures[0]).toMatchObject({ kind: 'ratio', title: { zh: '比率' }, columns: ['居民活动区域面积', '综合服务设施建筑面积'] });
    expect(x.measures[0].expressions).toEqual([
      { key: 'numerator', expr: 'activity_area' },
      { key: 'denominator', expr: 'facility_area' },
      { key: 'scale', expr: '100' },
    ]);
    const quanzhou = x.plans.find((p: any) => p.plan === 'quanzhou');
    expect(quanzhou).toMatchObject({ target: '≥60%', attribute: '约束性', scope: '城乡', section: '附件 主要指标 5', quote: '5 居民活动区域面积占社区综合服务设施总建筑面积比例 ≥60% 约束性' });
    expect(x.plans.map((p: any) => p.plan)).toContain('luojiang');
  });

  it('table, --plan to one plan, and a reported indicator', async () => {
    const r = await run(['explain', 'volunteer_share', '--plan', 'fujian']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('volunteer_share：');
    expect(r.stdout).toContain('所需数据列：注册志愿者人数、常住人口');
    expect(r.stdout).toContain('>18%');
    expect(r.stdout).not.toContain('quanzhou');
    const reported = await run(['explain', 'community_police_share', '--lang', 'en']);
    expect(reported.stdout).toContain('Measure (fujian, luojiang, quanzhou');
    expect(reported.stdout).toContain('Reported value');
    expect(reported.stdout).toContain('Data columns needed: none (a reported value)');
  });

  it('an unknown id exits 2 with one line naming close ids', async () => {
    const r = await run(['explain', 'women_home']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['cscheck: 没有编号为“women_home”的指标；相近的编号：women_home_share']);
    const en = await run(['explain', 'volunteer_shares', '--lang', 'en']);
    expect(en.stderr).toMatch(/^cscheck: no indicator “volunteer_shares”; close ids: volunteer_share/);
    const elsewhere = await run(['explain', 'childcare_places_per_1000', '--plan', 'quanzhou']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toBe('cscheck: 计划“quanzhou”没有指标“childcare_places_per_1000”；设有该指标的计划：fujian, xianyou\n');
  });
});
