// `plans lint` checks. First the bundled plans: every disagreement the seeds really contain, each
// with the two sentences written out by hand from plans/sources/ (not copied from the YAML), and
// nothing else. Then each check on a small plan made to break it, in a temporary directory.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/schema/finding.js';
import { bundledPlanIds, loadPlanFile, resolvePlanPath } from '../../src/schema/load-plan.js';
import { message } from '../../src/schema/messages.js';
import { similarity } from '../../src/schema/text-similarity.js';
import { LINT_CODES, PlanLinter } from '../../src/rules/lint/index.js';
import { dice, profile, sentences } from '../../src/schema/text-similarity.js';

const bundled: Record<string, Finding[]> = {};

beforeAll(() => {
  const linter = new PlanLinter();
  for (const id of bundledPlanIds()) bundled[id] = linter.lint(resolvePlanPath(id));
});

const only = (list: Finding[], code: string, ruleId?: string): Finding => {
  const hits = list.filter((f) => f.code === code && (ruleId === undefined || f.ruleId === ruleId));
  expect(hits, `${code} ${ruleId ?? ''}: ${hits.map((f) => message(f.messageId, f.args)).join(' | ')}`).toHaveLength(1);
  return hits[0];
};

const en = (f: Finding) => message(f.messageId, f.args, 'en');

describe('plans lint on the bundled plans: every finding is a defect of the seeds', () => {
  it('finds exactly these, and nothing in xishuangbanna (no level above it is bundled)', () => {
    const keys = (id: string) => bundled[id].map((f) => `${f.code} ${f.ruleId}`).sort();
    expect(keys('luojiang')).toEqual(
      [
        'weaker-than-parent self_service_coverage_urban',
        'weaker-than-parent women_home_share',
        'weaker-than-parent social_worker_service',
        'weaker-than-parent rule_of_law_venue',
        'weaker-than-parent legal_literates_min',
        'weaker-than-parent legal_adviser',
        'weaker-than-parent legal_service_room',
        'weaker-than-parent satisfaction_survey',
        'stricter-than-parent parent_school_coverage',
        // against fujian, through quanzhou
        'stricter-than-ancestor volunteer_station_coverage',
        'weaker-than-ancestor volunteer_station_coverage',
        'stricter-than-ancestor commercial_area_share',
        'weaker-than-ancestor commercial_area_share',
        'weaker-than-ancestor micro_fire_station_coverage',
        'stricter-than-ancestor facility_area_per_100_households',
        'weaker-than-ancestor facility_area_per_100_households',
        'weaker-than-ancestor self_service_coverage_urban',
        'weaker-than-ancestor volunteer_share',
        'weaker-than-ancestor volunteer_share',
        'parent-task-uncovered 1.1',
        'parent-task-uncovered 2.3',
        'parent-task-uncovered 3.2',
        'parent-task-uncovered 3.3',
        'parent-task-uncovered 5.3',
        'task-no-deadline 9',
        'task-no-deadline 28',
        'task-no-deadline 34',
        'task-no-deadline 40',
        'task-no-deadline 72',
        'unit-note 1',
        'numbering-gap 46',
        'doubled-wording 44',
      ].sort(),
    );
    expect(keys('quanzhou')).toEqual(
      [
        'text-table-mismatch commercial_area_share',
        'text-table-mismatch facility_area_per_100_households',
        'weaker-than-parent volunteer_share',
        'weaker-than-parent parent_school_coverage_rural',
        'stricter-than-parent volunteer_station_coverage',
        'stricter-than-parent parent_school_coverage_urban',
      ].sort(),
    );
    expect(keys('fujian')).toEqual(['text-table-mismatch parent_school_coverage_rural', 'text-table-mismatch parent_school_coverage_urban']);
    expect(keys('xianyou')).toEqual(
      [
        'binding-dropped activity_area_share',
        'stricter-than-ancestor childcare_places_per_1000',
        'weaker-than-ancestor parent_school_coverage_urban',
        'weaker-than-ancestor parent_school_coverage_rural',
      ].sort(),
    );
    expect(keys('xishuangbanna')).toEqual([]);
  });

  it('every finding is located in its plan file, with line, column and plan path', () => {
    for (const [id, list] of Object.entries(bundled)) {
      for (const f of list) {
        expect(f.location.file).toBe(resolvePlanPath(id));
        expect(f.location.line).toBeGreaterThan(0);
        expect(f.location.col).toBeGreaterThan(0);
        expect(f.location.planPath).toMatch(/^(indicators|requirements|tasks|implements)\.\d+/);
      }
    }
  });

  describe('luojiang against quanzhou (extends)', () => {
    const L = () => bundled.luojiang;

    it('self-service terminals: 城市较大社区 narrows Quanzhou’s 城市社区', () => {
      const f = only(L(), 'weaker-than-parent', 'self_service_coverage_urban');
      expect(f.severity).toBe('error');
      expect(f.args).toMatchObject({ section: '序号44', quote: '力争力争2025年城市较大社区政务通用自助服务覆盖率达100%', parentSection: '附件 主要指标 6', parentQuote: '6 城市社区政务通用自助服务覆盖率 100% 预期性' });
      expect(en(f)).toContain('adds the qualifier “较大”');
      expect(f.location.planPath).toBe('indicators.15.source.quote');
    });

    it('women’s micro-homes: 力争 added where Quanzhou says 到2025年实现', () => {
      const f = only(L(), 'weaker-than-parent', 'women_home_share');
      expect(f.args).toMatchObject({ section: '序号65', quote: '力争2025年实现一半以上村（社区）至少建立1个“妇女微家”', parentSection: '三（五）2', parentQuote: '到2025年实现一半以上城乡社区至少建立1个“妇女微家”' });
      expect(message(f.messageId, f.args)).toContain('加了上级计划没有的“力争”');
    });

    it('legal services: 每个社区 / 一社区 where Quanzhou says 每个村（社区） / 一村（社区）', () => {
      const cases: [string, string, string][] = [
        ['rule_of_law_venue', '每个社区至少设立1个以法治为主题的广场、公园、宣传栏等文化阵地并免费开放', '每个村（社区）至少设立1个以法治为主题的广场、公园、宣传栏等文化阵地并免费开放'],
        ['legal_literates_min', '每个社区至少设立1个以法治为主题的广场、公园、宣传栏等文化阵地并免费开放，培养3名以上骨干“法律明白人”', '每个村（社区）至少设立1个以法治为主题的广场、公园、宣传栏等文化阵地并免费开放，培养3名以上骨干“法律明白人”'],
        ['legal_adviser', '深化一社区一法律顾问制度', '深化一村（社区）一法律顾问制度'],
        ['legal_service_room', '每个社区设立1个公共法律服务工作室', '每个村（社区）设立1个公共法律服务工作室'],
      ];
      for (const [id, quote, parentQuote] of cases) {
        const f = only(L(), 'weaker-than-parent', id);
        expect(f.args).toMatchObject({ section: '序号31', quote, parentSection: '三（二）4', parentQuote });
        expect(en(f)).toContain('the scope narrows from the parent’s urban and rural (城乡) to urban (城市)');
      }
    });

    it('social workers and satisfaction surveys: villages dropped from 村（社区）', () => {
      expect(only(L(), 'weaker-than-parent', 'social_worker_service').args).toMatchObject({ quote: '社区都有社会工作者提供服务', parentQuote: '村（社区）都有社会工作者提供服务' });
      expect(only(L(), 'weaker-than-parent', 'satisfaction_survey').args).toMatchObject({ quote: '实现组织开展城乡社区服务群众满意评估覆盖所有社区', parentQuote: '实现组织开展社区服务群众满意评估覆盖所有村（社区）' });
    });

    it('parent schools: 城乡 100% asks more than Quanzhou’s rural 80% (information only)', () => {
      const f = only(L(), 'stricter-than-parent', 'parent_school_coverage');
      expect(f.severity).toBe('info');
      expect(f.args).toMatchObject({ quote: '加快城乡社区家长学校或家庭教育指导服务站点建设，力争到2025年实现城乡社区建设率100%', parentQuote: '11 农村社区建立家长学校或家庭教育指导服务站点比例 80% 预期性' });
      expect(message(f.messageId, f.args)).toContain('目标≥100%高于上级计划的≥80%');
    });

    it('Quanzhou task sentences with no ledger row', () => {
      const dropped: [string, string, string][] = [
        ['1.1', '三（一）1', '加强城乡社区党风廉政建设，推动全面从严治党向城乡社区延伸'],
        ['2.3', '三（二）3', '加强脱贫攻坚巩固村、易地扶贫搬迁集中安置社区公共服务配置'],
        ['3.2', '三（三）2', '参照省级农村公共基础设施管护目录，编制管护责任清单，明确管护对象，落实管护主体，实行滚动式管理模式'],
        ['3.3', '三（三）3', '以县（市、区）为单位，支持利用互联网、物联网、区块链等现代信息技术，深入组织开展智慧社区、现代社区服务体系试点建设'],
        ['5.3', '三（五）3', '实施高素质农民培训和农村实用技术远程培训工程，加强劳动就业服务能力建设'],
      ];
      for (const [id, section, sentence] of dropped) {
        const f = only(L(), 'parent-task-uncovered', id);
        expect(f.args).toMatchObject({ parentPlan: '泉州市', parentSection: section, parentQuote: sentence, plan: '洛江区' });
        expect(Number(f.args.score)).toBeLessThan(0.35);
      }
      // The 智慧社区 sentence is placed where it belongs: the ledger's 加快社区数字化建设 rows.
      expect(only(L(), 'parent-task-uncovered', '3.3').location.planPath).toBe('tasks.45');
    });

    it('blank 完成时限 cells: rows 9, 28, 34, 40 and 72', () => {
      const blank = L().filter((f) => f.code === 'task-no-deadline');
      expect(blank.map((f) => f.args.section)).toEqual(['序号9', '序号28', '序号34', '序号40', '序号72']);
      expect(blank[0].args).toMatchObject({ filled: 67, total: 72 });
      expect(blank[4].location.planPath).toBe('tasks.71.deadline');
    });

    it('a note in row 1’s unit cell, the numbering 1, 2, 4 and “力争力争”', () => {
      expect(only(L(), 'unit-note').args).toMatchObject({ section: '序号1', line: '以下均需各乡镇（街道）落实，不再列出。' });
      const gap = only(L(), 'numbering-gap');
      expect(gap.args).toMatchObject({ project: '（三）加快社区数字化建设', numbers: '1, 2, 4', missing: '3', section: '序号46' });
      const doubled = only(L(), 'doubled-wording');
      expect(doubled.args).toMatchObject({ section: '序号44', word: '力争', run: '力争力争' });
      expect(doubled.args.context).toEqual(expect.stringContaining('力争力争2025年城市较'));
    });
  });

  // Each pair below was read in plans/sources/ by hand: 001 (Fujian), 002 (Luojiang), 003 (Xianyou).
  describe('xianyou against fujian, through 莆田市 (not bundled)', () => {
    const X = () => bundled.xianyou;
    const PUTIAN = '——经莆田市（莆政办规〔2023〕4号，未内置）';

    it('drops Fujian’s one binding indicator: 居民活动区域面积 ≥60% (Xianyou only says 增加居民活动空间, with no figure)', () => {
      const f = only(X(), 'binding-dropped', 'activity_area_share');
      expect(f.severity).toBe('warning');
      // 001, 表2 row 5: “居民活动区域面积占社区综合服务设施总建筑面积比例 - ≥60% 约束性”.
      expect(f.args).toMatchObject({ parentId: 'fujian', parentPlan: '福建省', parentSection: '主要指标 5', parentTarget: '≥60%', plan: '仙游县' });
      expect(f.args.parentQuote).toEqual(expect.stringContaining('居民活动区域面积占社区综合服务设施总建筑面积比例'));
      expect(f.args.parentQuote).toEqual(expect.stringContaining('≥60% 约束性'));
      expect(Number(f.args.score)).toBeLessThan(0.5);
      expect(message(f.messageId, f.args)).toContain(`福建省的约束性指标（≥60%）在仙游县中没有对应`);
      expect(message(f.messageId, f.args)).toContain(PUTIAN);
      expect(en(f)).toContain(' — via 莆田市 (莆政办规〔2023〕4号, not bundled)');
      expect(f.location.planPath).toBe('implements.1'); // the entry that names Fujian through Putian
    });

    it('asks more than Fujian: 4.5 childcare places per 1,000 people where Fujian says 3 (information: 4.5 binds locally)', () => {
      const f = only(X(), 'stricter-than-ancestor', 'childcare_places_per_1000');
      expect(f.severity).toBe('info');
      expect(f.args).toMatchObject({
        section: '二（一）2',
        quote: '到2025年，每千名人口拥有3岁以下婴幼儿托位数4.5个',
        parentSection: '第三章第二节（一）2',
        parentQuote: '到2025年，每千名人口拥有3岁以下婴幼儿托位数3个',
      });
      expect(message(f.messageId, f.args)).toContain('目标≥4.5个/千人高于上级计划的≥3个/千人');
      expect(message(f.messageId, f.args)).toContain(PUTIAN);
    });

    it('asks less than Fujian’s 专栏1 on parent schools: 90% / 80% where 专栏1 3 says 95% / 85%', () => {
      const urban = only(X(), 'weaker-than-ancestor', 'parent_school_coverage_urban');
      expect(urban.severity).toBe('warning');
      expect(urban.args).toMatchObject({ quote: '到2025年，城市社区建校（站）率达到90%', parentSection: '专栏1 3', parentQuote: '95％城市社区和85％农村社区建立家长学校或家庭教育服务站点' });
      expect(message(urban.messageId, urban.args)).toContain('目标≥90%低于上级计划的≥95%');
      expect(only(X(), 'weaker-than-ancestor', 'parent_school_coverage_rural').args).toMatchObject({ quote: '农村社区建校（站）率达到80%' });
    });

    it('does not compare county totals with the province’s (全县300人次 is a share of 全省9000人次)', () => {
      expect(X().filter((f) => ['disabled_elderly_home_visits_total', 'old_community_renovation_households', 'disaster_demo_communities_new'].includes(f.ruleId!))).toEqual([]);
    });
  });

  describe('luojiang against fujian, through quanzhou', () => {
    const L = () => bundled.luojiang;

    it('volunteers: 达18%以上 (and 力争) where Fujian says 超过18%; Quanzhou says ≥18% too, so the parent has no finding', () => {
      const list = L().filter((f) => f.ruleId === 'volunteer_share');
      expect(list.map((f) => f.code)).toEqual(['weaker-than-ancestor', 'weaker-than-ancestor']);
      for (const f of list) {
        expect(f.args).toMatchObject({
          parentId: 'fujian',
          section: '序号68',
          quote: '力争到2025年末实现城乡社区注册志愿者人数占常住人口比例达18%以上',
          parentSection: '第三章第二节（三）9',
          parentQuote: '到2025年，注册志愿者占总人口比例超过18%',
        });
        expect(message(f.messageId, f.args)).toMatch(/——经泉州市$/);
      }
      expect(list.map((f) => en(f).split('. ')[0].split(': ')[1])).toEqual(['the target ≥18% includes the bound where the parent requires >18% (strictly)', 'adds “力争” (strive to), which the parent does not say']);
    });

    it('volunteer stations: 覆盖率达100% where Fujian says 达到80％ (information)', () => {
      const f = only(L(), 'stricter-than-ancestor', 'volunteer_station_coverage');
      expect(f.args).toMatchObject({ section: '序号10', quote: '力争2025年末实现志愿服务站点在城乡社区综合服务设施中覆盖率达100%', parentSection: '专栏1 12', parentQuote: '到2025年，志愿服务站点在城乡社区服务设施中覆盖率达到80％' });
      expect(message(f.messageId, f.args)).toContain('目标≥100%高于上级计划的≥80%');
    });

    it('one difference, one finding: weaker than Quanzhou and Fujian alike is reported against Quanzhou and names Fujian', () => {
      const f = only(L().filter((x) => x.ruleId === 'women_home_share'), 'weaker-than-parent');
      // 001 第三章第七节（二）: “到2025年实现一半以上城乡社区至少建立1个“妇女微家”” — no 力争 either.
      expect(message(f.messageId, f.args)).toMatch(/；与福建省 第三章第七节（二）相比亦然$/);
      expect(en(f)).toMatch(/; likewise against 福建省 第三章第七节（二）$/);
      const venue = only(L(), 'weaker-than-parent', 'rule_of_law_venue');
      expect(message(venue.messageId, venue.args)).toMatch(/与福建省 第三章第二节（三）5相比亦然$/);
      expect(L().filter((x) => ['women_home_share', 'rule_of_law_venue', 'legal_service_room', 'satisfaction_survey', 'social_worker_service'].includes(x.ruleId!) && x.code.endsWith('-ancestor'))).toEqual([]);
    });

    it('inherits Fujian’s binding indicator through Quanzhou: nothing dropped', () => {
      expect(L().filter((f) => f.code === 'binding-dropped')).toEqual([]);
    });
  });

  describe('quanzhou', () => {
    const Q = () => bundled.quanzhou;

    it('table rows 3 and 4 say ≥, the body text 超 (more than)', () => {
      const row3 = only(Q(), 'text-table-mismatch', 'commercial_area_share');
      expect(row3.args).toMatchObject({
        section: '附件 主要指标 3',
        quote: '3 社区商业和综合服务设施面积占社区总建筑面积的比例 ≥10% 预期性',
        target: '≥10%',
        textSection: '三（二）3',
        textQuote: '力争到2025年实现社区商业和综合服务设施面积占社区总建筑面积超10%',
        textTarget: '>10%',
      });
      const row4 = only(Q(), 'text-table-mismatch', 'facility_area_per_100_households');
      expect(row4.args).toMatchObject({ quote: '4 每百户居民拥有社区综合服务设施面积 ≥30平方米 预期性', textQuote: '力争到2025年实现每百户居民拥有社区综合服务设施面积超30平方米', textTarget: { zh: '>30平方米/百户', en: '>30 m² per 100 households' } });
      expect(row4.severity).toBe('warning');
    });

    it('against fujian (implements): volunteers ≥18% where Fujian says 超过18%', () => {
      const f = only(Q(), 'weaker-than-parent', 'volunteer_share');
      expect(f.args).toMatchObject({ parentId: 'fujian', quote: '8 城乡社区注册志愿者人数占常住人口比例 ≥18% 预期性', parentSection: '第三章第二节（三）9', parentQuote: '到2025年，注册志愿者占总人口比例超过18%' });
      expect(en(f)).toContain('the target ≥18% includes the bound where the parent requires >18% (strictly)');
    });

    it('against fujian: rural parent schools 80% below Fujian’s 专栏 85%; urban 100% and volunteer stations 100% above', () => {
      const rural = only(Q(), 'weaker-than-parent', 'parent_school_coverage_rural');
      expect(rural.args).toMatchObject({ quote: '11 农村社区建立家长学校或家庭教育指导服务站点比例 80% 预期性', parentSection: '专栏1 3', parentQuote: '95％城市社区和85％农村社区建立家长学校或家庭教育服务站点' });
      expect(only(Q(), 'stricter-than-parent', 'parent_school_coverage_urban').args).toMatchObject({ parentQuote: '95％城市社区和85％农村社区建立家长学校或家庭教育服务站点' });
      expect(only(Q(), 'stricter-than-parent', 'volunteer_station_coverage').args).toMatchObject({ parentSection: '专栏1 12', parentQuote: '到2025年，志愿服务站点在城乡社区服务设施中覆盖率达到80％' });
    });
  });

  it('fujian: 专栏1 (95% / 85%) and the body text (90% / 80%) disagree on parent schools', () => {
    const urban = only(bundled.fujian, 'text-table-mismatch', 'parent_school_coverage_urban');
    expect(urban.args).toMatchObject({ quote: '95％城市社区和85％农村社区建立家长学校或家庭教育服务站点', target: '≥95%', textQuote: '到2025年，城市社区建校（站）率达到90%，农村社区建校（站）率达到80%', textTarget: '≥90%' });
    expect(only(bundled.fujian, 'text-table-mismatch', 'parent_school_coverage_rural').args).toMatchObject({ target: '≥85%', textTarget: '≥80%' });
  });

  it('every code has zh and en titles and descriptions, and messages in the catalogue', () => {
    for (const c of LINT_CODES) {
      expect(c.title.zh && c.title.en && c.description.zh && c.description.en).toBeTruthy();
      for (const id of c.messages) expect(message(id, {}, 'en')).not.toBe('');
    }
    expect(new Set(LINT_CODES.map((c) => c.code)).size).toBe(LINT_CODES.length);
  });
});

// ---- each check on a plan made to break it ----

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cscheck-lint-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = (id: string, extra = '') => `id: ${id}
name: {zh: 测试计划${id}, en: Test plan ${id}}
issuer: 测试县人民政府
document: 测试〔2024〕1号
level: county
region: 测试县
period: {start: 2021, end: 2025}
${extra}`;

const indicator = (id: string, target: string, quote: string, extra = '') => `  - id: ${id}
    name: {zh: 指标${id}, en: Indicator ${id}}
    unit: "%"
    target: ${target}
    scope: 城乡
    measure: {kind: coverage, condition: has_service_facility}
    source: {section: 一（一）, quote: "${quote}"}
${extra}`;

function lintYaml(name: string, yaml: string, extraFiles: Record<string, string> = {}): Finding[] {
  for (const [n, text] of Object.entries(extraFiles)) writeFileSync(path.join(dir, n), text);
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return new PlanLinter().lint(file);
}

const codes = (list: Finding[]) => list.map((f) => f.code);

describe('each check fails on a plan made to break it', () => {
  it('plan-schema: a YAML syntax error and a schema error are findings with a location, not crashes', () => {
    const [yamlError] = lintYaml('broken-yaml.yaml', `${HEAD('broken')}indicators: [\n  - id: x\n`);
    expect(yamlError).toMatchObject({ code: 'plan-schema', severity: 'error', messageId: 'plan.yaml' });
    expect(yamlError.location.line).toBeGreaterThan(0);
    const [schema] = lintYaml('bad-schema.yaml', `${HEAD('bad')}indicators:\n${indicator('a', '{op: ">=", value: 1}', '甲')}    colour: red\n`);
    expect(schema).toMatchObject({ code: 'plan-schema', messageId: 'plan.schema', args: { detail: { zh: '不认识的键“colour”', en: 'unknown key “colour”' } } });
    expect(schema.location).toMatchObject({ line: 9, planPath: 'indicators.0' });
    const [orphan] = lintYaml('orphan.yaml', `${HEAD('orphan', 'extends: no_such_plan\n')}indicators: []\n`);
    expect(orphan).toMatchObject({ code: 'plan-schema', messageId: 'plan.not-found', location: { planPath: 'extends', line: 8 } });
  });

  it('unknown-field and bad-expression: every bad expression, each at its place', () => {
    const list = lintYaml(
      'fields.yaml',
      `${HEAD('fields')}indicators:
  - id: a
    name: {zh: 甲, en: A}
    unit: "%"
    target: {op: ">=", value: 1}
    scope: 城乡
    measure: {kind: ratio, numerator: has_sauna_count, denominator: households, scale: 100}
    source: {section: 一, quote: 甲}
requirements:
  - id: r
    name: {zh: 乙, en: B}
    scope: 乡镇
    where: has_service_facility
    rule: has_social_work_station and
    source: {section: 二, quote: 乙}
`,
    );
    expect(list.map((f) => [f.code, f.location.planPath, f.args.name ?? null])).toEqual([
      ['unknown-field', 'indicators.0.measure.numerator', 'has_sauna_count'],
      ['unknown-field', 'requirements.0.where', 'has_service_facility'],
      ['bad-expression', 'requirements.0.rule', null],
    ]);
    expect(list[0].location.line).toBe(14);
  });

  it('weaker-than-parent and stricter-than-parent against a parent it extends', () => {
    const parent = `${HEAD('mother')}indicators:
${indicator('low', '{op: ">=", value: 90}', '到2025年覆盖率达到90%')}${indicator('strict', '{op: ">", value: 18}', '到2025年超过18%')}${indicator('bind', '{op: ">=", value: 60}', '不低于60%', '    attribute: 约束性\n')}${indicator('words', '{op: ">=", value: 100}', '城市社区全覆盖')}${indicator('more', '{op: ">=", value: 50}', '达到50%')}requirements:
  - id: everyone
    name: {zh: 每个村（社区）, en: Every community}
    scope: 城乡
    rule: has_legal_adviser
    source: {section: 二, quote: 每个村（社区）有法律顾问}
`;
    const child = `${HEAD('daughter', 'extends: mother\n')}indicators:
${indicator('low', '{op: ">=", value: 80}', '到2025年覆盖率达到80%')}${indicator('strict', '{op: ">=", value: 18}', '到2025年达到18%')}${indicator('bind', '{op: ">=", value: 60}', '不低于60%', '    attribute: 预期性\n')}${indicator('words', '{op: ">=", value: 100}', '力争部分有条件的城市较大社区全覆盖')}${indicator('more', '{op: ">=", value: 70}', '达到70%')}requirements:
  - id: everyone
    name: {zh: 每个社区, en: Every urban community}
    scope: 城市
    rule: has_legal_adviser
    source: {section: 二, quote: 每个社区有法律顾问}
`;
    const list = lintYaml('daughter.yaml', child, { 'mother.yaml': parent });
    const weaker = list.filter((f) => f.code === 'weaker-than-parent');
    expect(weaker.map((f) => [f.ruleId, message(f.messageId, f.args)])).toEqual([
      ['low', expect.stringContaining('目标≥80%低于上级计划的≥90%。测试县 一（一）：“到2025年覆盖率达到80%”；测试县 一（一）：“到2025年覆盖率达到90%”')],
      ['strict', expect.stringContaining('目标≥18%含本数，上级计划要求>18%')],
      ['bind', expect.stringContaining('属性由上级计划的约束性降为预期性')],
      ['words', expect.stringContaining('加了上级计划没有的“力争”')],
      ['words', expect.stringContaining('限定词“较大”')],
      ['words', expect.stringContaining('限定词“部分”')],
      ['words', expect.stringContaining('限定词“有条件的”')],
      ['everyone', expect.stringContaining('范围由上级计划的城乡缩小为城市。测试县 二：“每个社区有法律顾问”；测试县 二：“每个村（社区）有法律顾问”')],
    ]);
    expect(weaker.every((f) => f.severity === 'error')).toBe(true);
    expect(only(list, 'stricter-than-parent', 'more')).toMatchObject({ severity: 'info', args: { quote: '达到70%', parentQuote: '达到50%' } });
  });

  it('compares with a bundled plan it implements, and with its urban and rural halves', () => {
    const list = lintYaml(
      'implementer.yaml',
      `${HEAD('implementer', 'implements:\n  - {document: 泉政办〔2022〕54号, plan: quanzhou}\n')}indicators:
${indicator('activity_area_share', '{op: ">=", value: 50}', '达到50%')}${indicator('parent_school_coverage', '{op: ">=", value: 90}', '城乡社区建设率90%')}`,
    );
    expect(list.map((f) => [f.code, f.ruleId, f.args.parentSection])).toEqual([
      ['weaker-than-parent', 'activity_area_share', '附件 主要指标 5'],
      ['weaker-than-parent', 'activity_area_share', '附件 主要指标 5'],
      ['weaker-than-parent', 'parent_school_coverage', '附件 主要指标 10'],
      ['stricter-than-parent', 'parent_school_coverage', '附件 主要指标 11'],
    ]);
    const texts = list.map((f) => message(f.messageId, f.args));
    expect(texts.filter((t) => t.includes('约束性降为预期性') || t.includes('目标≥50%低于上级计划的≥60%'))).toHaveLength(2);
    expect(texts[2]).toContain('目标≥90%低于上级计划的≥100%');
  });

  // A county whose city is not bundled, reaching the bundled province through it.
  const VIA_CITY = 'implements:\n  - {document: 甲政办〔2023〕1号, region: 甲市}\n  - {document: 闽政办〔2022〕37号, plan: fujian, via: 甲政办〔2023〕1号}\n';

  it('weaker- and stricter-than-ancestor through a level that is not bundled, naming it', () => {
    const list = lintYaml(
      'county.yaml',
      `${HEAD('county', VIA_CITY)}indicators:
${indicator('activity_area_share', '{op: ">=", value: 60}', '居民活动区域面积占比达到60%', '    attribute: 约束性\n')}${indicator('volunteer_share', '{op: ">=", value: 15}', '注册志愿者占比达到15%')}${indicator('childcare_places_per_1000', '{op: ">=", value: 5}', '每千人托位数5个').replace('unit: "%"', 'unit: 个/千人')}${indicator('disabled_elderly_home_visits_total', '{op: ">=", value: 100}', '全县每年至少完成100人次', '    total: true\n').replace('unit: "%"', 'unit: 人次/年')}`,
    );
    // Fujian (plans/sources/001): 志愿者 “超过18%” (第三章第二节（三）9); 托位 “3个” (第三章第二节（一）2);
    // home visits “全省每年至少完成9000人次” — a total, not compared with the county's 100.
    expect(list.map((f) => [f.code, f.severity, f.ruleId, f.args.parentSection])).toEqual([
      ['weaker-than-ancestor', 'warning', 'volunteer_share', '第三章第二节（三）9'],
      ['stricter-than-ancestor', 'info', 'childcare_places_per_1000', '第三章第二节（一）2'],
    ]);
    expect(message(list[0].messageId, list[0].args)).toBe(
      '指标volunteer_share：目标≥15%低于上级计划的>18%。测试县 一（一）：“注册志愿者占比达到15%”；福建省 第三章第二节（三）9：“到2025年，注册志愿者占总人口比例超过18%”——经甲市（甲政办〔2023〕1号，未内置）',
    );
    expect(en(list[1])).toContain('the target ≥5 per 1,000 people asks more than the parent’s ≥3 per 1,000 people');
    expect(en(list[1])).toMatch(/ — via 甲市 \(甲政办〔2023〕1号, not bundled\)$/);
  });

  it('binding-dropped: the province’s 约束性 indicator the county does not restate, at the implements entry', () => {
    const list = lintYaml('silent.yaml', `${HEAD('silent', VIA_CITY)}indicators:\n${indicator('a', '{op: ">=", value: 1}', '增加居民活动空间')}`);
    expect(list.map((f) => [f.code, f.ruleId, f.location.planPath, f.location.line])).toEqual([['binding-dropped', 'activity_area_share', 'implements.1', 10]]);
    expect(list[0].args).toMatchObject({ parentPlan: '福建省', parentSection: '主要指标 5', parentTarget: '≥60%', plan: '测试县', section: '一（一）', quote: '增加居民活动空间' });
    // A level named without its region is named by its document.
    const bare = lintYaml('bare.yaml', `${HEAD('bare', VIA_CITY.replace(', region: 甲市', ''))}indicators: []\n`);
    expect(message(bare[0].messageId, bare[0].args)).toMatch(/——经甲政办〔2023〕1号（未内置）$/);
  });

  it('a chain of plan files (extends): nearest first, one finding per difference, naming the others', () => {
    const plan = (id: string, region: string, extra: string, items: [string, number, string][]) =>
      `${HEAD(id, extra).replace('region: 测试县', `region: ${region}`)}indicators:\n${items.map(([i, v, q]) => indicator(i, `{op: ">=", value: ${v}}`, q)).join('')}`;
    const files = {
      'grand.yaml': plan('grand', '甲省', '', [['down', 90, '省90%'], ['follow', 90, '省90%'], ['up', 50, '省50%']]),
      'mother.yaml': plan('mother', '乙市', 'extends: grand\n', [['down', 85, '市85%'], ['follow', 80, '市80%'], ['up', 50, '市50%']]),
    };
    const list = lintYaml('child.yaml', plan('child', '丙县', 'extends: mother\n', [['down', 80, '县80%'], ['follow', 80, '县80%'], ['up', 70, '县70%']]), files);
    const theirs = (f: Finding) => message(f.messageId, f.args).split('”；').slice(1).join('”；');
    expect(list.map((f) => [f.code, f.ruleId, f.args.parentPlan, theirs(f)])).toEqual([
      // weaker than both: against the mother (an error), the grandmother named
      ['weaker-than-parent', 'down', '乙市', '乙市 一（一）：“市85%”；与甲省 一（一）相比亦然'],
      // the mother already says 80%: only the grandmother shows it, through the mother
      ['weaker-than-ancestor', 'follow', '甲省', '甲省 一（一）：“省90%”——经乙市'],
      ['stricter-than-parent', 'up', '乙市', '乙市 一（一）：“市50%”；与甲省 一（一）相比亦然'],
    ]);
  });

  it('ancestor-chain: a via that names no entry, or goes round in a circle, is an error and compares nothing', () => {
    const unknown = lintYaml('lost.yaml', `${HEAD('lost', 'implements:\n  - {document: 闽政办〔2022〕37号, plan: fujian, via: 没有这份文件}\n')}indicators: []\n`);
    expect(unknown.map((f) => [f.code, f.severity, f.location.planPath, f.location.line])).toEqual([['ancestor-chain', 'error', 'implements.0.via', 9]]);
    expect(message(unknown[0].messageId, unknown[0].args)).toBe('implements 中“闽政办〔2022〕37号”的 via“没有这份文件”不是 implements 中任何一项的 document');
    const circle = lintYaml(
      'circle.yaml',
      `${HEAD('circle', 'implements:\n  - {document: 甲, via: 乙}\n  - {document: 乙, via: 甲}\n  - {document: 闽政办〔2022〕37号, plan: fujian, via: 甲}\n')}indicators: []\n`,
    );
    expect(circle.map((f) => [f.code, f.location.planPath])).toEqual([['ancestor-chain', 'implements.2.via']]);
    expect(en(circle[0])).toBe('the via chain of “闽政办〔2022〕37号” in implements goes round in a circle (back to “甲”)');
  });

  it('a plan file of 1,500 chained implements entries: following the chains costs little beside loading the file', () => {
    const entries = Array.from({ length: 1500 }, (_, i) => (i ? `  - {document: d${i}, plan: fujian, via: d${i - 1}}` : '  - {document: d0, region: 甲市}'));
    writeFileSync(path.join(dir, 'long-chain.yaml'), `${HEAD('longchain', `implements:\n${entries.join('\n')}\n`)}indicators: []\n`);
    let started = Date.now();
    loadPlanFile(path.join(dir, 'long-chain.yaml'));
    const load = Date.now() - started;
    started = Date.now();
    const list = new PlanLinter().lint(path.join(dir, 'long-chain.yaml'));
    // Walking each chain entry by entry, looking each via up in the list, takes ~1,500³/2 steps; lint loads the file once more.
    expect(Date.now() - started).toBeLessThan(3 * load + 1500);
    // Fujian through the shortest chain: entry 1, via d0 alone.
    expect(list.map((f) => [f.code, f.location.planPath])).toEqual([['binding-dropped', 'implements.1']]);
    expect(message(list[0].messageId, list[0].args)).toMatch(/——经甲市（d0，未内置）$/);
  });

  it('text-table-mismatch: a restatement with another value or comparison', () => {
    const list = lintYaml(
      'twice.yaml',
      `${HEAD('twice')}indicators:
${indicator('a', '{op: ">=", value: 10}', '1 指标a ≥10%', `    also_stated:
      - source: {section: 正文, quote: 超10%}
        target: {op: ">", value: 10}
      - source: {section: 专栏, quote: 达到10%}
        target: {op: ">=", value: 10}
      - source: {section: 附注, quote: 达到12%}
        target: {op: ">=", value: 12}
`)}`,
    );
    expect(list.map((f) => [f.code, f.args.textQuote, f.location.planPath])).toEqual([
      ['text-table-mismatch', '超10%', 'indicators.0.also_stated.0.target'],
      ['text-table-mismatch', '达到12%', 'indicators.0.also_stated.2.target'],
    ]);
  });

  const task = (id: string, content: string, extra = '    units: [甲局]\n    deadline: "2025"\n') => `  - id: "${id}"
    section: 一、任务
    project: （一）项目
    content: "${content}"
${extra}    source: {section: 序号${id}, quote: "${content}"}
`;

  it('parent-task-uncovered: a parent sentence no child task restates (extends only)', () => {
    const parent = `${HEAD('elder')}indicators: []
units: [{name: 甲局}]
tasks:
${task('1', '推进城乡社区综合服务设施建设，完善服务功能。建立社区志愿服务积分兑换制度，鼓励居民参与。')}`;
    const child = `${HEAD('younger', 'extends: elder\n')}indicators: []
tasks:
${task('1', '1.推进城乡社区综合服务设施建设，完善社区服务功能。')}`;
    const [f, ...rest] = lintYaml('younger.yaml', child, { 'elder.yaml': parent });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'parent-task-uncovered', severity: 'warning', args: { parentQuote: '建立社区志愿服务积分兑换制度，鼓励居民参与', parentSection: '序号1', section: '序号1' } });
    expect(f.location.planPath).toBe('tasks.0');
  });

  it('task-no-unit and task-no-deadline: only where most tasks fill the column', () => {
    const ledger = `${HEAD('ledger')}indicators: []
units: [{name: 甲局}]
tasks:
${task('1', '1.甲。')}${task('2', '2.乙。')}${task('3', '3.丙。', '    units: []\n    deadline: null\n')}`;
    const list = lintYaml('ledger.yaml', ledger);
    expect(list.map((f) => [f.code, f.ruleId, f.location.planPath])).toEqual([
      ['task-no-unit', '3', 'tasks.2.units'],
      ['task-no-deadline', '3', 'tasks.2.deadline'],
    ]);
    const prose = `${HEAD('prose')}indicators: []
units: [{name: 甲局}]
tasks:
${task('1', '1.甲。', '    units: [甲局]\n')}${task('2', '2.乙。', '    units: []\n')}${task('3', '3.丙。', '    units: []\n')}`;
    expect(lintYaml('prose.yaml', prose)).toEqual([]);
  });

  it('unit-note: a line of the unit cell that names no unit', () => {
    const list = lintYaml(
      'note.yaml',
      `${HEAD('note')}indicators: []
units: [{name: 甲局, spellings: [县甲局]}]
tasks:
${task('1', '1.甲。', '    units: [甲局]\n    units_as_written: "县甲局\\n以下各乡镇落实，不再列出。"\n    deadline: "2025"\n')}${task('2', '2.乙。', '    units: [甲局]\n    units_as_written: "县甲局等按职责分工负责，各乡镇落实"\n    deadline: "2025"\n')}`,
    );
    expect(list.map((f) => [f.code, f.severity, f.args.line])).toEqual([['unit-note', 'info', '以下各乡镇落实，不再列出。']]);
  });

  it('numbering-gap: a skipped and a repeated item number', () => {
    const list = lintYaml('numbers.yaml', `${HEAD('numbers')}indicators: []\nunits: [{name: 甲局}]\ntasks:\n${task('1', '1.甲。')}${task('2', '2．乙。')}${task('3', '4.丁。')}${task('4', '4.戊。')}`);
    expect(list.map((f) => [f.messageId, f.ruleId, f.args.numbers])).toEqual([
      ['lint.numbering-gap', '3', '1, 2, 4, 4'],
      ['lint.numbering-repeat', '4', '1, 2, 4, 4'],
    ]);
    expect(message(list[0].messageId, list[0].args, 'en')).toContain('number 3 is missing');
  });

  it('doubled-wording: a two- to four-character word written twice, once per sentence', () => {
    const list = lintYaml('doubled.yaml', `${HEAD('doubled')}indicators:\n${indicator('a', '{op: ">=", value: 1}', '加快加快推进')}units: [{name: 甲局}]\ntasks:\n${task('1', '1.人人参与，常常开展，加快加快推进。')}`);
    expect(list.map((f) => [f.code, f.args.run, f.location.planPath])).toEqual([
      ['doubled-wording', '加快加快', 'indicators.0.source.quote'],
      ['doubled-wording', '加快加快', 'tasks.0.content'],
    ]);
  });

  it('a clean plan has no findings', () => {
    expect(codes(lintYaml('clean.yaml', `${HEAD('clean')}indicators:\n${indicator('a', '{op: ">=", value: 1}', '达到1%')}`))).toEqual([]);
  });
});

describe('sentence matching', () => {
  it('dice over profiles is indicator-names’ similarity', () => {
    const pairs = [
      ['加强城乡社区党风廉政建设', '加强城乡社区反邪教工作能力建设'],
      ['推动泉台婚姻家庭领域交流', '推动闽台婚姻家庭领域交流'],
      ['a', 'b'],
      ['', ''],
    ];
    for (const [a, b] of pairs) expect(dice(profile(a), profile(b))).toBeCloseTo(similarity(a, b), 12);
  });

  it('splits task text at 。 and drops a ledger item number', () => {
    expect(sentences('3．甲乙。丙丁。')).toEqual(['甲乙', '丙丁']);
    expect(sentences('6. 整合资源')).toEqual(['整合资源']);
  });
});
