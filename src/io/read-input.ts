// Entry point of the io stage: decide what a path is (CSV-like text or an XLSX workbook) from its
// name and its first bytes, and stream it into the sink.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import { readCsv, readCsvValues } from './csv-reader.js';
import type { InputSink } from './input-sink.js';
import type { SheetEcho } from './sheet-echo.js';
import type { TableSummary } from './table-summary.js';

export interface ReadOptions {
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  /** Receives every table's rows as the file has them (the annotated workbook). */
  echo?: SheetEcho;
}

// exceljs takes a while to load; CSV runs never need it.
const xlsx = () => import('./xlsx-reader.js');

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

// Eight bytes and a stat, synchronously: through libuv's thread pool each call is a round trip that
// a batch worker, with a thousand small files and nothing else to do, spends idle.
function magic(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    return buf.subarray(0, readSync(fd, buf, 0, 8, 0));
  } finally {
    closeSync(fd);
  }
}

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** What an input path holds, from its name and first bytes; CscheckError for what cannot be read. */
export async function inputKind(path: string, display = path): Promise<'csv' | 'xlsx'> {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CscheckError('input.not-found', { file: display }, { file: display });
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display });
  }
  if (st.isDirectory()) throw new CscheckError('input.is-directory', { file: display }, { file: display });
  if (st.size === 0) throw new CscheckError('input.empty', {}, { file: display });
  const head = magic(path);
  const ext = extname(path).toLowerCase();
  if (startsWith(head, OLE)) throw new CscheckError('input.legacy-xls', {}, { file: display });
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') {
    if (!startsWith(head, ZIP)) throw new CscheckError(ext === '.xls' ? 'input.legacy-xls' : 'input.not-zip', {}, { file: display });
    return 'xlsx';
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '') {
    if (startsWith(head, ZIP)) throw new CscheckError('input.binary', {}, { file: display });
    return 'csv';
  }
  throw new CscheckError('input.unsupported-type', { ext }, { file: display });
}

/** Streams a survey file (CSV or XLSX) into the sink; returns what each table held. */
export async function readInput(path: string, sink: InputSink, options: ReadOptions = {}, display = path): Promise<TableSummary[]> {
  const kind = await inputKind(path, display);
  try {
    return kind === 'xlsx' ? await (await xlsx()).readXlsx(path, display, sink, { sheet: options.sheet, echo: options.echo }) : await readCsv(path, display, sink, options);
  } catch (err) {
    throw located(err, display);
  }
}

/** Every input error names its file, whichever stage raised it. */
function located(err: unknown, display: string): CscheckError {
  if (err instanceof CscheckError) return err.location.file ? err : new CscheckError(err.messageId, err.args, { ...err.location, file: display }, { cause: err.cause });
  return new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display }, { cause: err });
}

/** Reads a reported-values file (--values): a table with the columns 指标 and 数值. */
export async function readValues(path: string, sink: InputSink, options: ReadOptions = {}, display = path): Promise<TableSummary[]> {
  const kind = await inputKind(path, display);
  try {
    return kind === 'xlsx' ? await (await xlsx()).readXlsx(path, display, sink, { valuesOnly: true }) : await readCsvValues(path, display, sink, options);
  } catch (err) {
    throw located(err, display);
  }
}
