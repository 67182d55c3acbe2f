// The annotated workbook (evaluate --annotate): the input's tables copied row by row as the reader
// passes them, each problem cell filled and explained in a note, a 检查结果 column per row, then
// the 汇总 / 按乡镇 / 问题清单 sheets once the evaluation is over. Rows are streamed to exceljs'
// WorkbookWriter and dropped, so memory does not grow with the file; findings wait on disk.

import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Finding, Severity } from '../../schema/finding.js';
import { SEVERITY_RANK } from '../../schema/finding.js';
import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Report } from '../../schema/results.js';
import type { EchoTable, SheetEcho } from '../../io/sheet-echo.js';
import type { Raw } from '../../io/values.js';
import type { MergeRange } from '../../io/xlsx-package.js';
import { findingMessage } from '../render.js';
import { HEADER, MARK } from './annotation-style.js';
import { cellText, noteText, safeSheetName } from './excel-safe.js';
import { FindingSpool } from './finding-spool.js';
import { writeSummarySheets } from './summary-sheets.js';
import type { SheetLink } from './summary-sheets.js';

export interface AnnotatorOptions {
  lang: Lang;
  /** Where the workbook is written (a temporary name; the caller renames it into place). */
  path: string;
  /** Where findings wait until the 问题清单 sheet is written. */
  spoolPath: string;
}

interface OpenTable {
  t: EchoTable;
  ws: Worksheet;
  name: string;
  statusColumn: number;
  numeric: boolean[];
  /** Merged ranges not yet applied, by top row (last = next). */
  merges: MergeRange[];
}

const STATUS_WIDTH = 12;
const CSV_MIN_WIDTH = 8;
const CSV_MAX_WIDTH = 30;
/** A plain decimal as a CSV export writes numbers; codes with leading zeros stay text. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

const keyOf = (file: string | undefined, sheet: string | undefined, row: number | undefined) => `${file ?? ''}\u0000${sheet ?? ''}\u0000${row ?? ''}`;

/** Display width of a header, CJK counted double, for the widths of a sheet made from CSV. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

export class WorkbookAnnotator implements SheetEcho {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly spool: FindingSpool;
  /** Findings about rows not yet written, by file, sheet and row. */
  private readonly pending = new Map<string, Finding[]>();
  private readonly sheets: SheetLink[] = [];
  private current: OpenTable | null = null;

  constructor(private readonly opts: AnnotatorOptions) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: opts.path, useStyles: true, useSharedStrings: true });
    this.wb.creator = 'cscheck';
    this.spool = new FindingSpool(opts.spoolPath);
  }

  /** Every finding, as the evaluation makes it (wired to EvaluationOptions.onFinding). */
  onFinding = (f: Finding): void => {
    const l = f.location;
    if (l.row !== undefined && l.file !== undefined && l.line === undefined) {
      const key = keyOf(l.file, l.sheet, l.row);
      const list = this.pending.get(key);
      if (list) list.push(f);
      else this.pending.set(key, [f]);
      return;
    }
    this.spool.add({ f });
  };

  table(t: EchoTable): void {
    const name = safeSheetName(t.sheet ?? basename(t.file, extname(t.file)), this.sheets.map((s) => s.name));
    const statusColumn = Math.max(t.columns.length, ...t.columns.map((c) => c.index + 1)) + 1;
    const headerRow = t.headerRows[1];
    const ws = this.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
    ws.columns = Array.from({ length: statusColumn }, (_, i) => {
      if (i === statusColumn - 1) return { width: STATUS_WIDTH };
      const width = t.widths[i] ?? (t.source === 'csv' ? this.csvWidth(t, i) : undefined);
      return width === undefined ? {} : { width };
    });
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: statusColumn } };
    const numeric: boolean[] = [];
    for (const c of t.columns) numeric[c.index] = c.type === 'integer' || c.type === 'number' || c.type === 'hours';
    const merges = [...t.merges].sort((a, b) => b.top - a.top);
    this.current = { t, ws, name, statusColumn, numeric, merges };
    this.sheets.push({ file: t.file, sheet: t.sheet, name });
  }

  private csvWidth(t: EchoTable, index: number): number {
    const col = t.columns.find((c) => c.index === index);
    const header = col ? textWidth(col.header) + 2 : CSV_MIN_WIDTH;
    const floor = col?.type === 'text' ? 16 : CSV_MIN_WIDTH;
    return Math.min(CSV_MAX_WIDTH, Math.max(floor, header));
  }

  row(n: number, cells: readonly Raw[], formats?: readonly (string | undefined)[]): void {
    const table = this.current!;
    const { t, ws } = table;
    const key = keyOf(t.file, t.sheet, n);
    const findings = this.pending.get(key);
    if (findings) this.pending.delete(key);
    // A merge is applied when its first row comes: exceljs needs its rows uncommitted, and rows
    // further down are made only then.
    const merges = table.merges;
    while (merges.length && merges[merges.length - 1].top <= n) {
      const m = merges.pop()!;
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
    }
    const row = ws.getRow(n);
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === undefined || v === null || v === '') continue;
      const cell = row.getCell(i + 1);
      cell.value = this.cellValue(v, t.source === 'csv' && n > t.headerRows[1] && table.numeric[i]);
      const fmt = formats?.[i];
      if (fmt) cell.numFmt = fmt;
    }
    if (n >= t.headerRows[0] && n <= t.headerRows[1]) {
      if (n === t.headerRows[1]) this.styleStatusHeader(row.getCell(table.statusColumn));
    } else if (n > t.headerRows[1]) {
      this.markRow(table, row.getCell(table.statusColumn), n, cells, findings ?? []);
    }
    row.commit();
  }

  private cellValue(v: Raw, numeric: boolean): ExcelJS.CellValue {
    if (typeof v !== 'string') return v as ExcelJS.CellValue;
    const text = cellText(v);
    if (numeric && PLAIN_NUMBER.test(text.trim())) return Number(text.trim());
    // A string is always written as a text cell: “=1+1” from the input stays those four characters.
    return text;
  }

  private styleStatusHeader(cell: Cell): void {
    cell.value = message('annotate.status', {}, this.opts.lang);
    cell.fill = HEADER.fill;
    cell.font = HEADER.font;
  }

  /** Fills and notes the cells the findings name, and says in the status cell what the row holds. */
  private markRow(table: OpenTable, status: Cell, n: number, cells: readonly Raw[], findings: Finding[]): void {
    const lang = this.opts.lang;
    const byColumn = new Map<number, Finding[]>();
    let problems = 0;
    let skipped = false;
    for (const f of findings) {
      const col = f.location.columnIndex;
      const raw = col !== undefined ? cells[col - 1] : undefined;
      this.spool.add({ f, value: raw === undefined || raw === null ? undefined : String(raw) });
      if (f.code === 'skipped-row') skipped = true;
      if (f.severity !== 'info') problems++;
      const at = col ?? table.statusColumn;
      const list = byColumn.get(at);
      if (list) list.push(f);
      else byColumn.set(at, [f]);
    }
    if (skipped) status.value = message('annotate.not-counted', {}, lang);
    else if (cells.some((c) => c !== undefined && c !== null && c !== '')) {
      status.value = problems ? message('annotate.problems', { count: problems }, lang) : message('annotate.ok', {}, lang);
    }
    for (const [col, list] of byColumn) {
      const cell = col === table.statusColumn ? status : table.ws.getRow(n).getCell(col);
      const worst = list.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');
      if (worst !== 'info') {
        cell.fill = MARK[worst].fill;
        cell.font = MARK[worst].font;
      }
      cell.note = noteText(list.map((f) => findingMessage(f, lang)).join('\n'));
    }
    if (!byColumn.has(table.statusColumn) && problems) {
      const worst = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
      status.fill = MARK[worst].fill;
      status.font = MARK[worst].font;
    }
  }

  end(): void {
    const table = this.current!;
    // Findings about rows of this table that were never written (none are expected) still reach the list.
    const prefix = keyOf(table.t.file, table.t.sheet, undefined);
    for (const [key, list] of this.pending) {
      if (!key.startsWith(prefix)) continue;
      for (const f of list) this.spool.add({ f });
      this.pending.delete(key);
    }
    table.ws.commit();
    this.current = null;
  }

  /** Writes the summary sheets from the finished report and closes the workbook. */
  async finish(report: Report): Promise<void> {
    for (const list of this.pending.values()) for (const f of list) this.spool.add({ f });
    this.pending.clear();
    await writeSummarySheets(this.wb, report, this.spool.drain(), { lang: this.opts.lang, sheets: this.sheets });
    await this.wb.commit();
    this.spool.remove();
  }

  /** Stops without a workbook: closes what is open; the caller removes the temporary file. */
  async abort(): Promise<void> {
    this.spool.remove();
    await this.wb.commit().catch(() => undefined);
  }
}
