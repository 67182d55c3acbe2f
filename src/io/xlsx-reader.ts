// Streaming XLSX reader. The community table is the first sheet or the one named with --sheet;
// any other sheet is read as the township table or the reported-values table when its header
// says so. Merged cells carry the value of their top-left cell.

import type { Level } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import { columnLetter } from '../schema/finding.js';
import type { Header } from './header-detect.js';
import { HEADER_SEARCH_ROWS, detectHeader, detectValuesHeader } from './header-detect.js';
import type { InputSink } from './input-sink.js';
import { RowBuilder } from './row-builder.js';
import type { SheetEcho } from './sheet-echo.js';
import { echoColumns } from './sheet-echo.js';
import type { TableSummary } from './table-summary.js';
import type { Raw } from './values.js';
import type { CellStyles, MergeRange } from './xlsx-package.js';
import { XlsxPackage, damaged } from './xlsx-package.js';
import type { SheetRow } from './xlsx-sheet.js';
import { streamSheet } from './xlsx-sheet.js';
import type { WorkbookSource } from './workbook-source.js';
import { zipProblem } from '../schema/messages.js';

export interface XlsxOptions {
  sheet?: string;
  /** Read only the reported-values table (for --values FILE). */
  valuesOnly?: boolean;
  /** Receives every table's rows as the file has them (the annotated workbook). */
  echo?: SheetEcho;
}

/** A row as read; `original` keeps its cells before merged areas were filled in (for the echo). */
type Cells = SheetRow & { original?: Raw[] };

/** Rows held while the merged ranges are still being read. */
const MERGE_WAIT_ROWS = 20_000;

/**
 * Fills every cell of a merged range with its top-left value, row by row, but only over the sheet's
 * used range: rows that are present, and columns up to `width`, the rightmost cell present. A range
 * reaching past it (A1:XFD1048576) costs no more than the cells there are. Ranges may not overlap
 * (Excel repairs a file where they do by dropping the later one); so does this, which keeps the
 * ranges active on a row within its width.
 */
class MergeFiller {
  private readonly pending: MergeRange[];
  /** The ranges covering the current row, by left column; they are column-disjoint. */
  private readonly active: { m: MergeRange; value: Raw; percent: boolean }[] = [];

  constructor(merges: MergeRange[]) {
    // Popped from the end: by top row, and in file order among ranges on the same row.
    this.pending = [...merges].reverse().sort((a, b) => b.top - a.top);
  }

  fill(r: Cells, width: number): void {
    const active = this.active;
    if (active.length) {
      // Drop the ranges that ended above this row, in place: a merged 乡镇 column keeps one active
      // on nearly every row.
      let kept = 0;
      for (const a of active) if (a.m.bottom >= r.row) active[kept++] = a;
      active.length = kept;
    }
    while (this.pending.length && this.pending[this.pending.length - 1].top <= r.row) {
      const m = this.pending.pop()!;
      if (m.bottom < r.row) continue;
      let at = 0;
      let hi = active.length;
      while (at < hi) {
        const mid = (at + hi) >> 1;
        if (active[mid].m.left < m.left) at = mid + 1;
        else hi = mid;
      }
      if ((at > 0 && active[at - 1].m.right >= m.left) || (at < active.length && active[at].m.left <= m.right)) continue;
      const first = m.top === r.row;
      active.splice(at, 0, { m, value: first ? r.cells[m.left - 1] ?? null : null, percent: first ? r.percent[m.left - 1] ?? false : false });
    }
    for (const a of active) {
      if (a.m.left > width) break;
      const right = Math.min(a.m.right, width);
      for (let c = a.m.left; c <= right; c++) {
        if (r.row === a.m.top && c === a.m.left) continue;
        const v = r.cells[c - 1];
        if (v === undefined || v === null || v === '') {
          r.cells[c - 1] = a.value;
          r.percent[c - 1] = a.percent;
        }
      }
    }
  }
}

/** Merged ranges cut to the columns up to `width` (for the annotated copy of a sheet). */
function clipMerges(merges: MergeRange[], width: number): MergeRange[] {
  return merges.filter((m) => m.left <= width).map((m) => (m.right <= width ? m : { ...m, right: width }));
}

type Role = { kind: 'table'; level: Level; header: Header } | { kind: 'values'; name: number; value: number; headerIndex: number } | null;

/**
 * What a sheet holds, from its first rows. `main`: the sheet named with --sheet, which must be a
 * community table; `find`: the community table is still being looked for (a workbook may open
 * with a 填表说明 sheet), so a community header makes this sheet it; `other`: the township or
 * reported-values table, if the header says so.
 */
function roleOf(head: Cells[], mode: 'main' | 'find' | 'other' | 'values'): Role {
  const rows = head.map((h) => h.cells);
  if (mode !== 'values') {
    const community = detectHeader(rows, 'community');
    if (mode === 'main') return community ? { kind: 'table', level: 'community', header: community } : null;
    if (community) return mode === 'find' ? { kind: 'table', level: 'community', header: community } : null;
    const township = detectHeader(rows, 'township');
    if (township) return { kind: 'table', level: 'township', header: township };
  }
  const values = detectValuesHeader(rows);
  return values ? { kind: 'values', name: values.name, value: values.value, headerIndex: values.row } : null;
}

/** An .xlsx package as a workbook source; the shared strings and styles are read when rows are first asked for. */
async function xlsxSource(pkg: XlsxPackage, display: string): Promise<WorkbookSource> {
  const listed = await pkg.sheets();
  if (!listed.length) throw damaged({ file: display }, 'xlsx.no-sheets');
  const byPath = new Map(listed.map((s) => [s.path, s]));
  let parts: Promise<[string[], CellStyles]> | undefined;
  let styles: CellStyles | undefined;
  return {
    sheets: listed.map((s) => ({ name: s.name, id: s.path })),
    has: (id) => pkg.has(id),
    merges: (id) => pkg.merges(id, byPath.get(id)!.name),
    formats: () => styles?.format ?? [],
    async rows(id, onRow, options) {
      const [shared, st] = await (parts ??= Promise.all([pkg.sharedStrings(), pkg.styles()]));
      styles = st;
      await streamSheet(pkg, byPath.get(id)!, shared, st, onRow, options);
    },
  };
}

export async function readXlsx(path: string, display: string, sink: InputSink, options: XlsxOptions = {}): Promise<TableSummary[]> {
  const pkg = await XlsxPackage.open(path, display);
  try {
    return await readWorkbook(await xlsxSource(pkg, display), display, sink, options);
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('input.corrupt-xlsx', { detail: zipProblem((err as Error).message) }, { file: display }, { cause: err });
  } finally {
    pkg.close();
  }
}

/** Reads the community, township and reported-values tables of any workbook source. */
export async function readWorkbook(book: WorkbookSource, display: string, sink: InputSink, options: XlsxOptions): Promise<TableSummary[]> {
  const sheets = book.sheets;
  const names = sheets.map((s) => s.name);
  if (options.sheet !== undefined && !names.includes(options.sheet)) {
    throw new CscheckError('input.sheet-not-found', { sheet: options.sheet, sheets: names.join('、') }, { file: display });
  }
  // Without --sheet the community table is the first sheet that has one.
  let mainName: string | null = options.valuesOnly ? null : options.sheet ?? '';
  const summaries: TableSummary[] = [];

  for (const sheet of sheets) {
    if (!book.has(sheet.id)) continue;
    const mode = options.valuesOnly ? 'values' : options.sheet !== undefined ? (sheet.name === options.sheet ? 'main' : 'other') : mainName === '' ? 'find' : 'other';
    const isMain = mode === 'main';
    // Merged ranges are listed after the data, so they are read in a second stream that runs
    // alongside this one (zlib inflates both on the thread pool); rows wait for them in a
    // bounded queue.
    let filler: MergeFiller | null = null;
    let mergeList: MergeRange[] = [];
    const merges = book.merges(sheet.id).then((m) => {
      mergeList = m;
      filler = new MergeFiller(m);
    });
    merges.catch(() => undefined);
    const queue: Cells[] = [];
    const ctx = { file: display, sheet: sheet.name };
    const head: Cells[] = [];
    let role: Role | undefined;
    let builder: RowBuilder | null = null;
    let values = 0;
    const echo = options.echo;
    const widths: (number | undefined)[] = [];
    const echoRow = (r: Cells) => echo!.row(r.row, r.original ?? r.cells, r.styles);

    const begin = () => {
      // The header rows are filled once all are read: a merged title or group spans the columns
      // that any of them uses.
      const headWidth = head.length ? head[head.length - 1].width : 0;
      for (const r of head) filler!.fill(r, headWidth);
      role = roleOf(head, mode);
      if (role && role.kind === 'table' && role.level === 'community') mainName = sheet.name;
      if (!role) {
        if (isMain) throw new CscheckError('input.no-header', { rows: Math.min(head.length, HEADER_SEARCH_ROWS) }, ctx);
        return;
      }
      const start = role.kind === 'table' ? role.header.lastRow + 1 : role.headerIndex + 1;
      if (role.kind === 'table') builder = new RowBuilder(role.header, { ...ctx, headerRow: head[role.header.lastRow].row }, sink);
      if (echo) {
        const first = role.kind === 'table' ? role.header.firstRow : role.headerIndex;
        const last = start - 1;
        echo.table({
          ...ctx,
          source: 'xlsx',
          level: role.kind === 'table' ? role.level : 'values',
          headerRows: [head[first].row, head[last].row],
          columns: role.kind === 'table' ? echoColumns(role.header) : head[last].cells.map((c, index) => ({ index, header: c === null || c === undefined ? '' : String(c), type: null })),
          widths,
          // Rows are handled only once the merged ranges are known.
          merges: clipMerges(mergeList, headWidth),
          formats: book.formats(),
        });
        for (let i = 0; i < start; i++) echoRow(head[i]);
      }
      for (let i = start; i < head.length; i++) take(head[i]);
    };
    const take = (r: Cells) => {
      if (!role) return;
      if (role.kind === 'table') builder!.build(r.cells, r.row);
      else {
        const raw = r.cells[role.value];
        const label = r.cells[role.name];
        if (label === null || label === undefined || String(label).trim() === '') {
          if (echo) echoRow(r);
          return;
        }
        values++;
        sink.onReported({
          name: String(label).trim(),
          raw: raw ?? null,
          percentCell: r.percent[role.value] ?? false,
          location: { ...ctx, row: r.row, column: '数值', columnIndex: role.value + 1, cell: `${columnLetter(role.value + 1)}${r.row}` },
        });
      }
      if (echo) echoRow(r);
    };

    const handle = (r: Cells): boolean => {
      if (echo) r.original = r.cells.slice();
      if (role === undefined) {
        head.push(r);
        if (head.length >= HEADER_SEARCH_ROWS) begin();
        return role !== null;
      }
      if (!role) return false;
      filler!.fill(r, r.width);
      take(r);
      return true;
    };
    const drain = (): boolean => {
      let more = true;
      for (const r of queue) if (more) more = handle(r);
      queue.length = 0;
      return more;
    };
    await book.rows(
      sheet.id,
      (r) => {
        if (!filler) {
          queue.push(r);
          return true;
        }
        return (queue.length === 0 || drain()) && handle(r);
      },
      {
        gate: () => (!filler && queue.length >= MERGE_WAIT_ROWS ? merges.then(() => undefined) : echo?.wait?.()),
        keepStyles: echo !== undefined,
        onColumnWidth: echo && ((min, max, width) => {
          for (let c = min; c <= max && c <= 16_384; c++) widths[c - 1] = width;
        }),
      },
    );
    await merges;
    drain();
    if (role === undefined) begin();
    if (isMain && !role) throw new CscheckError('input.no-header', { rows: head.length }, ctx);
    if (echo && role) echo.end();
    const b = builder as RowBuilder | null;
    if (b) {
      if (b.header.level === 'community' && b.rows === 0) throw new CscheckError('input.no-rows', {}, ctx);
      summaries.push({ file: display, sheet: sheet.name, level: b.header.level, rows: b.rows, blankRows: b.blankRows, columns: b.presentFields() });
    } else if (role && role.kind === 'values') {
      summaries.push({ file: display, sheet: sheet.name, level: 'values', rows: values, blankRows: 0, columns: [] });
    }
  }
  if (mainName !== null && !summaries.some((s) => s.sheet === mainName && s.level === 'community')) {
    throw new CscheckError('input.no-header', { rows: HEADER_SEARCH_ROWS }, { file: display, sheet: mainName || names[0] });
  }
  return summaries;
}

/**
 * The rows of one sheet (the first, or `sheet`), merged cells filled, for small tables read whole
 * (a task ledger).
 */
export async function readXlsxTable(path: string, display: string, sheet?: string): Promise<{ sheet: string; rows: SheetRow[] }> {
  const pkg = await XlsxPackage.open(path, display);
  try {
    return await readWorkbookTable(await xlsxSource(pkg, display), display, sheet);
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('input.corrupt-xlsx', { detail: zipProblem((err as Error).message) }, { file: display }, { cause: err });
  } finally {
    pkg.close();
  }
}

/** `readXlsxTable` for any workbook source. */
export async function readWorkbookTable(book: WorkbookSource, display: string, sheet?: string): Promise<{ sheet: string; rows: SheetRow[] }> {
  const sheets = book.sheets.filter((s) => book.has(s.id));
  const part = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!part) throw new CscheckError('input.sheet-not-found', { sheet: sheet ?? '', sheets: sheets.map((s) => s.name).join('、') }, { file: display });
  const merges = await book.merges(part.id);
  const rows: SheetRow[] = [];
  await book.rows(part.id, (r) => {
    rows.push(r);
    return true;
  });
  // Read whole, the table's used range is known before any merged area is filled.
  const filler = new MergeFiller(merges);
  const width = rows.length ? rows[rows.length - 1].width : 0;
  for (const r of rows) filler.fill(r, width);
  return { sheet: part.name, rows };
}
