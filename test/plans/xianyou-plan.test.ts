import { describeEncodedPlan } from './encoded-plan.js';
// plans/xianyou.yaml against its source, plans/sources/003_7a393f03ba3fb33d.txt (仙政办规〔2023〕3号).
// Every expected value below was read from the seed by hand, not copied from the YAML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const planPath = path.resolve(__dirname, '../../plans/xianyou.yaml');
const seedPath = path.resolve(__dirname, '../../plans/sources/003_7a393f03ba3fb33d.txt');

const plan = parse(readFileSync(planPath, 'utf8'));
const seed = readFileSync(seedPath, 'utf8');
const squash = (s: string) => s.replace(/\s+/g, '');
const seedFlat = squash(seed);

// The quantitative targets of the body text: id, the words in the seed, comparison, value, due date.
const TARGETS: { id: string; fragment: string; op: string; value: number; due?: string; scope: string }[] = [
  { id: 'disabled_elderly_home_visits', fragment: '上门进行至少一次的健康评估和健康服务', op: '>=', value: 1, scope: '城乡' },
  { id: 'disabled_elderly_home_visits_total', fragment: '全县每年至少完成300人次', op: '>=', value: 300, scope: '城乡' },
  { id: 'eldercare_facility_compliance', fragment: '配建设施达标率达到100%', op: '>=', value: 100, scope: '城乡' },
  { id: 'childcare_institution_size', fragment: '单个机构建设托位规模在150个以内', op: '<=', value: 150, scope: '城乡' },
  { id: 'childcare_places_per_1000', fragment: '每千名人口拥有3岁以下婴幼儿托位数4.5个', op: '>=', value: 4.5, scope: '城乡' },
  { id: 'parent_school_guidance_sessions', fragment: '每年至少组织2次家庭教育指导', op: '>=', value: 2, scope: '城乡' },
  { id: 'parent_school_practice_sessions', fragment: '和2次家庭教育实践活动', op: '>=', value: 2, scope: '城乡' },
  { id: 'parent_school_coverage_urban', fragment: '城市社区建校（站）率达到90%', op: '>=', value: 90, scope: '城市' },
  { id: 'parent_school_coverage_rural', fragment: '农村社区建校（站）率达到80%', op: '>=', value: 80, scope: '农村' },
  { id: 'child_protection_demo_townships', fragment: '到2023年，全县儿童关爱保护乡镇示范点不少于5个', op: '>=', value: 5, due: '2023-12-31', scope: '乡镇' },
  { id: 'child_pairing_rate', fragment: '示范点困境儿童结对帮扶率达100%', op: '>=', value: 100, due: '2023-12-31', scope: '乡镇' },
  { id: 'primary_care_basic_standard', fragment: '到2025年底，70%以上基层医疗卫生机构达到服务能力基本标准', op: '>=', value: 70, due: '2025-12-31', scope: '城乡' },
  { id: 'primary_care_recommended_standard', fragment: '10%以上服务能力较强的基层医疗卫生机构达到推荐标准', op: '>=', value: 10, due: '2025-12-31', scope: '城乡' },
  { id: 'family_doctor_signing_rate', fragment: '争取2025年底重点人群签约覆盖率达到60%', op: '>=', value: 60, due: '2025-12-31', scope: '城乡' },
  { id: 'family_doctor_signing_rate_special', fragment: '特殊人群签约覆盖率达到75%', op: '>=', value: 75, due: '2025-12-31', scope: '城乡' },
  { id: 'disability_liaison_subsidy', fragment: '残疾人联络员岗位补贴每人每月200元', op: '=', value: 200, scope: '城乡' },
  { id: 'community_police_share', fragment: '专兼职社区民警占派出所警力不低于40%', op: '>=', value: 40, scope: '城乡' },
  { id: 'legal_services_coverage', fragment: '公证等服务城乡社区全覆盖', op: '>=', value: 100, scope: '城乡' },
  { id: 'legal_service_station_coverage', fragment: '18个乡镇街道实现公共法律服务站全覆盖', op: '>=', value: 100, scope: '乡镇' },
  { id: 'emergency_broadcast_coverage_rural', fragment: '实现全县农村应急广播全覆盖', op: '>=', value: 100, scope: '农村' },
  { id: 'micro_fire_station_coverage', fragment: '实现社区、行政村100%建站', op: '>=', value: 100, scope: '城乡' },
  { id: 'disaster_demo_communities_new', fragment: '增创1个综合减灾示范社区', op: '>=', value: 1, scope: '城乡' },
  { id: 'dispute_window_coverage', fragment: '100%建立矛盾纠纷“一站式”受理窗口', op: '>=', value: 100, scope: '乡镇' },
  { id: 'mental_health_team_coverage', fragment: '乡镇（街道）100%建立精神卫生综合管理小组', op: '>=', value: 100, scope: '乡镇' },
  { id: 'mental_health_literacy', fragment: '县级居民心理健康素养水平达到15%', op: '>=', value: 15, scope: '城乡' },
  { id: 'volunteer_share', fragment: '注册志愿者占总人口比例超过18%', op: '>', value: 18, scope: '城乡' },
  { id: 'volunteers_with_hours_share', fragment: '有志愿服务时间记录的志愿者占注册人数的比例≥50%', op: '>=', value: 50, scope: '城乡' },
  { id: 'old_community_renovation_households', fragment: '全县完成2万户老旧小区改造', op: '>=', value: 20000, scope: '城市' },
  { id: 'commercial_area_share', fragment: '新建社区商业和综合服务设施面积不低于社区总建筑面积10%', op: '>=', value: 10, scope: '城乡' },
  { id: 'facility_coverage_rural', fragment: '确保2025年农村社区综合服务设施覆盖率达到100％', op: '>=', value: 100, scope: '农村' },
  { id: 'police_office_coverage_urban', fragment: '实现城市社区警务室全覆盖', op: '>=', value: 100, scope: '城市' },
  { id: 'police_office_radiation_rural', fragment: '农村社区警务室有效辐射率不低于80%', op: '>=', value: 80, scope: '农村' },
  { id: 'key_location_police_coverage', fragment: '实现城乡社区重点部位全覆盖', op: '>=', value: 100, scope: '城乡' },
  { id: 'smart_security_coverage', fragment: '2025年底前力争实现智能安防小区建设全覆盖', op: '>=', value: 100, due: '2025-12-31', scope: '城乡' },
  { id: 'women_home_share', fragment: '一半以上城乡社区至少建立1个“妇女微家”', op: '>=', value: 50, scope: '城乡' },
  { id: 'social_work_post_coverage', fragment: '至少设置1个以上社会工作专业岗位', op: '>=', value: 100, scope: '城市' },
  { id: 'proxy_service_coverage', fragment: '实现政务代办服务村（社区）全覆盖', op: '>=', value: 100, scope: '城乡' },
  { id: 'grid_management_coverage', fragment: '“多网合一”、全域覆盖', op: '>=', value: 100, scope: '城乡' },
];

// Per-community rules of the body text.
const RULES: { id: string; fragment: string; rule: string; scope: string }[] = [
  { id: 'public_health_committee', fragment: '在村（居）民委员会下设公共卫生委员会', rule: 'has_public_health_committee', scope: '城乡' },
  { id: 'rule_of_law_venue', fragment: '每个村（社区）至少设立1个以法治为主题的广场', rule: 'has_rule_of_law_venue', scope: '城乡' },
  { id: 'legal_literates_min', fragment: '培养3名以上骨干“法律明白人”', rule: 'legal_literates >= 3', scope: '城乡' },
  { id: 'legal_adviser', fragment: '深化一村（社区）一法律顾问制度', rule: 'has_legal_adviser', scope: '城乡' },
  { id: 'disaster_info_officer', fragment: '每个城乡社区至少有1名灾害信息员', rule: 'disaster_info_officers >= 1', scope: '城乡' },
  { id: 'social_work_professionals_per_community', fragment: '每个社区有5名以上社会工作专业人才', rule: 'social_work_professionals >= 5', scope: '城市' },
  { id: 'social_worker_service', fragment: '每个村（社区）有社会工作者提供服务', rule: 'has_social_worker_service', scope: '城乡' },
  { id: 'grid_worker_per_grid', fragment: '每个网格配备至少1名专（兼）职网格员', rule: 'grid_workers >= grids', scope: '城乡' },
  { id: 'daily_open_hours', fragment: '开放和服务时间不少于每天8小时', rule: 'daily_open_hours >= 8', scope: '城乡' },
];

// Items of the document that carry a 责任单位 line: the 一（一）-style headings with text, and numbered items.
const TASK_IDS = [
  '1.1', '1.2',
  '2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3',
  '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.4.5', '2.4.6', '2.4.7',
  '3.1', '3.2', '3.3', '3.4.1', '3.4.2', '3.4.3',
  '4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.2.1', '4.2.2', '4.2.3',
  '5.1', '5.2', '5.3', '5.4',
];

describe('plans/xianyou.yaml', () => {

  it('names the document', () => {
    expect(plan.id).toBe('xianyou');
    expect(plan.document).toBe('仙政办规〔2023〕3号');
    expect(plan.date).toBe('2023-10-09');
    expect(plan.level).toBe('county');
    expect(plan.region).toBe('仙游县');
    expect(plan.extends).toBeUndefined();
    // 莆政办规〔2023〕4号 is 《莆田市人民政府办公室关于贯彻省城乡社区服务体系建设规划的实施意见》: it carries out
    // the province's plan, so Xianyou reaches Fujian through it.
    expect(plan.implements).toEqual([
      { document: '莆政办规〔2023〕4号', region: '莆田市' },
      { document: '闽政办〔2022〕37号', plan: 'fujian', via: '莆政办规〔2023〕4号' },
    ]);
    expect(seedFlat).toContain('《莆田市人民政府办公室关于贯彻省城乡社区服务体系建设规划的实施意见》（莆政办规〔2023〕4号）');
    expect(seedFlat).toContain('仙政办规〔2023〕3号');
    expect(seedFlat).toContain('莆政办规〔2023〕4号');
  });

  it('has no indicator table: no table_row, no attribute', () => {
    for (const i of plan.indicators) {
      expect(i.table_row, i.id).toBeUndefined();
      expect(i.attribute, i.id).toBeUndefined();
    }
  });

  it.each(TARGETS)('encodes $id: $op $value', ({ id, fragment, op, value, due, scope }) => {
    expect(seedFlat).toContain(squash(fragment));
    const ind = plan.indicators.find((x: any) => x.id === id);
    expect(ind, id).toBeDefined();
    expect(squash(ind.source.quote)).toContain(squash(fragment));
    expect(ind.target).toMatchObject({ op, value });
    expect(ind.due).toBe(due);
    expect(ind.scope).toBe(scope);
  });

  it.each(RULES)('encodes rule $id', ({ id, fragment, rule, scope }) => {
    expect(seedFlat).toContain(squash(fragment));
    const req = plan.requirements.find((x: any) => x.id === id);
    expect(req, id).toBeDefined();
    expect(squash(req.source.quote)).toContain(squash(fragment));
    expect(req.rule).toBe(rule);
    expect(req.scope).toBe(scope);
  });

  it('encodes exactly the listed targets and rules', () => {
    expect(plan.indicators.map((x: any) => x.id).sort()).toEqual(TARGETS.map((t) => t.id).sort());
    expect(plan.requirements.map((x: any) => x.id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('measures from survey rows what the survey can measure', () => {
    const measured: Record<string, string> = {
      childcare_places_per_1000: 'ratio',
      parent_school_coverage_urban: 'coverage',
      parent_school_coverage_rural: 'coverage',
      legal_service_station_coverage: 'coverage',
      micro_fire_station_coverage: 'coverage',
      dispute_window_coverage: 'coverage',
      mental_health_team_coverage: 'coverage',
      volunteer_share: 'ratio',
      volunteers_with_hours_share: 'ratio',
      commercial_area_share: 'ratio',
      facility_coverage_rural: 'coverage',
      police_office_coverage_urban: 'coverage',
      women_home_share: 'coverage',
    };
    for (const i of plan.indicators) expect(i.measure.kind, i.id).toBe(measured[i.id] ?? 'reported');
    const byId = (id: string) => plan.indicators.find((x: any) => x.id === id).measure;
    expect(byId('childcare_places_per_1000')).toMatchObject({ numerator: 'childcare_places', denominator: 'population', scale: 1000 });
    expect(byId('volunteers_with_hours_share')).toMatchObject({ numerator: 'volunteers_with_hours', denominator: 'registered_volunteers', scale: 100 });
    expect(byId('women_home_share')).toMatchObject({ condition: 'women_homes >= 1' });
  });

  it('has one task per item with a 责任单位 line', () => {
    expect(plan.tasks.map((t: any) => t.id)).toEqual(TASK_IDS);
    expect(seed.match(/责任单位：/g)).toHaveLength(TASK_IDS.length);
    const t11 = plan.tasks[0];
    const note = typeof t11.note === 'string' ? t11.note : t11.note.zh;
    expect(note).toContain('以下任务均需各乡镇人民政府、鲤城街道办事处落实，不再列出。');
    for (const t of plan.tasks) for (const u of t.units) expect(u).not.toMatch(/不再列出|负责/);
    expect(plan.tasks.find((t: any) => t.id === '2.4.3').units).toEqual(['县司法局']);
    expect(plan.tasks.find((t: any) => t.id === '2.3.1').section).toBe('拓展兜底民生服务功能');
  });

  it('names every task unit in `units`, and every written unit is a name or spelling', () => {
    const names = plan.units.map((u: any) => u.name);
    const known = new Set(plan.units.flatMap((u: any) => [u.name, ...(u.spellings ?? [])]));
    for (const t of plan.tasks) {
      expect(t.units.length, t.id).toBeGreaterThan(0);
      for (const u of t.units) expect(names, t.id).toContain(u);
      const written = t.units_as_written.replace('以下任务均需各乡镇人民政府、鲤城街道办事处落实，不再列出。', '');
      for (const w of written.split(/[、，。]/)) {
        const name = w.replace(/(等按职责分工负责|按职责分工负责|牵头负责|落实)$/, '');
        if (name) expect(known.has(name), `${t.id}: ${name}`).toBe(true);
      }
      expect(seedFlat).toContain(squash(`责任单位：${t.units_as_written}`));
    }
  });


});

describeEncodedPlan('xianyou', '003_7a393f03ba3fb33d.txt');
