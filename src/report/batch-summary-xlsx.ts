// summary.xlsx of `cscheck batch`: sheet 明细 with one row per file × indicator (numbers as
// numbers, so a pivot table or a filter works on it straight away) and sheet 文件 with each file's
// status, counts and, for a file that could not be read, why. Headers frozen and filtered.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { BatchSummary } from '../schema/batch.js';
import type { MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import type { Comparison } from '../schema/plan.js';
import type { Status } from '../schema/results.js';
import { localize } from './formats/ci-common.js';
import { cellText, safeSheetName } from './workbook/excel-safe.js';

/** The target stays a number; its comparison is shown by the number format (≥60). */
const TARGET_FORMAT: Record<Comparison, string> = { '>=': '"≥"General', '>': '">"General', '<=': '"≤"General', '<': '"<"General', '=': '"="General' };
const DECIMALS = '0.0#';

interface Column {
  label: MessageId;
  width: number;
  numFmt?: string;
}

const DETAIL_COLUMNS: Column[] = [
  { label: 'batch.col.file', width: 36 },
  { label: 'batch.col.area', width: 12 },
  { label: 'batch.col.indicator-id', width: 30 },
  { label: 'label.indicator', width: 40 },
  { label: 'label.attribute', width: 8 },
  { label: 'batch.col.unit', width: 10 },
  { label: 'label.target', width: 8 },
  { label: 'label.value', width: 10, numFmt: DECIMALS },
  { label: 'label.gap', width: 10, numFmt: DECIMALS },
  { label: 'label.status', width: 8 },
  { label: 'batch.col.with-data', width: 8 },
  { label: 'batch.col.in-scope', width: 8 },
  { label: 'batch.col.rows', width: 8 },
];

const FILE_COLUMNS: Column[] = [
  { label: 'batch.col.file', width: 36 },
  { label: 'batch.col.area', width: 12 },
  { label: 'label.status', width: 10 },
  { label: 'batch.col.exit-code', width: 8 },
  { label: 'batch.col.rows', width: 8 },
  { label: 'batch.col.townships', width: 8 },
  { label: 'label.met', width: 8 },
  { label: 'label.not-met', width: 8 },
  { label: 'label.no-data', width: 8 },
  { label: 'batch.col.errors', width: 8 },
  { label: 'batch.col.warnings', width: 8 },
  { label: 'batch.col.infos', width: 8 },
  { label: 'batch.col.report', width: 36 },
  { label: 'batch.col.reason', width: 60 },
];

/** A sheet with its header row, frozen and filtered over `rows` data rows (known before they are written). */
function addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[], rows: number, s: BatchSummary, taken: string[]): Worksheet {
  const ws = wb.addWorksheet(safeSheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  taken.push(ws.name);
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows, column: columns.length } };
  const head = ws.addRow(columns.map((c) => message(c.label, {}, s.lang)));
  head.font = { bold: true };
  head.commit();
  return ws;
}

/**
 * The workbook's bytes. Written by exceljs' streaming writer, row by row: 1,000 files × 27
 * indicators are 27,000 rows, which the in-memory workbook holds at several hundred megabytes.
 */
export async function batchSummaryWorkbook(s: BatchSummary): Promise<Buffer> {
  const L = (id: MessageId) => message(id, {}, s.lang);
  const status = (st: Status) => L(`label.${st}`);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = `cscheck ${s.tool.version}`;
  const taken: string[] = [];

  const heads = new Map(s.indicators.map((ind) => [ind.id, ind]));
  const detailRows = s.files.reduce((n, f) => n + f.indicators.filter((v) => heads.has(v.id)).length, 0);
  const details = addTable(wb, L('batch.sheet.details'), DETAIL_COLUMNS, detailRows, s, taken);
  for (const f of s.files) {
    for (const v of f.indicators) {
      const ind = heads.get(v.id);
      if (!ind) continue;
      const row = details.addRow([
        cellText(f.input),
        cellText(f.area),
        v.id,
        cellText(localize(ind.name, s.lang)),
        L(`label.${ind.attribute}`),
        ind.unit,
        ind.target.value,
        v.value,
        v.gap,
        status(v.status),
        v.withData,
        v.inScope,
        f.rows,
      ]);
      row.getCell(7).numFmt = TARGET_FORMAT[ind.target.op];
      row.commit();
    }
  }
  details.commit();

  const files = addTable(wb, L('batch.sheet.files'), FILE_COLUMNS, s.files.length, s, taken);
  for (const f of s.files) {
    const n = (st: Status) => f.indicators.filter((v) => v.status === st).length;
    const ok = f.status === 'ok';
    files
      .addRow([
        cellText(f.input),
        cellText(f.area),
        L(f.exitCode === 0 ? 'batch.status.passed' : f.exitCode === 1 ? 'batch.status.findings' : 'batch.status.failed'),
        f.exitCode,
        ok ? f.rows : null,
        ok ? f.townships : null,
        ok ? n('met') : null,
        ok ? n('not-met') : null,
        ok ? n('no-data') : null,
        ok ? f.findings.error : null,
        ok ? f.findings.warning : null,
        ok ? f.findings.info : null,
        f.reports.json ?? null,
        f.error ? cellText(f.error.text) : null,
      ])
      .commit();
  }
  files.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
