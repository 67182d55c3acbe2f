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
