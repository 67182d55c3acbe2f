// The names --plan and explain take. Expected ids are read off the plan files' heads by hand
// (plans/*.yaml: id, region, document, name); the suggestion cases are typos of those names.
import { describe, expect, it } from 'vitest';
import { CscheckError } from '../../src/schema/errors.js';
import { bundledPlanIds, loadPlanFile, resolvePlanPath } from '../../src/schema/load-plan.js';
import { message } from '../../src/schema/messages.js';
import type { Indicator, Plan } from '../../src/schema/plan.js';
import type { PlanHead } from '../../src/schema/plan-names.js';
import { matchPlanName, normalizePlanName } from '../../src/schema/plan-names.js';
import { indicatorIdFor } from '../../src/rules/indicator-lookup.js';
import { lines, run } from '../cli/helpers.js';

const heads = (): PlanHead[] => bundledPlanIds().map((id) => loadPlanFile(id).plan);

/** The message a call refuses with, in Chinese, or the id it returned. */
function outcome(f: () => string): string {
  try {
    return f();
  } catch (err) {
    if (err instanceof CscheckError) return `${err.messageId}: ${message(err.messageId, err.args, 'zh')}`;
    throw err;
  }
}

describe('plan names', () => {
  const cases: [string, string][] = [
    ['quanzhou', 'quanzhou'],
    ['QuanZhou', 'quanzhou'],
    ['泉州市', 'quanzhou'],
    ['泉州', 'quanzhou'],
    ['Quanzhou City', 'quanzhou'],
    ['泉政办〔2022〕54号', 'quanzhou'],
    ['泉政办[2022]54号', 'quanzhou'],
    ['泉政办（2022）54号', 'quanzhou'],
    ['泉政办 (2022) 54 号', 'quanzhou'],
    ['泉州市“十四五”城乡社区服务体系建设实施方案', 'quanzhou'],
    ['洛江区', 'luojiang'],
    ['洛江', 'luojiang'],
    ['Luojiang District', 'luojiang'],
    ['福建省', 'fujian'],
    ['福建', 'fujian'],
    ['闽政办〔2022〕37号', 'fujian'],
    ['仙游县', 'xianyou'],
    ['仙政办规[2023]3号', 'xianyou'],
    ['西双版纳傣族自治州', 'xishuangbanna'],
    ['西双版纳州', 'xishuangbanna'],
    ['西双版纳', 'xishuangbanna'],
    ['xishuangbanna prefecture', 'xishuangbanna'],
  ];
  for (const [name, id] of cases) {
    it(`${name} → ${id}`, () => {
      expect(matchPlanName(name, heads())).toBe(id);
      expect(resolvePlanPath(name).endsWith(`/plans/${id}.yaml`)).toBe(true);
    });
  }

  it('brackets, spaces and case do not count in a document number', () => {
    expect(normalizePlanName('泉政办 【2022】 54号')).toBe('泉政办202254号');
    expect(normalizePlanName('Quanzhou  City')).toBe('quanzhoucity');
  });

  it('a typo is refused with the closest plans', () => {
    const close = '找不到计划“{plan}”；您是不是要找：quanzhou（泉州市“十四五”城乡社区服务体系建设实施方案）；内置计划：fujian, luojiang, quanzhou, xianyou, xishuangbanna';
    expect(outcome(() => matchPlanName('quanzhuo', heads()))).toBe(`plan.not-found-close: ${close.replace('{plan}', 'quanzhuo')}`);
    expect(outcome(() => matchPlanName('泉洲', heads()))).toBe(`plan.not-found-close: ${close.replace('{plan}', '泉洲')}`);
    expect(outcome(() => matchPlanName('仙游县志', heads()))).toMatch(/^plan.not-found-close: .*您是不是要找：xianyou（仙游县/);
  });

  it('a name like none is refused with the bundled plans only', () => {
    expect(outcome(() => matchPlanName('zzz', heads()))).toBe('plan.not-found: 找不到计划“zzz”；内置计划：fujian, luojiang, quanzhou, xianyou, xishuangbanna');
  });

  it('a name two plans answer to is refused with both', () => {
    const a = { id: 'a', name: { zh: '甲市方案', en: 'A plan' }, region: '泉州市', document: '甲〔2022〕1号', level: 'city' } as const;
    const b = { id: 'b', name: { zh: '乙市方案', en: 'B plan' }, region: '泉州市', document: '乙〔2022〕2号', level: 'city' } as const;
    expect(outcome(() => matchPlanName('泉州', [a, b]))).toBe('plan.ambiguous: “泉州”可指多个计划：a（甲市方案）；b（乙市方案）；请用计划编号');
    expect(matchPlanName('乙〔2022〕2号', [a, b])).toBe('b');
  });

  it('on the command line: --plan 泉州 works, an unknown name exits 2 with one line', async () => {
    const ok = await run(['plans', 'show', '泉州', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).id).toBe('quanzhou');
    const bad = await run(['plans', 'show', 'quanzhuo', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toEqual(['cscheck: unknown plan “quanzhuo”; did you mean: quanzhou（泉州市“十四五”城乡社区服务体系建设实施方案）; bundled plans: fujian, luojiang, quanzhou, xianyou, xishuangbanna']);
  });
});

const indicator = (id: string, zh: string, en: string) => ({ id, name: { zh, en } }) as Indicator;
const planOf = (indicators: Indicator[]) => ({ indicators }) as Plan;

describe('indicator names for explain', () => {
  const plans = [
    planOf([indicator('a1', '社区综合服务设施覆盖率', 'Facility coverage'), indicator('a2', '注册志愿者占总人口比例', 'Volunteer share')]),
    planOf([indicator('b1', '社区综合服务设施覆盖率', 'Other coverage')]),
  ];

  it('an id is taken as written; a name exactly, spaces and case aside', () => {
    expect(indicatorIdFor('no_such_id', plans)).toBe('no_such_id');
    expect(indicatorIdFor('注册志愿者占总人口比例', plans)).toBe('a2');
    expect(indicatorIdFor(' 注册志愿者占 总人口比例 ', plans)).toBe('a2');
    expect(indicatorIdFor('volunteer Share', plans)).toBe('a2');
  });

  it('a close name answers when one indicator is clearly nearest', () => {
    // 8 of the query's 9 character pairs are among the name's 10: 2·8 / 19 ≈ 0.84; the others share none.
    expect(indicatorIdFor('注册志愿者占人口比例', plans)).toBe('a2');
  });

  it('a name two indicators have, or a vague one, lists the candidates', () => {
    expect(outcome(() => indicatorIdFor('社区综合服务设施覆盖率', plans))).toBe('plans.ambiguous-indicator: “社区综合服务设施覆盖率”可指多个指标：a1（社区综合服务设施覆盖率）；b1（社区综合服务设施覆盖率）；请用指标编号');
    // 志愿者: 2 pairs, both among 注册志愿者占总人口比例's 10: 2·2 / 12 ≈ 0.33 — a candidate, not an answer.
    expect(outcome(() => indicatorIdFor('志愿者', plans))).toBe('plans.unknown-indicator-name: 没有名称为“志愿者”的指标；名称相近的指标：a2（注册志愿者占总人口比例）');
  });

  it('explain by the Chinese name the issue gives, and by a near one', async () => {
    for (const name of ['居民活动区域面积占社区综合服务设施总建筑面积比例', '居民活动区域面积占社区综合服务设施建筑面积比例']) {
      const r = await run(['explain', name, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe('activity_area_share');
    }
  });
});
