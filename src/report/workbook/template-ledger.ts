// The blank task ledger for a plan (`cscheck template --kind ledger`): the plan's tasks prefilled in
// the document's columns (序号 / 工作任务 / 具体项目 / 主要内容 / 责任单位 / 完成时限) and the progress
// columns a department fills in, with 完成状态 and 完成进度（%） limited to what `cscheck ledger` reads.
// The cells to fill are shaded, the blank deadlines the plan leaves among them, each with a note.

import ExcelJS from 'exceljs';
import { LEDGER_FIELDS } from '../../schema/contract.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Plan, Task } from '../../schema/plan.js';
import type { TemplateColumn, TemplateSheetSummary, TemplateValue } from './template-sheet.js';
import { addTemplateSheet, listFormula, planTitle, refusing } from './template-sheet.js';

export const LEDGER_SHEET = '任务清单';

/** The statuses io/ledger-reader reads (data contract §2). */
export const LEDGER_STATUSES = ['已完成', '推进中', '未启动', '滞后'];

const header = (id: string): string => LEDGER_FIELDS.find((f) => f.id === id)!.header;

/** A deadline as the plan writes it; a bare year stays a number, as the documents type it. */
function deadlineCell(deadline: string | null | undefined): TemplateValue {
  if (!deadline) return null;
  return /^\d{4}$/.test(deadline) ? Number(deadline) : deadline;
}

function taskRow(t: Task, index: number): TemplateValue[] {
  // One unit a line, by the plan's canonical names: the ledger check knows them all, and a line of
  // the document's unit text that is a sentence (按职责分工负责) would read as no unit at all.
  return [t.no ?? index + 1, t.section, t.project ?? null, t.content, t.units.join('\n'), deadlineCell(t.deadline)];
}

export function ledgerTemplate(plan: Plan, lang: Lang): { workbook: ExcelJS.Workbook; sheets: TemplateSheetSummary[] } {
  const prefilled = message('template.prefilled', { document: plan.document }, lang);
  const note = (id: MessageId) => message(id, {}, lang);
  const columns: TemplateColumn[] = [
    ...['no', 'section', 'project'].map((id) => ({ header: header(id), note: prefilled })),
    { header: header('content'), note: prefilled, long: true },
    { header: header('units'), note: prefilled },
    { header: header('deadline'), note: prefilled },
    { header: header('status'), note: note('template.enter.status'), input: true, validation: refusing({ type: 'list', formulae: [listFormula(LEDGER_STATUSES)] }, 'template.enter.status', lang) },
    { header: header('progress'), note: note('template.enter.progress'), input: true, validation: refusing({ type: 'decimal', operator: 'between', formulae: [0, 100] }, 'template.enter.progress', lang) },
    { header: header('progress_note'), note: note('template.enter.progress-note'), input: true, long: true },
    { header: header('evidence'), note: note('template.enter.evidence'), input: true },
  ];
  const tasks = plan.tasks ?? [];
  const rows = tasks.map(taskRow);
  // A deadline the plan leaves blank is the submitter's to set once the row reports progress
  // (rules/ledger/row-cells.ts): the cell is marked for input and says so.
  const deadlineColumn = columns.findIndex((c) => c.header === header('deadline'));
  const blanks = tasks.flatMap((t, row) => (t.deadline ? [] : [{ row, column: deadlineColumn, note: note('template.enter.deadline') }]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cscheck';
  // A district's ledger is itself the plan (洛江区…任务清单及工作台账分解表): its name is the title.
  wb.title = plan.name.zh.includes('台账') ? planTitle(plan, lang) : message('template.title-ledger', { plan: planTitle(plan, lang) }, lang);
  const ws = addTemplateSheet(wb, { name: LEDGER_SHEET, title: wb.title, columns, rows, fillRows: rows.length, blanks });
  return { workbook: wb, sheets: [{ name: ws.name, columns: columns.length, rows: rows.length }] };
}
