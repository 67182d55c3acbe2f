import { describeEncodedPlan } from './encoded-plan.js';
// plans/luojiang.yaml against its source, plans/sources/002_03346fc2c8259cea.txt (the Luojiang ledger).
// Every expected value below was read from the seed by hand, not copied from the YAML.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const planPath = path.resolve(__dirname, '../../plans/luojiang.yaml');
const seedPath = path.resolve(__dirname, '../../plans/sources/002_03346fc2c8259cea.txt');
const quanzhouPath = path.resolve(__dirname, '../../plans/quanzhou.yaml');

const plan = parse(readFileSync(planPath, 'utf8'));
const seed = readFileSync(seedPath, 'utf8');
const squash = (s: string) => s.replace(/\s+/g, '');
const seedFlat = squash(seed);

const tasks: any[] = plan.tasks ?? [];
const task = (no: number) => tasks.find((t) => t.no === no);

// Rows read from the seed: 序号, start of 主要内容, 责任单位 (canonical), 完成时限 (null = blank cell).
const ROWS: { no: number; starts: string; units: string[]; deadline: string | null }[] = [
  { no: 1, starts: '1．强化乡镇（街道）党（工）委责任', units: ['区民政局'], deadline: '持续实施' },
  { no: 3, starts: '3．推动城乡社区党群服务中心（站）提档升级', units: ['区行政服务中心', '区民政局', '区教育局', '区商务局', '区文体旅游局', '区卫健局', '区住建局'], deadline: '持续实施' },
  { no: 7, starts: '4.规范城乡社区组织工作事务', units: ['区民政局', '各相关部门'], deadline: '持续实施' },
  { no: 9, starts: '2.发挥村（社区）党组织、基层群众性自治组织作用', units: ['区民政局'], deadline: null },
  { no: 10, starts: '3.完善城乡社区志愿服务制度', units: ['区民政局', '区委文明办', '区妇联', '团区委', '区残联'], deadline: '2025' },
  { no: 20, starts: '1.开展城乡社区就业服务行动', units: ['区人社局', '区教育局', '区退役军人事务局', '区残联'], deadline: '持续实施' },
  { no: 21, starts: '2.开展“完整社区”试点建设', units: ['区住建局', '区民政局'], deadline: '2024' },
  { no: 28, starts: '2.强化城乡社区矫正、社区戒毒社区康复', units: ['区司法局', '区卫健局', '区人社局'], deadline: null },
  { no: 34, starts: '8.健全社区矛盾纠纷解决和心理疏导机制', units: ['区司法局', '区信访局', '区妇联'], deadline: null },
  { no: 40, starts: '4.合理规划群众举办红白喜事等活动的公共场所', units: ['区自然资源局', '区民政局'], deadline: null },
  { no: 44, starts: '1.充分发挥一体化政务服务平台作用', units: ['区行政服务中心', '区工信局', '区发改局'], deadline: '2025' },
  { no: 46, starts: '4.推进城乡社区辖区单位、人员密集场所智能安防设施配备', units: ['区住建局', '区公安分局'], deadline: '2025' },
  { no: 63, starts: '5.健全社区工作者职业体系', units: ['区民政局', '区财政局', '区人社局', '区退役军人事务局'], deadline: '持续实施' },
  { no: 72, starts: '3.加强城乡社区工作者民族、宗教政策法规培训', units: ['区民宗局'], deadline: null },
];

// 工作任务 / 具体项目 after filling blank (merged) cells with the value above.
const HEADINGS: { no: number; section: string; project: string }[] = [
  { no: 2, section: '一、完善城乡社区服务格局', project: '（一）加强党建引领城乡社区服务体系建设' },
  { no: 9, section: '一、完善城乡社区服务格局', project: '（三）完善多方参与社区服务格局' },
  { no: 14, section: '二、增强社区服务供给', project: '（一）强化兜底民生服务' },
  { no: 46, section: '三、提升城乡社区服务效能', project: '（三）加快社区数字化建设' },
  { no: 58, section: '四、创新社区服务机制', project: '（三）促进闽台社区服务交流交往' },
  { no: 72, section: '五、加强社区服务人才队伍建设', project: '（三）加强社区服务教育培训' },
];

// Targets the ledger restates: id, a fragment of the seed the quote must contain, target or rule, scope.
const TARGETS: { id: string; fragment: string; op?: string; value?: number; rule?: string; scope: string }[] = [
  { id: 'volunteer_station_coverage', fragment: '志愿服务站点在城乡社区综合服务设施中覆盖率达100%', op: '>=', value: 100, scope: '城乡' },
  { id: 'commercial_area_share', fragment: '占社区总建筑面积超10%', op: '>', value: 10, scope: '城乡' },
  { id: 'police_office_coverage_urban', fragment: '实现城市社区警务室全覆盖', op: '>=', value: 100, scope: '城市' },
  { id: 'micro_fire_station_coverage', fragment: '村（社区）微型消防站（点）覆盖率达100%', op: '>=', value: 100, scope: '城乡' },
  { id: 'mental_health_literacy', fragment: '区级居民心理健康素养水平达到15%', op: '>=', value: 15, scope: '城乡' },
  { id: 'facility_coverage', fragment: '城乡社区综合服务设施覆盖率100%', op: '>=', value: 100, scope: '城乡' },
  { id: 'activity_area_share', fragment: '总建设面积达60%及以上', op: '>=', value: 60, scope: '城乡' },
  { id: 'facility_area_per_100_households', fragment: '每百户居民拥有社区综合服务设施面积超30平方米', op: '>', value: 30, scope: '城乡' },
  { id: 'self_service_coverage_urban', fragment: '力争力争2025年城市较大社区政务通用自助服务覆盖率达100%', op: '>=', value: 100, scope: '城市' },
  { id: 'workers_per_10k_urban', fragment: '每万名城镇常住人口拥有社区工作者达到18人', op: '>=', value: 18, scope: '城市' },
  { id: 'women_home_share', fragment: '力争2025年实现一半以上村（社区）至少建立1个“妇女微家”', op: '>=', value: 50, scope: '城乡' },
  { id: 'parent_school_coverage', fragment: '力争到2025年实现城乡社区建设率100%', op: '>=', value: 100, scope: '城乡' },
  { id: 'volunteer_share', fragment: '注册志愿者人数占常住人口比例达18%以上', op: '>=', value: 18, scope: '城乡' },
  { id: 'deliberation_hall', fragment: '实现城乡社区民主议事厅全覆盖', rule: 'has_deliberation_hall', scope: '城乡' },
  { id: 'social_worker_service', fragment: '社区都有社会工作者提供服务', rule: 'has_social_worker_service', scope: '城市' },
  { id: 'rule_of_law_venue', fragment: '每个社区至少设立1个以法治为主题的广场', rule: 'has_rule_of_law_venue', scope: '城市' },
  { id: 'legal_literates_min', fragment: '培养3名以上骨干“法律明白人”', rule: 'legal_literates >= 3', scope: '城市' },
  { id: 'legal_adviser', fragment: '深化一社区一法律顾问制度', rule: 'has_legal_adviser', scope: '城市' },
  { id: 'legal_service_room', fragment: '每个社区设立1个公共法律服务工作室', rule: 'has_legal_service_room', scope: '城市' },
  { id: 'disaster_info_officer', fragment: '每个村（社区）至少有1名灾害信息员', rule: 'disaster_info_officers >= 1', scope: '城乡' },
  { id: 'satisfaction_survey', fragment: '满意评估覆盖所有社区', rule: 'has_satisfaction_survey', scope: '城市' },
  { id: 'grid_worker_per_grid', fragment: '每个网格配备至少1名专（兼）职网格员', rule: 'grid_workers >= grids', scope: '城乡' },
  { id: 'social_work_station', fragment: '乡镇（街道）社会工作服务站全覆盖', rule: 'has_social_work_station', scope: '乡镇' },
  { id: 'mental_health_team_coverage', fragment: '乡镇（街道）100%建立精神卫生综合管理小组', op: '>=', value: 100, scope: '乡镇' },
];

describe('plans/luojiang.yaml', () => {

  it('is the district ledger extending quanzhou', () => {
    expect(plan.id).toBe('luojiang');
    expect(plan.extends).toBe('quanzhou');
    expect(plan.level).toBe('district');
    expect(plan.region).toBe('洛江区');
    expect(plan.implements.some((i: any) => i.plan === 'quanzhou')).toBe(true);
    expect(seedFlat).toContain(squash(plan.document));
  });

  it('has all 72 rows, numbered 1..72, with ids equal to 序号', () => {
    expect(tasks).toHaveLength(72);
    tasks.forEach((t, i) => {
      expect(t.no).toBe(i + 1);
      expect(t.id).toBe(String(i + 1));
    });
    // the seed itself has 72 numbered rows
    const numbers = [...seed.matchAll(/\n\n\t(\d+)\n/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
  });

  it.each(ROWS)('row $no matches the seed', ({ no, starts, units, deadline }) => {
    const t = task(no);
    expect(t).toBeDefined();
    expect(t.content.startsWith(starts)).toBe(true);
    expect(seedFlat).toContain(squash(starts));
    expect(t.units).toEqual(units);
    expect(t.deadline).toBe(deadline);
  });

  it.each(HEADINGS)('row $no carries the filled-in 工作任务 / 具体项目', ({ no, section, project }) => {
    expect(task(no).section).toBe(section);
    expect(task(no).project).toBe(project);
  });

  it('puts the note of row 1 into task 1’s note, not into units', () => {
    const note = '以下均需各乡镇（街道）落实，不再列出。';
    const t1 = task(1);
    const noteText = typeof t1.note === 'string' ? t1.note : t1.note.zh;
    expect(noteText).toContain(note);
    expect(t1.units).toEqual(['区民政局']);
    for (const t of tasks) for (const u of t.units) expect(u).not.toMatch(/不再列出|落实/);
  });

  it('leaves exactly the blank deadlines (rows 9, 28, 34, 40, 72) null', () => {
    const blank = tasks.filter((t) => t.deadline === null).map((t) => t.no);
    expect(blank).toEqual([9, 28, 34, 40, 72]);
    for (const t of tasks) if (t.deadline !== null) expect(['持续实施', '2025', '2024']).toContain(t.deadline);
  });

  it('keeps the document’s slips', () => {
    expect(task(44).content).toContain('力争力争2025年城市较大社区政务通用自助服务覆盖率达100%');
    // （三）加快社区数字化建设 numbers its items 1, 2, 4
    expect([44, 45, 46].map((n) => task(n).content.match(/^\d+/)![0])).toEqual(['1', '2', '4']);
    expect(task(20).units_as_written).toContain('区退役军人局');
    expect(task(63).units_as_written).toContain('区退役军人事务局');
  });

  it('lists both spellings of the veterans’ bureau under one canonical unit', () => {
    const owners = plan.units.filter((u: any) =>
      [u.name, ...(u.spellings ?? [])].some((s: string) => s === '区退役军人局' || s === '区退役军人事务局'),
    );
    expect(owners).toHaveLength(1);
    const names = [owners[0].name, ...(owners[0].spellings ?? [])];
    expect(names).toContain('区退役军人局');
    expect(names).toContain('区退役军人事务局');
    expect(task(20).units).toContain(owners[0].name);
    expect(task(63).units).toContain(owners[0].name);
  });

  it('names every task unit in `units`, and every written unit line maps to a task unit', () => {
    const canonical = new Map<string, string>();
    for (const u of plan.units) for (const s of [u.name, ...(u.spellings ?? [])]) canonical.set(s, u.name);
    for (const t of tasks) {
      for (const u of t.units) expect(plan.units.map((x: any) => x.name)).toContain(u);
      const lines = t.units_as_written.split('\n').filter((l: string) => !l.includes('不再列出'));
      expect(lines.map((l: string) => canonical.get(l))).toEqual(t.units);
    }
  });


  it.each(TARGETS)('restates $id as the ledger words it', ({ id, fragment, op, value, rule, scope }) => {
    expect(seedFlat).toContain(squash(fragment));
    const item = [...plan.indicators, ...plan.requirements].find((x: any) => x.id === id);
    expect(item, id).toBeDefined();
    expect(squash(item.source.quote)).toContain(squash(fragment));
    expect(item.scope).toBe(scope);
    if (rule) expect(item.rule).toBe(rule);
    else expect(item.target).toMatchObject({ op, value });
  });


  it('uses quanzhou’s ids for restated targets', () => {
    if (!existsSync(quanzhouPath)) return;
    const qz = parse(readFileSync(quanzhouPath, 'utf8'));
    const qzIds = new Set([...qz.indicators, ...(qz.requirements ?? [])].map((x: any) => x.id));
    const newIds = ['online_service_coverage', 'parent_school_coverage'];
    for (const x of [...plan.indicators, ...plan.requirements]) {
      if (!newIds.includes(x.id)) expect(qzIds, x.id).toContain(x.id);
      expect(x.note, `${x.id} needs a note on how it differs from quanzhou`).toBeDefined();
    }
  });
});

describeEncodedPlan('luojiang', '002_03346fc2c8259cea.txt');
