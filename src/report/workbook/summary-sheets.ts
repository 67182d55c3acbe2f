// The sheets after the data in an annotated workbook: 汇总 (each indicator against its target),
// 按乡镇 (each township × indicator, worst townships first) and 问题清单 (every finding, with a
// link to its cell). Header rows are frozen and filtered, numbers stay numbers (sortable,
// pivot-ready), and the status colours are Excel conditional formats, so they follow edits.

import type { Finding } from '../../schema/finding.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatTarget, gapText } from '../../schema/quantity.js';
import type { IndicatorResult, Report } from '../../schema/results.js';
import { findingMessage, locationText } from '../render.js';
import { MARK, STYLE } from './annotation-style.js';
import { cellText, safeSheetName } from './excel-safe.js';
import type { CellValue, SharedStrings, SheetWriter } from './xlsx-writer/sheet-writer.js';
import type { XlsxWriter } from './xlsx-writer/workbook-writer.js';
import { columnName } from './xlsx-writer/xml-text.js';

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

// The summary sheets come after the data sheets, in this order, whenever each was started.
const ORDER = { summary: 10_000, townships: 10_001, findings: 10_002 };

/** A sheet with a frozen, filtered header row. */
function addTable(wb: XlsxWriter, name: string, columns: Column[], lang: Lang, taken: string[], order: number, sharedStrings?: SharedStrings): SheetWriter {
  const sheet = wb.addSheet(safeSheetName(name, taken), { widths: columns.map((c) => c.width), frozenRows: 1, autoFilter: { row: 1, from: 1, to: columns.length }, order, sharedStrings });
  taken.push(sheet.name);
  const header = wb.styles.id(STYLE.header);
  sheet.startRow(1);
  columns.forEach((c, i) => sheet.cell(i + 1, message(c.label, c.args ?? {}, lang), header));
  return sheet;
}

/** A row of values; numbers shown with their decimals; texts of the `shared` columns written once. */
function putRow(wb: XlsxWriter, sheet: SheetWriter, n: number, values: CellValue[], styles: Record<number, number> = {}, shared: readonly boolean[] = []): void {
  const number = wb.styles.id(STYLE.number);
  sheet.startRow(n);
  values.forEach((v, i) => sheet.cell(i + 1, v, styles[i + 1] ?? (typeof v === 'number' ? number : 0), shared[i + 1]));
}

// 问题清单 columns whose texts repeat down the sheet: severity, rule, file, township, column.
const LIST_SHARED = [false, true, true, true, true, false, true];

/**
 * Colours a status column by its text: binding misses red, expected misses amber, met green,
 * no data grey. `attribute` is the column holding 约束性/预期性.
 */
function statusColours(wb: XlsxWriter, sheet: SheetWriter, status: number, attribute: number, rows: number, lang: Lang): void {
  if (rows < 2) return;
  const s = `$${columnName(status)}2`;
  const a = `$${columnName(attribute)}2`;
  const text = (id: MessageId) => `"${message(id, {}, lang)}"`;
  sheet.conditionalFormat(
    `${columnName(status)}2:${columnName(status)}${rows}`,
    [
      { formula: `AND(${s}=${text('label.not-met')},${a}=${text('label.约束性')})`, dxf: wb.styles.dxf(MARK.error) },
      { formula: `${s}=${text('label.not-met')}`, dxf: wb.styles.dxf(MARK.warning) },
      { formula: `${s}=${text('label.met')}`, dxf: wb.styles.dxf(STYLE.good) },
      { formula: `${s}=${text('label.no-data')}`, dxf: wb.styles.dxf(STYLE.muted) },
    ],
    1,
  );
}

// The columns 汇总 and 按乡镇 share, in the order both use them.
const COLUMNS = {
  indicator: [
    { label: 'label.indicator', width: 36 },
    { label: 'label.attribute', width: 9 },
    { label: 'label.target', width: 12 },
  ] as Column[],
  value: { label: 'label.value', width: 10 } as Column,
  unit: { label: 'annotate.unit', width: 10 } as Column,
  gap: { label: 'label.gap', width: 9 } as Column,
  outcome: [
    { label: 'label.status', width: 9 },
    { label: 'label.coverage', width: 12 },
  ] as Column[],
};

/** 指标, 属性, 目标 of an indicator. */
const indicatorCells = (r: IndicatorResult, lang: Lang): CellValue[] => [localized(r.name, lang), message(`label.${r.attribute}`, {}, lang), formatTarget(r.target, r.unit, lang)];

function summarySheet(wb: XlsxWriter, report: Report, lang: Lang, taken: string[]): void {
  const asOf = report.indicators.find((r) => r.progress)?.progress?.asOf;
  const columns: Column[] = [
    ...COLUMNS.indicator,
    COLUMNS.value,
    COLUMNS.unit,
    COLUMNS.gap,
    { label: 'annotate.gap-text', width: 24 },
    ...COLUMNS.outcome,
    ...(asOf ? [{ label: 'annotate.progress' as const, width: 14, args: { asOf } }] : []),
    { label: 'annotate.source', width: 50 },
  ];
  const sheet = addTable(wb, message('annotate.sheet-summary', {}, lang), columns, lang, taken, ORDER.summary);
  let n = 1;
  for (const r of report.indicators) {
    putRow(
      wb,
      sheet,
      ++n,
      [
        ...indicatorCells(r, lang),
        r.value,
        r.unit,
        r.status === 'no-data' ? null : r.gap,
        r.status === 'not-met' && r.gap !== null ? gapText(r.gap, r.target.op, r.unit, lang) : r.noData ? message(r.noData.messageId, r.noData.args, lang) : null,
        message(`label.${r.status}`, {}, lang),
        r.measure === 'reported' ? (r.value === null ? '—' : '1/1') : `${r.withData}/${r.inScope}`,
        ...(asOf ? [r.progress ? r.progress.expected : null] : []),
        `${r.source.section}${message('punct.colon', {}, lang)}${r.source.quote}`,
      ],
      { [columns.length]: wb.styles.id(STYLE.wrap) },
    );
  }
  statusColours(wb, sheet, 8, 2, n, lang);
  wb.finishSheet(sheet);
}

/** Townships ordered worst first: most indicators missed, then the largest gap relative to the targets. */
function townshipOrder(indicators: IndicatorResult[]): string[] {
  const score = new Map<string, { missed: number; gap: number }>();
  for (const r of indicators) {
    for (const t of r.townships) {
      const s = score.get(t.township) ?? { missed: 0, gap: 0 };
      if (t.status === 'not-met') {
        s.missed++;
        // Gaps in different units are not added up; a township's share of each target is.
        s.gap += t.gap !== null && r.target.value ? Math.abs(t.gap / r.target.value) : 0;
      }
      score.set(t.township, s);
    }
  }
  return [...score.keys()].sort((a, b) => score.get(b)!.missed - score.get(a)!.missed || score.get(b)!.gap - score.get(a)!.gap || a.localeCompare(b, 'zh'));
}

function townshipSheet(wb: XlsxWriter, report: Report, lang: Lang, taken: string[]): void {
  const columns: Column[] = [{ label: 'annotate.township', width: 22 }, ...COLUMNS.indicator, COLUMNS.value, COLUMNS.unit, COLUMNS.gap, ...COLUMNS.outcome];
  const sheet = addTable(wb, message('annotate.sheet-townships', {}, lang), columns, lang, taken, ORDER.townships);
  const measured = report.indicators.filter((r) => r.townships.length);
  const byTownship = measured.map((r) => new Map(r.townships.map((b) => [b.township, b])));
  let n = 1;
  for (const township of townshipOrder(measured)) {
    for (const [i, r] of measured.entries()) {
      const t = byTownship[i].get(township);
      if (!t) continue;
      putRow(wb, sheet, ++n, [
        township,
        ...indicatorCells(r, lang),
        t.value,
        r.unit,
        t.status === 'no-data' ? null : t.gap,
        message(`label.${t.status}`, {}, lang),
        `${t.withData}/${t.inScope}`,
      ]);
    }
  }
  statusColours(wb, sheet, 8, 3, n, lang);
  wb.finishSheet(sheet);
}

/** `=HYPERLINK("#'sheet'!F12","F12")`: Excel and LibreOffice both follow it within the workbook. */
function cellLink(sheet: string, cell: string, label: string): { formula: string; result: string } {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`, result: label };
}

/**
 * 问题清单: every finding, one row each, written as the findings come (the sheet has a file of its
 * own, so it grows alongside the data sheet without holding anything in memory).
 */
export class FindingsSheet {
  private readonly sheet: SheetWriter;
  private readonly sheetOf = new Map<string, string>();
  private readonly styles: { error: number; warning: number; wrap: number; link: number };
  private n = 1;
  private cut = 0;

  constructor(
    private readonly wb: XlsxWriter,
    private readonly lang: Lang,
    taken: string[],
    /** The sheet's last row (tests make it small). */
    private readonly lastRow = LIST_LAST_ROW,
  ) {
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
    this.sheet = addTable(wb, message('annotate.sheet-findings', {}, lang), columns, lang, taken, ORDER.findings, wb.sharedStrings);
    this.styles = { error: wb.styles.id(MARK.error), warning: wb.styles.id(MARK.warning), wrap: wb.styles.id(STYLE.wrap), link: wb.styles.id(STYLE.link) };
  }

  get name(): string {
    return this.sheet.name;
  }

  /** Ends the list: findings past Excel's last row are counted on it. */
  close(): void {
    if (!this.cut) return;
    putRow(this.wb, this.sheet, ++this.n, [null, null, null, null, null, null, null, message('annotate.list-cut', { count: this.cut }, this.lang)], { 8: this.styles.wrap });
  }

  /** A data sheet that findings can link to. */
  link(s: SheetLink): void {
    this.sheetOf.set(`${s.file}\u0000${s.sheet ?? ''}`, s.name);
  }

  /** One finding; `text` is its message, `value` the content of its cell when it names one. */
  add(f: Finding, text = findingMessage(f, this.lang), value?: string): void {
    // A sheet holds 1,048,576 rows: the header, the findings, and a last row saying what did not fit.
    if (this.n >= this.lastRow - 1) {
      this.cut++;
      return;
    }
    const l = f.location;
    const target = l.file !== undefined && l.row !== undefined && l.line === undefined ? this.sheetOf.get(`${l.file}\u0000${l.sheet ?? ''}`) : undefined;
    const cell = l.cell ?? `A${l.row}`;
    putRow(
      this.wb,
      this.sheet,
      ++this.n,
      [
        message(`label.${f.severity}`, {}, this.lang),
        f.ruleId ?? f.code,
        l.file && cellText(l.file),
        l.township && cellText(l.township),
        l.community && cellText(l.community),
        l.column && cellText(l.column),
        value === undefined ? null : cellText(value),
        cellText(text),
        target ? cellLink(target, cell, `${target}!${cell}`) : cellText(l.planPath ?? locationText(l, this.lang)),
      ],
      { 1: f.severity === 'info' ? 0 : this.styles[f.severity], 8: this.styles.wrap, 9: target ? this.styles.link : 0 },
      LIST_SHARED,
    );
  }
}

/** Excel's last row: 问题清单 stops one row before it, which then says how many findings were left out. */
const LIST_LAST_ROW = 1_048_576;

/** 汇总 and 按乡镇, from the finished report. */
export function writeSummarySheets(wb: XlsxWriter, report: Report, lang: Lang, taken: string[]): void {
  summarySheet(wb, report, lang, taken);
  townshipSheet(wb, report, lang, taken);
}
