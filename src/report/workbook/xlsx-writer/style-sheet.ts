// xl/styles.xml: the cell formats a workbook uses, each registered once and referred to by index.

import { xmlText } from './xml-text.js';

export interface CellStyle {
  /** Number format code, e.g. `0.0##`, `0%`, `yyyy-mm-dd`. */
  numFmt?: string;
  bold?: boolean;
  underline?: boolean;
  /** Font colour, ARGB (`FF9C0006`). */
  color?: string;
  /** Solid fill colour, ARGB. */
  fill?: string;
  wrap?: boolean;
}

// The built-in formats (ECMA-376 18.8.30) a cell can name by id; others are declared from 164 on.
const BUILTIN: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12, '# ??/??': 13,
  'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17, 'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19, 'h:mm': 20, 'h:mm:ss': 21,
  'm/d/yy h:mm': 22, '#,##0 ;(#,##0)': 37, '#,##0 ;[Red](#,##0)': 38, '#,##0.00;(#,##0.00)': 39, '#,##0.00;[Red](#,##0.00)': 40,
  'mm:ss': 45, '[h]:mm:ss': 46, 'mmss.0': 47, '##0.0E+0': 48, '@': 49,
};

const fontXml = (s: CellStyle) =>
  `<font>${s.bold ? '<b/>' : ''}${s.underline ? '<u/>' : ''}<sz val="11"/>${s.color ? `<color rgb="${s.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`;

/** A registry of cell formats (cellXfs) and of the differential formats conditional formatting uses. */
export class StyleSheet {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = [fontXml({})];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  // The default format is known too: a style with nothing set is id 0, not a copy of it.
  private readonly xfIndex = new Map<string, number>([[this.xfs[0], 0]]);
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly dxfs: string[] = [];

  /** The index of a cell format (0 = default); the same style object is looked up, not rebuilt. */
  id(style: CellStyle): number {
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const numFmtId = style.numFmt === undefined ? 0 : this.numFmtId(style.numFmt);
    const fontId = style.bold || style.underline || style.color ? this.index(this.fonts, fontXml(style)) : 0;
    const fillId = style.fill ? this.index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const align = style.wrap ? '<alignment vertical="top" wrapText="1"/>' : '';
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    let id = this.xfIndex.get(xf);
    if (id === undefined) {
      id = this.xfs.push(xf) - 1;
      this.xfIndex.set(xf, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  /** A differential format for a conditional formatting rule: font colour and fill. */
  dxf(style: CellStyle): number {
    const font = style.color || style.bold ? `<font>${style.bold ? '<b/>' : ''}${style.color ? `<color rgb="${style.color}"/>` : ''}</font>` : '';
    const fill = style.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${style.fill}"/></patternFill></fill>` : '';
    return this.index(this.dxfs, `<dxf>${font}${fill}</dxf>`);
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  private index(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>` +
      '</styleSheet>'
    );
  }
}
