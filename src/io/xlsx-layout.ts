// exceljs' streaming reader skips <mergeCell> elements, and in a sheet's XML they come after the
// data. So before streaming we read the workbook's own layout from the zip: the sheet names in
// order and each sheet's merged ranges (a scan of the inflated XML; nothing is kept but the refs).

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { CscheckError } from '../schema/errors.js';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  name: string;
  path: string;
  merges: MergeRange[];
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip!))),
  );
}

function entries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const map = new Map<string, Entry>();
    zip.on('entry', (e: Entry) => {
      map.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(map));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function scan(zip: ZipFile, entry: Entry, onChunk: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err);
      stream.setEncoding('utf8');
      stream.on('data', onChunk);
      stream.on('end', resolve);
      stream.on('error', reject);
    });
  });
}

async function readText(zip: ZipFile, entry: Entry): Promise<string> {
  let text = '';
  await scan(zip, entry, (t) => (text += t));
  return text;
}

export function decodeRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g;

async function mergesOf(zip: ZipFile, entry: Entry): Promise<MergeRange[]> {
  const merges: MergeRange[] = [];
  let tail = '';
  let seen = false;
  await scan(zip, entry, (chunk) => {
    // Only the end of a sheet holds <mergeCells>; keep a short overlap so a tag split between
    // chunks is still seen.
    const text = tail + chunk;
    if (seen || text.includes('mergeCell')) {
      seen = true;
      MERGE.lastIndex = 0;
      let m: RegExpExecArray | null;
      let consumed = 0;
      while ((m = MERGE.exec(text))) {
        const a = decodeRef(m[1]);
        const b = decodeRef(m[2]);
        merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
        consumed = MERGE.lastIndex;
      }
      tail = text.slice(Math.max(consumed, text.length - 200));
    } else {
      tail = text.slice(-200);
    }
  });
  return merges;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Sheet names in workbook order, with their merged ranges. Throws CscheckError for a bad file. */
export async function readLayout(path: string, display: string): Promise<SheetLayout[]> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw new CscheckError('input.corrupt-xlsx', { detail: (err as Error).message }, { file: display }, { cause: err });
  }
  try {
    const map = await entries(zip);
    const wb = map.get('xl/workbook.xml');
    const rels = map.get('xl/_rels/workbook.xml.rels');
    if (!wb || !rels) throw new CscheckError('input.corrupt-xlsx', { detail: 'xl/workbook.xml missing' }, { file: display });
    const relText = await readText(zip, rels);
    const targets = new Map<string, string>();
    for (const tag of relText.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const wbText = await readText(zip, wb);
    const sheets: SheetLayout[] = [];
    for (const tag of wbText.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      const name = xmlUnescape(attr(tag, 'name') ?? '');
      const rid = attr(tag, 'r:id') ?? attr(tag, 'id');
      const target = rid ? targets.get(rid) : undefined;
      const entry = target ? map.get(target) : undefined;
      sheets.push({ name, path: target ?? '', merges: entry ? await mergesOf(zip, entry) : [] });
    }
    return sheets;
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('input.corrupt-xlsx', { detail: (err as Error).message }, { file: display }, { cause: err });
  } finally {
    zip.close();
  }
}
