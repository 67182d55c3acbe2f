// An .xlsx file is a zip of XML parts. This module opens it once (yauzl) and reads the parts a
// reader needs: the sheet list in workbook order, each sheet's merged ranges, the shared strings
// and which cell styles are percentages or dates. Sheet data itself is streamed by xlsx-sheet.ts.
//
// exceljs' streaming reader does this too, but it skips merged ranges and took 6.2–6.9 s for a
// 100,000-row sheet on this machine before any of our work; saxes (the XML parser exceljs uses)
// on the same sheet takes 2.9 s. The 6 s bar for 100,000 rows needs the difference.

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { CscheckError } from '../schema/errors.js';

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

/** A tag's name without its namespace prefix (`x:c` → `c`). */
export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The 1-based column of a cell reference (`AB12` → 28), read from its letters only. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

export function decodeRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue; // $
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return { row: Number(ref.slice(i).replace('$', '')), col };
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z$]+\d+):([A-Z$]+\d+)"/g;
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
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly display: string,
  ) {}

  static async open(path: string, display: string): Promise<XlsxPackage> {
    let zip: ZipFile | undefined;
    try {
      zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z!))),
      );
      const z = zip;
      const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
        const map = new Map<string, Entry>();
        z.on('entry', (e: Entry) => {
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
      throw new CscheckError('input.corrupt-xlsx', { detail: (err as Error).message }, { file: display }, { cause: err });
    }
  }

  close(): void {
    this.zip.close();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part as a stream of text (or of bytes), inflated as it is read. */
  async stream(name: string, text = true): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new CscheckError('input.corrupt-xlsx', { detail: `${name} missing` }, { file: this.display });
    const s = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, (err, st) => (err ? reject(err) : resolve(st!))));
    // A deep buffer lets zlib inflate ahead on the thread pool while the parser works.
    const ahead = s.pipe(new PassThrough({ highWaterMark: 1 << 20 }));
    s.on('error', (err) => ahead.destroy(err));
    // A reader that stops early destroys `ahead`; the zip entry's stream must stop with it, or it
    // keeps the file open.
    ahead.on('close', () => s.destroy());
    if (text) ahead.setEncoding('utf8');
    return ahead;
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
   * them (searched as bytes: decoding the whole sheet to text here would double the work).
   */
  async merges(path: string): Promise<MergeRange[]> {
    const merges: MergeRange[] = [];
    const needle = Buffer.from('mergeCell');
    let tail: Buffer = Buffer.alloc(0);
    const stream = await this.stream(path, false);
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
        const a = decodeRef(m[1]);
        const b = decodeRef(m[2]);
        merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
        consumed = MERGE.lastIndex;
      }
      tail = Buffer.from(text.slice(Math.max(consumed, text.length - 200)));
    }
    return merges;
  }

  /** The shared strings table; rich text runs are joined, phonetic runs (<rPh>) left out. */
  async sharedStrings(): Promise<string[]> {
    const name = this.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
    if (!name) return [];
    const strings: string[] = [];
    const parser = new SaxesParser({ position: false });
    let current = '';
    let inT = false;
    let phonetic = 0;
    parser.on('opentag', (t) => {
      if (localName(t.name) === 'si') current = '';
      else if (localName(t.name) === 't') inT = phonetic === 0;
      else if (localName(t.name) === 'rPh') phonetic++;
    });
    parser.on('closetag', (t) => {
      if (localName(t.name) === 'si') strings.push(current);
      else if (localName(t.name) === 't') inT = false;
      else if (localName(t.name) === 'rPh') phonetic--;
    });
    parser.on('text', (text) => {
      if (inT) current += text;
    });
    await feed(parser, await this.stream(name));
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

/** Streams text into a SAX parser until `stop` says so; `gate` may hold the next chunk back. */
export async function feed(parser: SaxesParser, stream: Readable, stop?: () => boolean, gate?: () => Promise<void> | undefined): Promise<void> {
  for await (const chunk of stream) {
    const wait = gate?.();
    if (wait) await wait;
    parser.write(chunk as string);
    if (stop?.()) {
      stream.destroy();
      return;
    }
  }
  parser.close();
}
