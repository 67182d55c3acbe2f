// The blank survey workbook for a plan (`cscheck template --kind survey`): the community sheet with
// exactly the columns the plan reads, the township sheet when a 乡镇-scoped item needs it, and the
// 填报指标 sheet listing the indicators no survey column can give. Headers are the data contract's
// canonical ones, so `evaluate` reads a filled copy with no unknown columns; notes and the title
// follow --lang.

import ExcelJS from 'exceljs';
import type { DataValidation } from 'exceljs';
import type { FieldType } from '../../schema/contract.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatTarget } from '../../schema/quantity.js';
import type { CompiledPlan } from '../../rules/compile-plan.js';
import type { PlanField } from '../../rules/plan-fields.js';
import { planFields } from '../../rules/plan-fields.js';
import type { TemplateColumn, TemplateSheetSummary } from './template-sheet.js';
import { addTemplateSheet, listFormula, planTitle, refusing } from './template-sheet.js';

export interface SurveyTemplateOptions {
  lang: Lang;
  /** Add the township sheet even when no indicator or requirement reads it. */
  townshipSheet?: boolean;
  /** Rows of the community and township sheets that get validation. */
  rows: number;
}

/** The sheet names the readers' users know (fixtures and real exports use them). */
export const SURVEY_SHEETS = { community: '村（社区）', township: '乡镇（街道）', reported: '填报指标' } as const;

/** The reported-values table: the reader takes 指标 and the first header ending in 值 (数值). */
export const REPORTED_HEADERS = { name: '指标', value: '数值', unit: '计量单位', target: '目标' } as const;

const BOOLEAN_CHOICES = ['是', '否'];
const KIND_CHOICES = ['城市', '农村'];
const CODE_LENGTH = 12;

const ENTER: Record<FieldType, MessageId> = {
  text: 'template.enter.text',
  code: 'template.enter.code',
  kind: 'template.enter.kind',
  boolean: 'template.enter.boolean',
  integer: 'template.enter.integer',
  number: 'template.enter.number',
  hours: 'template.enter.hours',
};

function validationFor(type: FieldType, lang: Lang): DataValidation | undefined {
  const hint = ENTER[type];
  switch (type) {
    case 'boolean':
      return refusing({ type: 'list', formulae: [listFormula(BOOLEAN_CHOICES)] }, hint, lang);
    case 'kind':
      return refusing({ type: 'list', formulae: [listFormula(KIND_CHOICES)] }, hint, lang);
    case 'integer':
      return refusing({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] }, hint, lang);
    case 'number':
      return refusing({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] }, hint, lang);
    case 'hours':
      return refusing({ type: 'decimal', operator: 'between', formulae: [0, 24] }, hint, lang);
    case 'code':
      return refusing({ type: 'textLength', operator: 'equal', formulae: [CODE_LENGTH] }, hint, lang);
    case 'text':
      return undefined;
  }
}

/** The header note: what to enter, why the column is there, and what reads it. */
function fieldNote(p: PlanField, lang: Lang): string {
  const sep = message('template.list-separator', {}, lang);
  const enter = message(ENTER[p.field.type], {}, lang);
  const lines = [p.field.required ? message('template.required', { enter }, lang) : enter];
  if (p.namesRow) lines.push(message('template.names-row', {}, lang));
  const names = (kind: 'indicator' | 'requirement') => p.uses.filter((u) => u.kind === kind).map((u) => u.name[lang]).join(sep);
  const indicators = names('indicator');
  const requirements = names('requirement');
  if (indicators) lines.push(message('template.used-by-indicators', { names: indicators }, lang));
  if (requirements) lines.push(message('template.used-by-requirements', { names: requirements }, lang));
  if (!p.namesRow && !p.field.required && !p.uses.length) lines.push(message('template.unused', {}, lang));
  return lines.join('\n');
}

function fieldColumn(p: PlanField, lang: Lang): TemplateColumn {
  return { header: p.field.header, note: fieldNote(p, lang), validation: validationFor(p.field.type, lang), text: p.field.type === 'code' };
}

export function surveyTemplate(compiled: CompiledPlan, options: SurveyTemplateOptions): { workbook: ExcelJS.Workbook; sheets: TemplateSheetSummary[] } {
  const { plan } = compiled.loaded;
  const { lang } = options;
  const fields = planFields(compiled, { township: options.townshipSheet });
  const titleArgs = { plan: planTitle(plan, lang) };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cscheck';
  wb.title = message('template.title-survey', titleArgs, lang);
  const sheets: TemplateSheetSummary[] = [];

  const community = fields.community.map((p) => fieldColumn(p, lang));
  sheets.push({ name: addTemplateSheet(wb, { name: SURVEY_SHEETS.community, title: wb.title, columns: community, fillRows: options.rows }).name, columns: community.length, rows: 0 });

  if (fields.township.length) {
    const township = fields.township.map((p) => fieldColumn(p, lang));
    const title = message('template.title-township', titleArgs, lang);
    sheets.push({ name: addTemplateSheet(wb, { name: SURVEY_SHEETS.township, title, columns: township, fillRows: options.rows }).name, columns: township.length, rows: 0 });
  }

  if (fields.reported.length) {
    const prefilled = message('template.prefilled', { document: plan.document }, lang);
    const columns: TemplateColumn[] = [
      { header: REPORTED_HEADERS.name, note: prefilled, long: true },
      { header: REPORTED_HEADERS.value, note: message('template.enter.value', {}, lang), validation: refusing({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] }, 'template.enter.value', lang) },
      { header: REPORTED_HEADERS.unit, note: prefilled },
      { header: REPORTED_HEADERS.target, note: prefilled },
    ];
    // The reader matches 指标 by the plan's Chinese name (or id) whatever --lang is.
    const rows = fields.reported.map((ind) => [ind.name.zh, null, ind.unit, formatTarget(ind.target, ind.unit)]);
    const title = message('template.title-reported', titleArgs, lang);
    sheets.push({ name: addTemplateSheet(wb, { name: SURVEY_SHEETS.reported, title, columns, rows, fillRows: rows.length }).name, columns: columns.length, rows: rows.length });
  }
  return { workbook: wb, sheets };
}
