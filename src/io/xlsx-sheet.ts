// Streams one worksheet's rows (SpreadsheetML <sheetData>) with saxes: each row becomes an array
// of plain cell values — shared and inline strings resolved, numbers as numbers, booleans, error
// codes as text, formula results in place of formulas — plus which cells are percent-formatted.

import { SaxesParser } from 'saxes';
import type { Raw } from './values.js';
import type { CellStyles, XlsxPackage } from './xlsx-package.js';
import { columnOfRef, feed, localName } from './xlsx-package.js';

export interface SheetRow {
  /** 1-based row number. */
  row: number;
  /** 0-based by column; empty cells are undefined or null. */
  cells: Raw[];
  percent: boolean[];
  /** Each cell's style index, when asked for (keepStyles). */
  styles?: number[];
}

export interface StreamSheetOptions {
  /** May hold the next chunk of XML back (see feed). */
  gate?: () => Promise<void> | undefined;
  /** Keep each cell's style index in `styles` (to write the cell back with its number format). */
  keepStyles?: boolean;
  /** The sheet's column widths (<col min max width>), 1-based columns, in characters. */
  onColumnWidth?: (min: number, max: number, width: number) => void;
}

function excelDate(serial: number, date1904 = false): Date {
  // Serial 25569 is 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer.
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000));
}

/** Calls `onRow` for each row with cells; `onRow` returns false to stop reading the sheet. */
export async function streamSheet(
  pkg: XlsxPackage,
  path: string,
  shared: string[],
  styles: CellStyles,
  onRow: (row: SheetRow) => boolean,
  options: StreamSheetOptions = {},
): Promise<void> {
  const { keepStyles = false, onColumnWidth } = options;
  const parser = new SaxesParser({ position: false });
  let row: SheetRow | null = null;
  let lastRow = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let value = '';
  let capture = false;
  let phonetic = 0;
  let done = false;

  parser.on('opentag', (tag) => {
    switch (tag.name.includes(':') ? localName(tag.name) : tag.name) {
      case 'row': {
        const r = tag.attributes.r as string | undefined;
        lastRow = r ? Number(r) : lastRow + 1;
        row = keepStyles ? { row: lastRow, cells: [], percent: [], styles: [] } : { row: lastRow, cells: [], percent: [] };
        col = 0;
        break;
      }
      case 'c': {
        const ref = tag.attributes.r as string | undefined;
        col = ref ? columnOfRef(ref) : col + 1;
        type = (tag.attributes.t as string | undefined) ?? '';
        const s = tag.attributes.s as string | undefined;
        style = s ? Number(s) : 0;
        value = '';
        break;
      }
      case 'v':
        capture = true;
        break;
      case 'col':
        if (onColumnWidth && tag.attributes.width !== undefined) {
          onColumnWidth(Number(tag.attributes.min), Number(tag.attributes.max), Number(tag.attributes.width));
        }
        break;
      case 't':
        capture = phonetic === 0;
        break;
      case 'rPh':
        phonetic++;
        break;
    }
  });
  parser.on('text', (text) => {
    if (capture) value += text;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name.includes(':') ? localName(tag.name) : tag.name) {
      case 'v':
      case 't':
        capture = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        if (!row) break;
        let v: Raw = null;
        if (type === 's') v = shared[Number(value)] ?? null;
        else if (type === 'inlineStr' || type === 'str') v = value;
        else if (type === 'b') v = value === '1';
        else if (type === 'e') v = value;
        else if (type === 'd') v = Number.isNaN(Date.parse(value)) ? value : new Date(value);
        else if (value !== '') {
          const n = Number(value);
          v = styles.date[style] ? excelDate(n, styles.date1904) : n;
        }
        if (v !== null && v !== '') {
          row.cells[col - 1] = v;
          if (styles.percent[style]) row.percent[col - 1] = true;
          if (row.styles && style) row.styles[col - 1] = style;
        }
        break;
      }
      case 'row':
        // Empty cells stay holes in the array: every consumer reads undefined as empty.
        if (row && row.cells.length && !onRow(row)) done = true;
        row = null;
        break;
      case 'sheetData':
        done = true;
        break;
    }
  });
  await feed(parser, await pkg.stream(path), () => done, options.gate);
}
