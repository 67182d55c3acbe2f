// Turns the cells of one data row into typed values, once the header is known. The column →
// field → parser mapping is compiled once per table; per row there is only the parse itself.

import type { FieldDef, FieldType, Level } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import { finding } from '../rules/checks/check.js';
import { cellType, missingValue, raggedRow, skippedRow, unknownColumn } from '../rules/checks/data-cells.js';
import type { Finding, Location } from '../schema/finding.js';
import { columnLetter } from '../schema/finding.js';
import type { Header } from './header-detect.js';
import type { Parsed, Parser, Raw, Value } from './values.js';
import { EXPECTED, expected, INVALID, PARSERS, quickBoolean, quickNumber } from './values.js';

/** One table of an input, shared by all its rows: where it is and where each field's column is. */
export interface TableInfo {
  file: string;
  sheet?: string;
  level: Level;
  /** Per field index: the column holding it (0-based index and header text), or null. */
  columns: ({ index: number; header: string } | null)[];
}

export interface DataRow {
  table: TableInfo;
  /** Typed values indexed like the level's field list; null = missing. */
  values: Value[];
  /** 1-based row number as the file shows it. */
  row: number;
}

export interface TableSink {
  onRow(row: DataRow): void;
  onFinding(finding: Finding): void;
}

const TOTAL_ROW = /^.{0,12}(合计|总计|小计)$/;
/** 计, the last character of every total label: checked before the expression runs. */
const JI = 0x8ba1;
const NOTE_ROW = /^(填表说明|填报说明|说明|备注|注[:：]|填表人|填报人|审核人|负责人|单位负责人|联系电话|制表|填报日期|数据来源)/;

const QUICK_NONE = 0;
const QUICK_YES_NO = 1;
const QUICK_NUMBER = 2;

interface Binding {
  source: number;
  field: number;
  header: string;
  parse: Parser;
  /** Which quick path applies before `parse` (the full parser decides whatever it does not take). */
  quick: number;
  max: number;
  whole: boolean;
}

function quickPath(type: FieldType): Pick<Binding, 'quick' | 'max' | 'whole'> {
  if (type === 'boolean') return { quick: QUICK_YES_NO, max: 0, whole: false };
  if (type === 'integer') return { quick: QUICK_NUMBER, max: Infinity, whole: true };
  if (type === 'number') return { quick: QUICK_NUMBER, max: Infinity, whole: false };
  if (type === 'hours') return { quick: QUICK_NUMBER, max: 24, whole: false };
  return { quick: QUICK_NONE, max: 0, whole: false };
}

export interface TableContext {
  file: string;
  sheet?: string;
  /** 1-based row number of the (last) header row. */
  headerRow: number;
  /** Do not report header findings (a later part of a file read in parallel). */
  quiet?: boolean;
}

export class RowBuilder {
  readonly width: number;
  private readonly bindings: Binding[];
  private readonly fields: readonly FieldDef[];
  private readonly communityField: number;
  private readonly townshipField: number;
  private readonly required: number[];
  readonly table: TableInfo;
  private readonly current: DataRow;
  blankRows = 0;
  rows = 0;

  constructor(
    readonly header: Header,
    private readonly ctx: TableContext,
    private readonly sink: TableSink,
  ) {
    this.fields = header.fields;
    this.width = header.columns.length;
    const seen = new Map<number, string>();
    const headerRow = ctx.headerRow;
    this.bindings = [];
    for (const col of header.columns) {
      if (col.field < 0) {
        if (col.header && !ctx.quiet) {
          sink.onFinding(finding(unknownColumn, {
            location: this.loc(headerRow, col.index, col.header),
            messageId: 'data.unknown-column',
            args: { column: col.header },
          }));
        }
        continue;
      }
      const first = seen.get(col.field);
      if (first !== undefined) {
        throw new CscheckError(
          'input.duplicate-column',
          { first, second: col.header, field: this.fields[col.field].id },
          this.loc(headerRow, col.index, col.header),
        );
      }
      seen.set(col.field, col.header);
      const type = this.fields[col.field].type;
      this.bindings.push({ source: col.index, field: col.field, header: col.header, parse: PARSERS[type], ...quickPath(type) });
    }
    this.required = [];
    this.fields.forEach((f, i) => {
      if (!f.required) return;
      if (!seen.has(i)) {
        throw new CscheckError('input.missing-column', { column: f.header, row: headerRow }, { file: ctx.file, sheet: ctx.sheet, row: headerRow });
      }
      this.required.push(i);
    });
    this.table = {
      file: ctx.file,
      sheet: ctx.sheet,
      level: header.level,
      columns: this.fields.map((_, i) => {
        const b = this.bindings.find((x) => x.field === i);
        return b ? { index: b.source, header: b.header } : null;
      }),
    };
    this.current = { table: this.table, values: new Array<Value>(this.fields.length).fill(null), row: 0 };
    this.communityField = this.fields.findIndex((f) => f.id === 'community');
    this.townshipField = this.fields.findIndex((f) => f.id === 'township');
  }

  /** Columns present in this table, as field ids. */
  presentFields(): string[] {
    return this.bindings.map((b) => this.fields[b.field].id);
  }

  private loc(row: number, index: number, column: string): Location {
    return { file: this.ctx.file, sheet: this.ctx.sheet, row, column, columnIndex: index + 1, cell: `${columnLetter(index + 1)}${row}` };
  }

  /** Parses one row of cells; `row` is its 1-based number in the file. Blank rows are counted. */
  build(cells: readonly Raw[], row: number): DataRow | null {
    // One row object is reused for every row: sinks read it synchronously and keep nothing of it.
    const dataRow = this.current;
    const values = dataRow.values;
    values.fill(null);
    let bad: Binding[] | null = null;
    let blank = true;
    for (let i = 0; i < this.bindings.length; i++) {
      const b = this.bindings[i];
      const raw = cells[b.source];
      if (raw === undefined || raw === null || raw === '') continue;
      // Most cells are plain 是/否 or plain digits: take those without a call through b.parse.
      let v: Parsed;
      if (b.quick === QUICK_YES_NO && typeof raw === 'string') v = quickBoolean(raw) ?? b.parse(raw);
      else if (b.quick === QUICK_NUMBER && typeof raw === 'string') {
        const q = quickNumber(raw);
        v = q === q && q <= b.max && (!b.whole || Number.isInteger(q)) ? q : b.parse(raw);
      } else v = b.parse(raw);
      if (v === INVALID) {
        blank = false;
        (bad ??= []).push(b);
      } else if (v !== null) {
        blank = false;
        values[b.field] = v;
      }
    }
    if (blank) {
      if (!cells.some((c) => c !== undefined && c !== null && String(c).trim() !== '')) {
        this.blankRows++;
        return null;
      }
    }
    let missing = false;
    for (let i = 0; i < this.required.length; i++) if (values[this.required[i]] === null) missing = true;
    // Totals and footnotes are not communities: a 小计 row may even carry a kind.
    const name = values[this.communityField];
    if ((missing || (typeof name === 'string' && name.charCodeAt(name.length - 1) === JI && TOTAL_ROW.test(name))) && this.skipsAsTotalOrNote(cells, row, name)) return null;
    this.rows++;
    if (bad || missing) this.reportRow(cells, row, values, bad);
    dataRow.row = row;
    this.sink.onRow(dataRow);
    return dataRow;
  }

  /**
   * A 合计/小计 row (sums that would count twice) or a footnote line (填表说明, 填报人, 联系电话…) is
   * reported once as skipped and not evaluated.
   */
  private skipsAsTotalOrNote(cells: readonly Raw[], row: number, community: Value): boolean {
    const first = cells.find((c) => c !== undefined && c !== null && String(c).trim() !== '');
    const norm = (v: Raw) => (v === undefined || v === null ? '' : String(v).normalize('NFKC').replace(/\s+/g, ''));
    const labels = [norm(first), norm(community)];
    const total = labels.find((l) => TOTAL_ROW.test(l));
    const note = labels.find((l) => NOTE_ROW.test(l));
    const kind = total !== undefined ? 'total' : note !== undefined ? 'note' : null;
    if (!kind) return false;
    const label = total ?? note ?? '';
    this.sink.onFinding(finding(skippedRow, {
      location: { file: this.ctx.file, sheet: this.ctx.sheet, row },
      messageId: kind === 'total' ? 'data.total-row' : 'data.note-row',
      args: { row, text: label.slice(0, 40) },
    }));
    return true;
  }

  /** Findings about one row's cells: unreadable values, missing required values. */
  private reportRow(cells: readonly Raw[], row: number, values: Value[], bad: Binding[] | null): void {
    const community = values[this.communityField] as string | null;
    const township = this.townshipField >= 0 ? (values[this.townshipField] as string | null) : null;
    const where = (index: number, column: string): Location => ({
      ...this.loc(row, index, column),
      township: township ?? undefined,
      community: community ?? undefined,
    });
    if (bad) {
      for (const b of bad) {
        const type = this.fields[b.field].type;
        this.sink.onFinding(finding(cellType, {
          location: where(b.source, b.header),
          messageId: 'data.cell-type',
          args: { value: String(cells[b.source]), expected: expected(EXPECTED[type]), field: this.fields[b.field].id },
        }));
      }
    }
    for (const f of this.required) {
      if (values[f] !== null || bad?.some((b) => b.field === f)) continue;
      const b = this.bindings.find((x) => x.field === f)!;
      this.sink.onFinding(finding(missingValue, {
        location: where(b.source, b.header),
        messageId: 'data.missing-value',
        args: { column: b.header, field: this.fields[f].id },
      }));
    }
  }

  /** A row whose number of cells differs from the header's (CSV only). */
  ragged(row: number, actual: number): void {
    this.sink.onFinding(finding(raggedRow, {
      location: { file: this.ctx.file, sheet: this.ctx.sheet, row },
      messageId: 'data.ragged-row',
      args: { actual, expected: this.width },
    }));
  }
}
