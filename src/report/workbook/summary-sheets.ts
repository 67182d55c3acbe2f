// The sheets after the data in an annotated workbook: 汇总 (each indicator against its target),
// 按乡镇 (each township × indicator, worst townships first) and 问题清单 (every finding, with a
// link to its cell). Header rows are frozen and filtered, numbers stay numbers (sortable,
// pivot-ready), and the status colours are Excel conditional formats, so they follow edits.

import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { columnLetter } from '../../schema/finding.js';
import type { Severity } from '../../schema/finding.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatTarget, gapText } from '../../schema/quantity.js';
import type { IndicatorResult, Report, Status } from '../../schema/results.js';
import { findingMessage, locationText } from '../render.js';
import { GOOD, HEADER, LINK_FONT, MARK, MUTED, WRAP } from './annotation-style.js';
import { cellText, safeSheetName } from './excel-safe.js';
import type { SpooledFinding } from './finding-spool.js';

/** A data sheet of the workbook and the input table it copies. */
export interface SheetLink {
  file: string;
  sheet?: string;
  name: string;
}

interface Column {
  label: MessageId;
  width: number;
  args?: Record<string, string>;
}

const localized = (t: { zh: string; en?: string }, lang: Lang) => (lang === 'en' ? t.en || t.zh : t.zh);

function addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[], lang: Lang, taken: string[]): Worksheet {
  const ws = wb.addWorksheet(safeSheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  taken.push(ws.name);
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const head = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = message(c.label, c.args ?? {}, lang);
    cell.fill = HEADER.fill;
    cell.font = HEADER.font;
    cell.alignment = HEADER.alignment;
  });
  head.commit();
  return ws;
}

/**
 * Colours a status column by its text: binding misses red, expected misses amber, met green,
 * no data grey. `attribute` is the column holding 约束性/预期性.
 */
function statusColours(ws: Worksheet, status: number, attribute: number, rows: number, lang: Lang): void {
  if (rows < 2) return;
  const s = `$${columnLetter(status)}2`;
  const a = `$${columnLetter(attribute)}2`;
  const text = (id: MessageId) => `"${message(id, {}, lang)}"`;
  ws.addConditionalFormatting({
    ref: `${columnLetter(status)}2:${columnLetter(status)}${rows}`,
    rules: [
      { type: 'expression', priority: 1, formulae: [`AND(${s}=${text('label.not-met')},${a}=${text('label.约束性')})`], style: { fill: MARK.error.fill, font: MARK.error.font } },
      { type: 'expression', priority: 2, formulae: [`${s}=${text('label.not-met')}`], style: { fill: MARK.warning.fill, font: MARK.warning.font } },
      { type: 'expression', priority: 3, formulae: [`${s}=${text('label.met')}`], style: { fill: GOOD.fill, font: GOOD.font } },
      { type: 'expression', priority: 4, formulae: [`${s}=${text('label.no-data')}`], style: { fill: MUTED.fill, font: MUTED.font } },
    ],
  });
}

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: Report, lang: Lang, taken: string[]): void {
  const asOf = report.indicators.find((r) => r.progress)?.progress?.asOf;
  const columns: Column[] = [
    { label: 'label.indicator', width: 36 },
    { label: 'label.attribute', width: 9 },
    { label: 'label.target', width: 12 },
    { label: 'label.value', width: 10 },
    { label: 'annotate.unit', width: 10 },
    { label: 'label.gap', width: 9 },
    { label: 'annotate.gap-text', width: 24 },
    { label: 'label.status', width: 9 },
    { label: 'label.coverage', width: 12 },
    ...(asOf ? [{ label: 'annotate.progress' as const, width: 14, args: { asOf } }] : []),
    { label: 'annotate.source', width: 50 },
  ];
  const ws = addTable(wb, message('annotate.sheet-summary', {}, lang), columns, lang, taken);
  let n = 1;
  for (const r of report.indicators) {
    const row = ws.getRow(++n);
    const values: ExcelJS.CellValue[] = [
      localized(r.name, lang),
      message(`label.${r.attribute}`, {}, lang),
      r.target.text ?? formatTarget(r.target, r.unit),
      r.value,
      r.unit,
      r.status === 'no-data' ? null : r.gap,
      r.status === 'not-met' && r.gap !== null ? gapText(r.gap, r.target.op, r.unit, lang) : r.noData ? message(r.noData.messageId, r.noData.args, lang) : null,
      message(`label.${r.status}`, {}, lang),
      r.measure === 'reported' ? (r.value === null ? '—' : '1/1') : `${r.withData}/${r.inScope}`,
      ...(asOf ? [r.progress ? r.progress.expected : null] : []),
      `${r.source.section}：${r.source.quote}`,
    ];
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (typeof v === 'number') cell.numFmt = '0.0##';
    });
    row.getCell(columns.length).alignment = WRAP;
    row.commit();
  }
  statusColours(ws, 8, 2, n, lang);
  ws.commit();
}

/** Townships ordered worst first: most indicators missed, then the largest total gap. */
function townshipOrder(indicators: IndicatorResult[]): string[] {
  const score = new Map<string, { missed: number; gap: number }>();
  for (const r of indicators) {
    for (const t of r.townships) {
      const s = score.get(t.township) ?? { missed: 0, gap: 0 };
      if (t.status === 'not-met') {
        s.missed++;
        // Gaps in different units are not added up; a township's share of the target is.
        s.gap += t.gap !== null && r.target.value ? Math.abs(t.gap / r.target.value) : 0;
      }
      score.set(t.township, s);
    }
  }
  return [...score.keys()].sort((a, b) => score.get(b)!.missed - score.get(a)!.missed || score.get(b)!.gap - score.get(a)!.gap || a.localeCompare(b, 'zh'));
}

function townshipSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: Report, lang: Lang, taken: string[]): void {
  const columns: Column[] = [
    { label: 'annotate.township', width: 22 },
    { label: 'label.indicator', width: 36 },
    { label: 'label.attribute', width: 9 },
    { label: 'label.target', width: 12 },
    { label: 'label.value', width: 10 },
    { label: 'annotate.unit', width: 10 },
    { label: 'label.gap', width: 9 },
    { label: 'label.status', width: 9 },
    { label: 'label.coverage', width: 12 },
  ];
  const ws = addTable(wb, message('annotate.sheet-townships', {}, lang), columns, lang, taken);
  const measured = report.indicators.filter((r) => r.townships.length);
  let n = 1;
  for (const township of townshipOrder(measured)) {
    for (const r of measured) {
      const t = r.townships.find((b) => b.township === township);
      if (!t) continue;
      const row = ws.getRow(++n);
      const values: ExcelJS.CellValue[] = [
        township,
        localized(r.name, lang),
        message(`label.${r.attribute}`, {}, lang),
        r.target.text ?? formatTarget(r.target, r.unit),
        t.value,
        r.unit,
        t.status === 'no-data' ? null : t.gap,
        message(`label.${t.status satisfies Status}`, {}, lang),
        `${t.withData}/${t.inScope}`,
      ];
      values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        const cell = row.getCell(i + 1);
        cell.value = v;
        if (typeof v === 'number') cell.numFmt = '0.0##';
      });
      row.commit();
    }
  }
  statusColours(ws, 8, 3, n, lang);
  ws.commit();
}

/** `=HYPERLINK("#'sheet'!F12","F12")`: Excel and LibreOffice both follow it within the workbook. */
function cellLink(sheet: string, cell: string, label: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`, result: label, date1904: false };
}

async function findingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, findings: AsyncIterable<SpooledFinding>, lang: Lang, sheets: SheetLink[], taken: string[]): Promise<void> {
  const columns: Column[] = [
    { label: 'annotate.severity', width: 9 },
    { label: 'annotate.rule', width: 26 },
    { label: 'annotate.file', width: 22 },
    { label: 'annotate.township', width: 16 },
    { label: 'annotate.community', width: 18 },
    { label: 'annotate.column', width: 18 },
    { label: 'annotate.cell-value', width: 14 },
    { label: 'annotate.message', width: 70 },
    { label: 'annotate.where', width: 16 },
  ];
  const ws = addTable(wb, message('annotate.sheet-findings', {}, lang), columns, lang, taken);
  const sheetOf = new Map(sheets.map((s) => [`${s.file}\u0000${s.sheet ?? ''}`, s.name]));
  let n = 1;
  for await (const { f, value } of findings) {
    const l = f.location;
    const row = ws.getRow(++n);
    const sev = row.getCell(1);
    sev.value = message(`label.${f.severity}`, {}, lang);
    if (f.severity !== 'info') {
      sev.fill = MARK[f.severity as Exclude<Severity, 'info'>].fill;
      sev.font = MARK[f.severity as Exclude<Severity, 'info'>].font;
    }
    row.getCell(2).value = f.ruleId ?? f.code;
    if (l.file) row.getCell(3).value = cellText(l.file);
    if (l.township) row.getCell(4).value = cellText(l.township);
    if (l.community) row.getCell(5).value = cellText(l.community);
    if (l.column) row.getCell(6).value = cellText(l.column);
    if (value !== undefined) row.getCell(7).value = cellText(value);
    const text = row.getCell(8);
    text.value = cellText(findingMessage(f, lang));
    text.alignment = WRAP;
    const where = row.getCell(9);
    const sheet = l.file !== undefined && l.row !== undefined && l.line === undefined ? sheetOf.get(`${l.file}\u0000${l.sheet ?? ''}`) : undefined;
    if (sheet) {
      const cell = l.cell ?? `A${l.row}`;
      where.value = cellLink(sheet, cell, `${sheet}!${cell}`);
      where.font = LINK_FONT;
    } else {
      where.value = cellText(l.planPath ?? locationText(l));
    }
    row.commit();
  }
  ws.commit();
}

export async function writeSummarySheets(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  report: Report,
  findings: AsyncIterable<SpooledFinding>,
  opts: { lang: Lang; sheets: SheetLink[] },
): Promise<void> {
  const taken = opts.sheets.map((s) => s.name);
  summarySheet(wb, report, opts.lang, taken);
  townshipSheet(wb, report, opts.lang, taken);
  await findingsSheet(wb, findings, opts.lang, opts.sheets, taken);
}
