// The head of a plan with one coverage indicator, for tests that vary its expression: the rest of
// the indicator (measure, source) is theirs to write, so a test can place the expression where it
// wants to check file:line:col.

export const ONE_INDICATOR_PLAN_HEAD = [
  'id: one_indicator_test',
  'name: {zh: 测试计划, en: Test plan}',
  'issuer: 洛江区人民政府办公室',
  'document: 泉洛政办〔2022〕99号',
  'level: district',
  'region: 洛江区',
  'period: {start: 2021, end: 2025}',
  'indicators:',
  '  - id: facility_coverage',
  '    name: {zh: 城乡社区综合服务设施覆盖率, en: Facility coverage}',
  '    unit: "%"',
  '    target: {op: ">=", value: 100}',
  '    scope: 城乡',
  '    source: {section: 一, quote: 城乡社区综合服务设施覆盖率100%}',
];
