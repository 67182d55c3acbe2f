// The annotated workbook (evaluate --annotate): the input's tables copied row by row as the reader
// passes them, each problem cell filled and explained in a note, a 检查结果 column per row, then
// the 汇总 and 按乡镇 sheets once the evaluation is over, and 问题清单 (every finding) as they come.
// Rows are written to disk as they come and dropped, so memory does not grow with the file.

import { basename, extname } from 'node:path';
import { CscheckError } from '../../schema/errors.js';
import type { Finding, Severity } from '../../schema/finding.js';
import { SEVERITY_RANK, columnLetter } from '../../schema/finding.js';
import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Report } from '../../schema/results.js';
import type { EchoTable, SheetEcho } from '../../io/sheet-echo.js';
import type { Raw } from '../../io/values.js';
import { findingMessage } from '../render.js';
import { MARK, STYLE } from './annotation-style.js';
import { cellText, noteText, safeSheetName } from './excel-safe.js';
import { FindingsSheet, writeSummarySheets } from './summary-sheets.js';
import type { SheetLink } from './summary-sheets.js';
import type { SheetWriter } from './xlsx-writer/sheet-writer.js';
import type { CellStyle } from './xlsx-writer/style-sheet.js';
import { XlsxWriter } from './xlsx-writer/workbook-writer.js';

export interface AnnotatorOptions {
  lang: Lang;
  /** Where the workbook will be written; its temporary parts go beside it. */
  path: string;
}

interface OpenTable {
  t: EchoTable;
  sheet: SheetWriter;
  statusColumn: number;
  numeric: boolean[];
}

interface Mark {
  severity: Severity;
  note: string;
}

/** Excel's sheet size (Excel specifications and limits). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const STATUS_WIDTH = 12;
const CSV_MIN_WIDTH = 8;
const CSV_TEXT_WIDTH = 16;
const CSV_MAX_WIDTH = 30;
/** A plain decimal as a CSV export writes numbers; codes with leading zeros stay text. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

const keyOf = (file: string | undefined, sheet: string | undefined, row: number | undefined) => `${file ?? ''}\u0000${sheet ?? ''}\u0000${row ?? ''}`;
const isEmpty = (v: Raw | undefined) => v === undefined || v === null || v === '';

/** Display width of a header, CJK counted double, for the widths of a sheet made from CSV. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

const worstOf = (findings: readonly Finding[]): Severity =>
  findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');

export class WorkbookAnnotator implements SheetEcho {
  private readonly writer: XlsxWriter;
  private readonly list: FindingsSheet;
  /** Findings about rows not yet written, by file, sheet and row. */
  private readonly pending = new Map<string, Finding[]>();
  private readonly sheets: SheetLink[] = [];
  private current: OpenTable | null = null;
  /** Style ids of unmarked cells by the input's style index, and of marked cells by mark and format. */
  private byInputStyle: number[] = [];
  private readonly markedIds = new Map<string, number>();

  constructor(private readonly opts: AnnotatorOptions) {
    this.writer = new XlsxWriter(opts.path);
    this.list = new FindingsSheet(this.writer, opts.lang, []);
  }

  /**
   * Runs a step of the writing: an error of the file system (a full disk) is the workbook's, not
   * the input's, whichever reader happens to be calling.
   */
  private writing(step: () => void): void {
    try {
      step();
    } catch (err) {
      if (err instanceof CscheckError) throw err;
      throw new CscheckError('output.write-failed', { file: this.opts.path, detail: (err as Error).message }, { file: this.opts.path }, { cause: err });
    }
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
    this.list.add(f);
  };

  table(t: EchoTable): void {
    this.writing(() => this.startTable(t));
  }

  private startTable(t: EchoTable): void {
    this.liftHeaderFindings(t);
    const name = safeSheetName(t.sheet ?? basename(t.file, extname(t.file)), [this.list.name, ...this.sheets.map((s) => s.name)]);
    const statusColumn = t.columns.reduce((m, c) => Math.max(m, c.index + 1), t.columns.length) + 1;
    const headerRow = t.headerRows[1];
    if (statusColumn > MAX_COLUMNS) throw new CscheckError('annotate.too-wide', { columns: statusColumn - 1, max: MAX_COLUMNS }, { file: t.file, sheet: t.sheet });
    // Columns right of the header move one to the right, past the status column (see row()).
    const shift = (col: number) => (col < statusColumn ? col : col + 1);
    const widths = Array.from({ length: Math.max(statusColumn, t.widths.length + 1) }, (_, i) =>
      i === statusColumn - 1 ? STATUS_WIDTH : i >= statusColumn ? t.widths[i - 1] : t.widths[i] ?? (t.source === 'csv' ? this.csvWidth(t, i) : undefined),
    );
    const sheet = this.writer.addSheet(name, { widths, frozenRows: headerRow, autoFilter: { row: headerRow, from: 1, to: statusColumn }, sharedStrings: this.writer.sharedStrings });
    const numeric: boolean[] = [];
    for (const c of t.columns) numeric[c.index] = c.type === 'integer' || c.type === 'number' || c.type === 'hours';
    for (const m of t.merges) sheet.merge(m.top, shift(m.left), m.bottom, shift(m.right));
    this.current = { t, sheet, statusColumn, numeric };
    this.byInputStyle = [];
    const link = { file: t.file, sheet: t.sheet, name };
    this.sheets.push(link);
    this.list.link(link);
  }

  /**
   * A finding about a header cell that a merged range covers (序号 in A4 under A3:A4) is moved to
   * the range's top-left cell, the one Excel shows; the rows of the header are all still to come.
   */
  private liftHeaderFindings(t: EchoTable): void {
    for (let row = t.headerRows[0] + 1; row <= t.headerRows[1]; row++) {
      const key = keyOf(t.file, t.sheet, row);
      const list = this.pending.get(key);
      if (!list) continue;
      const kept: Finding[] = [];
      for (const f of list) {
        const col = f.location.columnIndex;
        const m = col === undefined ? undefined : t.merges.find((r) => r.top < row && row <= r.bottom && r.left <= col && col <= r.right);
        if (!m) {
          kept.push(f);
          continue;
        }
        const moved: Finding = { ...f, location: { ...f.location, row: m.top, columnIndex: m.left, cell: `${columnLetter(m.left)}${m.top}` } };
        const to = keyOf(t.file, t.sheet, m.top);
        this.pending.set(to, [...(this.pending.get(to) ?? []), moved]);
      }
      if (kept.length) this.pending.set(key, kept);
      else this.pending.delete(key);
    }
  }

  private csvWidth(t: EchoTable, index: number): number {
    const col = t.columns.find((c) => c.index === index);
    const header = col ? textWidth(col.header) + 2 : CSV_MIN_WIDTH;
    return Math.min(CSV_MAX_WIDTH, Math.max(col?.type === 'text' ? CSV_TEXT_WIDTH : CSV_MIN_WIDTH, header));
  }

  /** The style id of a cell: its number format from the input, and its mark. */
  private style(numFmt: string | undefined, mark: Severity | undefined): number {
    const marked = mark !== undefined && mark !== 'info';
    if (!marked && !numFmt) return 0;
    const key = `${marked ? mark : ''}\u0000${numFmt ?? ''}`;
    let id = this.markedIds.get(key);
    if (id === undefined) {
      const style: CellStyle = { ...(marked ? MARK[mark] : {}), ...(numFmt ? { numFmt } : {}) };
      this.markedIds.set(key, (id = this.writer.styles.id(style)));
    }
    return id;
  }

  /** The style id of an unmarked cell with the input's style `index` (one array lookup per cell). */
  private inputStyle(formats: readonly (string | undefined)[], index: number | undefined): number {
    if (index === undefined) return 0;
    let id = this.byInputStyle[index];
    if (id === undefined) this.byInputStyle[index] = id = this.style(formats[index], undefined);
    return id;
  }

  row(n: number, cells: readonly Raw[], styles?: readonly number[]): void {
    this.writing(() => this.writeRow(n, cells, styles));
  }

  private writeRow(n: number, cells: readonly Raw[], styles?: readonly number[]): void {
    if (n > MAX_ROWS) throw new CscheckError('annotate.too-many-rows', { max: MAX_ROWS }, { file: this.current!.t.file, sheet: this.current!.t.sheet, row: n });
    const { t, sheet, statusColumn, numeric } = this.current!;
    const formats = t.formats;
    const key = keyOf(t.file, t.sheet, n);
    const findings = this.pending.get(key);
    if (findings) this.pending.delete(key);
    const isData = n > t.headerRows[1];
    const marks = findings ? this.marks(statusColumn, cells, findings) : null;
    const csvNumbers = t.source === 'csv' && isData;
    const put = (col: number, at: number) => {
      const v = cells[col - 1];
      const mark = at === col ? marks?.get(col) : undefined;
      if (isEmpty(v) && !mark) return;
      sheet.cell(
        at,
        isEmpty(v) ? null : this.cellValue(v, csvNumbers && numeric[col - 1]),
        mark ? this.style(styles ? formats[styles[col - 1]] : undefined, mark.severity) : styles ? this.inputStyle(formats, styles[col - 1]) : 0,
      );
      if (mark) sheet.note(at, mark.note);
    };
    sheet.startRow(n);
    const last = Math.max(cells.length, ...(marks ? [...marks.keys()].filter((c) => c < statusColumn) : []));
    for (let col = 1; col < statusColumn && col <= last; col++) put(col, col);
    if (n === t.headerRows[1]) sheet.cell(statusColumn, message('annotate.status', {}, this.opts.lang), this.writer.styles.id(STYLE.header));
    else if (isData) {
      const rowMark = marks?.get(statusColumn);
      const worst = findings ? worstOf(findings) : 'info';
      sheet.cell(statusColumn, this.statusText(cells, findings), this.style(undefined, rowMark?.severity ?? worst));
      if (rowMark) sheet.note(statusColumn, rowMark.note);
    }
    // Cells right of the header (a CSV row with too many fields, a remark beside an XLSX table)
    // move one column right, past the status column, so no cell is written twice.
    for (let col = statusColumn; col <= cells.length; col++) put(col, col + 1);
    sheet.endRow();
  }

  private cellValue(v: Raw, numeric: boolean): string | number | boolean | Date {
    if (typeof v !== 'string') return v as number | boolean | Date;
    const text = cellText(v);
    if (numeric && PLAIN_NUMBER.test(text.trim())) return Number(text.trim());
    // A string is always written as a text cell: “=1+1” from the input stays those four characters.
    return text;
  }

  /** 合格, N 个问题, or 未计入 for a total or footnote row; nothing for a row with no cells. */
  private statusText(cells: readonly Raw[], findings: Finding[] | undefined): string | null {
    const lang = this.opts.lang;
    if (findings?.some((f) => f.code === 'skipped-row')) return message('annotate.not-counted', {}, lang);
    if (!cells.some((c) => !isEmpty(c))) return null;
    const problems = findings?.filter((f) => f.severity !== 'info').length ?? 0;
    if (!problems) return message('annotate.ok', {}, lang);
    return problems === 1 ? message('annotate.problem', {}, lang) : message('annotate.problems', { count: problems }, lang);
  }

  /**
   * The row's findings by the column they name (the status column for those about the whole row):
   * the worst severity and the note. Each goes to the 问题清单 too, with the value of its cell.
   */
  private marks(statusColumn: number, cells: readonly Raw[], findings: Finding[]): Map<number, Mark> {
    const byColumn = new Map<number, Finding[]>();
    const texts = new Map<Finding, string>();
    for (const f of findings) {
      const col = f.location.columnIndex;
      const raw = col !== undefined ? cells[col - 1] : undefined;
      const text = findingMessage(f, this.opts.lang);
      texts.set(f, text);
      this.list.add(f, text, isEmpty(raw) ? undefined : String(raw));
      const at = col !== undefined && col < statusColumn ? col : statusColumn;
      const list = byColumn.get(at);
      if (list) list.push(f);
      else byColumn.set(at, [f]);
    }
    const marks = new Map<number, Mark>();
    for (const [col, list] of byColumn) marks.set(col, { severity: worstOf(list), note: noteText(list.map((f) => texts.get(f)!).join('\n')) });
    return marks;
  }

  wait(): Promise<void> | undefined {
    return this.writer.wait();
  }

  end(): void {
    const table = this.current!;
    // Findings about rows of this table that were never written (none are expected) still reach the list.
    const prefix = keyOf(table.t.file, table.t.sheet, undefined);
    for (const [key, list] of this.pending) {
      if (!key.startsWith(prefix)) continue;
      for (const f of list) this.list.add(f);
      this.pending.delete(key);
    }
    this.writer.finishSheet(table.sheet);
    this.current = null;
  }

  /** Writes the summary sheets from the finished report, then the workbook to `path`. */
  async finish(report: Report, path: string): Promise<void> {
    for (const list of this.pending.values()) for (const f of list) this.list.add(f);
    this.pending.clear();
    this.list.close();
    writeSummarySheets(this.writer, report, this.opts.lang, [this.list.name, ...this.sheets.map((s) => s.name)]);
    await this.writer.save(path);
  }

  /** Stops without a workbook and removes what was written so far. */
  async abort(): Promise<void> {
    await this.writer.discard();
  }
}

