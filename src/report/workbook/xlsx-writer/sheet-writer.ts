// One worksheet, written row by row to a file as it comes: its XML (xl/worksheets/sheetN.xml), and
// the notes on its cells (xl/commentsN.xml and the VML boxes Excel draws them in). Nothing of a
// row stays in memory once written.

import { columnName, xmlText } from './xml-text.js';
import { DeflatedPart } from './zip-parts.js';

export type CellValue = string | number | boolean | Date | { formula: string; result: string } | null | undefined;

export interface SheetOptions {
  /** Column widths in characters by 0-based column. */
  widths?: readonly (number | undefined)[];
  /**
   * Style ids (StyleSheet) of whole columns by 0-based column: the format Excel gives a value typed
   * into an empty cell of the column later. Written cells still carry their own style.
   */
  columnStyles?: readonly (number | undefined)[];
  /** Rows kept in view when scrolling (the header). */
  frozenRows?: number;
  /** Header row and columns of the auto filter. */
  autoFilter?: { row: number; from: number; to: number };
  /** Where the sheet goes among the workbook's tabs (default: the order sheets were added in). */
  order?: number;
  /** Write repeated texts once, in the workbook's shared strings (a data sheet's 是/否/城市…). */
  sharedStrings?: SharedStrings;
}

/**
 * The workbook's shared strings, for the short texts that repeat down a column (是, 城市, a
 * township's name); longer ones, such as community names, are mostly distinct and are written in
 * their cells. Bounded: past `limit` distinct texts, new ones are written in their cells too.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  constructor(
    private readonly limit = 50_000,
    private readonly longest = 6,
  ) {}

  /** The index of a text, or -1 for a text written in its cell; `always` shares a long text too. */
  id(text: string, always = false): number {
    if (text.length > this.longest && !always) return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      if (this.values.length >= this.limit) return -1;
      i = this.values.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

export interface ConditionalRule {
  formula: string;
  dxf: number;
}

/** Text whose spaces or line breaks a reader would otherwise be free to drop. */
export const PRESERVE = /^\s|\s$|\n/;
const MS_PER_DAY = 86_400_000;
/** Serial day 25569 is 1970-01-01 in Excel's 1900 date system. */
const EPOCH_SERIAL = 25_569;

export class SheetWriter {
  private readonly xml: DeflatedPart;
  private comments: DeflatedPart | null = null;
  private vml: DeflatedPart | null = null;
  private notes = 0;
  private readonly merges: string[] = [];
  private readonly conditional: string[] = [];
  private rowOpen = 0;
  private lastRow = 0;
  private rowNotes: { col: number; text: string }[] = [];
  closed = false;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly dir: string,
    private readonly options: SheetOptions,
  ) {
    this.xml = new DeflatedPart(`xl/worksheets/sheet${index}.xml`, `${dir}/sheet${index}.xml.deflate`);
    this.xml.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        this.viewXml() +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        this.colsXml() +
        '<sheetData>',
    );
  }

  get order(): number {
    return this.options.order ?? this.index;
  }

  get hasNotes(): boolean {
    return this.notes > 0;
  }

  /** Bytes of this sheet waiting to be compressed. */
  get backlog(): number {
    return this.closed ? 0 : this.parts.reduce((n, p) => n + p.backlog, 0);
  }

  /** The sheet's compressed parts: its XML, then its notes and their drawing if it has any. */
  get parts(): DeflatedPart[] {
    return [this.xml, ...(this.comments ? [this.comments, this.vml!] : [])];
  }

  private viewXml(): string {
    const frozen = this.options.frozenRows ?? 0;
    if (!frozen) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    return (
      '<sheetViews><sheetView workbookViewId="0">' +
      `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
      '<selection pane="bottomLeft"/></sheetView></sheetViews>'
    );
  }

  private colsXml(): string {
    const widths = this.options.widths ?? [];
    const styles = this.options.columnStyles ?? [];
    let cols = '';
    for (let i = 0; i < Math.max(widths.length, styles.length); i++) {
      const w = widths[i];
      const width = w !== undefined && Number.isFinite(w) && w > 0 ? ` width="${Math.min(255, w)}" customWidth="1"` : '';
      const style = styles[i] ? ` style="${styles[i]}"` : '';
      if (width || style) cols += `<col min="${i + 1}" max="${i + 1}"${width}${style}/>`;
    }
    return cols ? `<cols>${cols}</cols>` : '';
  }

  /** Starts row `n` (1-based); rows must come in increasing order. */
  startRow(n: number): void {
    if (this.rowOpen) this.endRow();
    if (n <= this.lastRow) throw new Error(`row ${n} written after row ${this.lastRow}`);
    this.rowOpen = n;
    this.lastRow = n;
    this.xml.write(`<row r="${n}">`);
  }

  /**
   * A cell of the open row; columns must come in increasing order. `style` is a StyleSheet id;
   * `share` puts a text in the shared strings whatever its length (a column of few distinct values).
   */
  cell(col: number, value: CellValue, style = 0, share = false): void {
    if (value === null || value === undefined) {
      if (style) this.xml.write(`<c r="${columnName(col)}${this.rowOpen}" s="${style}"/>`);
      return;
    }
    const ref = `${columnName(col)}${this.rowOpen}`;
    const s = style ? ` s="${style}"` : '';
    if (typeof value === 'number') {
      if (Number.isFinite(value)) this.xml.write(`<c r="${ref}"${s}><v>${value}</v></c>`);
      else this.text(ref, s, String(value), false);
    } else if (typeof value === 'string') this.text(ref, s, value, share);
    else if (typeof value === 'boolean') this.xml.write(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
    else if (value instanceof Date) {
      const serial = value.getTime() / MS_PER_DAY + EPOCH_SERIAL;
      if (Number.isFinite(serial)) this.xml.write(`<c r="${ref}"${s}><v>${serial}</v></c>`);
    } else {
      this.xml.write(`<c r="${ref}"${s} t="str"><f>${xmlText(value.formula)}</f><v>${xmlText(value.result)}</v></c>`);
    }
  }

  // Text not shared is written inline: a shared-strings table holds every distinct text in memory
  // until the end.
  private text(ref: string, s: string, text: string, share: boolean): void {
    const shared = this.options.sharedStrings?.id(text, share) ?? -1;
    if (shared >= 0) {
      this.xml.write(`<c r="${ref}"${s} t="s"><v>${shared}</v></c>`);
      return;
    }
    const space = PRESERVE.test(text) ? ' xml:space="preserve"' : '';
    this.xml.write(`<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`);
  }

  /** A note (comment) on a cell of the open row. */
  note(col: number, text: string): void {
    this.rowNotes.push({ col, text });
  }

  endRow(): void {
    if (!this.rowOpen) return;
    this.xml.write('</row>');
    for (const { col, text } of this.rowNotes) this.writeNote(this.rowOpen, col, text);
    this.rowNotes = [];
    this.rowOpen = 0;
  }

  private writeNote(row: number, col: number, text: string): void {
    if (!this.comments) {
      this.comments = new DeflatedPart(`xl/comments${this.index}.xml`, `${this.dir}/comments${this.index}.xml.deflate`);
      this.comments.write(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>cscheck</author></authors><commentList>',
      );
      this.vml = new DeflatedPart(`xl/drawings/vmlDrawing${this.index}.vml`, `${this.dir}/vmlDrawing${this.index}.vml.deflate`);
      this.vml.write(
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${this.index}"/></o:shapelayout>` +
          '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
      );
    }
    this.notes++;
    this.comments.write(`<comment ref="${columnName(col)}${row}" authorId="0"><text><r><t xml:space="preserve">${xmlText(text)}</t></r></text></comment>`);
    // The box a note opens in: three columns wide, six rows high, beside its cell (0-based anchors).
    // Only what Excel needs to place it; the text is in the comments part.
    this.vml!.write(
      `<v:shape id="_x0000_s${this.index * 1024 + this.notes}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:90pt;z-index:${this.notes};visibility:hidden" fillcolor="#ffffe1">` +
        `<x:ClientData ObjectType="Note"><x:Anchor>${col}, 15, ${Math.max(0, row - 2)}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor>` +
        `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`,
    );
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${columnName(left)}${top}:${columnName(right)}${bottom}`);
  }

  /** Expression rules for a range, in priority order. */
  conditionalFormat(ref: string, rules: ConditionalRule[], firstPriority: number): void {
    const xml = rules.map((r, i) => `<cfRule type="expression" dxfId="${r.dxf}" priority="${firstPriority + i}"><formula>${xmlText(r.formula)}</formula></cfRule>`).join('');
    this.conditional.push(`<conditionalFormatting sqref="${ref}">${xml}</conditionalFormatting>`);
  }

  /** The filter range for workbook.xml's _xlnm._FilterDatabase name. */
  get filterRange(): string | null {
    const f = this.options.autoFilter;
    return f ? `$${columnName(f.from)}$${f.row}:$${columnName(f.to)}$${Math.max(f.row, this.lastRow)}` : null;
  }

  /** Ends the sheet's XML and its notes; `notesRel` is the relationship id of its VML drawing. */
  close(notesRel: string): void {
    this.endRow();
    const f = this.options.autoFilter;
    let tail = '</sheetData>';
    if (f) tail += `<autoFilter ref="${columnName(f.from)}${f.row}:${columnName(f.to)}${Math.max(f.row, this.lastRow)}"/>`;
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    tail += this.conditional.join('');
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (this.notes) tail += `<legacyDrawing r:id="${notesRel}"/>`;
    this.xml.write(`${tail}</worksheet>`);
    if (this.comments) {
      this.comments.write('</commentList></comments>');
      this.vml!.write('</xml>');
    }
    for (const part of this.parts) void part.end();
    this.closed = true;
  }

  /** Ends the files without finishing their XML (the workbook is being abandoned). */
  async discard(): Promise<void> {
    this.closed = true;
    await Promise.all(this.parts.map((p) => p.end().catch(() => undefined)));
  }
}
