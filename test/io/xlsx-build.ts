// A workbook written byte by byte, for tests that need one no spreadsheet library would write:
// damaged refs, merged ranges past the sheet, parts whose headers lie, zip bombs. The zip is the
// plain PKZIP layout (local headers, central directory, end record); nothing here reads zips.

import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's bytes (deflated here), or `deflated` given ready with its `size`. */
  data?: string | Buffer;
  /** A raw deflate stream to store as it is. */
  deflated?: Buffer;
  /** The uncompressed size the headers state (default: the real one; needed with `deflated`). */
  size?: number;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = p.data === undefined ? undefined : Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const body = p.deflated ?? zlib.deflateRawSync(raw!);
    const size = p.size ?? raw!.length;
    // The CRC is not checked by readers that stream (nor by cscheck); a bomb's is left 0.
    const crc = raw ? zlib.crc32(raw) >>> 0 : 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    locals.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A raw deflate stream of `head`, then `block` `times` over, then `tail`, built without inflating
 * it: `block` is deflated once and its (independent, non-final) blocks repeated. Returns the stream
 * and the size it inflates to.
 */
export function repeatedDeflate(head: string, block: string, times: number, tail: string): { deflated: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const first = zlib.deflateRawSync(Buffer.from(head), flush);
  const one = zlib.deflateRawSync(Buffer.from(block), flush);
  const last = zlib.deflateRawSync(Buffer.from(tail));
  return { deflated: Buffer.concat([first, ...Array<Buffer>(times).fill(one), last]), size: Buffer.byteLength(head) + Buffer.byteLength(block) * times + Buffer.byteLength(tail) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell: numbers as numbers, text inline; `ref` as the file should have it. */
export const cell = (ref: string, v: string | number): string =>
  typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;

/** A worksheet from rows of cells (A1 refs made here; null leaves a cell out), plus merged ranges. */
export function sheetXml(rows: (string | number | null)[][], merges: string[] = [], extra = ''): string {
  const body = rows
    .map((cells, i) => {
      const row = i + 1;
      const cs = cells.map((v, c) => (v === null ? '' : cell(`${colName(c + 1)}${row}`, v))).join('');
      return `<row r="${row}">${cs}</row>`;
    })
    .join('');
  const mc = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}${extra}</sheetData>${mc}</worksheet>`;
}

export function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface BookSheet {
  name: string;
  /** The worksheet XML, or a part given whole (a bomb). */
  xml?: string;
  part?: Omit<ZipPart, 'name'>;
}

/** The parts of a minimal workbook; `shared` is sharedStrings.xml (XML or a part given whole). */
export function workbookParts(sheets: BookSheet[], shared?: string | Omit<ZipPart, 'name'>): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    },
  ];
  sheets.forEach((s, i) => parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, ...(s.part ?? { data: s.xml }) }));
  if (shared !== undefined) parts.push({ name: 'xl/sharedStrings.xml', ...(typeof shared === 'string' ? { data: shared } : shared) });
  return parts;
}

export const book = (sheets: BookSheet[], shared?: string | Omit<ZipPart, 'name'>): Buffer => zip(workbookParts(sheets, shared));

/** A shared-strings part holding `strings`. */
export const sharedXml = (strings: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${xmlText(s)}</t></si>`).join('')}</sst>`;
