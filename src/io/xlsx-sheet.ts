// Streams one worksheet's rows (SpreadsheetML <sheetData>) with the scanner of xlsx-scan.ts: each row becomes an array
// of plain cell values — shared and inline strings resolved, numbers as numbers, booleans, error
// codes as text, formula results in place of formulas — plus which cells are percent-formatted.

import { columnLetter } from '../schema/finding.js';
import type { Location } from '../schema/finding.js';
import { LIMITS } from '../schema/limits.js';
import type { Raw } from './values.js';
import type { CellStyles, SheetPart, XlsxPackage } from './xlsx-package.js';
import { MAX_COL, MAX_ROW, PENDING_TEXT_FACTOR, damaged, scan, tooLong } from './xlsx-package.js';
import { XmlScanner, attrOf } from './xlsx-scan.js';

export interface SheetRow {
  /** 1-based row number. */
  row: number;
  /** 0-based by column; empty cells are undefined or null. */
  cells: Raw[];
  percent: boolean[];
  /** Each cell's style index, when asked for (keepStyles). */
  styles?: number[];
  /** The rightmost column of any cell (even an empty one) in this row and the rows above it. */
  width: number;
}

export interface StreamSheetOptions {
  /** May hold the next chunk of XML back (see feed). */
  gate?: () => Promise<void> | undefined;
  /** Keep each cell's style index in `styles` (to write the cell back with its number format). */
  keepStyles?: boolean;
  /** The sheet's column widths (<col min max width>), 1-based columns, in characters. */
  onColumnWidth?: (min: number, max: number, width: number) => void;
}

/**
 * The column of a cell's `r` (`AB12` in row 12 → 28), or 0 when it is no cell of this row: letters
 * past XFD, no letters, or a row part that is not the row's own number (A0, B-5 in row 5).
 */
function cellColumn(ref: string, rowText: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i > 0 && col <= MAX_COL && ref.length - i === rowText.length && ref.endsWith(rowText) ? col : 0;
}

const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;

/** The date an Excel serial number stands for. */
export function excelDate(serial: number, date1904 = false): Date {
  // Serial 25569 is 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer.
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000));
}

/** Calls `onRow` for each row with cells; `onRow` returns false to stop reading the sheet. */
export async function streamSheet(
  pkg: XlsxPackage,
  part: SheetPart,
  shared: string[],
  styles: CellStyles,
  onRow: (row: SheetRow) => boolean,
  options: StreamSheetOptions = {},
): Promise<void> {
  const { keepStyles = false, onColumnWidth } = options;
  const sheet = part.name;
  const file = pkg.display;
  const maxChars = LIMITS.cellChars;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let rowText = '';
  let maxCol = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let value = '';
  let phonetic = 0;
  let done = false;
  const here = (): Location => (row && col ? { file, sheet, row: row.row, cell: `${columnLetter(col)}${row.row}` } : { file, sheet });

  const scanner: XmlScanner = new XmlScanner(
    {
      open(name, attrs) {
        switch (name) {
          case 'row': {
            const r = attrOf(attrs, 'r');
            if (r !== undefined && !(ROW_NUMBER.test(r) && Number(r) <= MAX_ROW)) throw damaged({ file, sheet }, 'xlsx.row-ref', { ref: clip(r) });
            lastRow = r ? Number(r) : lastRow + 1;
            if (lastRow > MAX_ROW) throw damaged({ file, sheet }, 'xlsx.row-ref', { ref: lastRow });
            rowText = r ?? String(lastRow);
            row = keepStyles ? { row: lastRow, cells: [], percent: [], styles: [], width: 0 } : { row: lastRow, cells: [], percent: [], width: 0 };
            col = 0;
            break;
          }
          case 'c': {
            const ref = attrOf(attrs, 'r');
            if (ref === undefined) {
              if (++col > MAX_COL) throw damaged({ file, sheet, row: lastRow }, 'xlsx.cell-ref', { ref: `${col}`, row: lastRow });
            } else if (!(col = cellColumn(ref, rowText)) && row) throw damaged({ file, sheet, row: lastRow }, 'xlsx.cell-ref', { ref: clip(ref), row: lastRow });
            if (col > maxCol) maxCol = col;
            type = attrOf(attrs, 't') ?? '';
            const st = attrOf(attrs, 's');
            style = st ? Number(st) : 0;
            value = '';
            break;
          }
          case 'v':
            scanner.capture = true;
            break;
          case 'col': {
            const width = onColumnWidth && attrOf(attrs, 'width');
            if (onColumnWidth && width !== undefined) onColumnWidth(Number(attrOf(attrs, 'min')), Number(attrOf(attrs, 'max')), Number(width));
            break;
          }
          case 't':
            scanner.capture = phonetic === 0;
            break;
          case 'rPh':
            phonetic++;
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            if (scanner.capture) {
              value += scanner.take();
              if (value.length > maxChars) tooLong(value.length, here());
            }
            scanner.capture = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (row) cellDone(row);
            break;
          case 'row':
            // Empty cells stay holes in the array: every consumer reads undefined as empty.
            if (row) row.width = maxCol;
            if (row && row.cells.length && !onRow(row)) done = true;
            row = null;
            break;
          case 'sheetData':
            done = true;
            break;
        }
      },
    },
    PENDING_TEXT_FACTOR * maxChars,
    (length) => tooLong(length, here()),
  );

  const cellDone = (r: SheetRow) => {
    let v: Raw = null;
    if (type === 's') {
      if (value !== '') {
        const i = Number(value);
        const text = shared[i];
        if (text === undefined || !Number.isInteger(i)) throw damaged(here(), 'xlsx.shared-index', { index: clip(value), count: shared.length });
        if (text.length > maxChars) tooLong(pkg.longStrings.get(i) ?? text.length, here());
        v = text;
      }
    }
    else if (type === 'inlineStr' || type === 'str') v = value;
    else if (type === 'b') v = value === '1';
    else if (type === 'e') v = value;
    else if (type === 'd') v = Number.isNaN(Date.parse(value)) ? value : new Date(value);
    else if (value !== '') {
      const n = Number(value);
      v = styles.date[style] ? excelDate(n, styles.date1904) : n;
    }
    if (v !== null && v !== '') {
      r.cells[col - 1] = v;
      if (styles.percent[style]) r.percent[col - 1] = true;
      if (r.styles && style) r.styles[col - 1] = style;
    }
  };
  await scan(scanner, await pkg.stream(part.path, true, sheet), () => done, options.gate);
}

/** A value from a damaged file as an error quotes it: at most 40 characters. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
