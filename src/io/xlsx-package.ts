// An .xlsx file is a zip of XML parts. This module opens it once (yauzl) and reads the parts a
// reader needs: the sheet list in workbook order, each sheet's merged ranges, the shared strings
// and which cell styles are percentages or dates. Sheet data itself is streamed by xlsx-sheet.ts.
//
// exceljs' streaming reader does this too, but it skips merged ranges and is slower than reading
// the parts here with a scanner made for them (xlsx-scan.ts; figures in bench/README.md).

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { XmlScanner } from './xlsx-scan.js';
import { CscheckError } from '../schema/errors.js';
import type { Location } from '../schema/finding.js';
import type { LimitName } from '../schema/limits.js';
import { LIMITS, limitArgs } from '../schema/limits.js';
import { localized, zipProblem } from '../schema/messages.js';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetPart {
  name: string;
  path: string;
}

export interface CellStyles {
  percent: boolean[];
  date: boolean[];
  /** Each style's number format code (undefined = General), for writing the cells back. */
  format: (string | undefined)[];
  /** Serial dates count from 1904-01-01 (otherwise from 1900). */
  date1904?: boolean;
}

/** The last row and column a worksheet can have (ECMA-376 18.3.1.13; Excel's 1,048,576 × XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** A damaged-part error: `detail` is one of the xlsx.* messages. */
export function damaged(where: Location, id: Parameters<typeof localized>[0], args: Record<string, unknown> = {}): CscheckError {
  return new CscheckError('input.xlsx-damaged', { detail: localized(id, args) }, where);
}

/** `AB12` or `$AB$12` → its row and column, or null when it is not a cell of a worksheet. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col <= MAX_COL && row <= MAX_ROW ? { row, col } : null;
}

/** A merged range's `ref` (`A1:B2`, reversed corners put in order, or one cell), or null. */
export function decodeRange(ref: string): MergeRange | null {
  const i = ref.indexOf(':');
  const a = decodeRef(i < 0 ? ref : ref.slice(0, i));
  const b = i < 0 ? a : decodeRef(ref.slice(i + 1));
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*>/g;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
// Below this many inflated bytes a part's ratio says nothing: a small, repetitive part (styles, a
// short sheet of empty styled cells) may compress far better than any data does.
const RATIO_FLOOR = 1024 * 1024;
// The scanner holds an unfinished tag or a cell's text whole before the reader measures it; past
// this many times the cell limit it is stopped there (a cell's own check names the cell first).
export const PENDING_TEXT_FACTOR = 8;
// Built-in number formats (ECMA-376 18.8.30): 9, 10 are percentages; 14–22 and 45–47 dates.
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
// The codes of the built-in formats a survey export uses (the file names only their ids).
const BUILTIN_CODE: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export class XlsxPackage {
  /** Streams still open, ended by close(): a reader that fails must not leave a part inflating. */
  private readonly open = new Set<Readable>();
  /** Shared strings longer than a cell may be: their index and full length (the table keeps a stub). */
  readonly longStrings = new Map<number, number>();

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly display: string,
  ) {}

  static async open(path: string, display: string): Promise<XlsxPackage> {
    let zip: ZipFile | undefined;
    try {
      zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
      );
      const z = zip;
      // The directory's count is a claim; entries are also counted as they are read.
      if (z.entryCount > LIMITS.xlsxEntries) throw new CscheckError('input.limit', limitArgs('xlsxEntries', z.entryCount), { file: display });
      const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
        const map = new Map<string, Entry>();
        let count = 0;
        z.on('entry', (e: Entry) => {
          if (++count > LIMITS.xlsxEntries) return reject(new CscheckError('input.limit', limitArgs('xlsxEntries', count), { file: display }));
          map.set(e.fileName, e);
          z.readEntry();
        });
        z.on('end', () => resolve(map));
        z.on('error', reject);
        z.readEntry();
      });
      return new XlsxPackage(z, entries, display);
    } catch (err) {
      zip?.close();
      if (err instanceof CscheckError) throw err;
      throw new CscheckError('input.corrupt-xlsx', { detail: zipProblem((err as Error).message) }, { file: display }, { cause: err });
    }
  }

  close(): void {
    for (const s of this.open) s.destroy();
    this.zip.close();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * A part as a stream of text (or of bytes), inflated as it is read. The inflated bytes are
   * counted as they come, against the part's limit, against the size the header states and, past
   * RATIO_FLOOR, against the compressed bytes read so far: a zip bomb stops within its first
   * megabytes, whatever its headers say. `sheet` names the sheet the part is, for the error.
   */
  async stream(name: string, text = true, sheet?: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new CscheckError('input.corrupt-xlsx', { detail: `${name} missing` }, { file: this.display });
    const where: Location = sheet === undefined ? { file: this.display } : { file: this.display, sheet };
    const capName: LimitName = name === SHARED_STRINGS ? 'sharedStringsBytes' : 'xlsxPartBytes';
    const cap = LIMITS[capName];
    const declared = entry.uncompressedSize;
    if (declared > cap) throw new CscheckError('input.limit', limitArgs(capName, declared), where);
    const method = entry.compressionMethod;
    if (entry.isEncrypted() || (method !== 0 && method !== 8)) throw damaged(where, 'xlsx.part-method', { part: name });
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, { decodeFileData: false }, (err, st) => (err ? reject(err) : resolve(st))),
    );
    let packed = 0;
    let inflated = 0;
    raw.on('data', (chunk: Buffer) => {
      packed += chunk.length;
    });
    const ratio = LIMITS.xlsxRatio;
    // A deep buffer lets zlib inflate ahead on the thread pool while the parser works.
    const guard = new Transform({
      highWaterMark: 1 << 20,
      transform(chunk: Buffer, _enc, done) {
        inflated += chunk.length;
        if (inflated > cap) return done(new CscheckError('input.limit', limitArgs(capName, inflated), where));
        if (inflated > RATIO_FLOOR && inflated > ratio * packed) return done(new CscheckError('input.limit', limitArgs('xlsxRatio', Math.floor(inflated / packed)), where));
        if (inflated > declared) return done(damaged(where, 'xlsx.part-size', { part: name, size: declared }));
        done(null, chunk);
      },
      flush(done) {
        done(inflated === declared ? null : damaged(where, 'xlsx.part-size', { part: name, size: declared }));
      },
    });
    const fail = (err: Error) => {
      if (!guard.destroyed) guard.destroy(err);
    };
    raw.on('error', fail);
    // Larger output chunks than zlib's 16 KiB: fewer callbacks, and fewer chunk ends for a reader to
    // carry an unfinished tag over.
    const inflate = method === 8 ? zlib.createInflateRaw({ chunkSize: 64 * 1024 }) : null;
    if (inflate) raw.pipe(inflate.on('error', fail)).pipe(guard);
    else raw.pipe(guard);
    // A reader that stops early (or fails) destroys `guard`. The file's read stream is then not
    // destroyed but unpiped and read to its end, the compressed bytes dropped: destroying it while
    // another part's read waits behind it makes yauzl's reader use a closed stream's file
    // descriptor (a TypeError no one can catch), and left paused it would keep the file open.
    guard.on('close', () => {
      if (inflate) {
        raw.unpipe(inflate);
        inflate.destroy();
      } else raw.unpipe(guard);
      if (!raw.readableEnded) raw.resume();
    });
    this.open.add(guard);
    guard.on('close', () => this.open.delete(guard));
    if (text) guard.setEncoding('utf8');
    return guard;
  }

  private async text(name: string): Promise<string> {
    let out = '';
    for await (const chunk of await this.stream(name)) out += chunk;
    return out;
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  async date1904(): Promise<boolean> {
    const wb = this.has('xl/workbook.xml') ? await this.text('xl/workbook.xml') : '';
    const tag = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wb)?.[0] ?? '';
    const v = attr(tag, 'date1904');
    return v === '1' || v === 'true';
  }

  /** Sheets in workbook order. */
  async sheets(): Promise<SheetPart[]> {
    if (!this.has('xl/workbook.xml') || !this.has('xl/_rels/workbook.xml.rels')) {
      throw new CscheckError('input.corrupt-xlsx', { detail: 'xl/workbook.xml missing' }, { file: this.display });
    }
    const targets = new Map<string, string>();
    for (const tag of (await this.text('xl/_rels/workbook.xml.rels')).match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
    const sheets: SheetPart[] = [];
    for (const tag of (await this.text('xl/workbook.xml')).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      const rid = attr(tag, 'r:id') ?? attr(tag, 'id');
      const path = (rid && targets.get(rid)) || '';
      sheets.push({ name: xmlUnescape(attr(tag, 'name') ?? ''), path });
    }
    return sheets;
  }

  /**
   * <mergeCell> ranges sit after the data in a sheet's XML: one pass over the inflated bytes finds
   * them (searched as bytes: decoding the whole sheet to text here would double the work). A ref
   * that is not a range of cells is damage; reversed corners (B5:A1) are put in order.
   */
  async merges(path: string, sheet: string): Promise<MergeRange[]> {
    const where = { file: this.display, sheet };
    const merges: MergeRange[] = [];
    const needle = Buffer.from('mergeCell');
    let tail: Buffer = Buffer.alloc(0);
    const stream = await this.stream(path, false, sheet);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      if (bytes.indexOf(needle) < 0) {
        tail = bytes.subarray(Math.max(0, bytes.length - 200));
        continue;
      }
      const text = bytes.toString('utf8');
      MERGE.lastIndex = 0;
      let consumed = 0;
      let m: RegExpExecArray | null;
      while ((m = MERGE.exec(text))) {
        const ref = xmlUnescape(attr(m[0], 'ref') ?? '');
        const range = decodeRange(ref);
        if (!range) throw damaged(where, 'xlsx.merge-ref', { ref: ref.length > 40 ? `${ref.slice(0, 40)}…` : ref });
        if (merges.length >= LIMITS.mergedRanges) throw new CscheckError('input.limit', limitArgs('mergedRanges'), where);
        merges.push(range);
        consumed = MERGE.lastIndex;
      }
      // Keep an unfinished tag (from its '<') for the next chunk.
      const open = text.lastIndexOf('<');
      const keep = open >= consumed && text.length - open < 4096 ? open : Math.max(consumed, text.length - 200);
      tail = Buffer.from(text.slice(keep));
    }
    return merges;
  }

  /**
   * The shared strings table; rich text runs are joined, phonetic runs (<rPh>) left out. A string
   * longer than a cell may hold is kept as a stub one character over the limit, its length noted
   * in longStrings: it is an error only if a cell uses it.
   */
  async sharedStrings(): Promise<string[]> {
    if (!this.has(SHARED_STRINGS)) return [];
    const strings: string[] = [];
    const where = { file: this.display };
    const maxChars = LIMITS.cellChars;
    let current = '';
    let length = 0;
    let phonetic = 0;
    const scanner: XmlScanner = new XmlScanner(
      {
        open: (name) => {
          if (name === 'si') {
            current = '';
            length = 0;
          } else if (name === 't') scanner.capture = phonetic === 0;
          else if (name === 'rPh') phonetic++;
        },
        close: (name) => {
          if (name === 'si') {
            if (strings.length >= LIMITS.sharedStrings) throw new CscheckError('input.limit', limitArgs('sharedStrings'), where);
            if (length > maxChars) this.longStrings.set(strings.length, length);
            strings.push(current);
          } else if (name === 't') {
            if (scanner.capture) {
              const text = scanner.take();
              length += text.length;
              if (current.length <= maxChars) current = (current + text).slice(0, maxChars + 1);
            }
            scanner.capture = false;
          } else if (name === 'rPh') phonetic--;
        },
      },
      PENDING_TEXT_FACTOR * maxChars,
      (n) => tooLong(n, where),
    );
    await scan(scanner, await this.stream(SHARED_STRINGS));
    return strings;
  }

  /** For each cell style index (the `s` attribute), whether it formats a percentage or a date. */
  async styles(): Promise<CellStyles> {
    const date1904 = await this.date1904();
    if (!this.has('xl/styles.xml')) return { percent: [], date: [], format: [], date1904 };
    const xml = await this.text('xl/styles.xml');
    const custom = new Map<number, string>();
    for (const tag of xml.match(/<(?:\w+:)?numFmt\b[^>]*>/g) ?? []) {
      custom.set(Number(attr(tag, 'numFmtId')), xmlUnescape(attr(tag, 'formatCode') ?? ''));
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
    const percent: boolean[] = [];
    const date: boolean[] = [];
    const format: (string | undefined)[] = [];
    for (const tag of xfs.match(/<(?:\w+:)?xf\b[^>]*>/g) ?? []) {
      const id = Number(attr(tag, 'numFmtId') ?? 0);
      format.push(custom.get(id) ?? BUILTIN_CODE[id]);
      const code = custom.get(id)?.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '') ?? '';
      percent.push(BUILTIN_PERCENT.has(id) || code.includes('%'));
      date.push(BUILTIN_DATE.has(id) || (custom.has(id) && /[ymdhs]/i.test(code) && !code.includes('%')));
    }
    return { percent, date, format, date1904 };
  }
}

/** Streams text into a scanner until `stop` says so; `gate` may hold the next chunk back. */
export async function scan(scanner: XmlScanner, stream: Readable, stop?: () => boolean, gate?: () => Promise<void> | undefined): Promise<void> {
  for await (const chunk of stream) {
    const wait = gate?.();
    if (wait) await wait;
    scanner.write(chunk as string);
    if (stop?.()) {
      stream.destroy();
      return;
    }
  }
  scanner.end();
}

/** The error for text longer than a cell may hold. */
export function tooLong(length: number, where: Location): never {
  throw new CscheckError('input.limit', limitArgs('cellChars', length), where);
}
