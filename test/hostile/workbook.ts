// Minimal .xlsx packages written part by part, so a test can damage exactly one part: a sheet
// whose cells are inline strings and numbers, optional shared strings, merged ranges, and any part
// replaced, added or left out.

import type { RawDeflate, ZipEntryInput } from './zip.js';
import { zip } from './zip.js';

export type Cell = string | number | null | { ref?: string; v?: string; t?: string; raw?: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `A`, `B`, … `Z`, `AA` for a 0-based column. */
export function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** One cell's XML: strings inline, numbers as numbers; an object gives the XML's fields directly. */
function cellXml(c: Cell, ref: string): string {
  if (c === null) return '';
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
  if (c.raw !== undefined) return c.raw;
  return `<c r="${c.ref ?? ref}"${c.t ? ` t="${c.t}"` : ''}>${c.v !== undefined ? `<v>${c.v}</v>` : ''}</c>`;
}

/** A sheet part from rows of cells (row 1 first). */
export function sheetXml(rows: Cell[][], merges: string[] = [], extra = ''): string {
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((c, j) => cellXml(c, `${colName(j)}${i + 1}`)).join('')}</row>`).join('');
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${body}</sheetData>${mergeXml}${extra}</worksheet>`;
}

export function sharedStringsXml(strings: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
}

export type Part = string | Buffer | { raw: RawDeflate } | ZipEntryInput;

export interface WorkbookSpec {
  sheets: { name: string; part: Part }[];
  sharedStrings?: Part;
  /** Parts by name that replace the generated ones (null: left out). */
  replace?: Record<string, Part | null>;
  /** Entries added at the end. */
  extra?: ZipEntryInput[];
}

function entry(name: string, part: Part): ZipEntryInput {
  if (typeof part === 'string' || Buffer.isBuffer(part)) return { name, data: part };
  if ('raw' in part && !('name' in part)) return { name, raw: part.raw };
  return { ...(part), name };
}

/** The bytes of a workbook. */
export function workbook(spec: WorkbookSpec): Buffer {
  const sheets = spec.sheets;
  const parts: [string, Part][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${spec.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${spec.sharedStrings ? `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ],
    ...sheets.map((s, i): [string, Part] => [`xl/worksheets/sheet${i + 1}.xml`, s.part]),
  ];
  if (spec.sharedStrings) parts.push(['xl/sharedStrings.xml', spec.sharedStrings]);
  const replace = spec.replace ?? {};
  const entries: ZipEntryInput[] = [];
  for (const [name, part] of parts) {
    if (name in replace) {
      const r = replace[name];
      if (r !== null) entries.push(entry(name, r));
    } else entries.push(entry(name, part));
  }
  for (const [name, part] of Object.entries(replace)) if (part !== null && !parts.some(([n]) => n === name)) entries.push(entry(name, part));
  return zip([...entries, ...(spec.extra ?? [])]);
}

/** A workbook of one sheet named 村（社区） holding `rows`. */
export const oneSheet = (rows: Cell[][], merges: string[] = []): Buffer => workbook({ sheets: [{ name: '村（社区）', part: sheetXml(rows, merges) }] });
