// An indicator's value against its target, once the pass is over: a miss is an error for a
// binding (约束性) indicator and a warning for an expected (预期性) one; no data is never a pass.
import type { Finding } from '../../schema/finding.js';
import { localized } from '../../schema/messages.js';
import { localizedAgainst, localizedGap, localizedTarget } from '../../schema/quantity.js';
import type { IndicatorResult } from '../../schema/results.js';
import type { CompiledIndicator } from '../compile-plan.js';
import type { CheckMeta } from './check.js';

export const notMet: CheckMeta = {
  code: 'indicator-not-met',
  title: { zh: '指标未达标', en: 'Indicator target missed' },
  description: {
    zh: '指标的实际值未达到计划目标；约束性指标为错误，预期性指标为警告',
    en: 'the indicator’s value misses the plan target: an error for binding indicators, a warning for expected ones',
  },
  severity: 'warning',
  messages: ['indicator.not-met'],
};

export const noData: CheckMeta = {
  code: 'indicator-no-data',
  title: { zh: '指标无数据', en: 'Indicator without data' },
  description: {
    zh: '缺少计算指标所需的列或数据，或填报值未提供：不能判定达标，也绝不视为达标',
    en: 'the columns or values an indicator needs are missing, or its reported value was not given: it cannot be judged, and never counts as met',
  },
  severity: 'info',
  messages: ['indicator.no-data'],
};

export const behind: CheckMeta = {
  code: 'indicator-behind',
  title: { zh: '指标进度落后', en: 'Indicator behind schedule' },
  description: {
    zh: '按 --as-of 日期，指标低于从基期值到目标值的直线进度；或目标时限已过仍未达标',
    en: 'on the --as-of date the indicator is below the straight line from its baseline to its target, or its due date has passed and it is not met',
  },
  severity: 'warning',
  messages: ['indicator.behind', 'indicator.overdue'],
};

/** A finding for an indicator behind its trajectory or past its due date (with --as-of). */
export function judgeProgress(r: IndicatorResult, c: CompiledIndicator): Finding | null {
  const p = r.progress;
  // Judged against the target itself (the period is over): the not-met finding already says it.
  if (!p || p.status === 'on-track' || r.value === null || (p.status === 'behind' && p.expected === r.target.value)) return null;
  const value = localizedAgainst(r.value, p.expected, r.unit);
  if (p.status === 'overdue') {
    return {
      code: behind.code,
      severity: c.binding ? 'error' : 'warning',
      ruleId: r.id,
      location: c.planLoc,
      messageId: 'indicator.overdue',
      args: { name: r.name, due: r.due ?? '', asOf: p.asOf, value, target: localizedTarget(r.target, r.unit) },
    };
  }
  return {
    code: behind.code,
    severity: 'warning',
    ruleId: r.id,
    location: c.planLoc,
    messageId: 'indicator.behind',
    args: { name: r.name, asOf: p.asOf, expected: localizedAgainst(p.expected, r.value, r.unit), value, gap: localizedGap(p.behind, r.target.op, r.unit) },
  };
}

export function judge(r: IndicatorResult, c: CompiledIndicator): Finding | null {
  if (r.status === 'met') return null;
  if (r.status === 'no-data') {
    const reason = r.noData ? localized(r.noData.messageId, r.noData.args) : '';
    return { code: noData.code, severity: c.binding ? 'warning' : 'info', ruleId: r.id, location: c.planLoc, messageId: 'indicator.no-data', args: { name: r.name, reason } };
  }
  return {
    code: notMet.code,
    severity: c.binding ? 'error' : 'warning',
    ruleId: r.id,
    location: c.planLoc,
    messageId: 'indicator.not-met',
    args: {
      name: r.name,
      value: localizedAgainst(r.value, r.target.value, r.unit),
      target: localizedTarget(r.target, r.unit),
      gap: localizedGap(r.gap!, r.target.op, r.unit),
    },
  };
}
