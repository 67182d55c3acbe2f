// Entry point of the io stage: decide what a path is (CSV-like text, an .xlsx workbook, or one of
// the formats read whole) from its first bytes, and stream it into the sink.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import { localized } from '../schema/messages.js';
import { readCsv, readCsvValues } from './csv-reader.js';
import type { InputSink } from './input-sink.js';
import type { SheetEcho } from './sheet-echo.js';
import type { SpreadsheetFormat } from './sniff-format.js';
import { SNIFF_BYTES, ZIP_TAIL_BYTES, isZip, sniffFormat } from './sniff-format.js';
import type { TableSummary } from './table-summary.js';

export interface ReadOptions {
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  /** Receives every table's rows as the file has them (the annotated workbook). */
  echo?: SheetEcho;
}

// The workbook readers take a while to load; CSV runs never need them.
const xlsx = () => import('./xlsx-reader.js');
const legacy = () => import('./sheetjs-reader.js');

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '']);
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.fods']);

// The first bytes (and a zip's last ones) and a stat, synchronously: through libuv's thread pool
// each call is a round trip that a batch worker, with a thousand small files and nothing else to
// do, spends idle.
function sniff(path: string, size: number): ReturnType<typeof sniffFormat> {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const got = head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0));
    if (!isZip(got)) return sniffFormat(got);
    const tail = Buffer.alloc(Math.min(size, ZIP_TAIL_BYTES));
    return sniffFormat(got, tail.subarray(0, readSync(fd, tail, 0, tail.length, size - tail.length)));
  } finally {
    closeSync(fd);
  }
}

/**
 * What an input holds, from its content: a workbook format wherever its bytes say so, whatever the
 * name (a web system's “.xls” that is an HTML table is read as one); other content by its name.
 * CscheckError for what cannot be read.
 */
export function inputFormat(path: string, display = path): 'csv' | SpreadsheetFormat {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Node decodes arguments as UTF-8: a GBK name arrives with U+FFFD for its bytes and cannot be found.
    if (code === 'ENOENT' && display.includes('\uFFFD')) throw new CscheckError('input.name-not-utf8', {}, { file: display });
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CscheckError('input.not-found', { file: display }, { file: display });
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display });
  }
  if (st.isDirectory()) throw new CscheckError('input.is-directory', { file: display }, { file: display });
  if (st.size === 0) throw new CscheckError('input.empty', {}, { file: display });
  const format = sniff(path, st.size);
  const ext = extname(path).toLowerCase();
  if (format !== 'text' && format !== 'binary') return format;
  if (TEXT_EXTENSIONS.has(ext)) return 'csv';
  // As Excel does: text saved as .xls opens (web systems export CSV so), text as .xlsx does not.
  if ((ext === '.xls' || ext === '.et') && format === 'text') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') throw new CscheckError('input.not-zip', {}, { file: display });
  if (WORKBOOK_EXTENSIONS.has(ext)) throw new CscheckError('input.legacy-damaged', { detail: localized('input.legacy-unknown') }, { file: display });
  throw new CscheckError('input.unsupported-type', { ext }, { file: display });
}

/** CSV-like text or a workbook (of any format). */
export function inputKind(path: string, display = path): 'csv' | 'xlsx' {
  return inputFormat(path, display) === 'csv' ? 'csv' : 'xlsx';
}

/** Streams a survey file (CSV or a workbook) into the sink; returns what each table held. */
export async function readInput(path: string, sink: InputSink, options: ReadOptions = {}, display = path): Promise<TableSummary[]> {
  const format = inputFormat(path, display);
  const workbook = { sheet: options.sheet, echo: options.echo };
  try {
    if (format === 'csv') return await readCsv(path, display, sink, options);
    if (format === 'xlsx') return await (await xlsx()).readXlsx(path, display, sink, workbook);
    return await (await legacy()).readLegacy(path, display, format, sink, workbook);
  } catch (err) {
    throw located(err, display);
  }
}

/** Every input error names its file, whichever stage raised it. */
export function located(err: unknown, display: string): CscheckError {
  if (err instanceof CscheckError) return err.location.file ? err : new CscheckError(err.messageId, err.args, { ...err.location, file: display }, { cause: err.cause });
  return new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display }, { cause: err });
}

/** Reads a reported-values file (--values): a table with the columns 指标 and 数值. */
export async function readValues(path: string, sink: InputSink, options: ReadOptions = {}, display = path): Promise<TableSummary[]> {
  const format = inputFormat(path, display);
  try {
    if (format === 'csv') return await readCsvValues(path, display, sink, options);
    if (format === 'xlsx') return await (await xlsx()).readXlsx(path, display, sink, { valuesOnly: true });
    return await (await legacy()).readLegacy(path, display, format, sink, { valuesOnly: true });
  } catch (err) {
    throw located(err, display);
  }
}
