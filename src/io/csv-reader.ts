// Streaming CSV reader: sniff encoding and delimiter, find the header among the first records,
// then parse record by record into typed rows. Memory stays flat: only the header search window
// is buffered.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';
import { CscheckError } from '../schema/errors.js';
import { HEADER_SEARCH_ROWS, detectHeader, detectValuesHeader } from './header-detect.js';
import type { InputSink } from './input-sink.js';
import type { TableSink } from './row-builder.js';
import { RowBuilder } from './row-builder.js';
import { decodeSample, sniffDelimiter, sniffEncoding } from './text-sniff.js';
import type { TableSummary } from './table-summary.js';

const SAMPLE_BYTES = 64 * 1024;

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

async function readSample(path: string): Promise<{ sample: Buffer; complete: boolean }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    return { sample: buf.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
  } finally {
    await fh.close();
  }
}

interface RecordStream {
  encoding: string;
  delimiter: string;
}

/**
 * Streams the records of a delimited text file to `onRecord` (1-based record number). Errors
 * thrown by `onRecord` stop the stream and reject.
 */
async function streamRecords(
  path: string,
  display: string,
  options: CsvOptions,
  onRecord: (cells: string[], record: number) => void,
): Promise<RecordStream> {
  const { sample, complete } = await readSample(path);
  const { encoding, bom } = sniffEncoding(sample, complete, options.encoding);
  const delimiter = options.delimiter ?? sniffDelimiter(decodeSample(sample, encoding, bom), path.toLowerCase().endsWith('.tsv') ? '\t' : ',');
  const source: Readable =
    encoding === 'utf8'
      ? createReadStream(path, { start: bom })
      : (createReadStream(path, { start: bom }).pipe(iconv.decodeStream(encoding)) as unknown as Readable);
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, cast: false });
  let record = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      reject(err);
    };
    source.on('error', fail);
    parser.on('error', (err: Error & { records?: number }) => {
      const row = (err.records ?? record) + 1;
      fail(new CscheckError('input.csv-syntax', { row, detail: err.message }, { file: display, row }));
    });
    parser.on('data', (cells: string[]) => {
      record++;
      try {
        onRecord(cells, record);
      } catch (err) {
        fail(err);
      }
    });
    parser.on('end', resolve);
    source.pipe(parser);
  });
  return { encoding, delimiter };
}

export async function readCsv(path: string, display: string, sink: TableSink, options: CsvOptions = {}): Promise<TableSummary[]> {
  const head: string[][] = [];
  let builder: RowBuilder | null = null;

  const startTable = () => {
    const header = detectHeader(head, 'community');
    if (!header) throw new CscheckError('input.no-header', { rows: Math.min(head.length, HEADER_SEARCH_ROWS) }, { file: display });
    builder = new RowBuilder(header, { file: display, headerRow: header.lastRow + 1 }, sink);
    for (let i = header.lastRow + 1; i < head.length; i++) take(head[i], i + 1);
    head.length = 0;
  };
  const take = (cells: string[], row: number) => {
    const b = builder!;
    if (cells.length !== b.width && !(cells.length === 1 && cells[0] === '')) {
      // Trailing empty fields are padding, not a shape fault.
      let last = cells.length;
      while (last > b.width && cells[last - 1] === '') last--;
      if (last !== b.width) b.ragged(row, cells.length);
    }
    b.build(cells, row);
  };

  const { encoding, delimiter } = await streamRecords(path, display, options, (cells, record) => {
    if (builder) take(cells, record);
    else {
      head.push(cells);
      if (head.length >= HEADER_SEARCH_ROWS) startTable();
    }
  });
  if (!builder) startTable();
  const b = builder as RowBuilder | null;
  if (!b) throw new CscheckError('input.empty', {}, { file: display });
  if (b.rows === 0) throw new CscheckError('input.no-rows', {}, { file: display });
  return [{ file: display, level: 'community', rows: b.rows, blankRows: b.blankRows, columns: b.presentFields(), encoding, delimiter }];
}

/** A reported-values table (指标 / 数值) in a CSV file. */
export async function readCsvValues(path: string, display: string, sink: InputSink, options: CsvOptions = {}): Promise<TableSummary[]> {
  const records: string[][] = [];
  await streamRecords(path, display, options, (cells) => records.push(cells));
  const header = detectValuesHeader(records);
  if (!header) throw new CscheckError('input.values-header', {}, { file: display });
  let rows = 0;
  for (let i = header.row + 1; i < records.length; i++) {
    const name = (records[i][header.name] ?? '').trim();
    if (!name) continue;
    rows++;
    sink.onReported({
      name,
      raw: records[i][header.value] ?? null,
      percentCell: false,
      location: { file: display, row: i + 1, column: '数值', columnIndex: header.value + 1 },
    });
  }
  return [{ file: display, level: 'values', rows, blankRows: 0, columns: [] }];
}
