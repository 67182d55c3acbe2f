// Reading a task ledger (任务清单及工作台账, data contract §2) as an analyst receives it: title rows,
// the header found below them, blank 工作任务/具体项目 cells meaning “same as above” (merged in the
// XLSX), several units to a cell, a note written into a unit cell, deadlines as 持续实施 or a year
// or a date, and in submitted ledgers the progress columns. Ledgers are small: read whole.

import { extname } from 'node:path';
import { LEDGER_FIELDS } from '../schema/contract.js';
import { isCalendarDate } from '../schema/dates.js';
import { CscheckError } from '../schema/errors.js';
import { LIMITS, limitArgs } from '../schema/limits.js';
import { finding } from '../rules/checks/check.js';
import { cellType } from '../rules/checks/data-cells.js';
import type { Finding, Location } from '../schema/finding.js';
import { columnLetter } from '../schema/finding.js';
import { readCsvTable } from './csv-reader.js';
import { detectColumns } from './header-detect.js';
import { inputFormat, located } from './read-input.js';
import type { Raw } from './values.js';
import { expected, INVALID, parsePercent } from './values.js';

export type Deadline =
  | { kind: 'ongoing' }
  | { kind: 'date'; date: string; year: number }
  | { kind: 'blank' }
  | { kind: 'invalid' };

export type Status = '已完成' | '推进中' | '未启动' | '滞后';

export interface LedgerRow {
  row: number;
  no: string | null;
  section: string | null;
  project: string | null;
  content: string | null;
  unitsText: string | null;
  /** Unit names as written, in order. */
  units: string[];
  /** Lines of the unit cell that are sentences, not units (“以下均需各乡镇（街道）落实，不再列出。”). */
  notes: string[];
  /** Empty items between separators (“区民政局、、区妇联”), as written around them. */
  unitSlips: string[];
  deadlineText: string | null;
  deadline: Deadline;
  status: Status | null;
  progress: number | null;
  progressNote: string | null;
  evidence: string | null;
}

export interface Ledger {
  file: string;
  sheet?: string;
  headerRow: number;
  /** Field ids of the columns present. */
  columns: string[];
  /** Where each field's column is: 0-based index and header text. */
  columnOf: Record<string, { index: number; header: string }>;
  rows: LedgerRow[];
  /** Empty rows between the header and the last row, skipped. */
  emptyRows: number[];
  /** Rows repeating the header (at a page break), skipped. */
  repeatedHeaders: number[];
  /** Heading rows (一、… / （一）…) that name sections and projects in place of those columns. */
  headingRows: number[];
  /** Cells that could not be read (a deadline, a status, a progress figure). */
  findings: Finding[];
}

const ONGOING = new Set(['持续实施', '持续推进', '长期', '长期坚持', '常态化', '持续']);
const STATUS: Record<string, Status> = {
  已完成: '已完成', 完成: '已完成', 已经完成: '已完成',
  推进中: '推进中', 进行中: '推进中', 正在推进: '推进中', 正在实施: '推进中',
  未启动: '未启动', 未开始: '未启动', 尚未启动: '未启动',
  滞后: '滞后', 进度滞后: '滞后',
};

const text = (v: Raw): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === '' ? null : s;
};


const endOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

export function parseDeadline(raw: Raw): Deadline {
  if (raw instanceof Date) return { kind: 'date', date: raw.toISOString().slice(0, 10), year: raw.getUTCFullYear() };
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 1990 && raw < 2100 ? { kind: 'date', date: `${raw}-12-31`, year: raw } : { kind: 'invalid' };
  const s = text(raw)?.normalize('NFKC').replace(/\s+/g, '').replace(/前$/, '');
  if (!s) return { kind: 'blank' };
  if (ONGOING.has(s)) return { kind: 'ongoing' };
  let m = /^(\d{4})年?(?:底|末|年底|年末)?$/.exec(s);
  if (m) return { kind: 'date', date: `${m[1]}-12-31`, year: Number(m[1]) };
  m = /^(\d{4})[年\-/.](\d{1,2})月?(?:底|末)?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'date', date: endOfMonth(Number(m[1]), Number(m[2])), year: Number(m[1]) };
  m = /^(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?$/.exec(s);
  if (m) {
    const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (isCalendarDate(date)) return { kind: 'date', date, year: Number(m[1]) };
  }
  return { kind: 'invalid' };
}

const SEPARATOR_CHAR = /[、，,；;\s]/;
// Two separators in a row, or one at either end of a line, is a typing slip.
const SLIP = /[、，,；;]\s*[、，,；;]|^[、，,；;]|[、，,；;]$/;
const SECTION_HEADING = /^[一二三四五六七八九十]+、/;
const PROJECT_HEADING = /^[（(][一二三四五六七八九十]+[)）]/;
const ROLE = /[（(](?:牵头|配合|负责|主责|协办|参与)[)）]$/;
// A line that reads as a sentence, not a unit name.
const NOTE = /。$|^以下|不再列出|按职责分工|负责落实/;

/** A unit cell: one unit per line or per separator; a line that reads as a sentence is a note. */
/** Splits a line of units at its separators, except inside brackets: 各县（市、区）人民政府 is one unit. */
function splitOutsideBrackets(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of line) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && SEPARATOR_CHAR.test(ch)) {
      if (current) parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

export function parseUnits(cell: string | null): { units: string[]; notes: string[]; slips: string[] } {
  const units: string[] = [];
  const notes: string[] = [];
  const slips: string[] = [];
  for (const raw of cell?.split(/\r?\n/) ?? []) {
    const line = raw.trim();
    if (!line) continue;
    if (NOTE.test(line)) notes.push(line);
    else {
      if (SLIP.test(line)) slips.push(line);
      // A role in brackets after a unit (区民政局（牵头）) is not part of its name.
      for (const part of splitOutsideBrackets(line)) {
        const unit = part.replace(ROLE, '');
        if (unit) units.push(unit);
      }
    }
  }
  return { units, notes, slips };
}

function cellLocation(ledger: Pick<Ledger, 'file' | 'sheet' | 'columnOf'>, row: number, field: string): Location {
  const col = ledger.columnOf[field];
  return { file: ledger.file, sheet: ledger.sheet, row, column: col?.header, columnIndex: col ? col.index + 1 : undefined, cell: col ? `${columnLetter(col.index + 1)}${row}` : undefined };
}

/** Reads a ledger file (CSV or a workbook, the first sheet or `sheet`). */
export async function readLedger(path: string, options: { sheet?: string; encoding?: string } = {}, display = path): Promise<Ledger> {
  const format = inputFormat(path, display);
  let rows: { row: number; cells: Raw[]; percent?: boolean[] }[];
  let sheet: string | undefined;
  try {
    if (format !== 'csv') {
      const table = format === 'xlsx' ? await (await import('./xlsx-reader.js')).readXlsxTable(path, display, options.sheet) : await (await import('./sheetjs-reader.js')).readLegacyTable(path, display, format, options.sheet);
      sheet = table.sheet;
      rows = table.rows;
    } else {
      rows = (await readCsvTable(path, display, { encoding: options.encoding, delimiter: extname(path).toLowerCase() === '.tsv' ? '\t' : undefined })).map((cells, i) => ({ row: i + 1, cells }));
    }
  } catch (err) {
    throw located(err, display);
  }
  const header = detectColumns(
    rows.map((r) => r.cells),
    LEDGER_FIELDS,
    'content',
  );
  if (!header) throw new CscheckError('ledger.no-header', { rows: Math.min(rows.length, 30) }, { file: display, sheet });
  const columnOf: Ledger['columnOf'] = {};
  for (const c of header.columns) if (c.field >= 0 && !columnOf[LEDGER_FIELDS[c.field].id]) columnOf[LEDGER_FIELDS[c.field].id] = { index: c.index, header: c.header };
  const ledger: Ledger = {
    file: display,
    sheet,
    headerRow: rows[header.lastRow].row,
    columns: Object.keys(columnOf),
    columnOf,
    rows: [],
    emptyRows: [],
    repeatedHeaders: [],
    headingRows: [],
    findings: [],
  };
  const get = (cells: Raw[], field: string): Raw => (columnOf[field] ? cells[columnOf[field].index] : null);
  const headerTexts = header.columns.map((c) => c.header);
  let section: string | null = null;
  let project: string | null = null;

  for (const r of rows.slice(header.lastRow + 1)) {
    const cells = r.cells;
    if (cells.every((c) => text(c) === null)) {
      ledger.emptyRows.push(r.row);
      continue;
    }
    if (cells.every((c, i) => text(c) === null || text(c) === headerTexts[i])) {
      ledger.repeatedHeaders.push(r.row);
      continue;
    }
    // A heading row (“一、完善城乡社区服务格局” merged across the table, or alone in its first
    // cell) starts a section or a project instead of being a task.
    const distinct = [...new Set(cells.map(text).filter((t): t is string => t !== null))];
    if (distinct.length === 1 && SECTION_HEADING.test(distinct[0])) {
      section = distinct[0];
      project = null;
      ledger.headingRows.push(r.row);
      continue;
    }
    if (distinct.length === 1 && PROJECT_HEADING.test(distinct[0])) {
      project = distinct[0];
      ledger.headingRows.push(r.row);
      continue;
    }
    // Blank 工作任务/具体项目 cells carry the value above (merged or left blank in the export).
    section = text(get(cells, 'section')) ?? section;
    const ownProject = text(get(cells, 'project'));
    if (text(get(cells, 'section')) !== null && ownProject === null && columnOf.project) project = null;
    project = ownProject ?? project;
    const unitsText = text(get(cells, 'units'));
    const { units, notes, slips } = parseUnits(unitsText);
    // Thousands of names in one cell is no list of responsible units but a damaged or hostile file.
    if (units.length > LIMITS.unitsPerCell) throw new CscheckError('input.limit', limitArgs('unitsPerCell', units.length), cellLocation(ledger, r.row, 'units'));
    const deadlineRaw = get(cells, 'deadline');
    const deadline = parseDeadline(deadlineRaw);
    if (deadline.kind === 'invalid') ledger.findings.push(cellError(ledger, r.row, 'deadline', deadlineRaw, expected('expected.deadline')));
    const statusText = text(get(cells, 'status'));
    const statusKey = statusText?.replace(/\s+/g, '');
    // Own keys only: a cell reading “constructor” is no status, not Object's constructor.
    const status = statusKey && Object.hasOwn(STATUS, statusKey) ? STATUS[statusKey] : null;
    if (statusText && !status) ledger.findings.push(cellError(ledger, r.row, 'status', statusText, expected('expected.status')));
    const progressRaw = get(cells, 'progress');
    const col = columnOf.progress?.index;
    let progress = progressRaw === null || progressRaw === undefined ? null : parsePercent(progressRaw, col !== undefined && (r.percent?.[col] ?? false));
    if (progress === INVALID || (typeof progress === 'number' && (progress < 0 || progress > 100))) {
      ledger.findings.push(cellError(ledger, r.row, 'progress', progressRaw, expected('expected.progress')));
      progress = null;
    }
    ledger.rows.push({
      row: r.row,
      no: text(get(cells, 'no')),
      section,
      project,
      content: text(get(cells, 'content')),
      unitsText,
      units,
      notes,
      unitSlips: slips,
      deadlineText: text(deadlineRaw),
      deadline,
      status,
      progress: progress as number | null,
      progressNote: text(get(cells, 'progress_note')),
      evidence: text(get(cells, 'evidence')),
    });
  }
  // Trailing empty rows are the sheet's end, not a gap in the table.
  const last = ledger.rows.at(-1)?.row ?? 0;
  ledger.emptyRows = ledger.emptyRows.filter((r) => r < last);
  return ledger;
}

function cellError(ledger: Ledger, row: number, field: string, value: Raw, expected: { zh: string; en: string }): Finding {
  return finding(cellType, {
    location: cellLocation(ledger, row, field),
    messageId: 'data.cell-type',
    args: { value: String(value), expected, field },
  });
}

export { cellLocation as ledgerCell };
