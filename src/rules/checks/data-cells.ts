// Findings raised while reading: the reader applies the data contract, this module describes them
// (readers import these metas, which are about the data contract, not about plans).
import type { CheckMeta } from './check.js';

export const cellType = {
  code: 'cell-type',
  title: { zh: '单元格无法读取', en: 'Unreadable cell' },
  description: { zh: '单元格的值不符合该列的类型（数字、是/否、城乡类型、代码），按缺失处理', en: 'a cell value does not fit its column type (number, yes/no, urban/rural, code); it counts as missing' },
  severity: 'error',
  messages: ['data.cell-type'],
} as const satisfies CheckMeta;

export const missingValue = {
  code: 'missing-value',
  title: { zh: '缺少必填值', en: 'Missing required value' },
  description: { zh: '村（社区）名称和城乡类型每行必填', en: 'every row needs a community name and an urban/rural type' },
  severity: 'error',
  messages: ['data.missing-value'],
} as const satisfies CheckMeta;

export const raggedRow = {
  code: 'ragged-row',
  title: { zh: '字段数不符', en: 'Ragged row' },
  description: { zh: 'CSV 行的字段数与表头不同，值可能错位', en: 'a CSV row has a different number of fields than the header: values may be shifted' },
  severity: 'error',
  messages: ['data.ragged-row'],
} as const satisfies CheckMeta;

export const unknownColumn = {
  code: 'unknown-column',
  title: { zh: '未知列', en: 'Unknown column' },
  description: { zh: '表头不对应数据规范中的任何字段，该列被忽略（每列报告一次）', en: 'a header matches no field of the data contract; the column is ignored (reported once)' },
  severity: 'info',
  messages: ['data.unknown-column'],
} as const satisfies CheckMeta;

export const skippedRow = {
  code: 'skipped-row',
  title: { zh: '合计行或表尾说明', en: 'Total or footnote row' },
  description: { zh: '合计、小计行和表尾说明（填表说明、填报人、联系电话）不是村（社区），不计入指标', en: 'total, subtotal and footnote rows (filling notes, who filled in the form, a contact phone) are not communities and are not counted' },
  severity: 'info',
  messages: ['data.total-row', 'data.note-row'],
} as const satisfies CheckMeta;

export const unknownReported = {
  code: 'unknown-reported',
  title: { zh: '未知填报指标', en: 'Unknown reported indicator' },
  description: { zh: '填报指标表中的指标不在本计划中', en: 'a reported-values row names no indicator of the plan' },
  severity: 'warning',
  messages: ['data.unknown-reported'],
} as const satisfies CheckMeta;

export const duplicateReported = {
  code: 'duplicate-reported',
  title: { zh: '重复填报', en: 'Reported twice' },
  description: { zh: '同一指标填报了两次，采用后一个值', en: 'an indicator is reported twice; the later value is used' },
  severity: 'warning',
  messages: ['data.duplicate-reported'],
} as const satisfies CheckMeta;

export const dataChecks = [cellType, missingValue, raggedRow, unknownColumn, skippedRow, unknownReported, duplicateReported] as const;
