// One sheet of a blank template, laid out the way the readers find it again: a title row, the header
// below it (so header detection sees a title line, as in real exports), notes on the header cells,
// the header frozen, and each column's data validation over the rows to be filled.

import type { Alignment, Border, Borders, DataValidation, Fill, Font, Workbook, Worksheet } from 'exceljs';
import stringWidth from 'string-width';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Plan } from '../../schema/plan.js';
import { cutLabel } from '../safe-text.js';
import { cellText, noteText, safeSheetName } from './excel-safe.js';

export interface TemplateColumn {
  header: string;
  /** The header cell's note: what to enter and what uses the column. */
  note?: string;
  validation?: DataValidation;
  /** Keep what is typed as text (codes with leading zeros). */
  text?: boolean;
  /** Long prefilled text (主要内容): a wide, wrapped column. */
  long?: boolean;
  /** The submitter fills this column: its cells over the rows to be filled get the input fill. */
  input?: boolean;
}

/** A prefilled row's cell the plan left blank and the submitter must fill: input fill and a note. */
export interface TemplateBlank {
  /** 0-based index into the prefilled rows. */
  row: number;
  /** 0-based column index. */
  column: number;
  note: string;
}

export interface TemplateSheetSummary {
  name: string;
  columns: number;
  /** Prefilled rows (reported indicators, ledger tasks). */
  rows: number;
}

/** A list validation's formula: the choices in quotes, comma-separated (Excel's inline list). */
export const listFormula = (choices: string[]): string => `"${choices.join(',')}"`;

/** Excel refuses what the reader would refuse, with the same words as the header note. */
export function refusing(rule: Omit<DataValidation, 'allowBlank' | 'showErrorMessage' | 'errorStyle' | 'errorTitle' | 'error'>, hint: MessageId, lang: Lang): DataValidation {
  return { ...rule, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: message('template.invalid', {}, lang), error: message(hint, {}, lang) };
}

/** The plan's name and document number; a plan whose document is its name (a district ledger) once. */
export function planTitle(plan: Plan, lang: Lang): string {
  const name = plan.name[lang];
  return plan.document === plan.name.zh ? name : message('template.plan-title', { plan: name, document: plan.document }, lang);
}

export type TemplateValue = string | number | null;

export interface TemplateSheetSpec {
  name: string;
  title: string;
  columns: TemplateColumn[];
  /** Prefilled rows (the plan's tasks, the reported indicators' names). */
  rows?: TemplateValue[][];
  /** Rows below the header that get validation and formatting (at least the prefilled ones). */
  fillRows: number;
  blanks?: TemplateBlank[];
}

/** The first data row: row 1 is the title, row 2 the header. */
export const FIRST_DATA_ROW = 3;

// Not below 10: a 是/否 dropdown needs the room, and exceljs drops a width of exactly 9 (its default).
const MIN_WIDTH = 10;
const MAX_WIDTH = 22;
const LONG_WIDTH = 60;

const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };
const HEADER_FONT: Partial<Font> = { bold: true };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const HEADER_ALIGNMENT: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };
const HEADER_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const PREFILLED_ALIGNMENT: Partial<Alignment> = { vertical: 'top', wrapText: true };
// Light yellow, the usual "enter here" colour of Chinese reporting forms: the cells the submitter fills.
const INPUT_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

// exceljs 4.4 writes sheet-level validations over a range (`dataValidations.add('C3:C5002', …)`),
// but its typings leave the property out; per-cell validations would create 100 000 empty cells.
type RangeValidations = { dataValidations: { add(range: string, validation: DataValidation): void } };

/** A column wide enough for its header on two lines (CJK characters count double). */
function widthOf(c: TemplateColumn, values: TemplateValue[]): number {
  if (c.long) return LONG_WIDTH;
  // Cut before measuring: no column is wider than MAX_WIDTH, and measuring a long plan text is slow.
  const header = Math.ceil(stringWidth(cutLabel(c.header)) / 2) + 2;
  const longest = values.reduce<number>((w, v) => (v === null ? w : Math.max(w, stringWidth(cutLabel(String(v))) + 2)), 0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header, longest));
}

export function addTemplateSheet(wb: Workbook, spec: TemplateSheetSpec): Worksheet {
  const ws = wb.addWorksheet(safeSheetName(spec.name, wb.worksheets.map((w) => w.name)), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: FIRST_DATA_ROW - 1, topLeftCell: `A${FIRST_DATA_ROW}` }],
  });
  const width = spec.columns.length;
  const rows = spec.rows ?? [];

  if (width > 1) ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = cellText(spec.title);
  title.font = TITLE_FONT;
  title.alignment = { vertical: 'middle' };
  ws.getRow(1).height = 28;

  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widthOf(c, rows.map((r) => r[i] ?? null));
    if (c.text) col.numFmt = '@';
    const cell = ws.getCell(2, i + 1);
    cell.value = c.header;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = HEADER_ALIGNMENT;
    cell.border = HEADER_BORDER;
    if (c.note) cell.note = noteText(c.note);
  });
  ws.getRow(2).height = 45;

  rows.forEach((values, r) => {
    values.forEach((v, i) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(FIRST_DATA_ROW + r, i + 1);
      // Plan text is written as a string cell, never as a formula, whatever it starts with.
      cell.value = typeof v === 'string' ? cellText(v) : v;
      cell.alignment = PREFILLED_ALIGNMENT;
    });
  });

  const last = FIRST_DATA_ROW + Math.max(spec.fillRows, rows.length) - 1;
  spec.columns.forEach((c, i) => {
    if (c.input) for (let row = FIRST_DATA_ROW; row <= last; row++) ws.getCell(row, i + 1).fill = INPUT_FILL;
  });
  for (const b of spec.blanks ?? []) {
    const cell = ws.getCell(FIRST_DATA_ROW + b.row, b.column + 1);
    cell.fill = INPUT_FILL;
    cell.note = noteText(b.note);
  }
  spec.columns.forEach((c, i) => {
    if (!c.validation || last < FIRST_DATA_ROW) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as RangeValidations).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, c.validation);
  });
  return ws;
}
