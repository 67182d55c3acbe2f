// An indicator's value against its target, once the pass is over: a miss is an error for a
// binding (约束性) indicator and a warning for an expected (预期性) one; no data is never a pass.
import type { Finding } from '../../schema/finding.js';
import { message } from '../../schema/messages.js';
import { formatAgainst, formatTarget, localizedGap } from '../../schema/quantity.js';
import type { IndicatorResult } from '../../schema/results.js';
import type { CompiledIndicator } from '../compile-plan.js';
import type { CheckMeta } from './check.js';

export const notMet: CheckMeta = {
  code: 'indicator-not-met',
  title: { zh: '指标未达标', en: 'Indicator target missed' },
  description: {
    zh: '指标的实际值未达到计划目标；约束性指标为错误，预期性指标为警告',
    en: 'the indicator’s value misses the plan target: an error for binding (约束性) indicators, a warning for expected (预期性) ones',
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

export function judge(r: IndicatorResult, c: CompiledIndicator): Finding | null {
  if (r.status === 'met') return null;
  if (r.status === 'no-data') {
    const reason = r.noData ? { zh: message(r.noData.messageId, r.noData.args, 'zh'), en: message(r.noData.messageId, r.noData.args, 'en') } : '';
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
      value: formatAgainst(r.value, r.target.value, r.unit),
      target: formatTarget(r.target, r.unit),
      gap: localizedGap(r.gap!, r.target.op, r.unit),
    },
  };
}
