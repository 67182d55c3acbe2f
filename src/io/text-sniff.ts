// What a delimited text file is before we parse it: its encoding (UTF-8 with or without BOM,
// UTF-16 with BOM as Excel's “Unicode text”, otherwise GB18030 — a superset of GBK, as Excel on
// Chinese Windows writes it) and its delimiter.

import { isUtf8 } from 'node:buffer';
import { decodeText, decoderFor, iconv } from './iconv-lazy.js';
import { CscheckError } from '../schema/errors.js';

function validUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Do not judge a character cut at the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && sample[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  // Validates without building the text (a fatal TextDecoder accepts exactly the same bytes).
  return isUtf8(sample.subarray(0, end));
}

/**
 * UTF-8 with a few broken bytes rather than another encoding: its multi-byte characters decode as
 * UTF-8 many times more often than not. GBK and GB18030 text decodes as UTF-8 about once in every
 * six to ten non-ASCII characters (the fixtures: 288 against 3,334; random Chinese text: 4,014
 * against 24,392), so four to one leaves a wide margin both ways.
 */
function mostlyUtf8(sample: Buffer): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; ) {
    const b = sample[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= sample.length;
    for (let k = 1; ok && k < n; k++) ok = (sample[i + k] & 0xc0) === 0x80;
    if (ok) {
      const c = sample[i + 1];
      ok = !((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f));
    }
    if (ok) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return valid >= 4 * invalid;
}

/**
 * The encoding of a file from its first bytes. A byte order mark decides, whatever `forced`
 * (--encoding) says: it cannot be there by accident. A file that is UTF-8 but for a few bytes is
 * read as UTF-8, so that the reader names the first broken byte instead of reading the whole file
 * as GB18030 and finding no header.
 */
export function sniffEncoding(sample: Buffer, complete: boolean, forced?: string): { encoding: string; bom: number; named?: boolean } {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (forced) {
    if (!iconv().encodingExists(forced)) throw new CscheckError('input.encoding', { encoding: forced });
    return { encoding: forced, bom: 0, named: true };
  }
  if (sample.includes(0)) throw new CscheckError('input.binary');
  return validUtf8(sample, complete) || mostlyUtf8(sample) ? { encoding: 'utf8', bom: 0 } : { encoding: 'gb18030', bom: 0 };
}

const CANDIDATES = [',', '\t', ';'];

const SNIFF_LINES = 20;

/** The first lines of the text that are not blank (line ends \n or \r\n), without splitting all of it. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start <= text.length) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length + 1 : end + 1;
    if (end < 0) end = text.length;
    else if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push(line);
    start = next;
  }
  return lines;
}

/** The delimiter that splits the sample's lines most consistently (quotes respected). */
export function sniffDelimiter(text: string, fallback = ','): string {
  const lines = firstLines(text, SNIFF_LINES);
  let best = fallback;
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const delim = d.charCodeAt(0);
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      // By code unit: a quote or a delimiter is never half of a surrogate pair.
      for (let i = 0; i < line.length; i++) {
        const ch = line.charCodeAt(i);
        if (ch === 34) quoted = !quoted;
        else if (ch === delim && !quoted) n++;
      }
      return n;
    });
    // Lines that agree with the most common count are the table; title lines are not.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + c);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const SNIFF_PIECE = 8 * 1024;

/**
 * sniffDelimiter of the decoded sample, decoding it piece by piece only until its first lines are
 * whole: those lines, and so the answer, are then what the whole sample would give.
 */
export function sniffSampleDelimiter(sample: Buffer, encoding: string, bom: number, fallback: string): string {
  const decoder = decoderFor(encoding);
  let text = '';
  for (let at = bom; at < sample.length; at += SNIFF_PIECE) {
    text += decoder.write(sample.subarray(at, at + SNIFF_PIECE));
    const whole = text.lastIndexOf('\n');
    if (whole >= 0 && firstLines(text.slice(0, whole), SNIFF_LINES).length === SNIFF_LINES) return sniffDelimiter(text, fallback);
  }
  return sniffDelimiter(text + (decoder.end() ?? ''), fallback);
}

export function decodeSample(sample: Buffer, encoding: string, bom: number): string {
  return decodeText(sample.subarray(bom), encoding);
}
