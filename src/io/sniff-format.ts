// What a spreadsheet file is, from its first bytes rather than its name: offices rename freely, and
// web systems export an HTML table or an XML Spreadsheet 2003 under “.xls”, which Excel opens anyway.

import { isUtf8 } from 'node:buffer';
import { iconv } from './iconv-lazy.js';

/** `xls`: a compound file (BIFF .xls or .et — or an encrypted .xlsx, told apart when it is opened). */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'fods' | 'xml2003' | 'html';
export type InputFormat = SpreadsheetFormat | 'text' | 'binary';

/** Bytes read to decide: enough for an ODS mimetype entry, an XML prolog with its comments, an HTML head. */
export const SNIFF_BYTES = 4096;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: number[]) => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** The markup's opening, whatever its encoding: a BOM picks it, else the bytes are ASCII enough to look at. */
function markupHead(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return iconv().decode(head.subarray(2), 'utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return iconv().decode(head.subarray(2), 'utf16be');
  return head.toString('latin1').replace(/^\xef\xbb\xbf/, '');
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const XML2003_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

/** Bytes read from a zip's end, where its central directory lists the entry names. */
export const ZIP_TAIL_BYTES = 65_536;

export const isZip = (head: Buffer): boolean => startsWith(head, ZIP);

/**
 * `tail`: a zip's last bytes (its central directory). An OpenDocument package should store its
 * `mimetype` entry first (ODF 1.2 §3.3), but not every writer does: a package whose entries include
 * content.xml and META-INF/manifest.xml and no [Content_Types].xml is one too. Any other zip goes to
 * the .xlsx reader, which says what it lacks.
 */
export function sniffFormat(head: Buffer, tail?: Buffer): InputFormat {
  if (startsWith(head, CFB)) return 'xls';
  if (startsWith(head, ZIP)) {
    const text = head.toString('latin1');
    if (text.startsWith('mimetype', 30) && text.includes(ODS_MIME)) return 'ods';
    const names = tail?.toString('latin1') ?? '';
    return !names.includes('[Content_Types].xml') && names.includes('content.xml') && names.includes('META-INF/manifest.xml') ? 'ods' : 'xlsx';
  }
  const text = markupHead(head).trimStart();
  if (text.startsWith('<')) {
    const lower = text.toLowerCase();
    // An XML 2003 workbook's root is <Workbook> in the spreadsheet namespace; Excel's own “web
    // page” export also names office namespaces, but its root is <html>.
    if (lower.includes(XML2003_NS) && /<(?:\w+:)?workbook\b/.test(lower) && !/<html\b/.test(lower)) return 'xml2003';
    if (lower.includes('urn:oasis:names:tc:opendocument:xmlns:office') && /<office:document\b/.test(lower)) return 'fods';
    if (/<(?:!doctype\s+html|html|table|head|body|meta)\b/.test(lower)) return 'html';
  }
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) return 'binary';
  return 'text';
}

/**
 * The text of an HTML or XML workbook: its BOM, else the charset its markup declares (`<meta
 * charset>`, `http-equiv` content, the XML prolog), else UTF-8 when valid, else GB18030 (a
 * superset of GBK and GB2312, as Chinese web systems write it).
 */
export function decodeMarkup(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv().decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv().decode(bytes.subarray(2), 'utf16be');
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const declared = /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  const charset = declared?.toLowerCase();
  if (charset && /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|windows-936)$/.test(charset)) return iconv().decode(bytes, 'gb18030');
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv().encodingExists(charset)) return iconv().decode(bytes, charset);
  // A page that says UTF-8 (or nothing) but is not is GBK in practice: web systems copy the meta tag.
  return isUtf8(bytes) ? bytes.toString('utf8') : iconv().decode(bytes, 'gb18030');
}
