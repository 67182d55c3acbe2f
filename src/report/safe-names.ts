// Where `cscheck batch` writes the report of each input: the input's path relative to the root it
// was found under, mirrored inside the report directory with the extension dropped
// (泉州市/洛江区/万安街道.csv → 泉州市/洛江区/万安街道.json). Input names come from other people's
// folders, so every segment is made safe for every file system the reports may be copied to
// (Windows included) and can never lead out of the report directory; Chinese names stay as written.

import { extname } from 'node:path';

/** Output extensions a stem gets (the JSON report, the annotated workbook, an HTML page). */
export const OUTPUT_EXTENSIONS = ['.json', '.xlsx', '.html'] as const;

/** Stems the batch summary uses at the top of the report directory (summary.json, index.html, …). */
export const RESERVED_STEMS = ['summary', 'index'] as const;

// Characters Windows refuses in a name, the path separators, and control characters (NUL included).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
/** Device names Windows reserves in every folder, with or without an extension. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/**
 * Most file systems allow 255 bytes a name; a CJK character takes 3 in UTF-8. This leaves room
 * for a collision suffix (-NN) and the longest output extension.
 */
const SEGMENT_BYTES = 200;

function cutToBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** One path segment made safe: never empty, `.` or `..`, hidden, a device name, or over-long. */
export function safeSegment(segment: string): string {
  // Windows drops trailing dots and spaces itself, which would make two names one.
  const strip = (s: string) => s.trim().replace(/[. ]+$/, '');
  let s = strip(cutToBytes(strip(segment.normalize('NFC').replace(UNSAFE, '_')), SEGMENT_BYTES));
  if (s === '') return '_';
  if (s.startsWith('.')) s = `_${s.slice(1)}`;
  if (DEVICE.test(s)) s = `_${s}`;
  return s;
}

/**
 * The stem (path without extension, `/`-separated) of the reports for an input given by its path
 * relative to its root. Absolute paths, drive letters and `..` lose their meaning: the result is
 * always a relative path of safe segments.
 */
export function reportStem(relativePath: string): string {
  const parts = relativePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (!parts.length) return '_';
  const last = parts.length - 1;
  const ext = extname(parts[last]);
  if (ext && ext !== parts[last]) parts[last] = parts[last].slice(0, -ext.length);
  return parts
    .map((p, i) => {
      const s = safeSegment(p);
      // A folder named like an output (万安街道.json/) would clash with the report of 万安街道.csv.
      return i < last && OUTPUT_EXTENSIONS.some((e) => s.toLowerCase().endsWith(e)) ? `${s}_` : s;
    })
    .join('/');
}

/**
 * Hands out stems unique among themselves and the reserved names, compared as a case-insensitive
 * file system (Windows, macOS) compares them: a taken stem gets -2, -3, … on its last segment.
 * Claims are made in the inputs' sorted order, so a run always gives the same names.
 */
export class ReportNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = RESERVED_STEMS) {
    for (const r of reserved) this.taken.add(ReportNames.key(r));
  }

  private static key(stem: string): string {
    return stem.normalize('NFC').toLowerCase();
  }

  claim(stem: string): string {
    let candidate = stem;
    for (let n = 2; this.taken.has(ReportNames.key(candidate)); n++) candidate = `${stem}-${n}`;
    this.taken.add(ReportNames.key(candidate));
    return candidate;
  }
}
