import type { CheckMeta } from './check.js';

export const breach: CheckMeta = {
  code: 'requirement-breach',
  title: { zh: '不符合逐村（社区）要求', en: 'Per-community requirement broken' },
  description: {
    zh: '某个村（社区）或乡镇（街道）不符合计划正文规定的要求（如“每个村（社区）至少1名灾害信息员”）',
    en: 'a community or township breaks a rule the plan states for each of them (e.g. at least one disaster information officer per community)',
  },
  severity: 'warning',
  messages: ['requirement.breach'],
};

export const noData: CheckMeta = {
  code: 'requirement-no-data',
  title: { zh: '要求无法检查', en: 'Requirement not checkable' },
  description: {
    zh: '部分村（社区）缺少检查该要求所需的数据',
    en: 'some communities lack the data needed to check the requirement',
  },
  severity: 'info',
  messages: ['requirement.no-data'],
};
