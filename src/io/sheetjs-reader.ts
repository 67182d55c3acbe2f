// Workbooks read whole through SheetJS (@e965/xlsx): Excel 97-2003 .xls (BIFF8, also BIFF5) and WPS
// .et, LibreOffice .ods, and the HTML tables and XML Spreadsheet 2003 files web systems save as
// “.xls”. Each becomes a WorkbookSource, so header detection, row building, merged cells and the
// annotated workbook are the streamed .xlsx reader's own code.

import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import yauzl from 'yauzl';
import type { CellObject, Range, WorkBook } from '@e965/xlsx';
import { CscheckError } from '../schema/errors.js';
import { LIMITS, limitArgs } from '../schema/limits.js';
import { localized } from '../schema/messages.js';
import type { InputSink } from './input-sink.js';
import type { SpreadsheetFormat } from './sniff-format.js';
import { decodeMarkup } from './sniff-format.js';
import type { TableSummary } from './table-summary.js';
import type { Raw } from './values.js';
import type { WorkbookSource } from './workbook-source.js';
import type { XlsxOptions } from './xlsx-reader.js';
import type { MergeRange } from './xlsx-package.js';
import type { SheetRow } from './xlsx-sheet.js';
import { excelDate } from './xlsx-sheet.js';

export type LegacyFormat = Exclude<SpreadsheetFormat, 'xlsx'>;

// SheetJS is large; only a run that meets one of these files loads it.
const sheetjs = () => import('@e965/xlsx');
/** The part of SheetJS's bundled compound-file reader used here (its typings declare `CFB` as `any`). */
interface Cfb {
  read(data: Buffer, options: { type: 'buffer' }): { FullPaths: string[] };
}

/** Rows handed on between looks at the gate (the echo's back-pressure, the merge wait). */
const GATE_ROWS = 256;

/** A number format's kind, by the .xlsx reader's rule: `%` outside quotes and brackets, or date letters. */
function formatKind(code: string | undefined): 'percent' | 'date' | null {
  if (!code || code === 'General') return null;
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (bare.includes('%')) return 'percent';
  return /[ymdhs]/i.test(bare) ? 'date' : null;
}

/**
 * The table cells spanning more than one row or column, tag by tag: one pass, where a single
 * regular expression over the page would backtrack across every unclosed tag.
 */
function countSpans(html: string): number {
  let spans = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const end = html.indexOf('>', at);
    if (end < 0) break;
    const tag = html.slice(at, end);
    if (/^<t[dh]\b/i.test(tag) && /\b(?:rowspan|colspan)\s*=\s*["']?0*(?:[2-9]|[1-9]\d)/i.test(tag)) spans++;
    at = end;
  }
  return spans;
}

const ENCRYPTED = /(?:^|\/)(?:EncryptionInfo|EncryptedPackage)$/;

/**
 * Inflates every entry of an .ods once, counting, before SheetJS inflates them all in memory with
 * no bound: an entry over the part limit or the ratio limit stops here (yauzl also refuses an entry
 * larger than its header says), and so do entries that add up to more than SheetJS can parse within
 * the memory budget (it holds several times the XML it reads).
 */
async function checkZip(path: string, display: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.uncompressedSize > LIMITS.xlsxPartBytes) return reject(new CscheckError('input.limit', limitArgs('xlsxPartBytes', entry.uncompressedSize), { file: display }));
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          let bytes = 0;
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            total += chunk.length;
            if (total > LIMITS.wholeFileInflatedBytes) {
              stream.destroy();
              reject(new CscheckError('input.limit', limitArgs('wholeFileInflatedBytes'), { file: display }));
            }
            const ratio = Math.floor(bytes / Math.max(1, entry.compressedSize));
            if (bytes > 1024 * 1024 && ratio > LIMITS.xlsxRatio) {
              stream.destroy();
              reject(new CscheckError('input.limit', limitArgs('xlsxRatio', ratio), { file: display }));
            }
          });
          stream.on('error', reject);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** Opens a whole-file workbook, refusing one over the size limit before reading a byte of it. */
async function openWorkbook(path: string, display: string, format: LegacyFormat): Promise<WorkBook> {
  const size = statSync(path).size;
  if (size > LIMITS.wholeFileBytes) throw new CscheckError('input.limit', limitArgs('wholeFileBytes', size), { file: display });
  const XLSX = await sheetjs();
  if (format === 'ods') await checkZip(path, display);
  const bytes = readFileSync(path);
  if (format === 'xls' && (XLSX.CFB as Cfb).read(bytes, { type: 'buffer' }).FullPaths.some((p) => ENCRYPTED.test(p))) {
    // A password-protected .xlsx is a compound file holding the encrypted package.
    throw new CscheckError('input.legacy-xls', {}, { file: display });
  }
  const options = {
    dense: true,
    cellNF: true,
    cellDates: false,
    cellHTML: false,
    cellFormula: false,
    cellStyles: false,
    // Past the row limit SheetJS stops reading; one row more says the limit was passed.
    sheetRows: LIMITS.rows + 1,
    // An HTML table's cells are text as the page shows them (“007”, “59.2%”): the contract reads them.
    raw: format === 'html',
  };
  if (format === 'xml2003' || format === 'fods') return XLSX.read(decodeMarkup(bytes), { ...options, type: 'string' });
  // SheetJS drops a <br> with attributes, and Excel's HTML writes each line break in a cell as
  // <br style='mso-data-placement:same-cell'>: plain, it becomes the line break it is.
  if (format === 'html') {
    const html = decodeMarkup(bytes);
    // SheetJS looks up every earlier merged cell for each cell of an HTML table: its time grows
    // with cells × spans, so the spans are counted first.
    const spans = countSpans(html);
    if (spans > LIMITS.htmlSpans) throw new CscheckError('input.limit', limitArgs('htmlSpans', spans), { file: display });
    return XLSX.read(html.replace(/<br\b[^<>]{0,1000}>/gi, '<br>'), { ...options, type: 'string' });
  }
  return XLSX.read(bytes, { ...options, type: 'buffer' });
}

/** A dense-mode sheet's rows; SheetJS leaves holes for empty rows and cells. */
// The keys read here, typed (WorkSheet's `any` index signature would make every cell and range `any`).
interface DenseSheet {
  '!data'?: (CellObject | undefined)[][];
  '!merges'?: Range[];
}

/** The SheetJS workbook as the table reader's source: cells as the .xlsx reader gives them. */
function source(wb: WorkBook, display: string, names: string[]): WorkbookSource {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  // Style indices for the echo: one per distinct number format, 0 = General.
  const formats: (string | undefined)[] = [undefined];
  const formatIndex = new Map<string, number>();
  const sheets = wb.SheetNames.map((sheetName, i) => ({ name: names[i], id: sheetName }));
  const sheet = (id: string) => wb.Sheets[id] as unknown as DenseSheet;

  const bounds = (ws: DenseSheet, name: string) => {
    const data = ws['!data'] ?? [];
    let columns = 0;
    for (const row of data) if (row && row.length > columns) columns = row.length;
    if (data.length > LIMITS.rows) throw new CscheckError('input.limit', limitArgs('rows', data.length), { file: display, sheet: name });
    if (columns > LIMITS.columns) throw new CscheckError('input.limit', limitArgs('columns', columns), { file: display, sheet: name });
    return { rows: data.length, columns };
  };

  const value = (c: CellObject, row: SheetRow, col: number): void => {
    let v: Raw;
    let kind: 'percent' | 'date' | null = null;
    switch (c.t) {
      case 's':
        v = c.v === undefined ? null : String(c.v);
        break;
      case 'n':
        kind = formatKind(c.z as string | undefined);
        v = typeof c.v === 'number' && kind === 'date' ? excelDate(c.v, date1904) : c.v;
        break;
      case 'b':
        v = Boolean(c.v);
        break;
      case 'e':
        v = c.w ?? '#N/A';
        break;
      case 'd':
        v = c.v instanceof Date ? c.v : new Date(String(c.v));
        break;
      default:
        return;
    }
    if (v === null || v === '') return;
    row.cells[col] = v;
    if (kind === 'percent') row.percent[col] = true;
    const z = c.z as string | undefined;
    if (row.styles && z && z !== 'General') {
      let index = formatIndex.get(z);
      if (index === undefined) {
        formatIndex.set(z, (index = formats.length));
        formats.push(z);
      }
      row.styles[col] = index;
    }
  };

  const mergeRanges = (id: string): MergeRange[] => {
    const ws = sheet(id);
    const name = sheets.find((s) => s.id === id)!.name;
    const { rows, columns } = bounds(ws, name);
    const list = ws['!merges'] ?? [];
    if (list.length > LIMITS.mergedRanges) throw new CscheckError('input.limit', limitArgs('mergedRanges', list.length), { file: display, sheet: name });
    // Clipped to the cells the sheet has: a range past them fills nothing.
    const out: MergeRange[] = [];
    for (const m of list) {
      const top = Math.min(m.s.r, m.e.r) + 1;
      const left = Math.min(m.s.c, m.e.c) + 1;
      if (top > rows || left > columns) continue;
      out.push({ top, left, bottom: Math.min(Math.max(m.s.r, m.e.r) + 1, rows), right: Math.min(Math.max(m.s.c, m.e.c) + 1, columns) });
    }
    return out;
  };

  return {
    sheets,
    has: (id) => wb.Sheets[id] !== undefined,
    // The ranges are at hand; the Promise constructor keeps a refusal (too many ranges) a rejection, as the interface has it.
    merges: (id) => new Promise<MergeRange[]>((resolve) => resolve(mergeRanges(id))),
    formats: () => formats,
    async rows(id, onRow, options = {}) {
      const data = sheet(id)['!data'] ?? [];
      let width = 0;
      for (let r = 0; r < data.length; r++) {
        if (r % GATE_ROWS === 0) {
          const wait = options.gate?.();
          if (wait) await wait;
        }
        const cells = data[r];
        if (!cells) continue;
        width = Math.max(width, cells.length);
        const row: SheetRow = options.keepStyles ? { row: r + 1, cells: [], percent: [], styles: [], width } : { row: r + 1, cells: [], percent: [], width };
        for (let c = 0; c < cells.length; c++) if (cells[c]) value(cells[c]!, row, c);
        // Rows without a value are left out, as the streamed reader leaves them out.
        if (row.cells.length && !onRow(row)) return;
      }
    },
  };
}

/** Sheet names as the user sees them: a page with one HTML table opens in Excel as a sheet named after the file. */
function sheetNames(wb: WorkBook, format: LegacyFormat, display: string): string[] {
  if (format === 'html' && wb.SheetNames.length === 1) return [basename(display, extname(display))];
  return wb.SheetNames;
}

async function load<T>(path: string, display: string, format: LegacyFormat, use: (book: WorkbookSource) => Promise<T>): Promise<T> {
  try {
    const wb = await openWorkbook(path, display, format);
    return await use(source(wb, display, sheetNames(wb, format, display)));
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    // SheetJS throws Errors, and in places plain strings.
    const detail = err instanceof Error ? err.message : String(err);
    if (/password-protected|ECMA-376 Encrypted|encryption algorithm/.test(detail)) throw new CscheckError('input.legacy-xls', {}, { file: display }, { cause: err });
    // A compound file SheetJS cannot walk fails deep in its container code (“Major Version: Expected
    // 3 or 4 saw 11068”), or falls through to its zip reader (“Unsupported ZIP encryption”): to the
    // user both say the .xls is damaged; the library's words stay in the cause, for --debug.
    const said = format === 'xls' ? localized('input.legacy-cfb') : detail;
    throw new CscheckError('input.legacy-damaged', { detail: said }, { file: display }, { cause: err });
  }
}

/** readXlsx for a workbook read whole. */
export async function readLegacy(path: string, display: string, format: LegacyFormat, sink: InputSink, options: XlsxOptions = {}): Promise<TableSummary[]> {
  const { readWorkbook } = await import('./xlsx-reader.js');
  return load(path, display, format, (book) => readWorkbook(book, display, sink, options));
}

/** readXlsxTable for a workbook read whole (a task ledger). */
export async function readLegacyTable(path: string, display: string, format: LegacyFormat, sheet?: string): Promise<{ sheet: string; rows: SheetRow[] }> {
  const { readWorkbookTable } = await import('./xlsx-reader.js');
  return load(path, display, format, (book) => readWorkbookTable(book, display, sheet));
}
