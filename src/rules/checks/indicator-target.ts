// An indicator's value against its target, once the pass is over: a miss is an error for a
// binding (约束性) indicator and a warning for an expected (预期性) one; no data is never a pass.
import { localized } from '../../schema/messages.js';
import { localizedAgainst, localizedTarget, localizedGap } from '../../schema/quantity.js';
import type { IndicatorResult } from '../../schema/results.js';
import type { CompiledIndicator } from '../compile-plan.js';
import type { CheckMeta, Report } from './check.js';
import type { SurveyCheck } from './survey-check.js';

export const notMet = {
  code: 'indicator-not-met',
  title: { zh: '指标未达标', en: 'Indicator target missed' },
  description: {
    zh: '指标的实际值未达到计划目标；约束性指标为错误，预期性指标为警告',
    en: 'the indicator’s value misses the plan target: an error for binding (约束性) indicators, a warning for expected (预期性) ones',
  },
  severity: 'warning',
  messages: ['indicator.not-met'],
} as const satisfies CheckMeta;

export const noData = {
  code: 'indicator-no-data',
  title: { zh: '指标无数据', en: 'Indicator without data' },
  description: {
    zh: '缺少计算指标所需的列或数据，或填报值未提供：不能判定达标，也绝不视为达标',
    en: 'the columns or values an indicator needs are missing, or its reported value was not given: it cannot be judged, and never counts as met',
  },
  severity: 'info',
  messages: ['indicator.no-data'],
} as const satisfies CheckMeta;

export const behind = {
  code: 'indicator-behind',
  title: { zh: '指标进度落后', en: 'Indicator behind schedule' },
  description: {
    zh: '按 --as-of 日期，指标低于从基期值到目标值的直线进度；或目标时限已过仍未达标',
    en: 'on the --as-of date the indicator is below the straight line from its baseline to its target, or its due date has passed and it is not met',
  },
  severity: 'warning',
  messages: ['indicator.behind', 'indicator.overdue'],
} as const satisfies CheckMeta;

/** Reports an indicator behind its trajectory or past its due date (with --as-of). */
function judgeProgress(r: IndicatorResult, c: CompiledIndicator, report: Report): void {
  const p = r.progress;
  // Judged against the target itself (the period is over): the not-met finding already says it.
  if (!p || p.status === 'on-track' || r.value === null || (p.status === 'behind' && p.expected === r.target.value)) return;
  const value = localizedAgainst(r.value, p.expected, r.unit);
  if (p.status === 'overdue') {
    report(
      behind,
      { ruleId: r.id, location: c.planLoc, messageId: 'indicator.overdue', args: { name: r.name, due: r.due ?? '', asOf: p.asOf, value, target: localizedTarget(r.target, r.unit) } },
      c.binding,
    );
    return;
  }
  report(behind, {
    ruleId: r.id,
    location: c.planLoc,
    messageId: 'indicator.behind',
    args: { name: r.name, asOf: p.asOf, expected: localizedAgainst(p.expected, r.value, r.unit), value, gap: localizedGap(p.behind, r.target.op, r.unit) },
  });
}

function judge(r: IndicatorResult, c: CompiledIndicator, report: Report): void {
  if (r.status === 'met') return;
  if (r.status === 'no-data') {
    const reason = r.noData ? localized(r.noData.messageId, r.noData.args) : '';
    report(noData, { ruleId: r.id, location: c.planLoc, messageId: 'indicator.no-data', args: { name: r.name, reason } }, c.binding);
    return;
  }
  report(
    notMet,
    {
      ruleId: r.id,
      location: c.planLoc,
      messageId: 'indicator.not-met',
      args: {
        name: r.name,
        value: localizedAgainst(r.value, r.target.value, r.unit),
        target: localizedTarget(r.target, r.unit),
        gap: localizedGap(r.gap!, r.target.op, r.unit),
      },
    },
    c.binding,
  );
}

/** Judges every indicator once the pass is over: its target, then its progress. */
export const check: SurveyCheck = {
  meta: [notMet, noData, behind],
  finish(ctx) {
    ctx.indicators.forEach((r, i) => {
      judge(r, ctx.plan.indicators[i], ctx.report);
      judgeProgress(r, ctx.plan.indicators[i], ctx.report);
    });
  },
};
